"""Places are taken only while free, and given back without going below zero."""
from mentorbank.extensions import db
from mentorbank.mentoring.capacity import release_places, take_places


def test_places_are_taken_while_free_and_given_back(make):
    profile = make.mentor(capacity=2)
    assert take_places(profile.id) and take_places(profile.id)
    assert not take_places(profile.id)
    db.session.refresh(profile)
    assert profile.active_mentees == 2 and not profile.takes_requests
    release_places(profile.id, 3)
    db.session.refresh(profile)
    assert profile.active_mentees == 0
    assert not take_places(profile.id, 3)
