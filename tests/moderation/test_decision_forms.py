"""The decisions' forms: approving and returning are separate forms, the reason travels only with a return (or a
rejection), and a decision the moderator cannot take back needs a ticked confirmation, without JavaScript."""
from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile, ProfileStatus
from mentorbank.organisations.models import Organisation, OrganisationStatus
from tests.page_parts import parse, summary_links


def form_posting_to(html: str, action: str):
    [form] = parse(html).find_all("form", action=action)
    return form


def field_names(form) -> set[str]:
    return {element.attrs["name"] for element in form.find_all() if "name" in element.attrs}


def test_the_approve_form_carries_no_reason_and_the_return_form_no_approval(client, as_moderator, pending_profile):
    base = f"/moderation/mentor-profiles/{pending_profile.id}"
    html = client.get(base).get_data(as_text=True)
    approve, give_back = form_posting_to(html, f"{base}/approve"), form_posting_to(html, f"{base}/return")
    assert field_names(approve) == {"csrf_token", "confirm"}
    assert field_names(give_back) == {"csrf_token", "reason"}
    assert approve.find("textarea") is None
    # Each decision sits in its own titled section: the reason box is not under the approve button.
    sections = parse(html).find_all("section", **{"aria-labelledby": "approve-title"})
    assert len(sections) == 1 and sections[0].find("textarea") is None


def test_a_return_without_a_reason_is_refused_with_the_summary(client, as_moderator, pending_profile, post):
    response = post(f"/moderation/mentor-profiles/{pending_profile.id}/return", reason="   ")
    assert response.status_code == 422
    assert "Write the reason" in summary_links(response.get_data(as_text=True))["#reason"]
    assert db.session.get(MentorProfile, pending_profile.id).status == ProfileStatus.PENDING


def test_approving_needs_the_confirmation_and_a_typed_reason_never_approves(client, as_moderator, pending_profile,
                                                                            post, outbox):
    url = f"/moderation/mentor-profiles/{pending_profile.id}/approve"
    response = post(url, reason="Причина, набранная по ошибке.")
    assert response.status_code == 422
    assert "Tick the confirmation" in summary_links(response.get_data(as_text=True))["#confirm"]
    assert db.session.get(MentorProfile, pending_profile.id).status == ProfileStatus.PENDING and outbox() == []

    assert post(url, confirm="y").status_code == 303
    profile = db.session.get(MentorProfile, pending_profile.id)
    assert profile.status == ProfileStatus.APPROVED and profile.status_reason is None


def test_rejecting_an_organisation_needs_the_confirmation_and_keeps_the_reason(client, as_moderator,
                                                                              proposed_organisation, post):
    url = f"/moderation/organisations/{proposed_organisation.id}/reject"
    response = post(url, reason="Такой школы нет в реестре.")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "#confirm" in summary_links(html)
    assert parse(html).find("textarea", name="reason").all_text == "Такой школы нет в реестре."
    assert db.session.get(Organisation, proposed_organisation.id).status == OrganisationStatus.PROPOSED

    assert post(url, reason="Такой школы нет в реестре.", confirm="y").status_code == 303
    db.session.expire_all()
    assert db.session.get(Organisation, proposed_organisation.id) is None
