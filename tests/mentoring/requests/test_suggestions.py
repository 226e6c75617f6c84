""""Suggest me a mentor" on a small known bank: who is suggested, in which order, and why; who never is."""
import pytest
from flask_babel import force_locale

from mentorbank.core.models import utcnow
from mentorbank.mentoring.models import RequestStatus
from mentorbank.mentoring.suggestions import suggest
from mentorbank.mentors.models import ProfileStatus
from mentorbank.search import best_similarity, similar_texts

from .conftest import DIFFICULTIES


@pytest.fixture
def request_(make, mentee):
    """An open request of a teacher in Kazan (Tatarstan): methodical work and ICT, teacher – teacher, remote."""
    request = make.mentoring_request(mentee=mentee, status=RequestStatus.OPEN, difficulties=DIFFICULTIES,
                                     directions=("methodical", "ict"))
    request.form = make.term("form", "teacher-teacher")
    request.mode = make.term("mode", "remote")
    return request


@pytest.fixture
def bank(make, mentee):
    far = {"municipality_name": "г. Пермь", "region_name": "Пермский край"}
    near = {"municipality_name": "г. Набережные Челны"}  # Tatarstan, as the mentee
    bank = {
        "best": make.mentor("Алексеева Анна", org=make.organisation(**near), terms={
            "direction": ["methodical", "ict"], "form": ["teacher-teacher"], "mode": ["remote"]}),
        "far_remote": make.mentor("Борисова Вера", org=make.organisation(**far), terms={
            "direction": ["methodical"], "mode": ["remote", "blended"]}),
        "experienced": make.mentor("Васильева Галина", org=make.organisation(**near), terms={
            "direction": ["health"], "mode": ["in-person"]}),
        # Nothing in common (another region, in person, other directions): not suggested.
        "unrelated": make.mentor("Григорьева Дарья", org=make.organisation(**far), terms={
            "direction": ["parents"], "mode": ["in-person"]}),
        # Would fit, but may not receive the request.
        "not_accepting": make.mentor("Дмитриева Ева", accepting_requests=False, terms={"direction": ["methodical"]}),
        "full": make.mentor("Егорова Жанна", capacity=1, active_mentees=1, terms={"direction": ["methodical"]}),
        "silent": make.mentor("Жукова Зоя", silent_since=utcnow(), terms={"direction": ["methodical"]}),
        "pending": make.mentor("Зимина Инна", status=ProfileStatus.PENDING, terms={"direction": ["methodical"]}),
        "own": make.mentor(user=mentee, terms={"direction": ["methodical"]}),
        "working_with": make.mentor("Ильина Ксения", terms={"direction": ["methodical"]}),
    }
    make.mentorship(mentor_profile=bank["working_with"], mentee=mentee)
    # Galina accepted a request about discipline before (another teacher's): difficulties like these.
    make.mentoring_request(mentor_profile=bank["experienced"], status=RequestStatus.ACCEPTED,
                           mentee=make.user("Кузьмина Лариса"),
                           difficulties="Ученики не слушают на уроках, дисциплина в 7 классе никакая.")
    return bank


def test_the_best_fits_come_first_with_their_reasons(app, request_, bank):
    with app.test_request_context(), force_locale("en"):
        found = suggest(request_)
    assert [s.profile for s in found] == [bank["best"], bank["far_remote"], bank["experienced"]]
    best, far_remote, experienced = (s.reasons for s in found)
    assert best == ["Works in your directions: methodical, ICT and digitalisation",
                    "Mentors in the form you chose: teacher – teacher", "Meets in the mode you chose: remote",
                    "Works in your region", "3 free places"]
    assert far_remote == ["Works in your directions: methodical", "Meets in the mode you chose: remote",
                          "Works remotely, so the distance does not matter", "3 free places"]
    assert experienced == ["Works in your region", "Has helped with difficulties like yours before",
                           "3 free places"]


def test_reasons_are_in_the_readers_language(app, request_, bank):
    with app.test_request_context(), force_locale("ru"):
        [first, *_rest] = suggest(request_)
        assert first.reasons[0] == "Работает по вашим направлениям: методическое, ИКТ и цифровизация"
        assert first.reasons[-1] == "3 свободных места"


def test_a_group_needs_room_for_everyone(app, make, request_, bank):
    request_.is_team, request_.group_size = True, 3
    with app.test_request_context():
        found = [s.profile for s in suggest(request_)]
    assert found == [bank["best"], bank["far_remote"], bank["experienced"]]
    bank["best"].active_mentees = 1  # 2 free places left for a group of 3
    with app.test_request_context():
        assert bank["best"] not in [s.profile for s in suggest(request_)]


def test_the_detail_page_shows_the_suggestions_with_a_send_button(client, log_in, request_, bank, mentee):
    log_in(mentee)
    html = client.get(f"/account/requests/{request_.id}").get_data(as_text=True)
    suggested = html.split('id="suggestions"')[1].split("</section>")[0]
    assert suggested.index("Алексеева Анна") < suggested.index("Борисова Вера") < suggested.index("Васильева Галина")
    assert f'action="/account/requests/{request_.id}/send/{bank["best"].id}"' in suggested
    for hidden in ("Григорьева Дарья", "Дмитриева Ева", "Егорова Жанна", "Жукова Зоя", "Зимина Инна", "Ильина Ксения"):
        assert hidden not in suggested
    # Suggestions never show a mentor's contacts.
    assert bank["best"].user.email not in html and "mailto:" not in suggested


def test_a_sent_request_shows_no_suggestions(client, log_in, make, mentee, bank):
    sent = make.mentoring_request(mentee=mentee, mentor_profile=bank["best"])
    log_in(mentee)
    assert 'id="suggestions"' not in client.get(f"/account/requests/{sent.id}").get_data(as_text=True)


def test_similarity_uses_the_index_words():
    query = "Дети не слушают на уроках"
    scores = similar_texts(query, ["Ученики не слушали урок", "Подготовка к олимпиаде", "дети не слушают на уроках"])
    assert scores[2] == pytest.approx(1.0, abs=0.2) and scores[2] > scores[0] > scores[1] == 0.0
    assert similar_texts("", ["текст"]) == [0.0] and best_similarity(query, []) == 0.0
