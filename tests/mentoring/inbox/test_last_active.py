"""A mentor's card in the lists says when the mentor was last active, as a date in the reader's language."""
from datetime import datetime

from flask_babel import force_locale

from mentorbank.mentors.cards import card_html, mentor_cards


def test_the_card_shows_the_day_the_mentor_was_last_active(app, make):
    profile = make.mentor("Орлова Елена Николаевна", last_active_at=datetime(2026, 11, 5, 9, 30))
    with app.test_request_context():
        with force_locale("en"):
            english = str(card_html(mentor_cards([profile.id])[profile.id]))
        with force_locale("ru"):
            russian = str(card_html(mentor_cards([profile.id])[profile.id]))
    assert 'Last active: <time datetime="2026-11-05">November 5, 2026</time>' in english
    assert 'Последняя активность: <time datetime="2026-11-05">5 ноября 2026\u202fг.</time>' in russian
