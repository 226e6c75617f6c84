"""The organisation picker of the registration form: htmx as you type, a plain form without JavaScript."""
import pytest

from mentorbank.extensions import db
from mentorbank.organisations.models import OrganisationStatus

from tests.conftest import post_form

from .conftest import registration_data

HTMX = {"HX-Request": "true"}


@pytest.fixture
def directory(make):
    lyceum = make.organisation(name="МАОУ «Лицей № 131»")
    lyceum.short_name = "Лицей 131"
    school = make.organisation(name="МБОУ «Школа № 5 имени Алёшина»", municipality_name="г. Абакан",
                               region_name="Республика Хакасия")
    hidden = make.organisation(name="Лицей, который ещё проверяют")
    hidden.status = OrganisationStatus.PROPOSED
    numbered = make.organisation(name="МАОУ «Лицей № 58»")
    long_named = make.organisation(name="МБОУ «Средняя общеобразовательная школа № 153»", municipality_name="г. Уфа",
                                   region_name="Республика Башкортостан")
    hidden_numbered = make.organisation(name="Лицей № 58, филиал")
    hidden_numbered.status = OrganisationStatus.PROPOSED
    # Committed, so the search index follows, as after an admin's or a moderator's save.
    db.session.commit()
    return {"lyceum": lyceum, "school": school, "hidden": hidden, "numbered": numbered, "long_named": long_named,
            "hidden_numbered": hidden_numbered}


def options(response) -> str:
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_lookup_answers_htmx_with_approved_matches_only(client, directory):
    html = options(client.get("/auth/organisations?q=ЛИЦЕЙ", headers=HTMX))
    assert f'value="{directory["lyceum"].id}"' in html
    assert f'value="{directory["hidden"].id}"' not in html, "a proposed organisation is not in the directory yet"
    assert f'value="{directory["school"].id}"' not in html
    assert "<html" not in html, "a fragment, not a page"


@pytest.mark.parametrize("query", ["лицей 131", "ЛИЦЕЙ 131", "131", "алешина", "АЛЁШИНА"])
def test_lookup_ignores_case_and_yo(client, directory, query):
    html = options(client.get("/auth/organisations", query_string={"q": query}, headers=HTMX))
    assert 'name="organisation_id"' in html


@pytest.mark.parametrize(("query", "wanted"), [
    ("лицей 58", "numbered"), ("Лицей №58", "numbered"), ("лицея 58", "numbered"),
    ("СОШ № 153", "long_named"), ("СОШ 153", "long_named"), ("школа 153", "long_named"),
    ("средней общеобразовательной школы № 153", "long_named"),
])
def test_lookup_finds_what_the_site_search_finds(client, directory, query, wanted):
    """Word forms, numbers with or without «№» and abbreviations, as on /search; only public organisations."""
    html = options(client.get("/auth/organisations", query_string={"q": query}, headers=HTMX))
    offered = {org.id for org in directory.values() if f'value="{org.id}"' in html}
    assert offered == {directory[wanted].id}


def test_a_school_not_in_the_directory_is_not_answered_by_its_namesakes(client, directory):
    """«Лицей № 999» is not there: no other lyceum is offered, the visitor is invited to propose it."""
    html = options(client.get("/auth/organisations", query_string={"q": "лицей 999"}, headers=HTMX))
    assert 'name="organisation_id"' not in html and "лицей 999" in html


def test_lookup_offers_a_name_still_being_typed(client, directory):
    html = options(client.get("/auth/organisations?q=лиц", headers=HTMX))
    assert f'value="{directory["lyceum"].id}"' in html and f'value="{directory["numbered"].id}"' in html
    assert f'value="{directory["hidden"].id}"' not in html


def test_lookup_keeps_the_chosen_organisation_while_searching_for_another(client, directory):
    html = options(client.get("/auth/organisations", headers=HTMX, query_string={
        "q": "алешина", "organisation_id": directory["lyceum"].id}))
    assert f'value="{directory["lyceum"].id}" checked' in html
    assert f'value="{directory["school"].id}"' in html


def test_lookup_escapes_names(client, make):
    make.organisation(name='<img src=x onerror=alert(1)> Гимназия')
    html = options(client.get("/auth/organisations?q=гимназия", headers=HTMX))
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt; Гимназия" in html


def test_empty_or_unmatched_query_gives_no_choices(client, directory):
    assert 'name="organisation_id"' not in options(client.get("/auth/organisations?q=", headers=HTMX))
    assert 'name="organisation_id"' not in options(client.get("/auth/organisations?q=zzz", headers=HTMX))


def test_without_javascript_the_lookup_leads_to_the_registration_form(client, directory):
    response = client.get("/auth/organisations?q=лицей")
    assert response.status_code == 303
    page = options(client.get(response.headers["Location"]))
    assert 'id="register-form"' in page and f'value="{directory["lyceum"].id}"' in page


def test_the_find_button_shows_matches_and_keeps_the_form(client, directory):
    data = registration_data(None, q="лицей", find="1", consent=None)
    html = options(post_form(client, "/auth/register", data))
    assert f'value="{directory["lyceum"].id}"' in html
    assert 'value="new.teacher@example.org"' in html
    assert "-errors" not in html, "looking up is not submitting: nothing is validated yet"


def test_the_htmx_lookup_never_sends_the_password(client):
    html = client.get("/auth/register").get_data(as_text=True)
    assert 'hx-params="q,organisation_id"' in html
