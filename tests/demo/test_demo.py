"""``flask demo load`` and the generator behind it.

The full load takes seconds, so one test loads it and checks everything a visitor of the demo would notice;
the others use a small population. Each test's transaction is rolled back, so no demo data outlives it.
"""
import re

from sqlalchemy import func, select

from mentorbank.accounts.models import User
from mentorbank.demo.generator import populate
from mentorbank.extensions import db
from mentorbank.mentors.filters import MentorFilters
from mentorbank.practices.filters import PracticeFilters
from mentorbank.mentors.models import MentorProfile, ProfileStatus, mentor_profile_term
from mentorbank.organisations.models import Municipality, Organisation, Region
from mentorbank.vocabularies.models import Term, Vocabulary, terms_of

# Every vocabulary a mentor profile links to (levels describe practices and contests, kinds organisations).
MENTOR_VOCABULARIES = (
    Vocabulary.FORM, Vocabulary.INTERACTION_MODEL, Vocabulary.KIND, Vocabulary.MODE, Vocabulary.DIRECTION,
    Vocabulary.TRACK, Vocabulary.COMPETENCE, Vocabulary.MENTEE_CATEGORY,
)
# The places of the source documents, as (region, a municipality of it).
SOURCE_PLACES = (
    ("Республика Татарстан", "г. Казань"),
    ("Республика Хакасия", "г. Абакан"),
    ("Алтайский край", "г. Барнаул"),
    ("Санкт-Петербург", "Невский район"),
    ("Нижегородская область", "г. Дзержинск"),
)
PLACEHOLDER = re.compile(r"lorem|ipsum|test|foo|xxx", re.IGNORECASE)


def _count(model, *conditions) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*conditions))


def _table_counts() -> tuple[int, ...]:
    return tuple(_count(model) for model in (Region, Municipality, Organisation, User, MentorProfile))


def _approved(*conditions) -> int:
    return _count(MentorProfile, MentorProfile.status == ProfileStatus.APPROVED, *conditions)


def test_demo_load_fills_an_empty_bank_once(runner, app_context):
    result = runner.invoke(args=["demo", "load"])

    assert result.exit_code == 0, result.output
    assert "организаций 80, опубликованных анкет 400" in result.output
    assert _count(Municipality) >= 10
    assert _count(Organisation) == 80
    assert _approved() == 400
    assert _count(MentorProfile, MentorProfile.status != ProfileStatus.APPROVED) == 20
    assert 0 < _approved(MentorProfile.is_team) < 400
    teams_per_organisation = db.session.execute(
        select(MentorProfile.organisation_id, func.count()).where(MentorProfile.is_team)
        .group_by(MentorProfile.organisation_id).having(func.count() > 1)
    ).all()
    assert teams_per_organisation == []  # one team card per school, never two identical ones

    kinds = set(db.session.scalars(select(Term.slug).join(Organisation, Organisation.kind_id == Term.id)))
    assert kinds == {term.slug for term in terms_of(Vocabulary.ORGANISATION_KIND)}

    used = set(db.session.scalars(
        select(mentor_profile_term.c.term_id).join(MentorProfile)
        .where(MentorProfile.status == ProfileStatus.APPROVED)
    ))
    for vocabulary in MENTOR_VOCABULARIES:
        unused = [term.name for term in terms_of(vocabulary) if term.id not in used]
        assert unused == [], f"{vocabulary}: no published mentor has {unused}"

    for region_name, municipality_name in SOURCE_PLACES:
        in_place = MentorProfile.organisation_id.in_(
            select(Organisation.id).join(Municipality).join(Region)
            .where(Region.name == region_name, Municipality.name == municipality_name)
        )
        assert _approved(in_place) > 0, f"no mentor in {region_name}, {municipality_name}"

    texts = [
        *db.session.scalars(select(User.full_name)), *db.session.scalars(select(Organisation.name)),
        *db.session.scalars(select(MentorProfile.team_name).where(MentorProfile.team_name.is_not(None))),
        *db.session.scalars(select(MentorProfile.bio)), *db.session.scalars(select(MentorProfile.achievements)),
    ]
    assert [text for text in texts if PLACEHOLDER.search(text or "")] == []
    assert len(set(db.session.scalars(select(User.full_name)))) > 300  # people, not a handful of names repeated

    assert "практик опубликовано 157 (с конкурсов 38), неопубликованных 13." in result.output
    assert MentorFilters().search(per_page=1).total == 400
    practices = PracticeFilters().search(per_page=1)
    # The demo competitions' published winners join the bank as practices too.
    assert practices.total > 157
    assert len(practices.facets["region"]) == len(SOURCE_PLACES)  # every demo region
    assert practices.facets["winner"]["1"] > 0
    # 400 mentors, 80 organisations, the published practices, 20 library items, 24 admitted competition entries,
    # 5 programmes of the bank
    assert f"Проиндексировано документов: {400 + 80 + practices.total + 20 + 24 + 5}." in result.output

    before = _table_counts()
    again = runner.invoke(args=["demo", "load"])
    assert again.exit_code == 0
    assert "База данных не пуста (организаций: 80, анкет наставников: 420); демо-данные не загружены." in again.output
    assert _table_counts() == before


def test_demo_load_leaves_a_bank_with_any_organisation_alone(runner, make):
    make.organisation("МБОУ «Лицей № 1»")
    result = runner.invoke(args=["demo", "load"])
    assert "База данных не пуста (организаций: 1, анкет наставников: 0)" in result.output
    assert _table_counts() == (1, 1, 1, 0, 0)


def _small_population(seed: int) -> tuple[list[str], list[str]]:
    """Populate a small bank inside the test's transaction, note its people and organisations, and undo it."""
    summary = populate(db.session, organisations=12, mentors=30, unpublished=3, seed=seed, commit=False)
    assert (summary.organisations, summary.approved, summary.unpublished) == (12, 30, 3)
    names = list(db.session.scalars(select(User.full_name).order_by(User.id)))
    organisations = list(db.session.scalars(select(Organisation.name).order_by(Organisation.id)))
    db.session.rollback()
    assert _table_counts() == (0, 0, 0, 0, 0)
    return names, organisations


def test_the_same_seed_gives_the_same_bank(app_context):
    first = _small_population(seed=7)
    assert _small_population(seed=7) == first
    assert len(first[0]) == 33 and len(first[1]) == 12
    assert _small_population(seed=8)[0] != first[0]


def test_the_demo_library_fills_every_rubric_once(app_context):
    from mentorbank.demo.library import ITEMS, create_library
    from mentorbank.library.models import LibraryItem, is_web_link

    assert create_library(db.session) == len(ITEMS)
    assert create_library(db.session) == 0  # a second load adds nothing
    items = list(db.session.scalars(select(LibraryItem)))
    assert {item.rubric.slug for item in items} == {term.slug for term in terms_of(Vocabulary.LIBRARY_RUBRIC)}
    assert all(is_web_link(item.url) and item.is_published for item in items)
    assert len({item.published_at for item in items}) == len(items)  # a believable order in the feed
