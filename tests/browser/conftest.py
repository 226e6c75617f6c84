"""Real-Chromium tests: Playwright drives Debian's chromium against the test app served by a live Werkzeug server.

The server runs in a thread of this process, so browser tests must commit their data (the `committing_database`
fixture) for it to be seen. They fail, never skip, when Chromium or the front-end files are missing: `make test`
provides both.
"""
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from mentorbank.accounts.models import Role
from mentorbank.audit.models import record
from mentorbank.config import PROJECT_ROOT
from mentorbank.extensions import db
from mentorbank.library.services import ItemFields, create_item
from mentorbank.mentors.models import ProfileStatus
from mentorbank.practices.models import Adoption, Place
from mentorbank.organisations.models import OrganisationStatus
from mentorbank.search.models import ThesaurusEntry
from mentorbank.vocabularies.models import Term, Vocabulary
from tests.factories import PASSWORD

# DESIGN.md §7: Debian's chromium in a container, without the sandbox, GPU and background services.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
VENDOR_FILES = ("htmx.min.js", "pico.min.css")


def chromium_executable() -> str:
    executable = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")
    if not executable:
        pytest.fail(
            "Browser tests need Chromium: run `sudo apt-get install chromium` (Debian/Ubuntu) and try again.",
            pytrace=False,
        )
    return executable


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": chromium_executable(), "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def live_server(app):
    """The session's test app over real HTTP; its URL."""
    missing = [name for name in VENDOR_FILES if not (PROJECT_ROOT / "static" / "vendor" / name).exists()]
    if missing:
        pytest.fail(f"static/vendor/ lacks {', '.join(missing)}: run `make assets` first.", pytrace=False)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(live_server):
    """Pages and contexts open relative URLs (`page.goto("/mentors")`) on the live server."""
    return live_server


@pytest.fixture(autouse=True)
def _mailed_links_reach_the_live_server(app, live_server, monkeypatch):
    """Mailed links are built on PUBLIC_URL (never the request's host): here, the live server's address."""
    monkeypatch.setitem(app.config, "PUBLIC_URL", live_server)


# --- a populated site and its pages, for the layout and accessibility tests -----------------------------------

@pytest.fixture
def showcase(make) -> dict:
    """A little of everything a page can show, committed for the live server: two approved mentors with tags
    from every vocabulary (one with a long unbreakable word), a profile and an organisation waiting for a
    moderator (with an audit entry), and a participant, a moderator and an admin to log in as."""
    organisation = make.organisation(
        "МАОУ «Средняя общеобразовательная школа № 153 с углублённым изучением отдельных предметов»")
    every_vocabulary = {vocabulary: [term.slug for term in Term.query.filter_by(vocabulary=vocabulary)
                                     .order_by(Term.position).limit(3)]
                        for vocabulary in Vocabulary
                        if vocabulary not in (Vocabulary.ORGANISATION_KIND, Vocabulary.LIBRARY_RUBRIC)}
    mentor = make.mentor(
        "Константинопольская Александра Владиславовна", org=organisation, terms=every_vocabulary,
        subjects="математика, информатика, естественнонаучная грамотность",
        bio="Веду методическое объединение; сайт: https://example.org/очень-длинный-адрес-без-пробелов-и-переносов",
    )
    second_mentor = make.mentor("Петрова Анна Сергеевна", subjects="химия", terms={"mode": ["remote"]})
    participant = make.user(full_name="Сидорова Ольга Петровна", email="showcase.participant@example.org",
                            org=organisation)
    pending = make.mentor("Кузнецова Ольга Викторовна", status=ProfileStatus.PENDING, user=participant)
    record("mentor_profile.submit", pending, actor=participant)
    proposed = make.organisation("МБОУ «Гимназия № 64 имени выдающегося педагога-новатора»")
    proposed.status = OrganisationStatus.PROPOSED
    proposed.proposed_by_id = participant.id
    moderator = make.user(full_name="Соколова Ирина Викторовна", email="showcase.moderator@example.org",
                          roles=(Role.MODERATOR,))
    admin = make.user(full_name="Администраторова Ирина", email="showcase.admin@example.org",
                      roles=(Role.MODERATOR, Role.ADMIN))
    # A published practice from a contest, adopted by a school, with its author's edit waiting for moderation.
    practice = make.practice(
        "«Школа молодого педагога»: практика адаптации молодых учителей в первый год работы", owner=mentor.user,
        org=organisation, competition_title="Региональный конкурс «Эффективные практики наставничества»",
        contest_year=2024, nomination="педагог – педагог", place=Place.FIRST, year=2021,
        terms={"direction": ["methodical"], "level": ["municipal"], "form": ["teacher-teacher"]})
    db.session.add(Adoption(practice_id=practice.id, organisation_id=organisation.id, user_id=participant.id,
                            how="Взяли формат еженедельных встреч.", outcome="Все молодые учителя остались в школе."))
    editing = make.practice("Методическая мастерская для молодых учителей", owner=participant, status="submitted")
    term = Term.query.filter_by(vocabulary=Vocabulary.DIRECTION).first()
    library_item = create_item(ItemFields(
        title="Методические рекомендации по разработке и внедрению системы (целевой модели) наставничества "
              "педагогических работников в образовательных организациях",
        rubric_id=Term.query.filter_by(vocabulary=Vocabulary.LIBRARY_RUBRIC, slug="regulations").one().id,
        url="https://docs.edu.gov.ru/очень-длинный-адрес-документа-без-пробелов-и-переносов", year=2021,
        source="Министерство просвещения Российской Федерации", description="Формы и виды наставничества."), None)
    facts = {**_competitions(make, moderator, participant, mentor.user), **_mentoring(make, participant, second_mentor),
        "practice": practice.id, "own_practice": editing.id,
        "mentor": mentor.id, "pending": pending.id, "organisation": organisation.id, "proposed": proposed.id,
        "participant": participant.email, "moderator": moderator.email, "admin": admin.email,
        "participant_id": participant.id, "term": (term.vocabulary, term.id),
        "thesaurus_entry": db.session.scalar(db.select(ThesaurusEntry.id).limit(1)),
        "library_item": library_item.id,
    }
    db.session.commit()
    return facts


