"""Every route × every role: the status each person gets, in one table that must list every route of the site.

A new route makes ``test_every_route_is_in_the_matrix`` fail until someone decides who may use it. POSTs carry a
valid CSRF token and an empty form: the point is who gets through, not what the form does with nothing in it.
"""
from datetime import datetime

import pytest

from mentorbank.accounts.models import Role
from mentorbank.core.models import utcnow
from mentorbank.extensions import db, limiter
from mentorbank.library.models import LibraryItem
from mentorbank.mentoring.models import Meeting, MentorshipStatus, PlanItem, RequestStatus
from mentorbank.mentors.models import ProfileStatus
from mentorbank.organisations.models import OrganisationStatus
from mentorbank.practices.models import Adoption
from mentorbank.search import rebuild
from mentorbank.search.models import ThesaurusEntry
from mentorbank.vocabularies.models import Vocabulary

from mentorbank.competitions.services import decide_entry, set_jury

from ..competitions.conftest import make_competition, make_entry
from ..conftest import put_in_session, token_of

ROLES = ("visitor", "participant", "other_participant", "mentor", "moderator", "admin")

# Shorthands for the usual patterns. "login" is a redirect to the log-in page (302).
EVERYONE_200 = dict.fromkeys(ROLES, 200)
LOGGED_IN = {"visitor": "login", **dict.fromkeys(ROLES[1:], 200)}
VISITORS_ONLY = {"visitor": 200, **dict.fromkeys(ROLES[1:], 303)}
MODERATORS = {"visitor": "login", "participant": 403, "other_participant": 403, "mentor": 403,
              "moderator": 200, "admin": 200}
ADMINS = {**MODERATORS, "moderator": 403}
OWNER = {"visitor": "login", "participant": 200, **dict.fromkeys(ROLES[2:], 404)}
JURY = {"visitor": "login", **dict.fromkeys(ROLES[1:], 404), "mentor": 200}
# A mentorship of the mentor with the participant: its members and moderators see it, nobody else learns it exists.
MEMBERS = {"visitor": "login", "participant": 200, "other_participant": 404, "mentor": 200, "moderator": 200,
           "admin": 200}
# What only its mentee fills: the others who see the mentorship are refused.
MENTEE = {**MEMBERS, "mentor": 403, "moderator": 403, "admin": 403}
# Only the mentor a request was sent to; for anyone else it does not exist.
ADDRESSEE = {"visitor": "login", **dict.fromkeys(ROLES[1:], 404), "mentor": 200}
# Who writes the programme of a mentorship of the mentor with the participant: its members only.
PAIR = {**MEMBERS, "moderator": 403, "admin": 403}


def after(expected: dict, **changes) -> dict:
    return {**expected, **changes}


def success_is(status: int, table: dict) -> dict:
    """The same access pattern, with ``status`` for those let through."""
    return {role: status if value == 200 else value for role, value in table.items()}


