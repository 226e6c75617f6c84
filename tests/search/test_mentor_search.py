"""search_mentors through its public interface: what a visitor of /mentors would see."""
from datetime import datetime

import pytest

from mentorbank.mentors.models import ProfileStatus

from .conftest import find, found_ids


def test_russian_word_forms_find_each_other(make, commit):
    wanted = make.mentor(bio="Веду наставничество для молодых педагогов.")
    digital = make.mentor(bio="Использую цифровые технологии на уроках.")
    make.mentor(bio="Учитель музыки.")
    commit()
    assert found_ids("наставничеству") == [wanted.id]
    assert found_ids("цифровых технологий") == [digital.id]


def test_yo_and_ye_are_one_letter(make, commit):
    tree = make.mentor(bio="Проводим новогоднюю ёлку для первоклассников.")
    commit()
    assert found_ids("елку") == [tree.id]
    assert found_ids("ЁЛКА") == [tree.id]


def test_english_words_are_stemmed(make, commit):
    english = make.mentor(bio="Mentoring young teachers of English.")
    commit()
    assert found_ids("teacher mentored") == [english.id]


def test_vocabulary_terms_are_searchable_by_their_russian_names(make, commit):
    remote = make.mentor(terms={"mode": ["remote"], "direction": ["ict"]})
    make.mentor()
    commit()
    assert found_ids("дистанционный") == [remote.id]
    assert found_ids("ИКТ") == [remote.id]


def test_name_position_organisation_and_place_are_searchable(make, commit):
    org = make.organisation(name="Гимназия Иннополис", municipality_name="г. Иннополис")
    person = make.mentor(full_name="Зайнуллина Алсу Рашидовна", org=org, subjects="физика; астрономия")
    commit()
    for query in ("Зайнуллина", "гимназии", "Иннополис", "астрономии", "учитель"):
        assert found_ids(query) == [person.id], query


@pytest.mark.parametrize("status", [ProfileStatus.DRAFT, ProfileStatus.PENDING, ProfileStatus.RETURNED,
                                    ProfileStatus.WITHDRAWN])
def test_only_approved_profiles_are_found(make, commit, status):
    make.mentor(status=status, bio="Скрытая анкета наставника.")
    commit()
    assert find("анкета").total == 0
    assert find().total == 0


def test_snippet_marks_matches_and_escapes_everything_else(make, commit):
    make.mentor(bio='<script>alert("x")</script> Наставничество & <b>опыт</b>')
    commit()
    snippet = find("наставничество").hits[0].snippet
    assert "<mark>Наставничество</mark>" in snippet
    assert "<script>" not in snippet and "<b>" not in snippet
    assert "&lt;script&gt;" in snippet and "&amp;" in snippet
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_snippet_comes_from_the_field_with_the_matches(make, commit):
    make.mentor(bio="Учитель начальных классов.", achievements="Победитель конкурса «Педагог года».")
    commit()
    assert "<mark>конкурса</mark>" in find("конкурс").hits[0].snippet


def test_words_must_all_match_and_fall_back_to_any(make, commit):
    both = make.mentor(bio="Математика и робототехника.")
    one = make.mentor(bio="Математика для старших классов.")
    commit()
    assert found_ids("математика робототехника") == [both.id]
    result = find("математика балет")
    assert set(result.ids) == {both.id, one.id}


def test_did_you_mean_corrects_misspelt_words(make, commit):
    make.mentor(bio="Наставничество в школе.")
    commit()
    result = find("наставнечество")
    assert result.total == 0
    assert result.suggestion == "наставничество"
    assert find(result.suggestion).total == 1
    assert find("наставничество").suggestion is None


@pytest.mark.parametrize(
    ("query", "searched", "total"),
    [
        ('"наставничество', "наставничество", 1),
        ("(математика", "математика", 1),
        ("математика)", "математика", 1),
        ("математика AND", "математика and", 1),
        ("OR математика", "or математика", 1),
        ("unknown:математика", "unknown математика", 1),  # AND finds nothing, so any word
        ("матем*", "матем", 0),
        ("bio:", "bio", 0),
        ("a" * 10_000, "a" * 200, 0),
        # Nothing searchable left: like an empty query, every mentor.
        ("AND OR", "and or", 1),
        ("NOT", "not", 1),
        ("*", "", 1),
        ("^~[]{}<>\\", "", 1),
    ],
)
def test_unreadable_queries_are_searched_as_plain_words(make, commit, query, searched, total):
    make.mentor(bio="Математика и наставничество.")
    commit()
    result = find(query)
    assert (result.query, result.total) == (searched, total)


