"""Geography and organisations: region → municipality → organisation."""
import enum
import re

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, select
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..core.models import TimestampMixin, string_enum
from ..core.workflow import Step, Workflow, declare
from ..extensions import db
from ..vocabularies.models import Term


class Region(db.Model):
    __tablename__ = "region"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_en: Mapped[str | None] = mapped_column(String(200))

    municipalities: Mapped[list["Municipality"]] = relationship(
        back_populates="region", order_by="Municipality.name"
    )


class Municipality(db.Model):
    __tablename__ = "municipality"
    __table_args__ = (UniqueConstraint("region_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))

    region: Mapped[Region] = relationship(back_populates="municipalities")
    organisations: Mapped[list["Organisation"]] = relationship(back_populates="municipality")


class OrganisationStatus(enum.StrEnum):
    APPROVED = "approved"
    # Proposed by a registering participant ("my organisation is not listed"); public once a moderator approves.
    PROPOSED = "proposed"


class Organisation(TimestampMixin, db.Model):
    __tablename__ = "organisation"
    __table_args__ = (UniqueConstraint("municipality_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(400))
    short_name: Mapped[str | None] = mapped_column(String(200))
    kind_id: Mapped[int] = mapped_column(ForeignKey("vocabulary_term.id"), index=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipality.id"), index=True)
    website: Mapped[str | None] = mapped_column(String(300))
    # The public page its curator keeps (curation/): what the school offers, in plain text, and how to reach
    # the school as an institution. Never a person's contacts: those are personal data (DESIGN §2).
    description: Mapped[str | None] = mapped_column(Text)
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(50))
    address: Mapped[str | None] = mapped_column(String(500))
    # стажировочная площадка: an organisation that hosts internships for others.
    is_training_ground: Mapped[bool] = mapped_column(default=False)
    status: Mapped[OrganisationStatus] = mapped_column(
        string_enum(OrganisationStatus, "organisation_status"), default=OrganisationStatus.APPROVED, index=True
    )
    # No foreign key: users point at organisations, and this only records who asked (a user id).
    proposed_by_id: Mapped[int | None]

    kind: Mapped[Term] = relationship(lazy="joined")
    municipality: Mapped[Municipality] = relationship(back_populates="organisations", lazy="joined")

    @property
    def region(self) -> Region:
        return self.municipality.region

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def description_paragraphs(self) -> list[str]:
        """The description as its curator typed it, split into paragraphs at blank lines (plain text: the
        template escapes each one)."""
        text = (self.description or "").replace("\r\n", "\n")
        return [paragraph.strip() for paragraph in re.split(r"\n\s*\n", text) if paragraph.strip()]

    @property
    def has_institutional_contacts(self) -> bool:
        return bool(self.contact_email or self.contact_phone or self.address)

    # The public rule for organisations: proposed ones wait for a moderator. The same test in Python and SQL.
    @hybrid_property
    def is_public(self) -> bool:
        return self.status == OrganisationStatus.APPROVED


def public_organisations():
    """The one query the directory, the organisation pages, the picker, the index and the API start from."""
    return select(Organisation).where(Organisation.is_public)


# A rejected proposal is deleted (moderation/decisions.py), so approval is the one transition; who decided and
# why is kept in the audit log.
ORGANISATION_WORKFLOW = declare(Workflow(
    kind="organisation",
    model=Organisation,
    author_id=lambda organisation: organisation.proposed_by_id,
    stamps_decisions=False,
    steps={(OrganisationStatus.PROPOSED, OrganisationStatus.APPROVED): Step("approve", decision=True)},
))
