"""What people do with a competition: enter it, admit entries, score them, set and publish results.

Every service flushes only; the request commits once. The server's clock alone (``utcnow``) decides whether
entries are open: nothing a request sends can move it.
"""
from dataclasses import dataclass, field
from statistics import fmean

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select

from ..attachments import attach_all, attachments_of
from ..core.models import utcnow
from ..core.workflow import TransitionRefused, transition
from ..extensions import db
from ..practices.models import Place, practices_of
from ..practices.services import Provenance, create_or_update_from_competition
from . import lifecycle  # noqa: F401  (registers the audit hooks of the workflows)
from .models import (
    SCORE_MAX, SCORE_MIN, Competition, CompetitionStatus, ConflictOfInterest, Criterion, Entry, EntryResult,
    EntryStatus, JuryMember, Nomination, Score,
)

ENTRY_OWNER_KIND = "competition_entry"

# The seeds' (document 003) nominations and criteria, offered for every new competition.
DEFAULT_NOMINATIONS = ("педагог – педагог", "команда – команда", "руководитель – руководитель")
DEFAULT_CRITERIA = (
    ("уникальность и инновационность", 1),
    ("результативность и практическая значимость", 1),
    ("потенциал масштабирования", 1),
)


class CompetitionError(TransitionRefused):
    """A refused action; ``message`` (translated when shown) is shown to the person who tried it."""

    def __init__(self, message):
        Exception.__init__(self, message)  # not str(): a service may refuse outside a request (the demo, a test)
        self.message = message


class EntriesClosed(CompetitionError):
    def __init__(self):
        super().__init__(_l("Entries are closed: nobody can enter or change an entry after the deadline."))


OWN_ORGANISATION = _l("The entry comes from the juror's own organisation.")


# ---- entries -----------------------------------------------------------------------------------------------

ENTRY_FIELDS = ("nomination_id", "title", "description", "organisation_id", "is_team", "team_name",
                "participants", "source_practice_id")


def _check_open(competition: Competition) -> None:
    if not competition.entries_open():
        raise EntriesClosed()


def _check_nomination(competition: Competition, nomination_id) -> None:
    if nomination_id not in {nomination.id for nomination in competition.nominations}:
        raise CompetitionError(_l("Choose one of the competition's nominations."))


def submit_entry(competition: Competition, user, **values) -> Entry:
    """A participant's entry, while entries are open (server time)."""
    _check_open(competition)
    _check_nomination(competition, values.get("nomination_id"))
    entry = Entry(competition=competition, competition_id=competition.id, submitted_by_id=user.id,
                  **{name: values.get(name) for name in ENTRY_FIELDS})
    db.session.add(entry)
    db.session.flush()
    lifecycle.record_entry_event("competition_entry.submit", entry, user)
    return entry


def edit_entry(entry: Entry, user, **values) -> Entry:
    """The author changes their entry, only while entries are open and it waits for a decision."""
    _check_open(entry.competition)
    if entry.submitted_by_id != user.id:
        raise CompetitionError(_l("Only the author of an entry can change it."))
    if entry.status != EntryStatus.SUBMITTED:
        raise CompetitionError(_l("This entry has been decided on and can no longer be changed."))
    _check_nomination(entry.competition, values.get("nomination_id"))
    for name in ENTRY_FIELDS:
        setattr(entry, name, values.get(name))
    db.session.flush()
    lifecycle.record_entry_event("competition_entry.edit", entry, user)
    return entry


def entries_of(user_id: int, competition_id: int | None = None) -> list[Entry]:
    statement = select(Entry).where(Entry.submitted_by_id == user_id).order_by(Entry.created_at.desc())
    if competition_id is not None:
        statement = statement.where(Entry.competition_id == competition_id)
    return list(db.session.scalars(statement))


def decide_entry(entry: Entry, admit: bool, actor, reason: str | None = None) -> None:
    """A moderator admits an entry to the jury or rejects it with a reason (the author sees it)."""
    if entry.competition.status not in (CompetitionStatus.ANNOUNCED, CompetitionStatus.JUDGING):
        raise CompetitionError(_l("Entries are decided on before the results are published."))
    transition(entry, EntryStatus.ADMITTED if admit else EntryStatus.REJECTED, actor, reason)
    if admit:
        declare_own_organisation_conflicts(entry.competition)


