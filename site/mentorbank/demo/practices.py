"""Demo practices (практики наставничества): a deterministic, realistic set across the demo regions, most
published, some waiting for moderation or returned, some from past contests («Эффективные практики
наставничества»: plain provenance, the competitions link real contests), some adopted by other schools.

Written through the ORM (a few hundred rows): the index follows the caller's rebuild, as for the mentors.
"""
import random
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..core.models import utcnow
from ..mentors.models import MentorProfile, ProfileStatus
from ..organisations.models import Organisation
from ..practices.models import Adoption, Place, Practice, PracticeStatus, PracticeVersion
from ..vocabularies.models import Term, Vocabulary

DEFAULT_SEED = 20261202
UNPUBLISHED_SHARE = 0.08
CONTEST_SHARE = 0.25
ADOPTED_SHARE = 0.3

# A practice's title is a programme name and what it is about; combined they make a few thousand titles.
PROGRAMME_NAMES = (
    "Первые шаги", "Школа молодого педагога", "Вместе к успеху", "Ступени мастерства", "Наставник рядом",
    "Точка роста", "Учитель учителю", "Профессиональный старт", "Открытый урок", "Команда роста",
    "Педагогическая мастерская", "Школа-школе", "Лаборатория наставничества", "Мост поколений",
    "Цифровой наставник", "Клуб молодых учителей", "Маршрут профессионального роста", "Равный равному",
)
SUBJECTS = (
    ("адаптации молодых педагогов в первый год работы", "young", "methodical"),
    ("сопровождения педагогов, вернувшихся после длительного перерыва", "after-break", "psychological-pedagogical"),
    ("освоения цифровых технологий на уроке", "difficulties", "ict"),
    ("подготовки учащихся к олимпиадам", "difficulties", "contests"),
    ("профилактики профессионального выгорания", "difficulties", "burnout"),
    ("работы с родителями учащихся", "young", "parents"),
    ("освоения обновлённых ФГОС", "difficulties", "legal"),
    ("организации воспитательной работы классного руководителя", "young", "extracurricular"),
    ("подготовки нового руководителя образовательной организации", "new-head", "legal"),
    ("адаптации педагогов без педагогического образования", "no-pedagogical-education", "subject-professional"),
    ("развития предметных компетенций учителей математики", "difficulties", "subject-professional"),
    ("здоровьесберегающих технологий в начальной школе", "new-place", "health"),
    ("сопровождения студентов-практикантов педагогического колледжа", "student", "methodical"),
)
METHODS = (
    "еженедельные встречи наставника и наставляемого", "взаимное посещение уроков с последующим разбором",
    "индивидуальный план профессионального развития", "творческие мастерские и мастер-классы",
    "дистанционные консультации в мессенджере школы", "педагогические кейсы из реальной практики",
    "портфолио достижений молодого педагога", "совместная разработка рабочих программ",
    "панорама открытых уроков для молодых учителей", "наставнические тройки «опытный – молодой – студент»",
)
RESULTS = (
    "все молодые педагоги остались работать в школе после первого года",
    "доля уроков, оценённых как успешные, выросла с 40 до 75 %",
    "три участника стали призёрами муниципального конкурса «Педагогический дебют»",
    "число обращений родителей с жалобами сократилось вдвое",
    "наставляемые разработали 12 авторских методических материалов",
    "удовлетворённость наставляемых по итогам анкетирования — 4,7 из 5",
    "практика внедрена ещё в четырёх школах муниципалитета",
)
CONTESTS = (
    ("Региональный конкурс «Эффективные практики наставничества»", 2023),
    ("Региональный конкурс «Эффективные практики наставничества»", 2024),
    ("Всероссийский конкурс лучших практик наставничества", 2024),
)
NOMINATIONS = ("педагог – педагог", "команда – команда", "руководитель – руководитель")
PLACES = (Place.FIRST, Place.SECOND, Place.THIRD, Place.LAUREATE, Place.LAUREATE, Place.PARTICIPANT)
ADOPTION_STORIES = (
    "Взяли формат еженедельных встреч, сократив его до двух встреч в месяц.",
    "Адаптировали практику для начальной школы и детского сада нашего комплекса.",
    "Используем план профессионального развития и портфолио молодого педагога.",
    "Запустили наставнические тройки вместе с педагогическим колледжем.",
)
OUTCOMES = (
    "За год ни один молодой педагог не уволился.",
    "Двое наставляемых успешно прошли аттестацию на первую категорию.",
    "Практика прижилась: в следующем году к ней присоединились ещё пять пар.",
)
UNPUBLISHED = (PracticeStatus.DRAFT, PracticeStatus.SUBMITTED, PracticeStatus.RETURNED)
RETURN_REASON = "Добавьте, пожалуйста, результаты с цифрами и опишите этапы реализации."