def _competitions(make, moderator, participant, mentor_user) -> dict:
    """A competition with published results (the mentor's entry won), and one open for entries with the
    participant's own entry and the participant on its jury."""
    from mentorbank.competitions import services
    from mentorbank.competitions.models import CompetitionStatus, EntryResult

    from ..competitions.conftest import make_competition, make_entry, start_judging

    past = make_competition(moderator)
    winner = make_entry(past, mentor_user, title="Школа молодого педагога: сопровождение в первый год работы")
    start_judging(past, moderator)
    services.decide_entry(winner, True, moderator)
    services.set_results(past, {winner.id: EntryResult.FIRST}, moderator)
    services.move_competition(past, CompetitionStatus.RESULTS, moderator)
    current = make_competition(moderator)
    own = make_entry(current, participant, title="Наставничество в инклюзивном классе")
    services.set_jury(current, {participant.id: []})
    return {"competition": past.id, "competition_entry": winner.id, "open_competition": current.id,
            "own_entry": own.id}


def _mentoring(make, participant, mentor) -> dict:
    """The participant's open request, and their mentorship with the second mentor (a plan item, a meeting); a
    template in the bank of programmes and one waiting for a moderator."""
    from datetime import datetime

    from mentorbank.mentoring.models import Meeting, PlanItem, RequestStatus

    request = make.mentoring_request(
        mentee=participant, status=RequestStatus.OPEN,
        difficulties="Не получается выстроить дисциплину в седьмых классах на уроках химии и биологии.")
    mentorship = make.mentorship(mentor_profile=mentor, mentee=participant)
    mentorship.programme.directions = [make.term(Vocabulary.DIRECTION, "methodical")]
    db.session.add_all([
        PlanItem(programme=mentorship.programme, title="Посетить три урока наставника в седьмом классе"),
        Meeting(programme=mentorship.programme, starts_at=datetime(2027, 1, 20, 12, 30),
                place="https://example.org/очень-длинная-ссылка-на-онлайн-встречу-без-пробелов-и-переносов"),
    ])
    template = make.programme_template(author=mentor.user)
    pending = make.programme_template("Программа адаптации молодого учителя начальных классов", status="submitted",
                                      author=mentor.user)
    return {"mentoring_request": request.id, "mentorship": mentorship.id, "second_mentor": mentor.id,
            "programme": template.id, "pending_programme": pending.id}