# (endpoint, method) → (path template filled from the world, expected status per role)
MATRIX = {
    # --- public ---
    ("home.index", "GET"): ("/", EVERYONE_200),
    ("core.set_locale", "POST"): ("/locale/ru", dict.fromkeys(ROLES, 303)),
    ("mentors.index", "GET"): ("/mentors", EVERYONE_200),
    ("mentors.detail", "GET"): ("/mentors/{mentor_profile}", EVERYONE_200),
    ("organisations.detail", "GET"): ("/organisations/{organisation}", EVERYONE_200),
    ("practices.index", "GET"): ("/practices", EVERYONE_200),
    ("practices.detail", "GET"): ("/practices/{practice}", EVERYONE_200),
    ("api.practices", "GET"): ("/api/v1/practices", EVERYONE_200),
    ("api.practice", "GET"): ("/api/v1/practices/{practice}", EVERYONE_200),
    ("search.index", "GET"): ("/search?q=математика", EVERYONE_200),
    ("api.mentors", "GET"): ("/api/v1/mentors", EVERYONE_200),
    ("api.mentor", "GET"): ("/api/v1/mentors/{mentor_profile}", EVERYONE_200),
    ("api.search_everything", "GET"): ("/api/v1/search?q=математика", EVERYONE_200),
    ("api.openapi", "GET"): ("/api/v1/openapi.json", EVERYONE_200),
    ("api.not_found", "GET"): ("/api/v1/nothing-here", dict.fromkeys(ROLES, 404)),
    ("health.healthz", "GET"): ("/healthz", EVERYONE_200),
    ("static", "GET"): ("/static/css/site.css", EVERYONE_200),
    ("portal.page", "GET"): ("/help", EVERYONE_200),
    ("portal.privacy", "GET"): ("/privacy", EVERYONE_200),
    # An attachment is served only when its owner's kind lets the person see it (tests/attachments).
    ("attachments.download", "GET"): ("/files/1/x.pdf", dict.fromkeys(ROLES, 404)),
    # --- accounts ---
    ("auth.register", "GET"): ("/auth/register", VISITORS_ONLY),
    ("auth.register", "POST"): ("/auth/register", after(VISITORS_ONLY, visitor=422)),
    ("auth.login", "GET"): ("/auth/login", VISITORS_ONLY),
    # An empty log-in form fails for anyone; a logged-in person may log in as someone else.
    ("auth.login", "POST"): ("/auth/login", dict.fromkeys(ROLES, 422)),
    ("auth.logout", "POST"): ("/auth/logout", dict.fromkeys(ROLES, 303)),
    ("organisations.lookup", "GET"): ("/auth/organisations?q=школа", dict.fromkeys(ROLES, 303)),
    ("auth.confirm", "GET"): ("/auth/confirm/not-a-token", dict.fromkeys(ROLES, 400)),
    ("auth.resend_confirmation", "GET"): ("/auth/confirm/resend", after(EVERYONE_200, **dict.fromkeys(ROLES[1:], 303))),
    ("auth.resend_confirmation", "POST"): ("/auth/confirm/resend", after(dict.fromkeys(ROLES, 303), visitor=422)),
    ("auth.request_reset", "GET"): ("/auth/reset", EVERYONE_200),
    ("auth.request_reset", "POST"): ("/auth/reset", dict.fromkeys(ROLES, 422)),
    ("auth.reset_password", "GET"): ("/auth/reset/not-a-token", dict.fromkeys(ROLES, 400)),
    ("auth.reset_password", "POST"): ("/auth/reset/not-a-token", dict.fromkeys(ROLES, 400)),
    # --- my account ---
    ("account.index", "GET"): ("/account", LOGGED_IN),
    ("account.profile", "GET"): ("/account/profile", LOGGED_IN),
    # Fields missing from the form keep their saved values (WTForms), so an empty form saves nothing new.
    ("account.profile", "POST"): ("/account/profile", success_is(303, LOGGED_IN)),
    ("submissions.index", "GET"): ("/account/submissions", LOGGED_IN),
    ("notifications.index", "GET"): ("/account/notifications", LOGGED_IN),
    ("notifications.mark_read", "POST"): ("/account/notifications/read", success_is(303, LOGGED_IN)),
    ("account.consent", "GET"): ("/account/consent", LOGGED_IN),
    # Neither of its two forms was sent: the page is shown again.
    ("account.consent", "POST"): ("/account/consent", LOGGED_IN),
    # --- the mentor application: only its author ---
    ("mentor_application.index", "GET"): ("/account/mentor-profiles", LOGGED_IN),
    ("mentor_application.create", "GET"): ("/account/mentor-profiles/new", after(LOGGED_IN, participant=303, mentor=303)),
    ("mentor_application.create", "POST"): ("/account/mentor-profiles/new", after(
        success_is(422, LOGGED_IN), participant=303, mentor=303)),
    ("mentor_application.edit", "GET"): ("/account/mentor-profiles/{own_profile}/edit", OWNER),
    ("mentor_application.edit", "POST"): ("/account/mentor-profiles/{own_profile}/edit", success_is(422, OWNER)),
    # The draft lacks the consents: back to the form with the reason.
    ("mentor_application.submit", "POST"): ("/account/mentor-profiles/{own_profile}/submit", success_is(303, OWNER)),
    ("mentor_application.withdraw", "POST"): ("/account/mentor-profiles/{own_profile}/withdraw", success_is(303, OWNER)),
    # --- the practice bank: proposing needs an account; a practice is edited by its owner only ---
    ("practices.mine", "GET"): ("/practices/mine", LOGGED_IN),
    ("practices.propose", "GET"): ("/practices/new", LOGGED_IN),
    ("practices.propose", "POST"): ("/practices/new", success_is(422, LOGGED_IN)),
    ("practices.edit", "GET"): ("/practices/{own_practice}/edit", OWNER),
    # Fields missing from the form keep their saved values (WTForms): the draft is saved as it was.
    ("practices.edit", "POST"): ("/practices/{own_practice}/edit", success_is(303, OWNER)),
    # The draft lacks a summary: back to the list with the reason.
    ("practices.submit", "POST"): ("/practices/{own_practice}/submit", success_is(303, OWNER)),
    # An empty adoption is refused with a message on the practice's page.
    ("practices.add_adoption", "POST"): ("/practices/{practice}/adoptions", success_is(303, LOGGED_IN)),
    ("practices.adoption_outcome", "POST"): ("/practices/{practice}/adoptions/{adoption}/outcome", {
        "visitor": "login", "participant": 303, **dict.fromkeys(ROLES[2:], 403)}),
    # --- the curator's cabinet: the organisation's curators (tests/curation) and admins ---
    ("curation.overview", "GET"): ("/account/organisations/{organisation}", ADMINS),
    ("curation.edit_page", "GET"): ("/account/organisations/{organisation}/page", ADMINS),
    ("curation.edit_page", "POST"): ("/account/organisations/{organisation}/page", success_is(303, ADMINS)),
    # --- moderation ---
    ("moderation.index", "GET"): ("/moderation", MODERATORS),
    ("moderation.audit", "GET"): ("/moderation/audit", MODERATORS),
    ("moderation.mentor_profile", "GET"): ("/moderation/mentor-profiles/{pending_profile}", MODERATORS),
    ("moderation.approve_mentor_profile", "POST"): ("/moderation/mentor-profiles/{pending_profile}/approve",
                                                    success_is(422, MODERATORS)),
    ("moderation.return_mentor_profile", "POST"): ("/moderation/mentor-profiles/{pending_profile}/return",
                                                   success_is(422, MODERATORS)),
    ("moderation.organisation", "GET"): ("/moderation/organisations/{proposed_organisation}", MODERATORS),
    ("moderation.approve_organisation", "POST"): ("/moderation/organisations/{proposed_organisation}/approve",
                                                  success_is(303, MODERATORS)),
    ("moderation.reject_organisation", "POST"): ("/moderation/organisations/{proposed_organisation}/reject",
                                                 success_is(422, MODERATORS)),
    ("moderation.practice", "GET"): ("/moderation/practices/{pending_practice}", MODERATORS),
    ("moderation.approve_practice", "POST"): ("/moderation/practices/{pending_practice}/approve",
                                              success_is(422, MODERATORS)),
    ("moderation.return_practice", "POST"): ("/moderation/practices/{pending_practice}/return",
                                             success_is(422, MODERATORS)),
    # --- administration ---
    ("admin.index", "GET"): ("/admin", ADMINS),
    ("admin.users", "GET"): ("/admin/users", ADMINS),
    ("admin.user", "GET"): ("/admin/users/{participant}", ADMINS),
    ("admin.grant_role", "POST"): ("/admin/users/{participant}/roles", success_is(422, ADMINS)),
    ("admin.revoke_role", "POST"): ("/admin/users/{moderator}/roles/{moderator_grant}/revoke", success_is(303, ADMINS)),
    ("admin.block_user", "POST"): ("/admin/users/{other_participant}/block", success_is(303, ADMINS)),
    ("admin.unblock_user", "POST"): ("/admin/users/{other_participant}/unblock", success_is(303, ADMINS)),
    ("admin.organisations", "GET"): ("/admin/organisations", ADMINS),
    ("admin.create_organisation", "GET"): ("/admin/organisations/new", ADMINS),
    ("admin.create_organisation", "POST"): ("/admin/organisations/new", success_is(422, ADMINS)),
    ("admin.edit_organisation", "GET"): ("/admin/organisations/{organisation}/edit", ADMINS),
    ("admin.edit_organisation", "POST"): ("/admin/organisations/{organisation}/edit", success_is(422, ADMINS)),
    ("admin.vocabularies", "GET"): ("/admin/vocabularies", ADMINS),
    ("admin.vocabulary", "GET"): ("/admin/vocabularies/{vocabulary}", ADMINS),
    ("admin.create_term", "POST"): ("/admin/vocabularies/{vocabulary}/terms", success_is(422, ADMINS)),
    ("admin.edit_term", "GET"): ("/admin/vocabularies/{vocabulary}/terms/{term}/edit", ADMINS),
    ("admin.edit_term", "POST"): ("/admin/vocabularies/{vocabulary}/terms/{term}/edit", success_is(422, ADMINS)),
    ("admin.thesaurus", "GET"): ("/admin/thesaurus", ADMINS),
    ("admin.create_thesaurus_entry", "POST"): ("/admin/thesaurus", success_is(422, ADMINS)),
    ("admin.edit_thesaurus_entry", "GET"): ("/admin/thesaurus/{thesaurus_entry}/edit", ADMINS),
    ("admin.edit_thesaurus_entry", "POST"): ("/admin/thesaurus/{thesaurus_entry}/edit", success_is(422, ADMINS)),
    ("portal.admin_pages", "GET"): ("/admin/pages", ADMINS),
    ("competitions.index", "GET"): ("/competitions", EVERYONE_200),
    ("competitions.detail", "GET"): ("/competitions/{competition}", EVERYONE_200),
    ("competitions.entry", "GET"): ("/competitions/{competition}/entries/{admitted_entry}", EVERYONE_200),
    ("competitions.entry_link", "GET"): ("/competitions/entries/{admitted_entry}", dict.fromkeys(ROLES, 301)),
    ("competitions.enter", "GET"): ("/competitions/{competition}/enter", LOGGED_IN),
    ("competitions.enter", "POST"): ("/competitions/{competition}/enter", success_is(422, LOGGED_IN)),
    ("competitions.edit_entry", "GET"): ("/competitions/{competition}/entries/{own_entry}/edit", OWNER),
    # Fields left out of a post keep the entry's values: saved.
    ("competitions.edit_entry", "POST"): ("/competitions/{competition}/entries/{own_entry}/edit",
                                          success_is(303, OWNER)),
    ("competitions.create", "GET"): ("/competitions/new", MODERATORS),
    ("competitions.create", "POST"): ("/competitions/new", success_is(422, MODERATORS)),
    ("competitions.edit", "GET"): ("/competitions/{competition}/edit", MODERATORS),
    ("competitions.edit", "POST"): ("/competitions/{competition}/edit", success_is(422, MODERATORS)),
    ("competitions.manage", "GET"): ("/competitions/{competition}/manage", MODERATORS),
    ("competitions.change_jury", "POST"): ("/competitions/{competition}/jury", success_is(303, MODERATORS)),
    # An empty form names no status nor decision: refused as a bad request, past the permission check.
    ("competitions.move", "POST"): ("/competitions/{competition}/status", success_is(400, MODERATORS)),
    ("competitions.decide", "POST"): ("/competitions/{competition}/entries/{own_entry}/decide",
                                      success_is(400, MODERATORS)),
    ("competitions.results", "POST"): ("/competitions/{competition}/results", success_is(303, MODERATORS)),
    # Only the competition's jury (the mentor here); nobody else learns the page exists.
    ("competitions.jury", "GET"): ("/competitions/{competition}/jury", JURY),
    ("competitions.score", "POST"): ("/competitions/{competition}/jury/entries/{admitted_entry}",
                                     success_is(303, JURY)),
    ("api.competitions", "GET"): ("/api/v1/competitions", EVERYONE_200),
    ("api.competition_entries", "GET"): ("/api/v1/competitions/{competition}/entries", EVERYONE_200),
    ("portal.edit_page", "GET"): ("/admin/pages/help", ADMINS),
    ("portal.edit_page", "POST"): ("/admin/pages/help", success_is(422, ADMINS)),
    ("library.index", "GET"): ("/library?q=закон&rubric=regulations", EVERYONE_200),
    ("library.detail", "GET"): ("/library/{library_item}", EVERYONE_200),
    ("library.manage", "GET"): ("/library/manage", MODERATORS),
    ("library.create", "GET"): ("/library/new", MODERATORS),
    ("library.create", "POST"): ("/library/new", success_is(422, MODERATORS)),
    ("library.edit", "GET"): ("/library/{library_item}/edit", MODERATORS),
    ("library.edit", "POST"): ("/library/{library_item}/edit", success_is(422, MODERATORS)),
    ("library.publication", "POST"): ("/library/{library_item}/unpublish", success_is(303, MODERATORS)),
    ("api.library", "GET"): ("/api/v1/library?q=закон", EVERYONE_200),
    ("api.library_item", "GET"): ("/api/v1/library/{library_item}", EVERYONE_200),
    ("feed.atom", "GET"): ("/feed.atom", EVERYONE_200),
    # --- evaluation of a mentorship (the participant is the mentee of a completed one with the mentor) ---
    ("evaluation.summary", "GET"): ("/account/mentorships/{evaluated_mentorship}/evaluation", MEMBERS),
    ("evaluation.questionnaire", "GET"): ("/account/mentorships/{evaluated_mentorship}/evaluation/questionnaire",
                                          MENTEE),
    ("evaluation.questionnaire", "POST"): ("/account/mentorships/{evaluated_mentorship}/evaluation/questionnaire",
                                           success_is(422, MENTEE)),
    ("evaluation.self_assessment", "GET"): (
        "/account/mentorships/{evaluated_mentorship}/evaluation/self-assessment/end", MENTEE),
    ("evaluation.self_assessment", "POST"): (
        "/account/mentorships/{evaluated_mentorship}/evaluation/self-assessment/end", success_is(422, MENTEE)),
    # Curators of the two schools only; nobody here curates them.
    ("evaluation.observe", "GET"): ("/account/mentorships/{evaluated_mentorship}/evaluation/observations/new",
                                    after(MENTEE, participant=403)),
    ("evaluation.observe", "POST"): ("/account/mentorships/{evaluated_mentorship}/evaluation/observations/new",
                                     after(MENTEE, participant=403)),
    ("evaluation.report_results", "GET"): ("/account/mentorships/{evaluated_mentorship}/evaluation/results/new",
                                           after(MENTEE, participant=403)),
    ("evaluation.report_results", "POST"): ("/account/mentorships/{evaluated_mentorship}/evaluation/results/new",
                                            after(MENTEE, participant=403)),
    # --- the mentor's inbox: anyone's (empty unless they mentor); a request only its mentor's ---
    ("inbox.index", "GET"): ("/account/inbox", LOGGED_IN),
    ("inbox.detail", "GET"): ("/account/inbox/{inbox_request}", ADDRESSEE),
    # Accepting needs nothing but the button: the mentorship begins.
    ("inbox.accept", "POST"): ("/account/inbox/{inbox_request}/accept", success_is(303, ADDRESSEE)),
    # Declining without a reason: the form comes back.
    ("inbox.decline", "POST"): ("/account/inbox/{inbox_request}/decline", success_is(422, ADDRESSEE)),
    # --- the bank of programmes: public templates; publishing is the mentor's of a completed mentorship ---
    ("programmes.index", "GET"): ("/programmes?q=дисциплина", EVERYONE_200),
    ("programmes.detail", "GET"): ("/programmes/{programme}", EVERYONE_200),
    # Anyone logged in sees the choice (or that they have no active mentorship); an empty form is refused.
    ("programmes.use", "GET"): ("/programmes/{programme}/use", LOGGED_IN),
    ("programmes.use", "POST"): ("/programmes/{programme}/use", success_is(422, LOGGED_IN)),
    ("programmes.publish", "GET"): ("/account/mentorships/{completed_mentorship}/publish-template", {
        "visitor": "login", **dict.fromkeys(ROLES[1:], 404), "mentor": 200}),
    ("programmes.publish", "POST"): ("/account/mentorships/{completed_mentorship}/publish-template", {
        "visitor": "login", **dict.fromkeys(ROLES[1:], 404), "mentor": 422}),
    # Only its author (the mentor) withdraws a template.
    ("programmes.withdraw", "POST"): ("/programmes/{programme}/withdraw", {
        "visitor": "login", **dict.fromkeys(ROLES[1:], 404), "mentor": 303}),
    ("moderation.programme_template", "GET"): ("/moderation/programmes/{pending_programme}", MODERATORS),
    ("moderation.approve_programme_template", "POST"): ("/moderation/programmes/{pending_programme}/approve",
                                                        success_is(422, MODERATORS)),
    ("moderation.return_programme_template", "POST"): ("/moderation/programmes/{pending_programme}/return",
                                                       success_is(422, MODERATORS)),
    ("api.programmes", "GET"): ("/api/v1/programmes?direction=methodical", EVERYONE_200),
    ("api.programme", "GET"): ("/api/v1/programmes/{programme}", EVERYONE_200),
    # --- mentoring requests: the mentee's own (tests/mentoring/requests); the mentor cannot ask themselves ---
    ("requests.ask", "GET"): ("/mentors/{mentor_profile}/ask", after(LOGGED_IN, mentor=409)),
    ("requests.ask", "POST"): ("/mentors/{mentor_profile}/ask", after(success_is(422, LOGGED_IN), mentor=409)),
    ("requests.mine", "GET"): ("/account/requests", LOGGED_IN),
    ("requests.new", "GET"): ("/account/requests/new", LOGGED_IN),
    ("requests.new", "POST"): ("/account/requests/new", success_is(422, LOGGED_IN)),
    # Only the organisation's curators file a team request (nobody here curates it).
    ("requests.new_team", "GET"): ("/account/organisations/{organisation}/requests/new",
                                   {"visitor": "login", **dict.fromkeys(ROLES[1:], 403)}),
    ("requests.new_team", "POST"): ("/account/organisations/{organisation}/requests/new",
                                    {"visitor": "login", **dict.fromkeys(ROLES[1:], 403)}),
    ("requests.detail", "GET"): ("/account/requests/{open_request}", OWNER),
    ("requests.send", "POST"): ("/account/requests/{open_request}/send/{mentor_profile}", success_is(303, OWNER)),
    ("requests.withdraw_request", "POST"): ("/account/requests/{open_request}/withdraw", success_is(303, OWNER)),
    # --- mentorships: seen by their members (the participant is the mentee, the mentor leads it), the curators
    # of either school and moderators; written by the pair only (tests/mentoring/pairs) ---
    ("mentorships.index", "GET"): ("/account/mentorships", LOGGED_IN),
    ("mentorships.detail", "GET"): ("/account/mentorships/{mentorship}", MEMBERS),
    ("mentorships.print_document", "GET"): ("/account/mentorships/{mentorship}/print/order", MEMBERS),
    ("mentorships.meetings_ics", "GET"): ("/account/mentorships/{mentorship}/meetings.ics", MEMBERS),
    ("mentorships.edit_programme", "GET"): ("/account/mentorships/{mentorship}/programme", PAIR),
    # Fields missing from the form keep their saved values (WTForms): the programme is saved as it was.
    ("mentorships.edit_programme", "POST"): ("/account/mentorships/{mentorship}/programme", success_is(303, PAIR)),
    ("mentorships.extend", "GET"): ("/account/mentorships/{mentorship}/extend", PAIR),
    ("mentorships.extend", "POST"): ("/account/mentorships/{mentorship}/extend", success_is(422, PAIR)),
    ("mentorships.add_plan_item", "POST"): ("/account/mentorships/{mentorship}/plan", success_is(422, PAIR)),
    # Marked done by the mentee, undone by the mentor.
    ("mentorships.toggle_plan_item", "POST"): ("/account/mentorships/{mentorship}/plan/{plan_item}/toggle",
                                               success_is(303, PAIR)),
    # The mentee deletes it first: for the mentor it is gone.
    ("mentorships.delete_plan_item", "POST"): ("/account/mentorships/{mentorship}/plan/{plan_item}/delete",
                                               after(PAIR, participant=303, mentor=404)),
    ("mentorships.add_meeting", "POST"): ("/account/mentorships/{mentorship}/meetings", success_is(422, PAIR)),
    ("mentorships.delete_meeting", "POST"): ("/account/mentorships/{mentorship}/meetings/{meeting}/delete",
                                             after(PAIR, participant=303, mentor=404)),
    # Only the mentee asks the curators to replace the mentor.
    ("mentorships.request_replacement", "GET"): ("/account/mentorships/{mentorship}/replacement",
                                                 after(PAIR, mentor=403)),
    ("mentorships.request_replacement", "POST"): ("/account/mentorships/{mentorship}/replacement",
                                                  after(PAIR, participant=422, mentor=403)),
    # The members, and the curators of either school (none among these roles); moderators do not end programmes.
    ("mentorships.complete_mentorship", "GET"): ("/account/mentorships/{mentorship}/complete", PAIR),
    ("mentorships.complete_mentorship", "POST"): ("/account/mentorships/{mentorship}/complete",
                                                  success_is(422, PAIR)),
    ("mentorships.organisation_mentoring", "GET"): ("/account/organisations/{organisation}/mentoring", MODERATORS),
    # The administrator comes last: the entry is deleted only after everyone else was refused.
    ("admin.delete_thesaurus_entry", "POST"): ("/admin/thesaurus/{thesaurus_entry}/delete", success_is(303, ADMINS)),
}