def test_very_long_queries_are_cut(make, commit):
    make.mentor(bio="Математика.")
    commit()
    result = find("математика " * 2000)
    assert result.total == 1 and len(result.query) <= 200


def test_query_syntax_is_understood_when_readable(make, commit):
    algebra = make.mentor(bio="Алгебра и геометрия.")
    make.mentor(bio="Геометрия в начальной школе.")
    commit()
    assert found_ids("геометрия NOT начальной") == [algebra.id]
    assert found_ids('"алгебра и геометрия"') == [algebra.id]
    assert found_ids("bio:алгебра") == [algebra.id]
    assert len(found_ids("алгебра OR школе")) == 2


def test_empty_query_lists_every_public_mentor_by_name(make, commit):
    for name in ("Яковлева Анна", "Ёлкина Вера", "Абрамов Иван", "Жукова Ольга"):
        make.mentor(full_name=name)
    commit()
    assert [hit.title for hit in find().hits] == ["Абрамов Иван", "Ёлкина Вера", "Жукова Ольга", "Яковлева Анна"]


def test_pages_by_name_follow_the_alphabet_and_every_change_of_the_bank(make, commit):
    # A browse by name is served from the order of the whole bank kept until the index changes: the pages
    # must match the alphabet, and an approval or a withdrawal must show on the next page asked.
    names = ["Яковлева Анна", "Ёлкина Вера", "Абрамов Иван", "Жукова Ольга", "Борисова Нина", "Ильина Ия"]
    profiles = {name: make.mentor(full_name=name) for name in names}
    commit()
    alphabet = ["Абрамов Иван", "Борисова Нина", "Ёлкина Вера", "Жукова Ольга", "Ильина Ия", "Яковлева Анна"]
    pages = [[hit.title for hit in find(sort="name", page=page, per_page=4).hits] for page in (1, 2)]
    assert pages == [alphabet[:4], alphabet[4:]]
    assert find(sort="name", per_page=4).total == 6

    make.mentor(full_name="Вавилова Дарья")
    profiles["Абрамов Иван"].status = ProfileStatus.WITHDRAWN
    commit()
    first = [hit.title for hit in find(sort="name", per_page=4).hits]
    assert first == ["Борисова Нина", "Вавилова Дарья", "Ёлкина Вера", "Жукова Ольга"]
    assert find(sort="name", per_page=4).total == 6


def test_sorts_by_recent_and_experience(make, commit):
    old = make.mentor(full_name="Старова", experience_years=30)
    new = make.mentor(full_name="Новикова", experience_years=3)
    middle = make.mentor(full_name="Середина", experience_years=None)
    for profile, year in ((old, 2020), (new, 2026), (middle, 2023)):
        profile.published_at = datetime(year, 1, 1)
    commit()
    assert found_ids_sorted("recent") == [new.id, middle.id, old.id]
    assert found_ids_sorted("experience") == [old.id, new.id, middle.id]
    assert found_ids_sorted("name") == [new.id, middle.id, old.id]


def found_ids_sorted(sort: str) -> list[int]:
    return find(sort=sort).ids


def test_relevance_ranks_names_above_passing_mentions(make, commit):
    mention = make.mentor(full_name="Петрова Анна", bio="Работаю вместе с коллегой Орловой.")
    named = make.mentor(full_name="Орлова Елена", bio="Учитель химии.")
    commit()
    assert found_ids("Орлова") == [named.id, mention.id]


def test_pages_share_one_total(make, commit):
    for number in range(25):
        make.mentor(full_name=f"Наставник {number:02d}")
    commit()
    pages = [find(page=page, per_page=10) for page in (1, 2, 3, 4)]
    assert [result.total for result in pages] == [25, 25, 25, 25]
    assert [len(result.hits) for result in pages] == [10, 10, 5, 0]
    all_ids = [hit_id for result in pages for hit_id in result.ids]
    assert len(set(all_ids)) == 25
