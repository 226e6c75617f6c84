"""Writing checked rows: the places found or created, the mentor found by e-mail and created or updated.

Rows are written in batches, each committed on its own (rolled back for a dry run), so an import never holds the
database for its whole run. The search index follows each commit (search/sync.py), so imported mentors are
findable as soon as the command ends.
"""
import enum
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from flask import current_app
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from ...accounts.models import User
from ...audit.models import record as audit
from ...core.models import utcnow
from ...core.workflow import transition
from ...extensions import db
from .. import lifecycle  # noqa: F401  (registers the audit hooks of the publication below)
from ..models import MentorProfile, ProfileStatus
from .columns import MentorRecord, RowParser, RowRejected, layout_of
from .places import People, Places
from .reading import ImportFileError, Sheet

USER_FIELDS = ("position",)
PROFILE_FIELDS = ("subjects", "experience_years", "achievements", "bio")
# Rows per transaction: small enough that the site's own writes never wait long for the import's.
DEFAULT_BATCH_SIZE = 500
WITHDRAWN_REASON = "наставник сам снял анкету с публикации; импорт не публикует её снова"


def batched(rows: Iterable, size: int) -> Iterator[list]:
    """Lists of up to ``size`` items, read lazily from ``rows``."""
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


class Outcome(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class Rejection:
    row: int
    reasons: list[str]


@dataclass
class Report:
    dry_run: bool
    ignored_headers: list[str] = field(default_factory=list)
    outcomes: Counter = field(default_factory=Counter)
    rejections: list[Rejection] = field(default_factory=list)
    # "region" / "municipality" / "organisation" -> what was created, e.g. «г. Абакан (Республика Хакасия)».
    new_places: dict[str, list[str]] = field(default_factory=dict)


class RegistryImport:
    """One file into db.session in batches: each batch of rows is committed (or, for a dry run, rolled back) on
    its own, so no transaction holds the database for the whole file and the site keeps answering.

    Creating it checks the header (ImportFileError when it will not do), so nothing starts on a bad file.
    ``source`` (the file's name) goes into the audit log with each created or updated profile.
    """

    def __init__(self, sheet: Sheet, source: str, batch_size: int | None = None):
        self.sheet, self.source = sheet, source
        self.layout = layout_of(sheet)
        self.batch_size = batch_size or current_app.config.get("IMPORT_BATCH_SIZE", DEFAULT_BATCH_SIZE)

    def run(self, dry_run: bool = False, on_row: Callable[[], None] | None = None) -> Report:
        session = db.session
        report = Report(dry_run=dry_run, ignored_headers=self.layout.ignored_headers)
        parser = RowParser(self.layout)
        last_written_row = None
        for rows in batched(self.sheet.rows, self.batch_size):
            records = self._checked_records(parser, rows, report, on_row)
            self._save_batch(session, records, report, on_row, last_written_row if not dry_run else None)
            if dry_run:
                session.rollback()  # a dry run writes nothing, and holds no lock beyond one batch
            else:
                session.commit()
                last_written_row = rows[-1][0]
        report.rejections.sort(key=lambda rejection: rejection.row)
        return report

    def _save_batch(self, session: Session, records: list[MentorRecord], report: Report, on_row,
                    last_written_row: int | None) -> None:
        # Looked up per batch: nothing of an earlier (committed or rolled-back) batch is held in memory.
        places, people = Places(session), People(session, [record.email for record in records])
        for record in records:
            try:
                report.outcomes[self._save(session, places, people, record)] += 1
            except RowRejected as rejected:
                report.rejections.append(Rejection(record.row, rejected.reasons))
            except (IntegrityError, DataError) as error:
                # Rows are checked before their batch is written, so this is rare. No savepoint per row to
                # survive it: SQLite's driver turns the release of an outer savepoint into a commit.
                session.rollback()
                if last_written_row is None:
                    outcome = "Импорт отменён, ничего не записано."
                else:
                    outcome = (f"Импорт остановлен: строки до {last_written_row} включительно записаны, "
                               "эта и следующие — нет.")
                raise ImportFileError(f"Строка {record.row}: база данных не приняла её ({error.orig}). "
                                      + outcome) from error
            if on_row:
                on_row()
        for table, names in places.created.items():
            # A dry run rolls each batch back, so a later batch may "create" the same place again.
            known = report.new_places.setdefault(table, [])
            known.extend(name for name in names if name not in known)

    def _checked_records(self, parser: RowParser, rows, report: Report, on_row) -> list[MentorRecord]:
        """Every row of the batch checked before it is written; the rejected ones go straight into the report."""
        records = []
        for number, cells in rows:
            try:
                records.append(parser.parse(number, cells))
            except RowRejected as rejected:
                report.rejections.append(Rejection(number, rejected.reasons))
                if on_row:
                    on_row()
        return records

    def _save(self, session: Session, places: Places, people: People, record: MentorRecord) -> Outcome:
        team_name = record.fields.get("team_name")
        user = people.user(record.email)
        profile = people.own_profile(user, team_name) if user else None
        if profile and profile.status == ProfileStatus.WITHDRAWN:
            raise RowRejected([WITHDRAWN_REASON])
        organisation = places.organisation(record)
        if user is None:
            user = User(email=record.email, full_name=record.full_name)
            people.add_user(user)
        changed = _assign(user, full_name=record.full_name, organisation_id=organisation.id,
                          **_picked(record, USER_FIELDS))
        created = profile is None
        if created:
            profile = MentorProfile(user=user, organisation=organisation, is_team=team_name is not None)
            people.add_profile(profile)
        changed |= _assign(profile, organisation=organisation, **_picked(record, PROFILE_FIELDS))
        if profile.is_team:
            changed |= _assign(profile, team_name=team_name)
        publishing = profile.status != ProfileStatus.APPROVED
        if publishing:
            changed |= _give_consents(profile)
        for vocabulary, terms in record.terms.items():
            if {term.id for term in profile.terms_in(vocabulary)} != {term.id for term in terms}:
                profile.set_terms(vocabulary, terms)
                changed = True
        session.flush()
        outcome = Outcome.CREATED if created else Outcome.UPDATED if changed or publishing else Outcome.UNCHANGED
        source = f"{self.source}, строка {record.row}"
        if publishing:
            # The registry vouches for the mentor: published by the site, audited by the workflow as an import.
            transition(profile, ProfileStatus.APPROVED, None, source, details={"outcome": outcome.value})
        elif outcome != Outcome.UNCHANGED:
            audit("mentor_profile.import", profile, reason=source,
                  details={"outcome": outcome.value})
        return outcome


def _picked(record: MentorRecord, keys: tuple[str, ...]) -> dict:
    return {key: record.fields[key] for key in keys if key in record.fields}


def _assign(target, **values) -> bool:
    """Set the attributes that differ; untouched rows keep their updated_at."""
    changed = False
    for name, value in values.items():
        if getattr(target, name) != value:
            setattr(target, name, value)
            changed = True
    return changed


def _give_consents(profile: MentorProfile) -> bool:
    """The registry vouches for the mentor: their written consents are kept by the region (docs/import.md)."""
    now = utcnow()
    return _assign(profile, mentoring_consent_at=profile.mentoring_consent_at or now,
                   publication_consent_at=profile.publication_consent_at or now)