def site_routes(app) -> set[tuple[str, str]]:
    return {
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }


def test_every_route_is_in_the_matrix(app):
    assert site_routes(app) - MATRIX.keys() == set(), "decide who may use these new routes and add them above"
    assert MATRIX.keys() - site_routes(app) == set(), "these routes are gone: remove them from the matrix"
    assert SEARCHING_ENDPOINTS - {endpoint for endpoint, _method in MATRIX} == set()


@pytest.fixture
def world(make) -> dict:
    """One of each kind of person, and the records the routes above point at."""
    organisation = make.organisation("МБОУ «Гимназия № 7»")
    people = {
        "participant": make.user("Петрова Анна Сергеевна", org=organisation),
        "other_participant": make.user("Смирнов Олег Игоревич", org=organisation),
        "moderator": make.user("Соколова Ирина Викторовна", org=organisation, roles=(Role.MODERATOR,)),
        "admin": make.user("Кузнецов Андрей Павлович", org=organisation, roles=(Role.ADMIN,)),
    }
    mentor_profile = make.mentor("Орлова Елена Николаевна", org=organisation, subjects="математика")
    people["mentor"] = mentor_profile.user
    own_profile = make.mentor(user=people["participant"], status=ProfileStatus.DRAFT)
    pending_profile = make.mentor("Зайцева Ольга Павловна", status=ProfileStatus.PENDING)
    proposed = make.organisation("Частная школа «Новые горизонты»")
    proposed.status = OrganisationStatus.PROPOSED
    practice = make.practice("Школа молодого педагога", org=organisation)
    adoption = Adoption(practice_id=practice.id, organisation_id=organisation.id, user_id=people["participant"].id,
                        how="Взяли систему встреч.")
    db.session.add(adoption)
    own_practice = make.practice("Черновик практики", owner=people["participant"], status="draft", summary="")
    pending_practice = make.practice("Практика на модерации", status="submitted")
    thesaurus_entry = ThesaurusEntry(term="ГЦРО", expansion="городской центр развития образования", kind="abbreviation")
    db.session.add(thesaurus_entry)
    library_item = LibraryItem(title="Федеральный закон об образовании", rubric=make.term(
        Vocabulary.LIBRARY_RUBRIC, "regulations"), url="https://www.consultant.ru/", year=2012, published_at=utcnow())
    db.session.add(library_item)
    db.session.flush()
    competition = make_competition(people["moderator"])
    own_entry = make_entry(competition, people["participant"])
    admitted_entry = make_entry(competition, people["other_participant"], title="Клуб молодого педагога")
    decide_entry(admitted_entry, True, people["moderator"])
    set_jury(competition, {people["mentor"].id: []})
    evaluated_mentorship = make.mentorship(mentor_profile=mentor_profile, mentee=people["participant"],
                                           status=MentorshipStatus.COMPLETED)
    evaluated_mentorship.programme.directions = [make.term(Vocabulary.DIRECTION, "methodical")]
    inbox_request = make.mentoring_request(mentee=people["other_participant"], mentor_profile=mentor_profile)
    completed_mentorship = make.mentorship(mentor_profile=mentor_profile, status=MentorshipStatus.COMPLETED)
    programme = make.programme_template(author=people["mentor"])
    pending_programme = make.programme_template("Программа на модерации", status="submitted",
                                                author=people["mentor"])
    open_request = make.mentoring_request(mentee=people["participant"], status=RequestStatus.OPEN)
    mentorship = make.mentorship(mentor_profile=mentor_profile, mentee=people["participant"])
    plan_item = PlanItem(programme=mentorship.programme, title="Посетить урок наставника")
    meeting = Meeting(programme=mentorship.programme, starts_at=datetime(2026, 12, 10, 13, 30))
    db.session.add_all([plan_item, meeting])
    db.session.flush()
    return {
        "people": people,
        "ids": {
            "organisation": organisation.id,
            "mentor_profile": mentor_profile.id,
            "own_profile": own_profile.id,
            "pending_profile": pending_profile.id,
            "proposed_organisation": proposed.id,
            "participant": people["participant"].id,
            "other_participant": people["other_participant"].id,
            "moderator": people["moderator"].id,
            "moderator_grant": people["moderator"].role_grants[0].id,
            "vocabulary": Vocabulary.MODE.value,
            "term": make.term(Vocabulary.MODE, "remote").id,
            "thesaurus_entry": thesaurus_entry.id,
            "practice": practice.id,
            "own_practice": own_practice.id,
            "pending_practice": pending_practice.id,
            "adoption": adoption.id,
            "library_item": library_item.id,
            "competition": competition.id,
            "own_entry": own_entry.id,
            "admitted_entry": admitted_entry.id,
            "evaluated_mentorship": evaluated_mentorship.id,
            "inbox_request": inbox_request.id,
            "completed_mentorship": completed_mentorship.id,
            "programme": programme.id,
            "pending_programme": pending_programme.id,
            "open_request": open_request.id,
            "mentorship": mentorship.id,
            "plan_item": plan_item.id,
            "meeting": meeting.id,
        },
    }


