"""The engine-neutral analysis: lemmas, numbers, stop words, the thesaurus and "did you mean" rules.

A query matches a document when every group of ``query_groups`` has an alternative whose terms occur, in
order, among the document's ``index_terms``: AND over the groups, OR over the alternatives, a phrase each.
"""
import pytest
from sqlalchemy import update

from mentorbank.extensions import db
from mentorbank.search.analysis import (
    acceptable_suggestion, expansions, groups_match, index_terms, query_groups, words,
)
from mentorbank.search.models import ThesaurusEntry
from mentorbank.search.thesaurus import Thesaurus

from .recall_pairs import RECALL_PAIRS


def matches(query: str, document: str) -> bool:
    return groups_match(query_groups(query), index_terms(document))


# --- index terms ---

@pytest.mark.parametrize(("inflected", "lemma"), [
    ("Татарстане", "татарстан"), ("историку", "историк"), ("завучу", "завуч"), ("гимназия", "гимназия"),
    ("гимназии", "гимназия"), ("Барнауле", "барнаул"), ("Хакасии", "хакасия"), ("наставничеству", "наставничество"),
])
def test_russian_words_become_their_dictionary_lemma(inflected, lemma):
    assert index_terms(inflected) == [lemma]


def test_a_stemmer_alone_would_split_what_lemmas_join():
    # Snowball gives «татарста» and «татарстан»: the reason for the dictionary.
    assert index_terms("в Татарстане") == index_terms("Татарстан")


def test_words_the_dictionary_does_not_know_are_stemmed():
    assert index_terms("кванториуме") == index_terms("кванториум") == ["кванториум"]


def test_abbreviations_the_dictionary_does_not_know_keep_their_letters():
    assert index_terms("НОО МБОУ ИРО ЦНППМ") == ["ноо", "мбоу", "иро", "цнппм"]


def test_english_words_are_stemmed_and_case_and_yo_folded():
    assert index_terms("Teachers mentoring") == index_terms("teacher mentored") == ["teacher", "mentor"]
    assert index_terms("Ёлка") == index_terms("елка") == ["елка"]


def test_stop_words_of_both_languages_are_dropped():
    assert index_terms("и в на the of учитель") == index_terms("учитель") == ["учитель"]


def test_function_words_the_stop_list_lacks_are_dropped_too():
    assert index_terms("среди них, с ними, которому всем этим учитель") == ["учитель"]
    # A word that may also be an adverb or a noun stays: «около» (near), «вдоль».
    assert index_terms("около школы") == ["около", "школа"]


@pytest.mark.parametrize("written", ["№ 153", "№153", "153", "No 153", "No153", "N 153"])
def test_numbers_are_words_whatever_the_number_sign(written):
    assert index_terms(f"СОШ {written}") == ["сош", "153"]


def test_document_terms_keep_their_order():
    assert index_terms("Заместитель директора по УВР") == ["заместитель", "директор", "увр"]


def test_words_are_as_typed():
    assert words("СОШ №153, г. Уфа") == ["СОШ", "153", "г", "Уфа"]


# --- query groups and the seeded thesaurus ---

def test_each_typed_word_is_a_group_with_its_own_term_first(app_context):
    assert query_groups("историку в Барнауле") == [[("историк",), ("история",)], [("барнаул",)]]


def test_abbreviations_expand_to_phrases(app_context):
    assert query_groups("СОШ")[0][:2] == [("сош",), ("средний", "общеобразовательный", "школа")]
    assert ("заместитель", "директор") in query_groups("завуч")[0]
    assert ("физический", "культура") in query_groups("физрук")[0]


def test_stop_words_give_no_group(app_context):
    assert query_groups("и в на") == []


def test_a_full_expansion_typed_is_its_phrase_or_the_abbreviation(app_context):
    # The longest side typed wins: not also «школа» and what it finds (ООШ).
    assert query_groups("средняя общеобразовательная школа") == [[("средний", "общеобразовательный", "школа"),
                                                                   ("сош",)]]
    assert query_groups("МБОУ СОШ № 4")[1:] == [[("сош",), ("средний", "общеобразовательный", "школа")], [("4",)]]


@pytest.mark.parametrize(("abbreviation", "expansion"), [
    ("ЕГЭ", "единый государственный экзамен"), ("ДОУ", "дошкольное образовательное учреждение"),
    ("завуч", "заместитель директора"),
])
def test_either_side_of_an_entry_is_the_same_query(app_context, abbreviation, expansion):
    """Typed, an expansion is its phrase (or the abbreviation), as the abbreviation looks for that phrase: the
    words scattered over a text are found by neither."""
    assert sorted(query_groups(abbreviation)[0]) == sorted(query_groups(expansion)[0])
    scattered = " и ".join(reversed(expansion.split())) + " — в разных местах анкеты"
    assert not matches(abbreviation, scattered) and not matches(expansion, scattered)


