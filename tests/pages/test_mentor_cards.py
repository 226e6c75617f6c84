"""The mentor cards of the lists are kept rendered (mentors/cards.py): a kept card must never outlive what it
shows, never cross languages and never carry anything of one viewer to another."""
import re

import pytest
from flask import current_app
from sqlalchemy import text

from mentorbank.accounts.models import Role
from mentorbank.extensions import db
from mentorbank.moderation.decisions import approve_mentor_profile

from ..conftest import set_locale
from ..mentors.application_forms import own_profile, press, save_draft


def card_of(html: str, profile_id: int) -> str | None:
    found = re.search(rf'<article class="mentor-card" data-mentor-id="{profile_id}">.*?</article>', html, re.S)
    return found.group() if found else None


def bank_card(client, profile_id: int, url: str = "/mentors") -> str | None:
    return card_of(client.get(url).get_data(as_text=True), profile_id)


@pytest.fixture
def mentor(make):
    profile = make.mentor("Абрамова Анна", terms={"mode": ["remote"]}, accepting_requests=True,
                          bio="Наставничество молодых учителей математики.")
    db.session.commit()
    return profile


def test_an_approved_revision_shows_on_the_card_at_once(client, make, log_in):
    author = log_in(make.user(full_name="Петрова Анна Сергеевна", email="anna.petrova@example.org"), locale="ru")
    published = make.mentor(user=author, accepting_requests=True)
    db.session.commit()
    assert "Принимает запросы" in bank_card(client, published.id)

    save_draft(client, f"/account/mentor-profiles/{published.id}/edit", accepting_requests=None)
    revision = own_profile(author).pending_revision
    press(client, f"/account/mentor-profiles/{revision.id}/submit")
    assert "Принимает запросы" in bank_card(client, published.id)  # the approved version stays until approval

    moderator = make.user("Модератор Пётр", email="moderator@example.org", roles=(Role.MODERATOR,))
    with current_app.test_request_context():  # the author's notification renders a mail
        approve_mentor_profile(own_profile(author).pending_revision, moderator)
    db.session.commit()
    card = bank_card(client, published.id)
    assert "Сейчас не принимает запросы" in card and "Принимает запросы" not in card


def test_a_card_follows_the_database_even_when_the_index_has_not(client, mentor):
    before = bank_card(client, mentor.id)
    # Straight in SQL: no outbox row, the search index is not told; the card must change anyway.
    db.session.execute(text("UPDATE organisation SET short_name = 'Гимназия № 7' WHERE id = :id"),
                       {"id": mentor.organisation_id})
    db.session.execute(text("UPDATE mentor_profile SET accepting_requests = :no WHERE id = :id"),
                       {"id": mentor.id, "no": False})
    db.session.commit()
    after = bank_card(client, mentor.id)
    assert after != before
    assert "Гимназия № 7" in after and "Сейчас не принимает запросы" in after


def test_a_withdrawn_profile_leaves_the_list_though_its_card_was_kept(client, make, log_in):
    author = log_in(make.user(full_name="Петрова Анна Сергеевна", email="anna.petrova@example.org"), locale="ru")
    profile = make.mentor(user=author, bio="Робототехника и конструирование.")
    db.session.commit()
    assert bank_card(client, profile.id) is not None
    assert bank_card(client, profile.id, "/mentors?q=робототехника") is not None

    assert press(client, f"/account/mentor-profiles/{profile.id}/withdraw").status_code == 303

    assert bank_card(client, profile.id) is None
    assert bank_card(client, profile.id, "/mentors?q=робототехника") is None
    assert f'data-mentor-id="{profile.id}"' not in client.get("/").get_data(as_text=True)


def test_a_profile_no_longer_public_is_not_shown_even_before_the_index_knows(client, mentor):
    assert bank_card(client, mentor.id) is not None
    db.session.execute(text("UPDATE mentor_profile SET status = 'withdrawn', publication_consent_at = NULL "
                            "WHERE id = :id"), {"id": mentor.id})
    db.session.commit()
    assert bank_card(client, mentor.id) is None


def test_cards_never_cross_languages(client, mentor):
    russian = bank_card(client, mentor.id)
    set_locale(client, "en")
    english = bank_card(client, mentor.id)
    set_locale(client, "ru")
    russian_again = bank_card(client, mentor.id)
    assert "дистанционный" in russian and "Принимает запросы" in russian
    assert "remote" in english and "Accepting requests" in english
    assert "дистанционный" not in english and "Принимает запросы" not in english
    assert russian_again == russian


def test_the_snippet_belongs_to_the_query_not_to_the_kept_card(client, mentor):
    found = bank_card(client, mentor.id, "/mentors?q=математики")
    assert '<p class="snippet">' in found and "<mark>" in found
    plain = bank_card(client, mentor.id, "/mentors")
    assert "snippet" not in plain and "<mark>" not in plain
    assert "<!--" not in plain and "<!--" not in found


def test_a_card_is_the_same_for_every_viewer(client, mentor, make, log_in):
    anonymous = bank_card(client, mentor.id)
    log_in(make.user("Модератор Пётр", email="moderator@example.org", roles=(Role.MODERATOR,)), locale="ru")
    assert client.get("/mentors").get_data(as_text=True).count("Модерация") >= 1  # the viewer is logged in
    assert bank_card(client, mentor.id) == anonymous


def test_the_kept_facet_counts_follow_a_new_mentor(client, mentor, make):
    def remote_count() -> str:
        html = client.get("/mentors?page=1").get_data(as_text=True)
        return re.search(r'value="remote"[^>]*>\s*дистанционный <span class="count">(\d+)</span>', html).group(1)

    assert remote_count() == "1"
    make.mentor("Борисов Борис", terms={"mode": ["remote"]})
    db.session.commit()
    assert remote_count() == "2"