def reconsider_entry(entry: Entry, actor) -> None:
    if entry.competition.status == CompetitionStatus.RESULTS:
        raise CompetitionError(_l("The results are published: reopen them first."))
    entry.result = None
    transition(entry, EntryStatus.SUBMITTED, actor)


# ---- jury --------------------------------------------------------------------------------------------------

def set_jury(competition: Competition, members: dict[int, list[int]]) -> None:
    """The jury: user id → the ids of the nominations they judge (all nominations when none is given)."""
    nominations = {nomination.id: nomination for nomination in competition.nominations}
    kept = {member.user_id: member for member in competition.jury}
    for user_id, member in list(kept.items()):
        if user_id not in members:
            competition.jury.remove(member)
    for user_id, nomination_ids in members.items():
        member = kept.get(user_id) or JuryMember(user_id=user_id)
        if member not in competition.jury:
            competition.jury.append(member)
        chosen = [nominations[i] for i in nomination_ids if i in nominations]
        member.nominations = chosen or list(nominations.values())
    db.session.flush()
    declare_own_organisation_conflicts(competition)


def declare_own_organisation_conflicts(competition: Competition) -> None:
    """Each juror's conflict with the entries of their own organisation, declared by the site."""
    for member in competition.jury:
        organisation_id = member.user.organisation_id
        if organisation_id is None:
            continue
        declared = set(db.session.scalars(
            select(ConflictOfInterest.entry_id).where(ConflictOfInterest.juror_id == member.id)))
        own = db.session.scalars(select(Entry.id).where(
            Entry.competition_id == competition.id, Entry.organisation_id == organisation_id,
            Entry.id.not_in(declared) if declared else True))
        for entry_id in own:
            # No reason stored: the pages say it in the reader's language (OWN_ORGANISATION).
            db.session.add(ConflictOfInterest(juror_id=member.id, entry_id=entry_id, automatic=True, reason=""))
    db.session.flush()


def _check_may_judge(member: JuryMember | None, entry: Entry) -> JuryMember:
    if member is None or member.competition_id != entry.competition_id:
        raise CompetitionError(_l("Only the jury of this competition scores its entries."))
    if entry.competition.status != CompetitionStatus.JUDGING:
        raise CompetitionError(_l("Scores are given while the competition is being judged."))
    if entry.status != EntryStatus.ADMITTED or entry.nomination_id not in {n.id for n in member.nominations}:
        raise CompetitionError(_l("This entry is not one you judge."))
    if has_conflict(member, entry):
        raise CompetitionError(_l("You declared a conflict of interest with this entry: you do not score it."))
    return member


def has_conflict(member: JuryMember, entry: Entry) -> bool:
    if member.user.organisation_id is not None and member.user.organisation_id == entry.organisation_id:
        return True  # even before the automatic declaration is stored
    return db.session.scalar(select(ConflictOfInterest.id).where(
        ConflictOfInterest.juror_id == member.id, ConflictOfInterest.entry_id == entry.id)) is not None


def save_scores(member: JuryMember | None, entry: Entry, values: dict[int, int]) -> None:
    """The juror's points for each criterion of the entry's competition (replacing their earlier ones)."""
    _check_may_judge(member, entry)
    criteria = {criterion.id for criterion in entry.competition.criteria}
    if set(values) != criteria:
        raise CompetitionError(_l("Give points for every criterion."))
    if any(not SCORE_MIN <= value <= SCORE_MAX for value in values.values()):
        raise CompetitionError(_l("Points are whole numbers from %(low)d to %(high)d.", low=SCORE_MIN,
                                  high=SCORE_MAX))
    mine = {score.criterion_id: score for score in db.session.scalars(
        select(Score).where(Score.juror_id == member.id, Score.entry_id == entry.id))}
    for criterion_id, value in values.items():
        score = mine.get(criterion_id) or Score(juror_id=member.id, entry_id=entry.id, criterion_id=criterion_id)
        score.value = value
        db.session.add(score)
    db.session.flush()


def declare_conflict(member: JuryMember | None, entry: Entry, reason: str) -> None:
    """Instead of scoring: the juror's own scores of the entry are withdrawn."""
    _check_may_judge(member, entry)
    reason = (reason or "").strip()
    if not reason:
        raise CompetitionError(_l("Write what the conflict of interest is."))
    db.session.execute(delete(Score).where(Score.juror_id == member.id, Score.entry_id == entry.id))
    db.session.add(ConflictOfInterest(juror_id=member.id, entry_id=entry.id, reason=reason))
    db.session.flush()
    lifecycle.record_entry_event("competition_entry.conflict", entry, member.user, reason=reason)


