"""The moderator's competition: created with the seeds' nominations and criteria, the jury picked by name
without JavaScript (and as one types with htmx)."""
from sqlalchemy import select

from mentorbank.accounts.models import User
from mentorbank.competitions.models import Competition, CompetitionStatus
from mentorbank.competitions.services import DEFAULT_CRITERIA, DEFAULT_NOMINATIONS
from mentorbank.extensions import db
from tests.conftest import post_form


def test_a_moderator_creates_a_competition_with_the_default_nominations_and_weighted_criteria(client, log_in,
                                                                                             moderator):
    log_in(moderator)
    form = client.get("/competitions/new").text
    for name in DEFAULT_NOMINATIONS + tuple(name for name, _weight in DEFAULT_CRITERIA):
        assert name in form
    response = post_form(client, "/competitions/new", {
        "title": "Эффективные практики наставничества", "year": "2026", "level": "regional",
        "rules": "**Положение**", "entries_open_at": "2026-09-01T09:00", "entries_close_at": "2026-11-01T18:00",
        "nomination_names": "\n".join(DEFAULT_NOMINATIONS),
        "criteria_lines": "уникальность и инновационность\nпотенциал масштабирования | 2",
    })
    assert response.status_code == 303
    competition = db.session.scalar(select(Competition))
    assert competition.status == CompetitionStatus.DRAFT
    assert [n.name for n in competition.nominations] == list(DEFAULT_NOMINATIONS)
    assert [(c.name, c.weight) for c in competition.criteria] == [
        ("уникальность и инновационность", 1), ("потенциал масштабирования", 2)]
    assert client.get(f"/competitions/{competition.id}").status_code == 200  # a moderator sees the draft


def test_closing_before_opening_is_refused(client, log_in, moderator):
    log_in(moderator)
    response = post_form(client, "/competitions/new", {
        "title": "Конкурс", "year": "2026", "level": "regional", "entries_open_at": "2026-11-01T09:00",
        "entries_close_at": "2026-09-01T18:00", "nomination_names": "педагог – педагог", "criteria_lines": "новизна",
    })
    assert response.status_code == 422 and 'id="error-summary"' in response.text
    assert db.session.scalar(select(Competition.id)) is None


def test_the_jury_picker_finds_people_by_name_without_javascript_and_with_htmx(client, log_in, make, moderator,
                                                                               competition):
    make.user(full_name="Жюри Ольга Ивановна", email="olga.jury@example.org")
    make.user(full_name="Совсем Другой Человек", email="other@example.org")
    db.session.commit()
    log_in(moderator)
    page = client.get(f"/competitions/{competition.id}/manage", query_string={"q": "ольга"}).text
    assert "Жюри Ольга Ивановна" in page and "Совсем Другой Человек" not in page
    fragment = client.get(f"/competitions/{competition.id}/manage", query_string={"q": "ольга"},
                          headers={"HX-Request": "true", "HX-Target": "jury-candidates"})
    assert fragment.text.lstrip().startswith('<div id="jury-candidates"') and "<html" not in fragment.text
    juror = db.session.scalar(select(User.id).where(User.email == "olga.jury@example.org"))
    post_form(client, f"/competitions/{competition.id}/jury",
              {"add": str(juror), "nominations": str(competition.nominations[0].id)},
              page_url=f"/competitions/{competition.id}/manage")
    db.session.refresh(competition)
    [member] = competition.jury
    assert member.user_id == juror and [n.name for n in member.nominations] == [DEFAULT_NOMINATIONS[0]]
