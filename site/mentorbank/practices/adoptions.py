"""Adoption (тиражирование): a school records that it took a published practice up, and later what came of it.
Both are public at once on the practice's page, under the name of the school; the audit log keeps who wrote."""
from ..audit.models import record
from ..core.models import utcnow
from ..extensions import db
from .models import Adoption, Practice


def adopt(practice: Practice, user, how: str) -> Adoption:
    adoption = Adoption(practice_id=practice.id, organisation_id=user.organisation_id, user_id=user.id,
                        how=how.strip())
    db.session.add(adoption)
    db.session.flush()
    record("practice.adopt", practice, actor=user, details={"adoption_id": adoption.id,
                                                            "organisation_id": user.organisation_id})
    return adoption


def report_outcome(adoption: Adoption, outcome: str) -> None:
    adoption.outcome, adoption.outcome_at = outcome.strip(), utcnow()
    record("practice.adoption_outcome", adoption.practice, actor=adoption.user,
           details={"adoption_id": adoption.id})
    db.session.flush()
