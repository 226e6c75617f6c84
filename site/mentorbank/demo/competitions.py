"""Demo competitions «Эффективные практики наставничества» (source document 003): past years with published
results (their winners become practices), and this year's competition open for entries with a jury.

Deterministic: the same seed gives the same competitions, entries, scores and results. Built through the
competitions' services in the app's session (the winners' practices come from the practices area's contract),
after the rest of the demo bank is committed."""
import random
from datetime import date, datetime, timedelta

from sqlalchemy import select

from ..accounts.models import User
from ..competitions import services
from ..competitions.models import (
    Competition, CompetitionLevel, CompetitionStatus, ConflictOfInterest, Entry, EntryResult, EntryStatus, Score,
)
from ..core.models import utcnow
from ..core.workflow import transition
from ..extensions import db
from ..mentors.models import MentorProfile, ProfileStatus

RULES = """\
## Цель конкурса

Выявление и распространение эффективных практик наставничества педагогических работников образовательных
организаций региона в рамках целевой модели наставничества.

## Участники

Педагоги, команды и руководители образовательных организаций. Заявку подаёт участник или представитель
команды через личный кабинет открытого банка наставников.

## Номинации

- практика наставничества по форме «педагог – педагог»;
- практика наставничества по форме «команда – команда»;
- практика наставничества по форме «руководитель – руководитель».

## Критерии оценки

Каждый член жюри оценивает допущенные заявки своих номинаций от 0 до 10 баллов по критериям: уникальность и
инновационность; результативность и практическая значимость; потенциал масштабирования. Член жюри, связанный с
заявкой (в том числе работающий в той же организации), заявляет о конфликте интересов и её не оценивает.

## Итоги

Победители (1–3 места) и лауреаты получают дипломы; их практики публикуются в банке практик.
"""

PRACTICE_SUBJECTS = [
    "адаптации молодого учителя", "школы молодого педагога", "наставничества в сельской малокомплектной школе",
    "сопровождения педагога в новой должности", "реверсивного наставничества в цифровой среде",
    "группового наставничества методического объединения", "сетевого наставничества «школа — школе»",
    "наставничества при подготовке к аттестации", "наставничества в инклюзивном классе",
    "виртуального наставничества для педагогов отдалённых школ", "управленческой команды-наставника",
    "наставничества по функциональной грамотности",
]
PRACTICE_FORMS = ["Практика", "Модель", "Программа", "Проект", "Технология"]
DESCRIPTION = (
    "Практика {subject} реализуется в {organisation} с {since} года.\n"
    "Наставник и наставляемый составляют индивидуальный план развития, посещают уроки друг друга, "
    "разбирают трудные ситуации и вместе готовят открытые занятия.\n"
    "Результаты: {result}.\n"
    "Практику можно перенести в другую организацию: в приложении — план, формы анкет и методические рекомендации."
)
RESULTS = [
    "все молодые специалисты остались работать в школе после первого года",
    "доля педагогов с первой и высшей категорией выросла на треть",
    "педагоги провели двенадцать открытых уроков для коллег района",
    "наставляемые стали призёрами муниципального конкурса профессионального мастерства",
]

PAST = [  # (year, results published on) — the seeds' contest was held in November
    (2024, date(2024, 12, 10)),
    (2025, date(2025, 12, 9)),
]
PODIUM = [EntryResult.FIRST, EntryResult.SECOND, EntryResult.THIRD, EntryResult.LAUREATE]


def create_demo_competitions(moderator: User | None, seed: int = 2026, past_years: int = len(PAST)) -> list[Competition]:
    """The past competitions with published results and the open one; flushes, the caller commits.
    ``past_years`` beyond the demo's two (the benchmark's regional scale) go further back, one a year."""
    rng = random.Random(seed)
    authors = _authors(rng)
    if len(authors) < 16:
        return []
    past = PAST[-past_years:] if past_years <= len(PAST) else [
        (year, date(year, 12, 10)) for year in range(PAST[-1][0] - past_years + 1, PAST[0][0])] + PAST
    competitions = [_past_competition(year, published_on, moderator, authors, rng) for year, published_on in past]
    competitions.append(_open_competition(moderator, authors, rng))
    db.session.flush()
    return competitions


def _id(user: User | None) -> int | None:
    return user.id if user is not None else None


def _authors(rng: random.Random) -> list[User]:
    """Approved mentors of the demo bank (their profiles then show the recognition), in a seeded order."""
    users = list(db.session.scalars(
        select(User).join(MentorProfile, MentorProfile.user_id == User.id)
        .where(MentorProfile.status == ProfileStatus.APPROVED, MentorProfile.is_team.is_(False))
        .order_by(User.id).limit(200)))
    rng.shuffle(users)
    return users


