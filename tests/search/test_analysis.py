"""The analysis interface alone: Russian and English morphology, ё, stop words, and queries made of the same
terms as documents."""
import pytest

from mentorbank.search.analysis import acceptable_suggestion, expansions, index_terms, query_groups, words


def tokens(text: str) -> list[str]:
    return index_terms(text)


@pytest.mark.parametrize(
    ("typed", "indexed"),
    [
        ("наставничеству", "наставничество"),
        ("цифровых технологий", "цифровые технологии"),
        ("ёлка", "елка"),
        ("Ёлка", "ЕЛКА"),
        ("teachers", "teacher"),
        ("mentoring", "mentored"),
        ("дистанционный", "дистанционное"),
    ],
)
def test_word_forms_share_their_stems(typed, indexed):
    assert tokens(typed) == tokens(indexed)


def test_different_words_keep_different_stems():
    assert tokens("математика") != tokens("методика")


def test_stop_words_of_both_languages_are_dropped():
    assert tokens("и в на the of учитель") == tokens("учитель")


def test_a_query_is_made_of_the_terms_documents_are_indexed_with():
    groups = query_groups("Наставничеству и цифровым технологиям")
    assert len(groups) == 3  # «и» gives no group
    assert [group[0] for group in groups] == [(term,) for term in index_terms("наставничество цифровые технологии")]


def test_words_keep_what_was_typed_and_this_version_expands_nothing():
    assert words("Лицей № 58, «Ёлка»") == ["Лицей", "58", "Ёлка"]
    assert expansions("СОШ 153") == []


@pytest.mark.parametrize(
    ("typed", "candidate", "acceptable"),
    [("наставнечество", "наставничество", True), ("наставнечество", "наставн", False),
     ("153", "154", False), ("наставничество", "наставничество", False)],
)
def test_did_you_mean_offers_real_different_words_only(typed, candidate, acceptable):
    assert acceptable_suggestion(typed, candidate) is acceptable
