"""Levels 3 and 4: curators of either school write observations (with a rating) and notes on results; everyone
who sees the mentorship reads them."""
from sqlalchemy import select

from mentorbank.accounts.models import Role
from mentorbank.evaluation.models import EvaluationNote, NoteLevel
from mentorbank.extensions import db

from ..conftest import post_form
from .conftest import evaluation_url


def notes_of(pair) -> list[EvaluationNote]:
    return list(db.session.scalars(select(EvaluationNote).where(EvaluationNote.mentorship_id == pair.id)))


def test_a_curator_writes_an_observation_and_a_note_on_results(client, log_in, pair, curator):
    log_in(curator)
    assert "Add an observation" in client.get(evaluation_url(pair)).get_data(as_text=True)
    response = post_form(client, evaluation_url(pair, "/observations/new"),
                         {"text": "На открытом уроке применила приёмы формирующего оценивания.", "rating": "4"})
    assert response.status_code == 303
    post_form(client, evaluation_url(pair, "/results/new"), {"text": "Учитель остался в школе, ведёт кружок."})
    observation, results = sorted(notes_of(pair), key=lambda note: note.level != NoteLevel.OBSERVATION)
    assert (observation.level, observation.rating, observation.author_id) == (NoteLevel.OBSERVATION, 4, curator.id)
    assert observation.organisation_id == pair.mentee_organisation_id
    assert (results.level, results.rating) == (NoteLevel.RESULTS, None)

    log_in(pair.mentee)
    page = client.get(evaluation_url(pair)).get_data(as_text=True)
    assert "формирующего оценивания" in page and "Rating: 4 of 5" in page and "ведёт кружок" in page
    assert "Add an observation" not in page


def test_an_observation_needs_its_text_and_rating(client, log_in, pair, curator):
    log_in(curator)
    response = post_form(client, evaluation_url(pair, "/observations/new"), {"text": "Стало лучше.", "rating": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Стало лучше." in page and 'href="#rating-0"' in page
    response = post_form(client, evaluation_url(pair, "/results/new"), {"text": "   "})
    assert response.status_code == 422
    assert notes_of(pair) == []


def test_a_curator_of_the_mentors_school_writes_for_it(client, log_in, make, pair):
    curator = make.user("Белова Вера Олеговна", org=pair.mentor_organisation, roles=(Role.CURATOR,))
    log_in(curator)
    post_form(client, evaluation_url(pair, "/results/new"), {"text": "Наставник обобщил опыт на семинаре."})
    [note] = notes_of(pair)
    assert note.organisation_id == pair.mentor_organisation_id


def test_members_and_other_curators_do_not_write(client, log_in, make, pair, moderator):
    other_curator = make.user("Чужой Куратор", org=make.organisation("МБОУ СОШ № 99"), roles=(Role.CURATOR,))
    for person, status in ((pair.mentee, 403), (pair.mentor, 403), (moderator, 403), (other_curator, 404)):
        log_in(person)
        assert client.get(evaluation_url(pair, "/observations/new")).status_code == status
        assert client.get(evaluation_url(pair, "/results/new")).status_code == status
