"""Vocabularies: add a term (with its key), edit it, deactivate it; the bank's facets follow."""
from sqlalchemy import select

from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.vocabularies.models import Term, Vocabulary, terms_of


def _term(vocabulary: str, slug: str) -> Term | None:
    return db.session.scalar(select(Term).where(Term.vocabulary == vocabulary, Term.slug == slug))


def test_the_list_shows_every_vocabulary(admin_browser):
    html = admin_browser.get("/admin/vocabularies").get_data(as_text=True)
    for vocabulary in Vocabulary:
        assert f'data-vocabulary="{vocabulary.value}"' in html


def test_add_a_term_with_a_key_made_from_the_english_name(admin_browser, admin_user):
    response = admin_browser.post("/admin/vocabularies/direction/terms", {
        "name": "Финансовая грамотность", "name_en": "Financial literacy (basics)", "position": "40", "is_active": "y",
    })
    assert response.status_code == 303 and response.headers["Location"] == "/admin/vocabularies/direction"
    term = _term("direction", "financial-literacy-basics")
    assert term.name == "Финансовая грамотность" and term.position == 40 and term.is_active
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "term.create"))
    assert entry.target_id == term.id and entry.actor_id == admin_user.id


def test_a_given_key_must_be_well_formed_and_unique_in_its_vocabulary(admin_browser):
    typed = {"name": "Гибридный", "name_en": "Hybrid", "is_active": "y"}
    bad = admin_browser.post("/admin/vocabularies/mode/terms", {**typed, "slug": "Hy brid!"})
    assert bad.status_code == 422 and 'value="Гибридный"' in bad.get_data(as_text=True)
    taken = admin_browser.post("/admin/vocabularies/mode/terms", {**typed, "slug": "remote"})
    assert taken.status_code == 422 and "already used" in taken.get_data(as_text=True)
    no_latin = admin_browser.post("/admin/vocabularies/mode/terms", {**typed, "name_en": "—"})
    assert no_latin.status_code == 422
    assert admin_browser.post("/admin/vocabularies/mode/terms", {**typed, "name": ""}).status_code == 422
    # The same key in another vocabulary is fine.
    assert admin_browser.post("/admin/vocabularies/track/terms", {**typed, "slug": "remote"}).status_code == 303
    assert _term("track", "remote") is not None


def test_edit_and_deactivate_a_term_keeps_existing_links(admin_browser, make):
    profile = make.mentor(terms={"mode": ["remote"]})
    term = _term("mode", "remote")
    page = admin_browser.get(f"/admin/vocabularies/mode/terms/{term.id}/edit").get_data(as_text=True)
    assert f'value="{term.name}"' in page

    response = admin_browser.post(f"/admin/vocabularies/mode/terms/{term.id}/edit", {
        "name": "Дистанционный (онлайн)", "name_en": "Remote (online)", "position": "5",
    })
    assert response.status_code == 303
    db.session.refresh(term)
    assert (term.name, term.is_active, term.slug) == ("Дистанционный (онлайн)", False, "remote")
    assert term not in terms_of(Vocabulary.MODE) and term in terms_of(Vocabulary.MODE, active_only=False)
    db.session.refresh(profile)
    assert term in profile.terms
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "term.update"))
    assert entry.details["changed"]["is_active"] == [True, False]

    invalid = admin_browser.post(f"/admin/vocabularies/mode/terms/{term.id}/edit", {"name": "", "name_en": "X"})
    assert invalid.status_code == 422


def test_a_new_active_term_appears_in_the_bank_facets(admin_browser, make):
    admin_browser.post("/admin/vocabularies/direction/terms", {
        "name": "Шахматное образование", "name_en": "Chess education", "is_active": "y",
    })
    make.mentor(terms={"direction": ["chess-education"]})
    db.session.commit()  # the bank's index follows commits
    with admin_browser.client.session_transaction() as session:
        session["locale"] = "ru"
    assert "Шахматное образование" in admin_browser.get("/mentors").get_data(as_text=True)


def test_names_are_escaped(admin_browser):
    payload = "<b onmouseover=alert(1)>жирный</b>"
    admin_browser.post("/admin/vocabularies/level/terms", {"name": payload, "name_en": payload, "slug": "bold", "is_active": "y"})
    for url in ("/admin/vocabularies/level", "/admin/vocabularies"):
        html = admin_browser.get(url).get_data(as_text=True)
        assert payload not in html and "&lt;b onmouseover=alert(1)&gt;" in html