def _new_competition(year: int, opens: datetime, closes: datetime, moderator: User, results_on=None):
    return services.save_competition(
        None, title=f"Региональный конкурс «Эффективные практики наставничества» — {year}", year=year,
        level=CompetitionLevel.REGIONAL, rules=RULES, entries_open_at=opens, entries_close_at=closes,
        results_on=results_on, nominations=list(services.DEFAULT_NOMINATIONS),
        criteria=list(services.DEFAULT_CRITERIA), actor=moderator,
    )


def _entry(competition: Competition, author: User, nomination_index: int, rng: random.Random,
           submitted_at: datetime) -> Entry:
    subject = rng.choice(PRACTICE_SUBJECTS)
    is_team = nomination_index == 1
    organisation = author.organisation
    entry = Entry(
        competition_id=competition.id, nomination_id=competition.nominations[nomination_index].id,
        submitted_by_id=author.id, organisation_id=organisation.id,
        title=f"{rng.choice(PRACTICE_FORMS)} {subject}",
        description=DESCRIPTION.format(subject=subject, organisation=organisation.name,
                                       since=competition.year - rng.randint(1, 4), result=rng.choice(RESULTS)),
        is_team=is_team, team_name=f"Команда наставников: {organisation.short_name or organisation.name}" if is_team else None,
        participants=author.full_name, created_at=submitted_at, updated_at=submitted_at,
    )
    db.session.add(entry)
    db.session.flush()
    return entry


def _jury(competition: Competition, people: list[User]) -> None:
    services.set_jury(competition, {person.id: [] for person in people})


def _past_competition(year, published_on, moderator, authors, rng) -> Competition:
    opens, closes = datetime(year, 9, 1, 5), datetime(year, 11, 1, 14)
    competition = _new_competition(year, opens, closes, moderator, results_on=published_on)
    transition(competition, CompetitionStatus.ANNOUNCED, moderator)
    entries = [_entry(competition, author, index % 3, rng, opens + timedelta(days=3 + index))
               for index, author in enumerate(rng.sample(authors, 13))]
    competition.status = CompetitionStatus.JUDGING  # the entries' window is past: judged then
    jury = rng.sample([a for a in authors if a not in {e.submitted_by for e in entries}], 3)
    _jury(competition, jury)
    for entry in entries[:-1]:
        entry.status, entry.decided_at, entry.decided_by_id = EntryStatus.ADMITTED, closes, _id(moderator)
    rejected = entries[-1]
    rejected.status, rejected.decided_at, rejected.decided_by_id = EntryStatus.REJECTED, closes, _id(moderator)
    rejected.status_reason = "Работа не соответствует требованиям положения: нет описания результатов."
    services.declare_own_organisation_conflicts(competition)
    _score(competition, entries[:-1], rng)
    for ranked in services.standings(competition).values():
        for place, standing in enumerate(ranked):
            standing.entry.result = PODIUM[place] if place < len(PODIUM) - 1 else (
                EntryResult.LAUREATE if place == len(PODIUM) - 1 else EntryResult.PARTICIPANT)
    services.move_competition(competition, CompetitionStatus.RESULTS, moderator)
    competition.results_published_at = datetime.combine(published_on, datetime.min.time())
    return competition


def _score(competition: Competition, entries: list[Entry], rng: random.Random) -> None:
    conflicts = set(db.session.execute(select(ConflictOfInterest.entry_id, ConflictOfInterest.juror_id)).tuples())
    for member in competition.jury:
        for entry in entries:
            if (entry.id, member.id) in conflicts or member.user.organisation_id == entry.organisation_id:
                continue
            for criterion in competition.criteria:
                db.session.add(Score(juror_id=member.id, entry_id=entry.id, criterion_id=criterion.id,
                                     value=rng.randint(4, 10)))
    db.session.flush()


def _open_competition(moderator, authors, rng) -> Competition:
    now = utcnow().replace(microsecond=0)
    year = now.year
    competition = _new_competition(year, now - timedelta(days=14), now + timedelta(days=30), moderator,
                                   results_on=(now + timedelta(days=60)).date())
    transition(competition, CompetitionStatus.ANNOUNCED, moderator)
    for index, author in enumerate(authors[-4:]):
        services.submit_entry(
            competition, author, nomination_id=competition.nominations[index % 3].id,
            title=f"{rng.choice(PRACTICE_FORMS)} {rng.choice(PRACTICE_SUBJECTS)}",
            description=DESCRIPTION.format(subject=rng.choice(PRACTICE_SUBJECTS), organisation=author.organisation.name,
                                           since=year - 2, result=rng.choice(RESULTS)),
            organisation_id=author.organisation_id, is_team=False, team_name=None, participants=author.full_name,
            source_practice_id=None,
        )
    jurors = [user for user in db.session.scalars(select(User).where(User.email.like("mentor@%")))][:1]
    jurors += authors[12:14]
    _jury(competition, jurors)
    return competition