def log_in_as(page, email: str) -> None:
    """Through the log-in form, as a person would; the page is left on the account."""
    page.goto("/auth/login")
    form = page.locator("#login-form")
    form.locator('input[name="email"]').fill(email)
    form.locator('input[name="password"]').fill(PASSWORD)
    form.locator('button[type="submit"]').click()
    expect(page.locator('header form[action="/auth/logout"]')).to_be_attached()


def public_pages(showcase: dict) -> list[str]:
    return [
        "/", "/mentors", "/mentors?q=математика&sort=experience&mode=remote", "/mentors?q=абракадабра",
        f"/mentors/{showcase['mentor']}", f"/organisations/{showcase['organisation']}",
        "/search?q=математика", "/search?q=матиматика", "/auth/login", "/auth/register", "/auth/reset",
        "/auth/confirm/resend", "/auth/confirm/not-a-token", "/auth/reset/not-a-token",
        "/no-such-page", "/mentors/999999", "/about", "/help", "/contacts", "/privacy",
        "/practices", "/practices?q=наставничества&winner=1&direction=methodical", "/practices?q=абракадабра",
        f"/practices/{showcase['practice']}",
        "/library", "/library?q=наставничества&rubric=regulations", "/library?q=абракадабра",
        f"/library/{showcase['library_item']}",
        "/competitions", f"/competitions/{showcase['competition']}",
        f"/competitions/{showcase['competition']}/entries/{showcase['competition_entry']}",
        "/programmes", "/programmes?q=дисциплина&direction=methodical", f"/programmes/{showcase['programme']}",
    ]


def participant_pages(showcase: dict) -> list[str]:
    return [
        "/account", "/account/profile", "/account/consent", "/account/mentor-profiles",
        "/account/mentor-profiles/new", f"/account/mentor-profiles/{showcase['pending']}/edit",
        "/account/submissions", "/account/notifications", "/practices/mine", "/practices/new",
        f"/practices/{showcase['own_practice']}/edit",
        "/account/submissions", "/account/notifications",
        f"/competitions/{showcase['open_competition']}/enter",
        f"/competitions/{showcase['open_competition']}/entries/{showcase['own_entry']}/edit",
        f"/competitions/{showcase['open_competition']}/jury",
        f"/mentors/{showcase['second_mentor']}/ask", "/account/requests", "/account/requests/new",
        f"/account/requests/{showcase['mentoring_request']}", "/account/inbox", "/account/mentorships",
        *(f"/account/mentorships/{showcase['mentorship']}{page}" for page in (
            "", "/programme", "/extend", "/complete", "/replacement", "/evaluation",
            "/evaluation/self-assessment/start", "/print/order", "/print/programme", "/print/report")),
        f"/programmes/{showcase['programme']}/use",
        "/moderation",  # the last: the refusal page
    ]


def moderator_pages(showcase: dict) -> list[str]:
    return [
        "/moderation", "/moderation/audit", f"/moderation/mentor-profiles/{showcase['pending']}",
        f"/moderation/organisations/{showcase['proposed']}", f"/moderation/practices/{showcase['own_practice']}",
        f"/moderation/organisations/{showcase['proposed']}",
        "/library/manage", "/library/new", f"/library/{showcase['library_item']}/edit",
        "/competitions/new", f"/competitions/{showcase['competition']}/edit",
        f"/competitions/{showcase['competition']}/manage", f"/competitions/{showcase['open_competition']}/manage",
        f"/moderation/programmes/{showcase['pending_programme']}", f"/account/mentorships/{showcase['mentorship']}",
    ]


def admin_pages(showcase: dict) -> list[str]:
    vocabulary, term_id = showcase["term"]
    return [
        "/admin", "/admin/users", f"/admin/users/{showcase['participant_id']}", "/admin/organisations",
        "/admin/organisations/new", f"/admin/organisations/{showcase['organisation']}/edit",
        "/admin/vocabularies", f"/admin/vocabularies/{vocabulary}",
        f"/admin/vocabularies/{vocabulary}/terms/{term_id}/edit", "/admin/thesaurus",
        f"/admin/thesaurus/{showcase['thesaurus_entry']}/edit", "/admin/pages", "/admin/pages/help",
        # An admin sees a school's cabinet as its curator does.
        f"/account/organisations/{showcase['organisation']}", f"/account/organisations/{showcase['organisation']}/page",
        f"/account/organisations/{showcase['organisation']}/mentoring",
        f"/account/organisations/{showcase['organisation']}/requests/new",
    ]