def my_scores(member: JuryMember, entry_ids) -> dict[int, dict[int, int]]:
    """Only the juror's own scores: entry id → criterion id → value (never anyone else's)."""
    found: dict[int, dict[int, int]] = {}
    for score in db.session.scalars(select(Score).where(Score.juror_id == member.id,
                                                         Score.entry_id.in_(list(entry_ids)))):
        found.setdefault(score.entry_id, {})[score.criterion_id] = score.value
    return found


def entries_to_judge(member: JuryMember) -> list[Entry]:
    nomination_ids = [nomination.id for nomination in member.nominations]
    return list(db.session.scalars(select(Entry).where(
        Entry.competition_id == member.competition_id, Entry.status == EntryStatus.ADMITTED,
        Entry.nomination_id.in_(nomination_ids)).order_by(Entry.nomination_id, Entry.id)))


def conflicts_of(member: JuryMember) -> dict[int, ConflictOfInterest]:
    return {conflict.entry_id: conflict for conflict in db.session.scalars(
        select(ConflictOfInterest).where(ConflictOfInterest.juror_id == member.id))}


# ---- standings and results ---------------------------------------------------------------------------------

@dataclass
class Standing:
    """One admitted entry's weighted score across the jurors who scored it fully."""
    entry: Entry
    juror_totals: list[float] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # jurors who should score it and have not finished
    conflicts: int = 0

    @property
    def score(self) -> float | None:
        return round(fmean(self.juror_totals), 2) if self.juror_totals else None

    @property
    def spread(self) -> float | None:
        return round(max(self.juror_totals) - min(self.juror_totals), 2) if self.juror_totals else None


def standings(competition: Competition) -> dict[Nomination, list[Standing]]:
    """Per nomination, its admitted entries best first, with the spread of the jurors' totals and who is
    missing (a conflict is not missing)."""
    weights = {criterion.id: criterion.weight for criterion in competition.criteria}
    total_weight = sum(weights.values()) or 1
    entries = list(db.session.scalars(select(Entry).where(
        Entry.competition_id == competition.id, Entry.status == EntryStatus.ADMITTED).order_by(Entry.id)))
    scores: dict[tuple[int, int], dict[int, int]] = {}
    for score in db.session.scalars(select(Score).join(Entry).where(Entry.competition_id == competition.id)):
        scores.setdefault((score.entry_id, score.juror_id), {})[score.criterion_id] = score.value
    conflicts = set(db.session.execute(select(ConflictOfInterest.entry_id, ConflictOfInterest.juror_id).join(
        Entry).where(Entry.competition_id == competition.id)).tuples())
    result: dict[Nomination, list[Standing]] = {nomination: [] for nomination in competition.nominations}
    for entry in entries:
        standing = Standing(entry)
        for member in competition.jury:
            if entry.nomination_id not in {n.id for n in member.nominations}:
                continue
            own_organisation = member.user.organisation_id == entry.organisation_id
            if (entry.id, member.id) in conflicts or own_organisation:
                standing.conflicts += 1
                continue
            given = scores.get((entry.id, member.id), {})
            if set(given) >= set(weights):
                standing.juror_totals.append(sum(given[c] * w for c, w in weights.items()) / total_weight)
            else:
                standing.missing.append(member.user.full_name)
        result.setdefault(entry.nomination, []).append(standing)
    for ranked in result.values():
        ranked.sort(key=lambda standing: (standing.score is None, -(standing.score or 0), standing.entry.id))
    return result


def set_results(competition: Competition, results: dict[int, EntryResult | None], actor) -> None:
    if competition.status != CompetitionStatus.JUDGING:
        raise CompetitionError(_l("Results are set while the competition is being judged; published results "
                                  "are final unless reopened."))
    entries = {entry.id: entry for entry in db.session.scalars(select(Entry).where(
        Entry.competition_id == competition.id, Entry.status == EntryStatus.ADMITTED))}
    for entry_id, result in results.items():
        if entry_id in entries:
            entries[entry_id].result = result
    db.session.flush()


