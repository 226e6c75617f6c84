"""Level 2: the mentee rates themselves on each direction of the programme, at the start and at the end."""
from sqlalchemy import select

from mentorbank.evaluation.models import AssessmentStage, SelfAssessment
from mentorbank.extensions import db
from mentorbank.mentoring.models import MentorshipStatus

from ..conftest import post_form
from .conftest import evaluation_url


def scores_of(pair, stage) -> dict[str, int]:
    rows = db.session.scalars(select(SelfAssessment).where(SelfAssessment.mentorship_id == pair.id,
                                                           SelfAssessment.stage == stage))
    return {row.direction.slug: row.score for row in rows}


def fields(pair, **scores) -> dict:
    by_slug = {direction.slug: direction.id for direction in pair.programme.directions}
    return {f"direction_{by_slug[slug]}": str(score) for slug, score in scores.items()}


def test_start_while_active_then_end_after_completion(client, log_in, active_pair):
    pair = active_pair
    log_in(pair.mentee)
    assert client.get(evaluation_url(pair, "/self-assessment/end")).status_code == 403
    response = post_form(client, evaluation_url(pair, "/self-assessment/start"), fields(pair, methodical=2, ict=1))
    assert response.status_code == 303
    assert scores_of(pair, AssessmentStage.START) == {"methodical": 2, "ict": 1}
    # Corrected, not doubled.
    post_form(client, evaluation_url(pair, "/self-assessment/start"), fields(pair, methodical=3, ict=1))
    assert scores_of(pair, AssessmentStage.START) == {"methodical": 3, "ict": 1}
    assert len(list(db.session.scalars(select(SelfAssessment)))) == 2

    pair.status, pair.completed_at, pair.completion_reason = MentorshipStatus.COMPLETED, pair.started_on, "plan_done"
    db.session.flush()
    assert client.get(evaluation_url(pair, "/self-assessment/start")).status_code == 403
    post_form(client, evaluation_url(pair, "/self-assessment/end"), fields(pair, methodical=5, ict=4))
    assert scores_of(pair, AssessmentStage.END) == {"methodical": 5, "ict": 4}
    # The mentor sees the progress.
    log_in(pair.mentor)
    page = client.get(evaluation_url(pair)).get_data(as_text=True)
    assert "3 of 5" in page and "5 of 5" in page and "4 of 5" in page


def test_every_direction_is_rated(client, log_in, active_pair):
    log_in(active_pair.mentee)
    response = post_form(client, evaluation_url(active_pair, "/self-assessment/start"),
                         fields(active_pair, methodical=2))
    assert response.status_code == 422 and "Choose a score from 1 to 5." in response.get_data(as_text=True)
    assert scores_of(active_pair, AssessmentStage.START) == {}


def test_a_programme_without_directions_says_so(client, log_in, make):
    pair = make.mentorship()
    log_in(pair.mentee)
    page = client.get(evaluation_url(pair, "/self-assessment/start"))
    assert page.status_code == 200 and "names no directions yet" in page.get_data(as_text=True)
    assert 'name="csrf_token"' not in page.get_data(as_text=True).split("<main", 1)[1].split("</main>")[0]


def test_only_the_mentee_assesses_and_an_unknown_stage_is_not_found(client, log_in, active_pair):
    log_in(active_pair.mentor)
    assert client.get(evaluation_url(active_pair, "/self-assessment/start")).status_code == 403
    log_in(active_pair.mentee)
    assert client.get(evaluation_url(active_pair, "/self-assessment/middle")).status_code == 404