def test_a_one_way_entry_widens_only_its_broader_side(app_context):
    # Seeded one way (migration ebf690a8bc56): «школа» finds «СОШ», «СОШ» does not find every «школа».
    assert ("сош",) in query_groups("школа")[0] and ("оош",) in query_groups("школа")[0]
    assert ("школа",) not in query_groups("СОШ")[0]
    assert ("средний", "школа") not in query_groups("СОШ")[0]
    assert matches("школа", "МБОУ СОШ № 4") and not matches("СОШ", "Школа искусств № 2")
    thesaurus = Thesaurus.from_entries([("СОШ", "школа", True)])
    assert query_groups("школа", thesaurus) == [[("школа",), ("сош",)]]
    assert query_groups("СОШ", thesaurus) == [[("сош",)]]
    assert expansions("школа", thesaurus) == [("школа", "СОШ")] and expansions("СОШ", thesaurus) == []


def test_expansions_name_what_was_also_searched(app_context):
    assert ("ЕГЭ", "единый государственный экзамен") in expansions("ЕГЭ по математике")
    assert ("завучу", "заместитель директора") in expansions("завучу")
    assert ("учебно-воспитательной работе", "УВР") in expansions("по учебно-воспитательной работе")
    assert expansions("средняя общеобразовательная школа") == [("средняя общеобразовательная школа", "СОШ")]
    assert expansions("школа") == [("школа", "СОШ"), ("школа", "ООШ")]
    assert expansions("наставник") == []


@pytest.mark.parametrize("pair", RECALL_PAIRS, ids=lambda pair: pair.id)
def test_both_sides_of_a_recall_pair_find_the_same_documents(app_context, pair):
    for document in pair.documents:
        assert matches(pair.typed, document), (pair.typed, document)
        assert matches(pair.other, document), (pair.other, document)


def test_a_phrase_must_occur_in_order_and_whole():
    assert groups_match([[("заместитель", "директор")]], ["заместитель", "директор", "увр"])
    assert not groups_match([[("заместитель", "директор")]], ["директор", "заместитель"])
    assert not groups_match([[("заместитель", "директор")]], ["заместитель"])
    assert not groups_match([], ["заместитель"])


def test_what_a_query_must_not_find(app_context):
    assert not matches("лицей 58", "МАОУ «Лицей № 158»")
    assert not matches("СОШ 153", "МБОУ «Гимназия № 153»")
    assert not matches("математика", "Учитель истории")


# --- the thesaurus is editable data, used at once ---

def test_an_entry_added_changed_or_deleted_is_used_by_the_next_query(app_context):
    assert query_groups("трудовику") == [[("трудовик",), ("технология",)]]
    db.session.add(ThesaurusEntry(term="трудовик", expansion="технологический труд", kind="role"))
    db.session.flush()
    assert ("технологический", "труд") in query_groups("трудовику")[0]

    # Another process's edit: only the table changes, nothing tells this process.
    db.session.execute(update(ThesaurusEntry).where(ThesaurusEntry.expansion == "технологический труд")
                       .values(expansion="труд"))
    assert query_groups("трудовику")[0] == [("трудовик",), ("технология",), ("труд",)]

    db.session.execute(ThesaurusEntry.__table__.delete().where(ThesaurusEntry.term == "трудовик"))
    assert query_groups("трудовику") == [[("трудовик",)]]


def test_an_explicit_thesaurus_needs_no_database():
    thesaurus = Thesaurus.from_pairs([("ИРО", "институт развития образования"), ("ИРО", "и")])
    assert query_groups("ИРО", thesaurus) == [[("иро",), ("институт", "развитие", "образование")]]
    assert query_groups("ИРО", Thesaurus.from_pairs([])) == [[("иро",)]]


# --- "did you mean" ---

@pytest.mark.parametrize(("typed", "candidate"), [
    ("наставнчество", "наставничество"),
    ("Татарстне", "Татарстане"),
    ("матиматика", "математика"),
])
def test_a_real_word_may_be_suggested(typed, candidate):
    assert acceptable_suggestion(typed, candidate, thesaurus_keys=())


@pytest.mark.parametrize(("typed", "candidate", "why"), [
    ("Татарстн", "татарста", "a stem is no word"),
    ("педагогическх", "педагогическ", "a stem is no word"),
    ("ЕГЭ", "г", "an abbreviation in capitals"),
    ("ЕГЭ", "его", "an abbreviation in capitals"),
    ("СОШ", "с", "an abbreviation in capitals"),
    ("наставничество", "настав", "much shorter than typed"),
    ("школа91", "школа", "a word with digits"),
    ("153", "15", "a number"),
    ("гимназия", "гимназия", "the typed word itself"),
    ("ао", "а", "too short to tell a typo"),
    ("зо", "за", "too short to tell a typo"),
])
def test_what_did_you_mean_never_proposes(typed, candidate, why):
    assert not acceptable_suggestion(typed, candidate, thesaurus_keys=()), why


def test_a_thesaurus_key_typed_in_lower_case_is_not_corrected(app_context):
    assert not acceptable_suggestion("егэ", "его")
    assert not acceptable_suggestion("цнппм", "цнпм", known_words={"цнпм"})
    assert acceptable_suggestion("едгэ", "его")


def test_words_of_the_index_count_as_real_words():
    assert not acceptable_suggestion("кванториумы", "кванториуме", thesaurus_keys=())
    assert acceptable_suggestion("кванториумы", "кванториуме", known_words={"кванториуме"}, thesaurus_keys=())
