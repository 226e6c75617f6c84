"""The search thesaurus page: admins list, add, edit and delete entries; the next query uses the change."""
from sqlalchemy import select

from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.search.analysis import query_groups
from mentorbank.search.models import ThesaurusEntry


def _entry(term: str, expansion: str) -> ThesaurusEntry | None:
    return db.session.scalar(select(ThesaurusEntry).where(ThesaurusEntry.term == term,
                                                          ThesaurusEntry.expansion == expansion))


def _audit(action: str) -> AuditEntry:
    return db.session.scalar(select(AuditEntry).where(AuditEntry.action == action))


def test_the_list_shows_the_seeded_entries(admin_browser):
    html = admin_browser.get("/admin/thesaurus").get_data(as_text=True)
    seeded = _entry("СОШ", "средняя общеобразовательная школа")
    assert f'data-entry-id="{seeded.id}"' in html and "средняя общеобразовательная школа" in html
    assert "заместитель директора" in html


def test_the_page_speaks_russian_by_default(browser, admin_user):
    browser.login_as(admin_user)
    with browser.client.session_transaction() as session:
        session["locale"] = "ru"
    html = browser.get("/admin/thesaurus").get_data(as_text=True)
    assert "Тезаурус поиска" in html and "Добавить запись" in html


def test_add_an_entry_and_the_next_query_uses_it(admin_browser, admin_user):
    assert query_groups("НОО") == [[("ноо",)]]
    response = admin_browser.post("/admin/thesaurus", {
        "term": " НОО ", "expansion": "начальное общее образование", "kind": "abbreviation",
    })
    assert response.status_code == 303 and response.headers["Location"] == "/admin/thesaurus"
    entry = _entry("НОО", "начальное общее образование")
    assert entry.kind == "abbreviation"
    assert query_groups("НОО") == [[("ноо",), ("начальный", "общий", "образование")]]
    audit = _audit("thesaurus_entry.create")
    assert audit.target_id == entry.id and audit.actor_id == admin_user.id


def test_a_bad_entry_is_refused_with_the_typed_values_kept(admin_browser):
    count = db.session.scalar(select(db.func.count(ThesaurusEntry.id)))
    valid = {"term": "НОО", "expansion": "начальное общее образование", "kind": "abbreviation"}
    for bad in ({"term": ""}, {"expansion": "и в на"}, {"expansion": "ноо"}, {"kind": "synonym"},
                {"term": "x" * 101}):
        response = admin_browser.post("/admin/thesaurus", {**valid, **bad})
        assert response.status_code == 422, bad
    duplicate = admin_browser.post("/admin/thesaurus", {
        "term": "сош", "expansion": "Средняя общеобразовательная школа", "kind": "abbreviation",
    })
    assert duplicate.status_code == 422 and "already in the thesaurus" in duplicate.get_data(as_text=True)
    assert 'value="Средняя общеобразовательная школа"' in duplicate.get_data(as_text=True)
    assert db.session.scalar(select(db.func.count(ThesaurusEntry.id))) == count


def test_edit_an_entry_and_the_next_query_uses_it(admin_browser):
    entry = _entry("физрук", "физическая культура")
    page = admin_browser.get(f"/admin/thesaurus/{entry.id}/edit").get_data(as_text=True)
    assert 'value="физическая культура"' in page
    response = admin_browser.post(f"/admin/thesaurus/{entry.id}/edit", {
        "term": "физрук", "expansion": "физкультура", "kind": "role",
    })
    assert response.status_code == 303
    assert query_groups("физруку") == [[("физрук",), ("физкультура",)]]
    assert _audit("thesaurus_entry.update").details["changed"] == {
        "expansion": ["физическая культура", "физкультура"],
    }


def test_an_edit_may_not_duplicate_another_entry(admin_browser):
    entry = _entry("ООШ", "школа")
    response = admin_browser.post(f"/admin/thesaurus/{entry.id}/edit", {
        "term": "СОШ", "expansion": "школа", "kind": "abbreviation",
    })
    assert response.status_code == 422
    db.session.refresh(entry)
    assert entry.term == "ООШ"


def test_delete_an_entry_and_the_next_query_drops_it(admin_browser):
    entry = _entry("завуч", "заместитель директора")
    entry_id = entry.id
    assert ("заместитель", "директор") in query_groups("завуч")[0]
    response = admin_browser.post(f"/admin/thesaurus/{entry_id}/delete")
    assert response.status_code == 303
    assert db.session.get(ThesaurusEntry, entry_id) is None
    assert query_groups("завуч") == [[("завуч",)]]
    audit = _audit("thesaurus_entry.delete")
    assert audit.target_id == entry_id and audit.details["expansion"] == "заместитель директора"


def test_a_delete_without_the_csrf_token_deletes_nothing(admin_browser):
    entry = _entry("завуч", "заместитель директора")
    assert admin_browser.client.post(f"/admin/thesaurus/{entry.id}/delete").status_code == 400
    assert db.session.get(ThesaurusEntry, entry.id) is not None


def test_a_one_way_entry_widens_only_a_search_for_its_expansion(admin_browser):
    response = admin_browser.post("/admin/thesaurus", {
        "term": "лицей", "expansion": "общеобразовательная организация", "kind": "abbreviation", "one_way": "y",
    })
    assert response.status_code == 303
    entry = _entry("лицей", "общеобразовательная организация")
    assert entry.one_way and _audit("thesaurus_entry.create").details["one_way"] is True
    assert ("лицей",) in query_groups("общеобразовательная организация")[0]
    assert query_groups("лицей") == [[("лицей",)]]

    # Unticked, it works both ways again.
    admin_browser.post(f"/admin/thesaurus/{entry.id}/edit", {
        "term": "лицей", "expansion": "общеобразовательная организация", "kind": "abbreviation",
    })
    assert ("общеобразовательный", "организация") in query_groups("лицей")[0]
    assert _audit("thesaurus_entry.update").details["changed"] == {"one_way": [True, False]}


def test_the_list_says_which_way_an_entry_goes_in_russian(browser, admin_user):
    browser.login_as(admin_user)
    with browser.client.session_transaction() as session:
        session["locale"] = "ru"
    html = browser.get("/admin/thesaurus").get_data(as_text=True)
    one_way = _entry("СОШ", "школа")
    row = html[html.index(f'data-entry-id="{one_way.id}"'):]
    assert "Только от расшифровки к термину" in row[:row.index("</tr>")]
    both = _entry("СОШ", "средняя общеобразовательная школа")
    row = html[html.index(f'data-entry-id="{both.id}"'):]
    assert "В обе стороны" in row[:row.index("</tr>")]
    assert "Только в одну сторону: расшифровка шире термина" in html
