"""The Whoosh analyzers of the schemas: Russian and English stems, ё, stop words, and a schema Whoosh can pickle."""
import pickle

import pytest

from mentorbank.search.documents import DOC_TYPES
from mentorbank.search.schemas import spelling_analyzer, text_analyzer


def tokens(text: str) -> list[str]:
    return [token.text for token in text_analyzer()(text)]


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


def test_spelling_field_keeps_whole_words_with_yo_folded():
    assert [token.text for token in spelling_analyzer()("Наставничество Ёлки")] == ["наставничество", "елки"]


@pytest.mark.parametrize("name", sorted(DOC_TYPES))
def test_schemas_survive_pickling_as_whoosh_stores_them(name):
    schema = DOC_TYPES[name].schema()
    restored = pickle.loads(pickle.dumps(schema))
    analyzer = restored["bio" if "bio" in restored else "name"].analyzer
    assert [t.text for t in analyzer("Наставничеству")] == tokens("наставничество")
