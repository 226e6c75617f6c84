"""/feed.atom: a valid Atom 1.0 document of every registered source's newest entries, newest first, bounded,
with absolute links on PUBLIC_URL, the operator as author, and user text escaped."""
from datetime import datetime, timedelta
from xml.etree import ElementTree

import pytest

from mentorbank.extensions import db
from mentorbank.feed import FeedEntry, forget_source, register_source, sources
from mentorbank.portal.operator import site_operator

from ..conftest import PUBLIC_URL
from ..library.conftest import add_item, shelf  # noqa: F401 (a fixture)

A = "{http://www.w3.org/2005/Atom}"
TRICKY_TITLE = 'Итоги конкурса <script>alert("x")</script> & «Наставник года»'
START = datetime(2026, 11, 1, 10, 0)


def entry(number: int, **changes) -> FeedEntry:
    url = f"{PUBLIC_URL}/test-items/{number}"
    return FeedEntry(**{"id_uri": url, "title": f"Запись {number}", "url": url,
                        "updated": START + timedelta(days=number), "summary": f"Кратко о записи {number}.",
                        **changes})


@pytest.fixture
def test_source(app):
    """A source of the tests only, with the entries the test puts in its list (the registry is app-wide, so
    it is taken away after the test)."""
    entries: list[FeedEntry] = []
    register_source("test", lambda limit: sorted(entries, key=lambda e: e.updated, reverse=True)[:limit])
    yield entries
    forget_source("test")


def parsed(client, url="/feed.atom"):
    response = client.get(url)
    assert response.status_code == 200
    return response, ElementTree.fromstring(response.data)


def test_the_feed_is_atom_with_every_required_element(client, test_source):
    test_source.extend(entry(number) for number in (1, 2))
    response, feed = parsed(client)
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert response.data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert feed.tag == f"{A}feed"
    assert feed.findtext(f"{A}id") == f"{PUBLIC_URL}/feed.atom"
    assert feed.findtext(f"{A}title") == "Открытый банк наставников: новости"
    assert feed.findtext(f"{A}updated") == "2026-11-03T10:00:00Z"
    links = {link.get("rel"): link.attrib for link in feed.findall(f"{A}link")}
    assert links["self"] == {"rel": "self", "type": "application/atom+xml", "href": f"{PUBLIC_URL}/feed.atom"}
    assert links["alternate"]["href"] == f"{PUBLIC_URL}/"
    assert feed.findtext(f"{A}author/{A}name") == site_operator().full_name
    for element in feed.findall(f"{A}entry"):
        assert [child.tag.removeprefix(A) for child in element] == ["id", "title", "updated", "link", "summary"]
        assert element.find(f"{A}link").get("href").startswith(PUBLIC_URL + "/")


def test_entries_are_newest_first_across_sources_and_bounded(app, client, test_source, monkeypatch):
    monkeypatch.setitem(app.config, "FEED_ENTRIES", 3)
    test_source.extend(entry(number) for number in (5, 1, 9, 3))
    add_item("Новый материал библиотеки", "methods")  # published now: newer than every test entry
    db.session.commit()
    _response, feed = parsed(client)
    assert [e.findtext(f"{A}title") for e in feed.findall(f"{A}entry")] == [
        "Методические материалы: Новый материал библиотеки", "Запись 9", "Запись 5"]
    assert set(sources()) >= {"library", "test"}


def test_user_text_is_escaped_and_comes_back_as_typed(client, test_source):
    test_source.append(entry(1, title=TRICKY_TITLE, summary="a < b && c > d", author="Школа «Ромашка» & Co"))
    response, feed = parsed(client)
    assert b"<script>" not in response.data
    assert b"&lt;script&gt;" in response.data and b"&amp; " in response.data
    only = feed.find(f"{A}entry")
    assert only.findtext(f"{A}title") == TRICKY_TITLE
    assert only.findtext(f"{A}summary") == "a < b && c > d"
    assert only.findtext(f"{A}author/{A}name") == "Школа «Ромашка» & Co"


