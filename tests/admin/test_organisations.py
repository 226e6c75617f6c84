"""Organisations: the filtered list, create and edit with validation; the public page follows the edits."""
from sqlalchemy import select

from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.organisations.models import Organisation, OrganisationStatus


def _form(make, **changes) -> dict:
    kind = make.term("organisation_kind", "school")
    return {
        "name": "МАОУ «Гимназия № 3»", "short_name": "Гимназия № 3", "kind": kind.id,
        "municipality": make.municipality().id, "website": "https://gym3.example.ru", "is_training_ground": "y",
        "status": "approved", **changes,
    }


def _listed_ids(response) -> set[int]:
    html = response.get_data(as_text=True)
    return {int(part.split('"')[0]) for part in html.split('data-organisation-id="')[1:]}


def test_create_an_organisation(admin_browser, admin_user, make):
    response = admin_browser.post("/admin/organisations/new", _form(make))
    assert response.status_code == 303
    created = db.session.scalar(select(Organisation).where(Organisation.name == "МАОУ «Гимназия № 3»"))
    assert created.is_training_ground and created.website == "https://gym3.example.ru"
    assert created.status == OrganisationStatus.APPROVED
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "organisation.create"))
    assert entry.target_id == created.id and entry.actor_id == admin_user.id
    page = admin_browser.get(f"/organisations/{created.id}").get_data(as_text=True)
    assert "МАОУ «Гимназия № 3»" in page and 'href="https://gym3.example.ru"' in page


def test_bad_input_is_refused_and_what_was_typed_is_kept(admin_browser, make):
    for website in ("javascript:alert(1)", "ftp://files.example.ru", "not a site", "http://"):
        response = admin_browser.post("/admin/organisations/new", _form(make, website=website,
                                                                         name="Школа, которую не сохранят"))
        html = response.get_data(as_text=True)
        assert response.status_code == 422, website
        assert 'value="Школа, которую не сохранят"' in html and 'aria-invalid="true"' in html
    assert admin_browser.post("/admin/organisations/new", _form(make, name="  ")).status_code == 422
    assert admin_browser.post("/admin/organisations/new", _form(make, kind="999999")).status_code == 422
    assert admin_browser.post("/admin/organisations/new", _form(make, status="secret")).status_code == 422
    assert db.session.scalar(select(Organisation).where(Organisation.name == "Школа, которую не сохранят")) is None


def test_a_name_is_unique_within_its_municipality(admin_browser, make):
    existing = make.organisation(name="МБОУ «СОШ № 1»")
    response = admin_browser.post("/admin/organisations/new", _form(make, name=existing.name))
    assert response.status_code == 422
    assert "already has an organisation with this name" in response.get_data(as_text=True)


def test_edit_is_shown_on_the_public_page_and_audited(admin_browser, admin_user, make):
    organisation = make.organisation(name="МБОУ «СОШ № 5»")
    form_page = admin_browser.get(f"/admin/organisations/{organisation.id}/edit").get_data(as_text=True)
    assert 'value="МБОУ «СОШ № 5»"' in form_page

    response = admin_browser.post(f"/admin/organisations/{organisation.id}/edit", _form(
        make, name="МБОУ «Центр образования № 5»", website="http://co5.example.ru", is_training_ground="",
    ))
    assert response.status_code == 303
    page = admin_browser.get(f"/organisations/{organisation.id}").get_data(as_text=True)
    assert "МБОУ «Центр образования № 5»" in page and 'href="http://co5.example.ru"' in page
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "organisation.update"))
    assert entry.actor_id == admin_user.id
    assert entry.details["changed"]["name"] == ["МБОУ «СОШ № 5»", "МБОУ «Центр образования № 5»"]

    # Back to "proposed": the public page no longer shows it.
    admin_browser.post(f"/admin/organisations/{organisation.id}/edit", _form(make, status="proposed"))
    assert admin_browser.get(f"/organisations/{organisation.id}").status_code == 404


def test_filters_and_search(admin_browser, make):
    school = make.organisation(name="МБОУ «Школа на Волге»")
    garden = make.organisation(name="МБДОУ «Детский сад „Ромашка“»", kind="kindergarten",
                               municipality_name="г. Набережные Челны")
    proposed = make.organisation(name="Частная школа «Свет»")
    proposed.status = OrganisationStatus.PROPOSED
    db.session.flush()

    assert _listed_ids(admin_browser.get("/admin/organisations?q=волге")) >= {school.id}
    assert _listed_ids(admin_browser.get("/admin/organisations?q=Волге")) == {school.id}
    assert _listed_ids(admin_browser.get(f"/admin/organisations?kind={garden.kind_id}")) == {garden.id}
    by_place = _listed_ids(admin_browser.get(f"/admin/organisations?municipality={garden.municipality_id}"))
    assert by_place == {garden.id}
    assert _listed_ids(admin_browser.get("/admin/organisations?status=proposed")) == {proposed.id}
    assert admin_browser.get("/admin/organisations?kind=x&municipality=-1&status=?").status_code == 200


def test_names_are_escaped(admin_browser, make):
    payload = '<img src=x onerror=alert(1)>'
    response = admin_browser.post("/admin/organisations/new", _form(make, name=payload, short_name=payload))
    assert response.status_code == 303
    html = admin_browser.get("/admin/organisations?q=img").get_data(as_text=True)
    assert payload not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    refused = admin_browser.post("/admin/organisations/new", _form(make, name=payload, website="javascript:x"))
    assert payload not in refused.get_data(as_text=True)


def test_search_finds_word_forms_numbers_and_abbreviations_public_or_proposed(admin_browser, make):
    """The admin's search is the site's (as /search and the registration picker), and still finds the proposed
    organisations the public index does not hold."""
    numbered = make.organisation(name="МАОУ «Лицей № 58»")
    long_named = make.organisation(name="МБОУ «Средняя общеобразовательная школа № 153»")
    make.organisation(name="МАОУ «Лицей № 131»")
    branch = make.organisation(name="Лицей № 58, филиал", municipality_name="г. Уфа")
    private = make.organisation(name="Частная средняя общеобразовательная школа «Свет»")
    for proposed in (branch, private):
        proposed.status = OrganisationStatus.PROPOSED
    db.session.commit()  # the index follows the commit

    def listed(query: str, **filters) -> set[int]:
        return _listed_ids(admin_browser.get("/admin/organisations", query_string={"q": query, **filters}))

    for query in ("лицей 58", "Лицей №58", "лицея № 58"):
        assert listed(query) == {numbered.id, branch.id}, query
    for query in ("СОШ № 153", "СОШ 153", "школы 153"):
        assert listed(query) == {long_named.id}, query
    assert listed("СОШ Свет") == {private.id}
    assert listed("лицей 58", status="proposed") == {branch.id}
    assert listed("лицей 999") == set()