def move_competition(competition: Competition, to: CompetitionStatus, actor, reason: str | None = None) -> None:
    """Announce, start judging, publish results or reopen them (with a reason): the transition table decides."""
    if to == CompetitionStatus.JUDGING and competition.status == CompetitionStatus.ANNOUNCED \
            and utcnow() < competition.entries_close_at:
        raise CompetitionError(_l("Judging starts once entries have closed."))
    if to == CompetitionStatus.RESULTS:
        unset = db.session.scalar(select(Entry.id).where(
            Entry.competition_id == competition.id, Entry.status == EntryStatus.ADMITTED, Entry.result.is_(None)))
        if unset is not None:
            raise CompetitionError(_l("Set a result for every admitted entry before publishing."))
        competition.results_published_at = utcnow()
    transition(competition, to, actor, reason)


# ---- the competition itself --------------------------------------------------------------------------------

def save_competition(competition: Competition | None, *, nominations: list[str],
                     criteria: list[tuple[str, int]], actor, **values) -> Competition:
    """Create or change a competition; nominations are kept by name (one with entries cannot go)."""
    if competition is None:
        competition = Competition(**values)
        db.session.add(competition)
    else:
        for name, value in values.items():
            setattr(competition, name, value)
    kept = {nomination.name: nomination for nomination in competition.nominations}
    for name in set(kept) - set(nominations):
        used = competition.id is not None and db.session.scalar(
            select(Entry.id).where(Entry.nomination_id == kept[name].id).limit(1))
        if used:
            raise CompetitionError(_l("The nomination «%(name)s» has entries and cannot be removed.", name=name))
        competition.nominations.remove(kept[name])
    competition.nominations = [kept.get(name) or Nomination(name=name) for name in dict.fromkeys(nominations)]
    for position, nomination in enumerate(competition.nominations):
        nomination.position = position
    kept_criteria = {criterion.name: criterion for criterion in competition.criteria}
    competition.criteria = [kept_criteria.get(name) or Criterion(name=name) for name, _w in dict(criteria).items()]
    for position, (criterion, weight) in enumerate(zip(competition.criteria, dict(criteria).values())):
        criterion.position, criterion.weight = position, weight
    db.session.flush()
    lifecycle.record_competition_event("competition.save", competition, actor)
    return competition


def practice_choices(user) -> list[tuple[int, str]]:
    """The participant's own practices an entry can be made from."""
    return [(practice.id, practice.title) for practice in practices_of(user.id) if practice.title]


def own_practice_id(user, practice_id: int | None) -> int | None:
    """The practice an entry is made from: only one of the participant's own (a forged id counts as none)."""
    return practice_id if practice_id in {pid for pid, _title in practice_choices(user)} else None


def attach_files(entry: Entry, uploads, user) -> None:
    """The entry's files (checked by content); UploadRefused stores nothing."""
    attach_all(ENTRY_OWNER_KIND, entry.id, uploads, user)


def entry_attachments(entry: Entry):
    return attachments_of(ENTRY_OWNER_KIND, entry.id)


def may_view_entry_files(entry_id: int, user) -> bool:
    """An entry's files: public with the entry; before, to its author, the moderators and its jury."""
    entry = db.session.get(Entry, entry_id)
    if entry is None:
        return False
    if entry.is_public:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_moderator or entry.submitted_by_id == user.id or entry.competition.juror(user) is not None


# ---- winners become practices ------------------------------------------------------------------------------

@lifecycle.on_results_published
def publish_winners_as_practices(competition: Competition, actor) -> None:
    """Each winning entry becomes a published practice (or a new published version of the practice it came
    from), carrying the competition as its provenance."""
    winners = db.session.scalars(select(Entry).where(
        Entry.competition_id == competition.id, Entry.status == EntryStatus.ADMITTED,
        Entry.result.in_([result for result in EntryResult if result.is_winner])).order_by(Entry.id))
    for entry in winners:
        paragraphs = [line.strip() for line in entry.description.splitlines() if line.strip()]
        practice = create_or_update_from_competition(
            title=entry.title, summary=paragraphs[0][:1000] if paragraphs else entry.title,
            body=entry.description, organisation_id=entry.organisation_id,
            authors=[entry.submitted_by] if not entry.is_team else entry.participant_names,
            term_ids=[], year=competition.year,
            provenance=Provenance(competition_id=competition.id, competition_title=competition.title,
                                  nomination=entry.nomination.name, year=competition.year,
                                  place=Place(entry.result.value)),
            attachments_from=(ENTRY_OWNER_KIND, entry.id),
            source_practice_id=entry.practice_id or entry.source_practice_id, actor=actor,
        )
        entry.practice_id = practice.id
    db.session.flush()
