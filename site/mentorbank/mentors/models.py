"""The mentor profile (анкета наставника): a person, or a team of an organisation."""
import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table, Text, and_, exists, select
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, aliased, mapped_column, relationship, selectinload

from ..accounts.models import User
from ..core.models import TimestampMixin, string_enum, utcnow
from ..core.workflow import Step, Workflow, declare
from ..extensions import db
from ..organisations.models import Municipality, Organisation
from ..vocabularies.models import Term, Vocabulary


class ProfileStatus(enum.StrEnum):
    DRAFT = "draft"
    PENDING = "pending"
    APPROVED = "approved"
    # Sent back to the author with the moderator's reason (DESIGN §4 calls it so for every moderated type).
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"


# The term groups a mentor profile carries, by the plural name forms and the JSON API use for them.
MENTOR_TERM_GROUPS: dict[str, Vocabulary] = {
    "forms": Vocabulary.FORM,
    "interaction_models": Vocabulary.INTERACTION_MODEL,
    "kinds": Vocabulary.KIND,
    "modes": Vocabulary.MODE,
    "directions": Vocabulary.DIRECTION,
    "tracks": Vocabulary.TRACK,
    "competences": Vocabulary.COMPETENCE,
    "mentee_categories": Vocabulary.MENTEE_CATEGORY,
}

mentor_profile_term = Table(
    "mentor_profile_term",
    db.metadata,
    Column("profile_id", ForeignKey("mentor_profile.id", ondelete="CASCADE"), primary_key=True),
    Column("term_id", ForeignKey("vocabulary_term.id", ondelete="CASCADE"), primary_key=True, index=True),
)


_BLOCKED_AUTHOR = aliased(User)