def test_characters_xml_forbids_are_dropped_not_a_broken_document(client, test_source):
    test_source.append(entry(1, title="Вставлено\x0bиз\x00 Word\x1f"))
    _response, feed = parsed(client)
    assert feed.find(f"{A}entry").findtext(f"{A}title") == "Вставленоиз Word"


def test_an_empty_feed_is_still_valid(client):
    _response, feed = parsed(client)
    assert feed.findtext(f"{A}updated") and feed.findall(f"{A}entry") == []


def test_a_reader_that_has_the_feed_gets_304(client, test_source):
    test_source.append(entry(1))
    first = client.get("/feed.atom")
    assert first.headers["ETag"] and first.cache_control.max_age > 0
    again = client.get("/feed.atom", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    test_source.append(entry(2))
    assert client.get("/feed.atom", headers={"If-None-Match": first.headers["ETag"]}).status_code == 200


def test_the_library_announces_its_items_with_absolute_links(client, shelf):
    _response, feed = parsed(client)
    entries = {e.findtext(f"{A}title"): e for e in feed.findall(f"{A}entry")}
    law = entries["Нормативно-правовая база: Федеральный закон «Об образовании в Российской Федерации»"]
    url = f"{PUBLIC_URL}/library/{shelf['law'].id}"
    assert law.findtext(f"{A}id") == url and law.find(f"{A}link").get("href") == url
    assert law.findtext(f"{A}author/{A}name") == "Государственная дума РФ"


def test_the_english_interface_does_not_change_the_feed(client, english, test_source):
    _response, feed = parsed(client)
    assert feed.findtext(f"{A}title") == "Открытый банк наставников: новости"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"


def test_every_page_points_to_the_feed(client):
    page = client.get("/about").get_data(as_text=True)
    assert '<link rel="alternate" type="application/atom+xml" href="/feed.atom"' in page
    footer = page[page.index('<footer'):]
    assert 'href="/feed.atom"' in footer


def test_a_withdrawn_library_item_leaves_the_feed(client, shelf):
    from mentorbank.library.services import set_published

    set_published(shelf["law"], False, actor=None)
    db.session.commit()
    _response, feed = parsed(client)
    titles = [e.findtext(f"{A}title") for e in feed.findall(f"{A}entry")]
    assert len(titles) == 4 and not any("Федеральный закон" in title for title in titles)


def test_newly_published_practices_and_published_results_are_announced(client, make):
    from mentorbank.demo.competitions import create_demo_competitions

    published = make.practice("Школа молодого педагога: наставник рядом", summary="Пары «педагог – педагог».")
    make.practice("Черновик практики, которого никто не видит", status="draft")
    for number in range(1, 17):  # the demo competitions draw their entrants and jurors from published mentors
        make.mentor(f"Наставникова Анна № {number}", email=f"mentor{number}@example.org",
                    org=make.organisation(f"МБОУ «Школа № {number}»"))
    create_demo_competitions(make.user(full_name="Соколова Ирина Викторовна", email="jury.chair@example.org"))
    db.session.commit()

    _response, feed = parsed(client)
    entries = {element.findtext(f"{A}title"): element for element in feed.findall(f"{A}entry")}
    practice = entries["Школа молодого педагога: наставник рядом"]
    assert practice.find(f"{A}link").get("href") == f"{PUBLIC_URL}/practices/{published.id}"
    assert practice.findtext(f"{A}summary") == "Пары «педагог – педагог»."
    assert "Черновик практики, которого никто не видит" not in entries
    results = [title for title in entries if title.startswith("Итоги: ")]
    assert len(results) == 2  # the two past competitions; the open one has no results yet
    assert all(entries[title].findtext(f"{A}id").startswith("tag:") for title in results)