# Routes whose answer comes from the search index (the health check reports whether it was built): only for
# them is the world indexed (a rebuild per test was most of the matrix's time). The others read the database.
SEARCHING_ENDPOINTS = {"home.index", "mentors.index", "search.index", "api.mentors", "api.search_everything",
                       "practices.index", "api.practices",
                       "health.healthz", "library.index", "api.library", "programmes.index", "api.programmes"}


def client_as(app, world, role: str):
    client = app.test_client()
    if role != "visitor":
        put_in_session(client, world["people"][role])
    return client


def request_as(client, method: str, path: str):
    # Everyone here shares one address: one person's failed attempts must not rate-limit the next person.
    limiter.reset()
    if method == "GET":
        return client.get(path)
    # A token from a page this person can open, so only the permission decides.
    return client.post(path, data={"csrf_token": token_of(client)})


def outcome(response) -> int | str:
    response.close()  # a static file's response holds the file open
    if response.status_code == 302 and "/auth/login" in response.headers.get("Location", ""):
        return "login"
    return response.status_code


@pytest.mark.parametrize(("endpoint", "method"), sorted(MATRIX), ids=lambda value: value)
def test_route_answers_each_role_as_expected(app, world, endpoint, method):
    template, expected = MATRIX[(endpoint, method)]
    path = template.format(**world["ids"])
    if endpoint in SEARCHING_ENDPOINTS:
        rebuild()
    actual = {role: outcome(request_as(client_as(app, world, role), method, path)) for role in ROLES}
    assert actual == expected, f"{method} {path}"


POST_ROUTES = sorted(key for key in MATRIX if key[1] == "POST")


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
@pytest.mark.parametrize(("endpoint", "method"), POST_ROUTES, ids=lambda value: value)
def test_post_without_csrf_token_is_refused(app, world, endpoint, method, htmx):
    path = MATRIX[(endpoint, method)][0].format(**world["ids"])
    headers = {"HX-Request": "true"} if htmx else {}
    # The most powerful person, so that nothing but the missing token can be the reason for the refusal.
    response = client_as(app, world, "admin").post(path, data={}, headers=headers)
    assert response.status_code == 400
