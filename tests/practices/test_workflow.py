"""The practice workflow over HTTP: draft → submitted → published | returned with a reason → resubmitted; an edit
of a published practice waits for moderation while the published version stays public; who may do each step."""
from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.practices.models import PracticeStatus

from ..conftest import post_form
from .conftest import newest_practice_of, practice_form


def _actions(practice) -> list[str]:
    return list(db.session.scalars(db.select(AuditEntry.action).where(
        AuditEntry.target_type == "practice", AuditEntry.target_id == practice.id).order_by(AuditEntry.id)))


def test_a_draft_is_saved_and_not_public(client, log_in, author, make):
    log_in(author)
    response = post_form(client, "/practices/new", practice_form(make, save="y"))
    assert response.status_code == 303
    practice = newest_practice_of(author)
    assert practice.pending_version.status == PracticeStatus.DRAFT
    assert practice.pending_version.authors == [author]
    assert client.get(f"/practices/{practice.id}").status_code == 404
    assert "Первые шаги" in client.get(f"/practices/{practice.id}/edit").get_data(as_text=True)


def test_a_submission_needs_what_makes_the_practice_useful_and_keeps_what_was_typed(client, log_in, author, make):
    log_in(author)
    response = post_form(client, "/practices/new", practice_form(make, body="", directions=[],
                                                                 submit_for_review="y"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="error-summary"' in page and "Required to submit the practice for moderation." in page
    assert "Сопровождение молодых учителей в первый год работы в школе." in page  # typed text kept
    assert newest_practice_of(author) is None


def test_submitted_returned_resubmitted_published(client, log_in, author, moderator, make):
    log_in(author)
    post_form(client, "/practices/new", practice_form(make, submit_for_review="y"))
    practice = newest_practice_of(author)
    assert practice.pending_version.status == PracticeStatus.SUBMITTED
    log_in(moderator)
    assert "Первые шаги" in client.get("/moderation?type=practice").get_data(as_text=True)
    no_reason = post_form(client, f"/moderation/practices/{practice.id}/return", {"reason": " "},
                          page_url=f"/moderation/practices/{practice.id}")
    assert no_reason.status_code == 422
    post_form(client, f"/moderation/practices/{practice.id}/return", {"reason": "Добавьте цифры результатов."},
              page_url=f"/moderation/practices/{practice.id}")
    assert practice.pending_version.status == PracticeStatus.RETURNED
    assert client.get(f"/practices/{practice.id}").status_code == 404

    log_in(author)
    form_page = client.get(f"/practices/{practice.id}/edit").get_data(as_text=True)
    assert "Добавьте цифры результатов." in form_page
    post_form(client, f"/practices/{practice.id}/edit",
              practice_form(make, results="Удержание молодых учителей выросло до 95 %.", submit_for_review="y"))
    assert practice.pending_version.status == PracticeStatus.SUBMITTED

    log_in(moderator)
    response = post_form(client, f"/moderation/practices/{practice.id}/approve", {"confirm": "y"},
                         page_url=f"/moderation/practices/{practice.id}")
    assert response.status_code == 303
    assert practice.pending_version is None and practice.published_version.status == PracticeStatus.PUBLISHED
    page = client.get(f"/practices/{practice.id}").get_data(as_text=True)
    assert "Удержание молодых учителей выросло до 95 %." in page
    assert _actions(practice) == ["practice.submit", "practice.return", "practice.resubmit", "practice.approve"]


def test_an_edit_of_a_published_practice_waits_while_the_published_version_stays(client, log_in, make, moderator):
    practice = make.practice("Школа молодого педагога")
    author = practice.owner
    log_in(author)
    post_form(client, f"/practices/{practice.id}/edit",
              practice_form(make, title="Школа молодого педагога 2.0", submit_for_review="y"))
    assert practice.pending_version.status == PracticeStatus.SUBMITTED
    public = client.get(f"/practices/{practice.id}").get_data(as_text=True)
    assert "Школа молодого педагога" in public and "2.0" not in public
    assert client.get(f"/api/v1/practices/{practice.id}").get_json()["title"] == "Школа молодого педагога"

    log_in(moderator)
    moderator_page = client.get(f"/moderation/practices/{practice.id}").get_data(as_text=True)
    assert 'id="revision-changes"' in moderator_page
    assert "<del>Школа молодого педагога</del> → <ins>Школа молодого педагога 2.0</ins>" in moderator_page
    post_form(client, f"/moderation/practices/{practice.id}/approve", {"confirm": "y"},
              page_url=f"/moderation/practices/{practice.id}")
    assert "Школа молодого педагога 2.0" in client.get(f"/practices/{practice.id}").get_data(as_text=True)


def test_nobody_decides_on_their_own_practice(client, log_in, make, moderator):
    practice = make.practice(status="submitted", owner=moderator)
    log_in(moderator)
    post_form(client, f"/moderation/practices/{practice.id}/approve", {"confirm": "y"},
              page_url=f"/moderation/practices/{practice.id}")
    assert practice.pending_version.status == PracticeStatus.SUBMITTED
    assert practice.published_version is None


def test_a_decided_practice_cannot_be_decided_again(client, log_in, make, moderator):
    practice = make.practice(status="returned")
    log_in(moderator)
    response = post_form(client, f"/moderation/practices/{practice.id}/approve", {"confirm": "y"},
                         page_url=f"/moderation/practices/{practice.id}")
    assert response.status_code == 303
    assert practice.published_version is None


def test_only_moderators_decide_and_only_the_owner_edits(client, log_in, make, participant):
    practice = make.practice(status="submitted")
    assert client.get(f"/practices/{practice.id}/edit").status_code == 302  # to the log-in page
    assert "/auth/login" in client.get(f"/moderation/practices/{practice.id}").headers["Location"]
    log_in(participant)
    assert client.get(f"/moderation/practices/{practice.id}").status_code == 403
    assert post_form(client, f"/moderation/practices/{practice.id}/approve", {"confirm": "y"},
                     page_url="/").status_code == 403
    assert client.get(f"/practices/{practice.id}/edit").status_code == 404
    assert post_form(client, f"/practices/{practice.id}/submit", page_url="/").status_code == 404
    assert practice.pending_version.status == PracticeStatus.SUBMITTED


def test_posts_without_a_csrf_token_are_refused(client, log_in, make, moderator):
    practice = make.practice(status="submitted")
    log_in(moderator)
    assert client.post(f"/moderation/practices/{practice.id}/approve", data={"confirm": "y"}).status_code == 400
    assert practice.pending_version.status == PracticeStatus.SUBMITTED


def test_the_body_is_rendered_as_markdown_and_sanitised(client, make):
    practice = make.practice(body="## Этапы\n\n**Важно**<script>alert(1)</script>[ссылка](javascript:alert(1))")
    page = client.get(f"/practices/{practice.id}").get_data(as_text=True)
    assert "<h2>Этапы</h2>" in page and "<strong>Важно</strong>" in page
    assert "<script>alert(1)" not in page and 'href="javascript' not in page


def test_the_author_follows_their_practices_in_my_submissions(client, log_in, make):
    practice = make.practice("Наставничество в малой школе", status="returned")
    log_in(practice.owner)
    page = client.get("/account/submissions").get_data(as_text=True)
    assert "Наставничество в малой школе" in page and "Добавьте результаты." in page
