"""The list of my mentor profiles offers only what applies to each profile's status: «Отозвать из банка» only
for a profile in the bank, «Отправить на модерацию» only for one that can be sent."""
import pytest

from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile, ProfileStatus
from tests.page_parts import parse

from .application_forms import press


def offered(client, profile) -> set[str]:
    page = parse(client.get("/account/mentor-profiles").get_data(as_text=True))
    [article] = page.find_all("article", id=f"profile-{profile.id}")
    return {form.attrs["action"].rsplit("/", 1)[1] for form in article.find_all("form")}


@pytest.mark.parametrize("status, actions", [
    (ProfileStatus.APPROVED, {"withdraw"}),
    (ProfileStatus.PENDING, set()),
    (ProfileStatus.DRAFT, {"submit"}),
    (ProfileStatus.RETURNED, {"submit"}),
    (ProfileStatus.WITHDRAWN, {"submit"}),
])
def test_withdraw_is_offered_only_for_a_profile_in_the_bank(client, make, log_in, status, actions):
    profile = make.mentor(status=status, status_reason="Уточните." if status == ProfileStatus.RETURNED else None)
    log_in(profile.user)
    assert offered(client, profile) == actions


@pytest.mark.parametrize("status", [ProfileStatus.DRAFT, ProfileStatus.PENDING, ProfileStatus.RETURNED])
def test_a_profile_outside_the_bank_is_not_withdrawn_from_it(client, make, log_in, status):
    profile = make.mentor(status=status, status_reason="Уточните." if status == ProfileStatus.RETURNED else None)
    log_in(profile.user, locale="ru")
    response = press(client, f"/account/mentor-profiles/{profile.id}/withdraw")
    assert response.status_code == 303
    assert "Отозвать из банка можно только анкету, опубликованную в банке." in client.get(response.location).get_data(
        as_text=True)
    db.session.expire_all()
    assert db.session.get(MentorProfile, profile.id).status == status
