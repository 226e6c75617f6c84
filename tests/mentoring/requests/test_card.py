"""The mentor's card in the lists says whether a request can reach the mentor now, and leads to asking when it
can: a full mentor or one paused for silence is not shown as accepting, in the facet either."""
import pytest

from mentorbank.core.models import utcnow
from mentorbank.extensions import db
from mentorbank.mentoring.capacity import release_places, take_places
from mentorbank.mentors.cards import card_html, mentor_cards
from mentorbank.search import rebuild


def card_of(app, profile) -> str:
    with app.test_request_context():
        return str(card_html(mentor_cards([profile.id])[profile.id]))


def test_a_mentor_taking_requests_has_the_ask_link_on_the_card(app, make):
    profile = make.mentor("Орлова Елена Николаевна")
    card = card_of(app, profile)
    assert f'href="/mentors/{profile.id}/ask"' in card and "badge--open" in card


@pytest.mark.parametrize("why", ["full", "silent", "not accepting"])
def test_a_mentor_who_cannot_take_a_request_now_has_neither_badge_nor_link(app, make, why):
    profile = make.mentor("Орлова Елена Николаевна", capacity=1)
    if why == "full":
        assert take_places(profile.id)
    elif why == "silent":
        profile.silent_since = utcnow()
    else:
        profile.accepting_requests = False
    db.session.flush()
    card = card_of(app, profile)
    assert "/ask" not in card and "badge--open" not in card


def test_the_accepting_facet_follows_the_places(client, make):
    profile = make.mentor("Орлова Елена Николаевна", capacity=1)
    db.session.commit()
    rebuild()

    def listed() -> bool:
        return f'data-mentor-id="{profile.id}"' in client.get("/mentors?accepting=1").get_data(as_text=True)

    assert listed()
    assert take_places(profile.id)
    db.session.commit()  # the profile is reindexed after the commit, as any change
    assert not listed()
    release_places(profile.id)
    db.session.commit()
    assert listed()
