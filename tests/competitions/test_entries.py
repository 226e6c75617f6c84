"""Entering a competition: open only between its times by the server's clock; nobody enters or edits after."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from mentorbank.competitions import services
from mentorbank.competitions.models import CompetitionStatus, Entry
from mentorbank.core.models import utcnow
from mentorbank.extensions import db
from tests.conftest import post_form

from .conftest import close_entries, make_entry


def entry_fields(competition, **changes):
    return {"nomination_id": str(competition.nominations[1].id), "title": "Школа молодого педагога",
            "description": "Команда наставников ведёт молодых учителей.", "participants": "Петрова Анна Сергеевна",
            "is_team": "y", "team_name": "Методическое объединение", "source_practice_id": "0", **changes}


def entries_count() -> int:
    return db.session.scalar(select(func.count(Entry.id)))


def test_a_participant_enters_as_a_team_while_entries_are_open(client, log_in, competition, participant):
    log_in(participant)
    response = post_form(client, f"/competitions/{competition.id}/enter", entry_fields(competition))
    assert response.status_code == 303
    entry = db.session.scalar(select(Entry))
    assert (entry.title, entry.is_team, entry.team_name) == ("Школа молодого педагога", True, "Методическое объединение")
    assert entry.organisation_id == participant.organisation_id and entry.submitted_by_id == participant.id
    assert "Школа молодого педагога" in client.get(f"/competitions/{competition.id}").text  # "my entries"


def test_entering_needs_a_log_in(client, competition):
    response = client.get(f"/competitions/{competition.id}/enter")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_an_entry_without_a_title_is_refused_with_the_summary(client, log_in, competition, participant):
    log_in(participant)
    response = post_form(client, f"/competitions/{competition.id}/enter", entry_fields(competition, title=""))
    assert response.status_code == 422 and 'id="error-summary"' in response.text
    assert entries_count() == 0


def test_nobody_enters_after_the_deadline(client, log_in, competition, participant):
    log_in(participant)
    token_page = client.get(f"/competitions/{competition.id}/enter")
    assert token_page.status_code == 200
    close_entries(competition)
    # The request's own notion of time (a header, a field) changes nothing: the server's clock decides.
    response = post_form(client, f"/competitions/{competition.id}/enter",
                         entry_fields(competition, now=(utcnow() - timedelta(days=3)).isoformat()),
                         page_url="/", headers={"Date": "Mon, 01 Jan 2024 00:00:00 GMT"})
    assert response.status_code == 403
    assert entries_count() == 0


def test_nobody_edits_after_the_deadline(client, log_in, competition, participant):
    entry = make_entry(competition, participant)
    log_in(participant)
    url = f"/competitions/{competition.id}/entries/{entry.id}/edit"
    assert client.get(url).status_code == 200
    close_entries(competition)
    response = post_form(client, url, entry_fields(competition, title="Изменено после срока"), page_url="/")
    assert response.status_code == 403
    db.session.refresh(entry)
    assert entry.title != "Изменено после срока"


def test_the_service_refuses_on_both_sides_of_a_frozen_deadline(monkeypatch, competition, participant):
    deadline = competition.entries_close_at
    monkeypatch.setattr("mentorbank.competitions.models.utcnow", lambda: deadline - timedelta(seconds=1))
    entry = make_entry(competition, participant)  # a second before: accepted
    monkeypatch.setattr("mentorbank.competitions.models.utcnow", lambda: deadline)
    with pytest.raises(services.EntriesClosed):
        make_entry(competition, participant)
    with pytest.raises(services.EntriesClosed):
        services.edit_entry(entry, participant, **{name: getattr(entry, name) for name in services.ENTRY_FIELDS})


def test_before_entries_open_nobody_enters(competition, participant):
    competition.entries_open_at = utcnow() + timedelta(days=1)
    competition.entries_close_at = utcnow() + timedelta(days=2)
    with pytest.raises(services.EntriesClosed):
        make_entry(competition, participant)


def test_another_person_cannot_edit_an_entry(client, log_in, make, competition, participant):
    entry = make_entry(competition, participant)
    log_in(make.user(full_name="Чужой Человек", email="other@example.org"))
    assert client.get(f"/competitions/{competition.id}/entries/{entry.id}/edit").status_code == 404


def test_a_draft_competition_takes_no_entries_and_is_not_public(client, log_in, moderator, competition,
                                                                 participant):
    services.move_competition(competition, CompetitionStatus.DRAFT, moderator)
    assert client.get(f"/competitions/{competition.id}").status_code == 404
    log_in(participant)
    assert client.get(f"/competitions/{competition.id}/enter").status_code == 404


def test_entering_without_the_csrf_token_is_refused(client, log_in, competition, participant):
    log_in(participant)
    response = client.post(f"/competitions/{competition.id}/enter", data=entry_fields(competition))
    assert response.status_code == 400 and entries_count() == 0


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_an_entry_carries_attachments_seen_only_once_admitted(client, log_in, moderator, competition, participant):
    import io

    from mentorbank.attachments import attachments_of
    from mentorbank.attachments.routes import url_for_attachment

    log_in(participant)
    fields = entry_fields(competition, attachments=(io.BytesIO(PDF), "Описание практики.pdf"))
    response = post_form(client, f"/competitions/{competition.id}/enter", fields,
                         content_type="multipart/form-data")
    assert response.status_code == 303
    entry = db.session.scalar(select(Entry))
    [attachment] = attachments_of("competition_entry", entry.id)
    assert attachment.original_name == "Описание практики.pdf"
    with client.application.test_request_context():
        url = url_for_attachment(attachment)
    served = client.get(url)
    assert served.status_code == 200  # the author
    served.close()
    with client.session_transaction() as session:
        session.clear()
    assert client.get(url).status_code == 404  # a visitor, before admission


def test_a_disguised_executable_is_refused_and_no_entry_is_stored(client, log_in, competition, participant):
    import io

    log_in(participant)
    fields = entry_fields(competition, attachments=(io.BytesIO(b"MZ\x90\x00" + b"\x00" * 100), "практика.pdf"))
    response = post_form(client, f"/competitions/{competition.id}/enter", fields,
                         content_type="multipart/form-data")
    assert response.status_code == 422 and entries_count() == 0