@dataclass(frozen=True)
class PracticeSummary:
    published: int
    unpublished: int
    from_contests: int
    adoptions: int


def create_practices(session: Session, count: int = 170, seed: int = DEFAULT_SEED) -> PracticeSummary:
    """Add ``count`` practices by the demo mentors of the demo organisations; flushes, the caller commits."""
    rng = random.Random(seed)
    now = utcnow()
    authors = list(session.execute(
        select(User, MentorProfile.organisation_id).join(MentorProfile, MentorProfile.user_id == User.id)
        .where(MentorProfile.status == ProfileStatus.APPROVED, MentorProfile.is_team.is_(False))
        .order_by(User.id)
    ).tuples())
    organisations = list(session.scalars(select(Organisation.id).order_by(Organisation.id)))
    if not authors or not organisations:
        return PracticeSummary(0, 0, 0, 0)
    terms = {}
    for term in session.scalars(select(Term).where(Term.is_active.is_(True)).order_by(Term.position, Term.id)):
        terms.setdefault(term.vocabulary, {})[term.slug] = term
    published = unpublished = contests = adoptions = 0
    for index in range(count):
        author, organisation_id = authors[(index * 7 + rng.randrange(len(authors))) % len(authors)]
        subject, target, direction = rng.choice(SUBJECTS)
        programme = PROGRAMME_NAMES[index % len(PROGRAMME_NAMES)]
        title = f"«{programme}»: практика {subject}"
        status = rng.choice(UNPUBLISHED) if rng.random() < UNPUBLISHED_SHARE else PracticeStatus.PUBLISHED
        started = now - timedelta(days=rng.randint(30, 5 * 365))
        practice = Practice(owner_id=author.id, created_at=started,
                            first_published_at=started + timedelta(days=3) if status == PracticeStatus.PUBLISHED else None)
        session.add(practice)
        session.flush()
        methods = rng.sample(METHODS, 3)
        version = PracticeVersion(
            record_id=practice.id, status=status, title=title,
            summary=f"Практика {subject}: {methods[0]} и {methods[1]}.",
            body=(f"## Цель\n\nСоздать условия для {subject.replace('адаптации', 'адаптации и развития', 1)}.\n\n"
                  f"## Как это устроено\n\n- {methods[0]};\n- {methods[1]};\n- {methods[2]}.\n\n"
                  f"## Этапы\n\n1. Диагностика профессиональных затруднений.\n2. Составление персонализированной "
                  f"программы наставничества.\n3. Реализация и промежуточная рефлексия.\n4. Оценка результатов."),
            results="; ".join(rng.sample(RESULTS, 2)).capitalize() + ".",
            year=started.year - rng.randint(0, 3),
            organisation_id=organisation_id,
            author_names=rng.choice((None, "Кузьмина Татьяна Викторовна, заместитель директора по УВР",
                                     "Беляев Игорь Сергеевич, педагог-психолог")),
            created_at=started, submitted_at=started + timedelta(days=1) if status != PracticeStatus.DRAFT else None,
            decided_at=started + timedelta(days=3) if status in (PracticeStatus.PUBLISHED, PracticeStatus.RETURNED)
            else None,
            status_reason=RETURN_REASON if status == PracticeStatus.RETURNED else None,
        )
        if rng.random() < CONTEST_SHARE:
            contest, year = rng.choice(CONTESTS)
            version.competition_title, version.contest_year = contest, year
            version.nomination, version.place = rng.choice(NOMINATIONS), rng.choice(PLACES)
            contests += 1
        version.authors = [author]
        version.terms = [terms[Vocabulary.DIRECTION][direction], terms[Vocabulary.MENTEE_CATEGORY][target],
                         rng.choice(list(terms[Vocabulary.LEVEL].values())),
                         *rng.sample(list(terms[Vocabulary.FORM].values()), 1),
                         *rng.sample(list(terms[Vocabulary.KIND].values()), 2)]
        session.add(version)
        session.flush()
        if status == PracticeStatus.PUBLISHED:
            practice.published_version_id = version.id
            published += 1
            if rng.random() < ADOPTED_SHARE:
                adopter = rng.choice(authors)[0]
                session.add(Adoption(
                    practice_id=practice.id, organisation_id=rng.choice(organisations), user_id=adopter.id,
                    how=rng.choice(ADOPTION_STORIES), created_at=started + timedelta(days=60),
                    outcome=rng.choice((None, *OUTCOMES)),
                ))
                adoptions += 1
        else:
            practice.pending_version_id = version.id
            unpublished += 1
    session.flush()
    return PracticeSummary(published, unpublished, contests, adoptions)
