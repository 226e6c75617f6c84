"""search_all: one search over every type, for /search and /api/v1/search."""
from .conftest import search_all


def test_finds_mentors_and_organisations_with_type_counts(make, commit):
    school = make.organisation(name="Гимназия № 7 имени Пушкина")
    mentor = make.mentor(org=school, bio="Литература и Пушкин.")
    make.organisation(name="Детский сад «Солнышко»", kind="kindergarten")
    commit()
    result = search_all("пушкина", None, 1, 10)
    assert {(hit.type, hit.id) for hit in result.hits} == {("organisation", school.id), ("mentor", mentor.id)}
    assert result.facets == {"type": {"mentor": 1, "organisation": 1}}
    assert result.total == 2
    assert next(hit for hit in result.hits if hit.type == "organisation").snippet.count("<mark>") == 1


def test_type_narrows_hits_but_keeps_counts(make, commit):
    school = make.organisation(name="Гимназия № 7 имени Пушкина")
    make.mentor(org=school, bio="Пушкин.")
    commit()
    result = search_all("пушкина", "organisation", 1, 10)
    assert [(hit.type, hit.id) for hit in result.hits] == [("organisation", school.id)]
    assert result.total == 1
    assert result.facets["type"] == {"mentor": 1, "organisation": 1}


def test_empty_or_stop_word_query_finds_nothing(make, commit):
    make.mentor()
    commit()
    for query in ("", "   ", "и в на", "*"):
        result = search_all(query, None, 1, 10)
        assert (result.hits, result.total) == ([], 0), query


def test_pages_through_merged_types(make, commit):
    for number in range(7):
        make.organisation(name=f"Школа-интернат № {number}")
    commit()
    first, second = search_all("интернат", None, 1, 5), search_all("интернат", None, 2, 5)
    assert (first.total, len(first.hits), len(second.hits)) == (7, 5, 2)
    assert not {hit.id for hit in first.hits} & {hit.id for hit in second.hits}


def test_suggests_a_correction_across_types(make, commit):
    make.organisation(name="Лицей информационных технологий")
    commit()
    result = search_all("информацинных", None, 1, 10)
    assert result.suggestion == "информационных"


def test_types_are_ranked_together_by_one_score(make, commit):
    school = make.organisation(name="Гимназия имени Пушкина")
    mention = make.mentor(bio="Читаем Пушкина на уроках.")
    make.mentor(full_name="Пушкина Ольга", bio="Учитель литературы.")
    commit()
    hits = search_all("пушкина", None, 1, 10).hits
    assert {hit.type for hit in hits} == {"mentor", "organisation"}
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    assert hits[-1].id == mention.id and ("organisation", school.id) in {(hit.type, hit.id) for hit in hits}
