"""Recall end to end (issue 8 §3): for every pair of RECALL_PAIRS, both ways of typing find the same mentors and
organisations through the whole search (database, outbox, index, query), and through the pages for a few."""
import re

import pytest

from mentorbank.search import search

from .conftest import search_all
from .recall_pairs import RECALL_PAIRS, RecallPair

# Where the pairs' records live: a place, a kind and a person whose words no pair asks for, so that only the
# pair's own text can make a record match.
NEUTRAL_PLACE = {"municipality_name": "с. Подгорное", "region_name": "Энская область"}
NEUTRAL_KIND = "social-partner"
NEUTRAL_PERSON = "Петрова Анна Сергеевна"


def _neutral_organisation(make, name: str):
    return make.organisation(name=name, kind=NEUTRAL_KIND, **NEUTRAL_PLACE)


@pytest.fixture
def recall_records(make, commit):
    """Build the pair's documents, each as a mentor's profile and as an organisation's name, and two records
    no pair names; commit, so the index follows."""

    def build(pair):
        home = _neutral_organisation(make, "Клуб любителей шахмат")
        wanted = set()
        for text in pair.documents:
            mentor = make.mentor(full_name=NEUTRAL_PERSON, org=home, subjects="", bio=text)
            wanted |= {("mentor", mentor.id), ("organisation", _neutral_organisation(make, text).id)}
        stranger = make.mentor(full_name=NEUTRAL_PERSON, org=home, subjects="", bio="Хоровое пение и сольфеджио.")
        commit()
        return wanted, {("mentor", stranger.id), ("organisation", home.id)}

    return build


def _found(query: str) -> set[tuple[str, int]]:
    result = search_all(query, None, 1, 100)
    assert result.total == len(result.hits), "every record fits on one page"
    return {(hit.type, hit.id) for hit in result.hits}


@pytest.mark.parametrize("pair", RECALL_PAIRS, ids=lambda pair: pair.id)
def test_both_forms_find_the_same_records(recall_records, pair):
    wanted, strangers = recall_records(pair)
    typed, other = _found(pair.typed), _found(pair.other)
    assert typed == other, f"{pair.typed!r} and {pair.other!r} find different records"
    assert wanted <= typed, f"{pair.typed!r} misses {wanted - typed}"
    assert not strangers & typed, f"{pair.typed!r} finds records that do not hold it"


@pytest.mark.parametrize("pair", RECALL_PAIRS, ids=lambda pair: pair.id)
def test_each_type_alone_finds_its_records(recall_records, pair):
    """The mentor bank and the organisation directory each search their own type: the same recall there."""
    wanted, _strangers = recall_records(pair)
    for doc_type in ("mentor", "organisation"):
        ids = {hit.id for query in (pair.typed, pair.other) for hit in search([doc_type], query, per_page=100).hits}
        typed_ids = set(search([doc_type], pair.typed, per_page=100).ids)
        assert typed_ids == set(search([doc_type], pair.other, per_page=100).ids) == ids, (doc_type, pair.id)
        assert {record_id for kind, record_id in wanted if kind == doc_type} <= typed_ids, (doc_type, pair.id)


# -- through the pages ---------------------------------------------------------------------------------------

PAGE_PAIRS = [pair for pair in RECALL_PAIRS if pair.typed in {"Татарстане", "завучу", "СОШ 153", "лицей 58", "ЕГЭ"}]


def _ids_on(html: str, doc_type: str) -> set[int]:
    return {int(found) for found in re.findall(rf'data-{doc_type}-id="(\d+)"', html)}


@pytest.mark.parametrize("pair", PAGE_PAIRS, ids=lambda pair: pair.id)
def test_the_pages_find_the_same_records_for_both_forms(client, recall_records, pair):
    wanted, strangers = recall_records(pair)
    wanted_mentors = {record_id for kind, record_id in wanted if kind == "mentor"}
    wanted_organisations = {record_id for kind, record_id in wanted if kind == "organisation"}

    def page(url: str, query: str) -> str:
        response = client.get(url, query_string={"q": query})
        assert response.status_code == 200
        return response.get_data(as_text=True)

    bank = {query: _ids_on(page("/mentors", query), "mentor") for query in (pair.typed, pair.other)}
    assert bank[pair.typed] == bank[pair.other] and wanted_mentors <= bank[pair.typed]
    everything = {query: page("/search", query) for query in (pair.typed, pair.other)}
    for doc_type, records in (("mentor", wanted_mentors), ("organisation", wanted_organisations)):
        found = [_ids_on(html, doc_type) for html in everything.values()]
        assert found[0] == found[1] and records <= found[0], doc_type
    stranger_mentor = next(record_id for kind, record_id in strangers if kind == "mentor")
    assert stranger_mentor not in bank[pair.typed]


def _one_document(query: str, text: str) -> RecallPair:
    """For ``recall_records``: one query and one text (the pair's two forms the same)."""
    return RecallPair(query, query, (text,), "single document")


# -- narrower than a pair --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "text"), [
    # A role word is paired with its subject; a phrase that asks for more is tested on one document.
    ("учитель истории", "Учитель истории и обществознания"),
    ("историк", "Учитель истории и обществознания"),
    ("заместителю директора по УВР", "Заместитель директора по учебно-воспитательной работе"),
    ("заместителю директора по УВР", "Завуч по УВР"),
    ("школа", "МБОУ «СОШ № 4»"),
])
def test_a_narrower_query_finds_its_document(recall_records, query, text):
    wanted, strangers = recall_records(_one_document(query, text))
    found = _found(query)
    assert wanted <= found and not strangers & found


@pytest.mark.parametrize(("query", "text"), [
    # Both sides of an entry are phrases: its words scattered over a profile are not the exam or the deputy.
    ("единый государственный экзамен", "Единый подход к проверке: экзамен, государственный стандарт"),
    ("ЕГЭ", "Единый подход к проверке: экзамен, государственный стандарт"),
    ("заместитель директора", "Директор музея, заместитель руководителя кружка"),
    # «школа» is broader than «СОШ» (a one-way entry): «СОШ» does not find every school.
    ("СОШ", "Детская школа искусств № 2"),
])
def test_a_query_does_not_find_what_only_shares_its_words(recall_records, query, text):
    wanted, _strangers = recall_records(_one_document(query, text))
    assert not wanted & _found(query)