class MentorProfile(TimestampMixin, db.Model):
    __tablename__ = "mentor_profile"
    __table_args__ = (
        # The invariants the workflow keeps (core/workflow.py), held by the database too.
        # decided_by_id may be NULL for a decision of the site itself (a registry import, the demo): the audit
        # log names the source then; a moderator's decision always stamps it (core/workflow.py).
        CheckConstraint("status <> 'returned' OR length(trim(status_reason)) > 0", name="returned_has_reason"),
        CheckConstraint("status NOT IN ('approved', 'returned') OR decided_at IS NOT NULL", name="decided_is_stamped"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The person, or for a team the person who speaks for it; their e-mail is never public.
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    is_team: Mapped[bool] = mapped_column(default=False)
    team_name: Mapped[str | None] = mapped_column(String(300))

    subjects: Mapped[str | None] = mapped_column(String(500))
    experience_years: Mapped[int | None]
    achievements: Mapped[str | None] = mapped_column(Text)
    bio: Mapped[str | None] = mapped_column(Text)
    capacity: Mapped[int] = mapped_column(default=3)
    accepting_requests: Mapped[bool] = mapped_column(default=True)
    phone: Mapped[str | None] = mapped_column(String(50))

    # The mentor's written voluntary consent to mentor, and the separate consent to publication (152-ФЗ).
    mentoring_consent_at: Mapped[datetime | None]
    publication_consent_at: Mapped[datetime | None]

    status: Mapped[ProfileStatus] = mapped_column(
        string_enum(ProfileStatus, "profile_status"), default=ProfileStatus.DRAFT, index=True
    )
    # The moderator's reason when the profile is returned; shown to the author.
    status_reason: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # A new version of an approved profile waiting for moderation: the approved one stays public meanwhile,
    # and on approval this revision's content is copied onto it. At most one revision per profile.
    revision_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentor_profile.id", ondelete="CASCADE"), unique=True
    )
    published_at: Mapped[datetime | None]
    last_active_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Mentees in the mentor's active mentorships (a group counts its size). Changed only by a compare-and-set
    # UPDATE that keeps it within ``capacity`` (mentoring/), so two accepts at once cannot overfill it.
    active_mentees: Mapped[int] = mapped_column(default=0)
    # Set when the mentor left requests unanswered too long (mentoring's sweep): no new requests reach them
    # until they come back (log in, or answer), which clears it.
    silent_since: Mapped[datetime | None]

    user: Mapped[User] = relationship(lazy="joined", foreign_keys=[user_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    revision_of: Mapped["MentorProfile | None"] = relationship(
        remote_side=[id], back_populates="pending_revision", foreign_keys=[revision_of_id]
    )
    pending_revision: Mapped["MentorProfile | None"] = relationship(
        back_populates="revision_of", foreign_keys=[revision_of_id], uselist=False
    )
    organisation: Mapped[Organisation] = relationship(lazy="joined")
    terms: Mapped[list[Term]] = relationship(secondary=mentor_profile_term, order_by=Term.position)

    @property
    def display_name(self) -> str:
        return self.team_name if self.is_team and self.team_name else self.user.full_name

    @property
    def position(self) -> str | None:
        return None if self.is_team else self.user.position

    # The public rule, the one place that says what a visitor may see: an approved profile (not a revision
    # waiting for moderation) with the consent to publication, whose author is not blocked. In Python for a
    # loaded profile, in SQL for queries (``public_profiles``); both read the same four conditions.
    @hybrid_property
    def is_public(self) -> bool:
        return (self.status == ProfileStatus.APPROVED and self.revision_of_id is None
                and self.publication_consent_at is not None and not self.user.is_blocked)

    @is_public.inplace.expression
    @classmethod
    def _is_public_expression(cls):
        return and_(
            cls.status == ProfileStatus.APPROVED,
            cls.revision_of_id.is_(None),
            cls.publication_consent_at.is_not(None),
            # Correlated (an alias, so it stays so in a query that joins the author too): one primary-key
            # lookup per profile, where "user_id NOT IN (blocked users)" made SQLite scan every account.
            ~exists().where(_BLOCKED_AUTHOR.id == cls.user_id, _BLOCKED_AUTHOR.is_blocked.is_(True)),
        )

    @property
    def subject_list(self) -> list[str]:
        return [s.strip() for s in (self.subjects or "").split(";") if s.strip()]

    def terms_in(self, vocabulary: Vocabulary) -> list[Term]:
        return [term for term in self.terms if term.vocabulary == vocabulary]

    def set_terms(self, vocabulary: Vocabulary, terms: list[Term]) -> None:
        """Replace this profile's terms of one vocabulary, keeping the others."""
        self.terms = [t for t in self.terms if t.vocabulary != vocabulary] + list(terms)

    def contacts_visible_to(self, viewer) -> bool:
        """A mentor's e-mail and phone are never public (DESIGN §2): only moderators (admins too) and the
        curators of the mentor's organisation, and whoever an area grants (the mentor's accepted mentees)."""
        if not getattr(viewer, "is_authenticated", False):
            return False
        return (viewer.is_moderator or viewer.is_curator_of(self.organisation_id)
                or any(grant(self, viewer) for grant in _CONTACT_GRANTS))

    @property
    def free_places(self) -> int:
        return max(self.capacity - (self.active_mentees or 0), 0)

    @hybrid_property
    def takes_requests(self) -> bool:
        """Whether a new request may reach this mentor now: accepting, not full, not paused for silence (what
        the card's badge, the profile and the "accepting" facet say)."""
        return self.accepting_requests and self.silent_since is None and self.free_places > 0

    @takes_requests.inplace.expression
    @classmethod
    def _takes_requests_expression(cls):
        return and_(cls.accepting_requests.is_(True), cls.silent_since.is_(None), cls.active_mentees < cls.capacity)


# Who else may see a mentor's contacts, registered by the areas that know (mentoring: the mentor's accepted
# mentees). A grant is a function of (profile, logged-in viewer) → bool.
_CONTACT_GRANTS: list = []


def register_contact_grant(grant) -> None:
    _CONTACT_GRANTS.append(grant)


_S = ProfileStatus
# The regional registry vouches for the mentor (mentors/importer): the site publishes without a moderator.
_IMPORT = Step("import", decision=True, site_only=True)
PROFILE_WORKFLOW = declare(Workflow(
    kind="mentor_profile",
    model=MentorProfile,
    author_id=lambda profile: profile.user_id,
    steps={
        **{(before, _S.PENDING): Step("submit") for before in (_S.DRAFT, _S.RETURNED, _S.WITHDRAWN)},
        # The author changes a profile that waits: it leaves the queue until submitted again.
        (_S.PENDING, _S.DRAFT): Step("reopen"),
        (_S.PENDING, _S.APPROVED): (Step("approve", decision=True), _IMPORT),
        (_S.PENDING, _S.RETURNED): Step("return", decision=True, needs_reason=True),
        **{(before, _S.WITHDRAWN): Step("withdraw") for before in (_S.DRAFT, _S.PENDING, _S.RETURNED, _S.APPROVED)},
        (_S.DRAFT, _S.APPROVED): _IMPORT,
        (_S.RETURNED, _S.APPROVED): _IMPORT,
    },
))


def public_profiles():
    """The one query every public page, the index, the API and the home counters start from."""
    return (
        select(MentorProfile)
        .where(MentorProfile.is_public)
        .options(
            selectinload(MentorProfile.terms),
            selectinload(MentorProfile.organisation)
            .joinedload(Organisation.municipality)
            .joinedload(Municipality.region),
        )
    )


def get_public_profile_or_404(profile_id: int) -> MentorProfile:
    return db.first_or_404(public_profiles().where(MentorProfile.id == profile_id))


def profiles_of(user_id: int) -> list[MentorProfile]:
    """A person's own profiles (personal and team), oldest first; their revisions hang on pending_revision."""
    return list(db.session.scalars(
        select(MentorProfile)
        .where(MentorProfile.user_id == user_id, MentorProfile.revision_of_id.is_(None))
        .options(selectinload(MentorProfile.pending_revision))
        .order_by(MentorProfile.created_at, MentorProfile.id)
    ))
