"""What the organisations area declares to the app-wide registries (called once by the app factory)."""
from ..core import records
from .models import Organisation


def register() -> None:
    records.register(records.RecordType(
        "organisation", Organisation, "name",
        public=records.Page("organisations.detail", "organisation_id"),
        moderator=records.Page("moderation.organisation", "organisation_id"),
        # Its proposer follows it on their account profile, where the organisation is chosen.
        owner=records.Page("account.profile"),
    ))
