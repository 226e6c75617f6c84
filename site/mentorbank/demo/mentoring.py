"""Demo mentoring, school to school (DESIGN §4): requests in every state, and active and completed mentorships
with their programmes, plans, meetings, extensions and completion reasons.

- mentee@ has a request in every state and an active mentorship with mentor@;
- mentor@ has requests waiting in the inbox, active mentorships and six completed ones with six different
  mentees (the evaluation demo answers their questionnaires);
- other published mentors get the rest; every mentor's ``active_mentees`` is the sum of the group sizes of
  their active mentorships, never above their capacity, and a request waits only for a mentor who takes requests.

The records are written in their final state, as the other demo loads write theirs, not walked through the
workflows: no notification, no audit entry. Deterministic for a seed; a few hundred rows through the ORM.
"""
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..accounts.models import Role, RoleGrant, User
from ..core.models import utcnow
from ..mentoring.models import (
    REMINDER_AFTER, REQUEST_LIFETIME, CompletionReason, MentoringRequest, Mentorship, MentorshipStatus, RequestStatus,
)
from ..mentors.models import MentorProfile, ProfileStatus, mentor_profile_term
from ..organisations.models import Organisation
from ..vocabularies.models import Term, Vocabulary
from . import mentoring_programmes as programmes
from . import mentoring_texts as texts
from . import people
from .accounts import DEMO_DOMAIN
from .mentoring_programmes import at
from .texts import email_local_part

DEFAULT_SEED = 20261203
# Organisation kinds whose teachers ask for mentoring in the demo.
MENTEE_KINDS = ("school", "kindergarten", "college", "additional")
# Completed mentorships of other mentors cycle through these (a curator's decision needs a curator: the demo
# curator ends one of mentor@'s).
OTHER_COMPLETIONS = (CompletionReason.PLAN_DONE, CompletionReason.MUTUAL, CompletionReason.MENTOR_INITIATIVE,
                     CompletionReason.MENTEE_INITIATIVE)
DEMO_MENTOR_COMPLETIONS = (CompletionReason.PLAN_DONE, CompletionReason.PLAN_DONE, CompletionReason.MUTUAL,
                           CompletionReason.MENTEE_INITIATIVE, CompletionReason.PLAN_DONE,
                           CompletionReason.CURATOR_DECISION)
DEMO_MENTOR_CAPACITY = 4
# How many of each the other mentors get.
OTHER_COMPLETED, OTHER_ACTIVE, OTHER_TEAMS = 10, 8, 2
OTHER_PENDING = {RequestStatus.OPEN: 4, RequestStatus.SENT: 5}
OTHER_CLOSED = {RequestStatus.DECLINED: 3, RequestStatus.EXPIRED: 3, RequestStatus.WITHDRAWN: 2}


@dataclass(frozen=True)
class MentoringSummary:
    requests: dict[RequestStatus, int] = field(default_factory=dict)
    active: int = 0
    completed: int = 0

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())


def create_demo_mentoring(session: Session, seed: int = DEFAULT_SEED) -> MentoringSummary:
    """Add the demo mentoring to a demo bank (flushes; the caller commits). A bank that has any request already
    is left alone, so a second load adds nothing."""
    if session.scalar(select(MentoringRequest.id).limit(1)) is not None:
        return MentoringSummary()
    builder = _Builder(session, random.Random(seed))
    if not builder.mentors or not builder.schools:
        return MentoringSummary()
    builder.run()
    session.flush()
    return summarise(session)


def summarise(session: Session) -> MentoringSummary:
    requests = dict(session.execute(
        select(MentoringRequest.status, func.count()).group_by(MentoringRequest.status)).all())
    mentorships = dict(session.execute(
        select(Mentorship.status, func.count()).group_by(Mentorship.status)).all())
    return MentoringSummary({RequestStatus(status): count for status, count in requests.items()},
                            mentorships.get(MentorshipStatus.ACTIVE, 0), mentorships.get(MentorshipStatus.COMPLETED, 0))


class _Builder:
    def __init__(self, session: Session, rng: random.Random):
        self.session, self.rng = session, rng
        self.now = utcnow()
        self.today = self.now.date()
        self.terms: dict[str, dict[str, Term]] = {}
        for term in session.scalars(select(Term).where(Term.is_active.is_(True)).order_by(Term.position, Term.id)):
            self.terms.setdefault(term.vocabulary, {})[term.slug] = term
        people_by_key = {user.email.split("@")[0]: user for user in session.scalars(
            select(User).where(User.email.like(f"%@{DEMO_DOMAIN}")))}
        self.demo_mentee = people_by_key.get("mentee")
        self.demo_curator = people_by_key.get("curator")
        demo_mentor = people_by_key.get("mentor")
        profiles = list(session.scalars(select(MentorProfile).where(
            MentorProfile.status == ProfileStatus.APPROVED, MentorProfile.revision_of_id.is_(None),
        ).order_by(MentorProfile.id)))
        self.demo_profile = next((p for p in profiles if demo_mentor and p.user_id == demo_mentor.id), None)
        self.mentors = [p for p in profiles if not p.is_team and p is not self.demo_profile]
        self.teams = [p for p in profiles if p.is_team]
        # Each published profile's term slugs by vocabulary, read at once rather than profile by profile.
        self.slugs: dict[int, dict[str, list[str]]] = {}
        for profile_id, vocabulary, slug in session.execute(
            select(mentor_profile_term.c.profile_id, Term.vocabulary, Term.slug)
            .join(Term, Term.id == mentor_profile_term.c.term_id)
            .where(Term.vocabulary.in_((Vocabulary.DIRECTION, Vocabulary.FORM, Vocabulary.KIND, Vocabulary.MODE)))
            .order_by(Term.position)
        ):
            self.slugs.setdefault(profile_id, {}).setdefault(vocabulary, []).append(slug)
        self.schools = list(session.scalars(
            select(Organisation).join(Term, Organisation.kind_id == Term.id)
            .where(Term.vocabulary == Vocabulary.ORGANISATION_KIND, Term.slug.in_(MENTEE_KINDS))
            .order_by(Organisation.id)))
        self.used_emails = set(session.scalars(select(User.email)))
        self.taken: Counter[int] = Counter()  # places taken per mentor profile id
        self.ended_by_mentee: list[Mentorship] = []
        # Mentors a request waits for: one place of theirs stays free, so they still take requests at the end.
        self.awaited: set[int] = set()

    # The stories

    def run(self) -> None:
        if self.demo_profile is not None:
            self._demo_mentor()
        self._other_mentors()
        for profile in {*self.mentors, *self.teams, *([self.demo_profile] if self.demo_profile else [])}:
            profile.active_mentees = self.taken[profile.id]
        self.session.flush()
        for pair in self.ended_by_mentee:
            pair.completed_by_id = pair.mentee_id

    def _demo_mentor(self) -> None:
        """mentor@: six completed mentorships with six mentees, two active (one with mentee@), an inbox."""
        profile, rng = self.demo_profile, self.rng
        profile.capacity = max(profile.capacity, DEMO_MENTOR_CAPACITY)
        profile.accepting_requests, profile.silent_since = True, None
        profile.last_active_at = self.now - timedelta(hours=20)
        for index, reason in enumerate(DEMO_MENTOR_COMPLETIONS):
            self._completed(profile, self._new_mentee(profile), reason, extended=index == 1)
        if self.demo_mentee is not None:
            self._demo_mentee_story()
        self._active(profile, self._new_mentee(profile), days_ago=rng.randint(20, 40))
        for days_ago in (2, 9):
            self._pending(self._new_mentee(profile), profile, RequestStatus.SENT, days_ago)
        self._closed(self._new_mentee(profile), profile, RequestStatus.DECLINED)
        self._closed(self._new_mentee(profile), profile, RequestStatus.EXPIRED)
        self._closed(self._new_mentee(profile), profile, RequestStatus.WITHDRAWN)

    def _demo_mentee_story(self) -> None:
        """mentee@: declined once, unanswered once, accepted by mentor@ (the other request withdrawn by the site),
        and now waiting for one mentor and for suggestions."""
        mentee = self.demo_mentee
        by_direction = {scenario.direction: scenario for scenario in texts.SCENARIOS}
        self._closed(mentee, self._mentor_for(by_direction["psychological-pedagogical"]), RequestStatus.DECLINED,
                     by_direction["psychological-pedagogical"], days_ago=150)
        self._closed(mentee, self._mentor_for(by_direction["psychological-pedagogical"]), RequestStatus.EXPIRED,
                     by_direction["psychological-pedagogical"], days_ago=120)
        scenario = by_direction["methodical"]
        mentorship = self._active(self.demo_profile, mentee, days_ago=75, scenario=scenario, period_months=6)
        self._closed(mentee, self._mentor_for(scenario), RequestStatus.WITHDRAWN, scenario, days_ago=78,
                     reason=texts.WITHDRAWN_ON_ACCEPTANCE, until=at(mentorship.started_on))
        self._pending(mentee, self._mentor_for(by_direction["parents"], taking=True), RequestStatus.SENT, 3,
                      by_direction["parents"])
        self._pending(mentee, None, RequestStatus.OPEN, 1, by_direction["ict"])

    def _other_mentors(self) -> None:
        rng = self.rng
        for index in range(OTHER_COMPLETED):
            scenario = rng.choice(texts.SCENARIOS)
            profile = self._mentor_for(scenario)
            self._completed(profile, self._new_mentee(profile), OTHER_COMPLETIONS[index % len(OTHER_COMPLETIONS)],
                            scenario, extended=index == 0)
        for index in range(OTHER_ACTIVE):
            scenario = rng.choice(texts.SCENARIOS)
            profile = self._mentor_for(scenario, free=1)
            if profile is None:
                break
            extended = index == 0  # an extension comes a few months into the programme
            self._active(profile, self._new_mentee(profile), rng.randint(90 if extended else 7, 150), scenario,
                         extended=extended)
        for index, team in enumerate(sorted(self.teams, key=lambda t: (-t.capacity, t.id))[:OTHER_TEAMS]):
            size = min(3, team.capacity - self.taken[team.id])
            if size >= 1:
                curator = self._new_mentee(team, curator=True)
                self._active(team, curator, rng.randint(30, 120), texts.TEAM_SCENARIO,
                             group=(size, texts.TEAM_MEMBERS[index % len(texts.TEAM_MEMBERS)]))
        # Requests waiting go last: only to mentors who, after all the above, still take requests.
        for status, count in OTHER_PENDING.items():
            for _ in range(count):
                scenario = rng.choice(texts.SCENARIOS)
                profile = self._mentor_for(scenario, taking=True) if status == RequestStatus.SENT else None
                self._pending(self._new_mentee(profile), profile, status, rng.randint(0, 12), scenario)
        for status, count in OTHER_CLOSED.items():
            for index in range(count):
                scenario = rng.choice(texts.SCENARIOS)
                # Every other one expired or was withdrawn while still open (no mentor chosen yet).
                still_open = index % 2 == 1 and status != RequestStatus.DECLINED
                profile = None if still_open else self._mentor_for(scenario)
                self._closed(self._new_mentee(profile), profile, status, scenario)

    # Choosing people

    def _mentor_for(self, scenario: texts.Scenario, free: int = 0, taking: bool = False) -> MentorProfile | None:
        """A mentor of the scenario's direction when there is one (with ``free`` places, or taking requests)."""
        def fits(profile):
            places = profile.capacity - self.taken[profile.id]
            if taking:
                return profile.accepting_requests and profile.silent_since is None and places > 0
            return not free or places - (profile.id in self.awaited) >= free
        candidates = [p for p in self.mentors if fits(p)]
        matching = [p for p in candidates if scenario.direction in self.slugs.get(p.id, {}).get("direction", ())]
        pool = matching or candidates
        return self.rng.choice(pool) if pool else None

    def _new_mentee(self, mentor: MentorProfile | None, curator: bool = False) -> User:
        """A teacher of another organisation than the mentor's; no password (cannot log in)."""
        rng = self.rng
        school = rng.choice([s for s in self.schools if mentor is None or s.id != mentor.organisation_id]
                            or self.schools)
        female = rng.random() < 0.8
        surname = rng.choice(people.RUSSIAN_SURNAMES)
        surname = people.feminine_surname(surname) if female else surname
        first_name = rng.choice(people.FEMALE_NAMES if female else people.MALE_NAMES)
        patronymic = rng.choice(people.PATRONYMICS)[1 if female else 0]
        local, number = email_local_part(surname, first_name[0] + patronymic[0]), 1
        email = f"{local}@example.org"
        while email in self.used_emails:
            number += 1
            email = f"{local}{number}@example.org"
        self.used_emails.add(email)
        kind = next((t.slug for t in self.terms[Vocabulary.ORGANISATION_KIND].values() if t.id == school.kind_id),
                    "school")
        position = "заместитель директора по УВР" if curator else rng.choice(people.POSITIONS[kind])[0]
        user = User(email=email, full_name=f"{surname} {first_name} {patronymic}", position=position,
                    organisation=school, created_at=self.now - timedelta(days=rng.randint(200, 700)))
        if curator:
            user.role_grants.append(RoleGrant(role=Role.CURATOR, organisation=school))
        self.session.add(user)
        return user

    def _term(self, vocabulary: str, profile: MentorProfile | None, default: str, avoid: str | None = None) -> Term:
        offered = [s for s in (self.slugs.get(profile.id, {}) if profile else {}).get(vocabulary, ()) if s != avoid]
        return self.terms[vocabulary][offered[0] if offered else default]

    # Requests

    def _request(self, mentee: User, profile: MentorProfile | None, status: RequestStatus,
                 scenario: texts.Scenario, asked: datetime, period_months: int | None = None,
                 group: tuple[int, str] | None = None) -> MentoringRequest:
        rng = self.rng
        if group:
            form, kind = self.terms[Vocabulary.FORM]["team-team"], self.terms[Vocabulary.KIND]["group"]
        else:
            form = self._term(Vocabulary.FORM, profile, "teacher-teacher", avoid="team-team")
            kind = self._term(Vocabulary.KIND, profile, "traditional", avoid="group")
        request = MentoringRequest(
            mentee=mentee, organisation=mentee.organisation, is_team=group is not None,
            group_size=group[0] if group else 1, group_members=group[1] if group else None,
            difficulties=scenario.difficulties, form=form, kind=kind,
            mode=self._term(Vocabulary.MODE, profile, rng.choice(("in-person", "remote", "blended"))),
            period_months=period_months or rng.choice((3, 6, 6, 9, 12)),
            mentor_profile=profile, status=status, created_at=asked,
            sent_at=asked if profile is not None else None, expires_at=asked + REQUEST_LIFETIME,
        )
        request.directions = [self.terms[Vocabulary.DIRECTION][slug]
                              for slug in (scenario.direction, scenario.extra_direction) if slug]
        self.session.add(request)
        return request

    def _pending(self, mentee: User, profile: MentorProfile | None, status: RequestStatus, days_ago: int,
                 scenario: texts.Scenario | None = None) -> MentoringRequest:
        """An open request (no mentor yet) or one sent ``days_ago`` and not yet answered."""
        asked = self.now - timedelta(days=days_ago, hours=self.rng.randint(1, 8))
        request = self._request(mentee, profile, status, scenario or self.rng.choice(texts.SCENARIOS), asked)
        if status == RequestStatus.SENT:
            self.awaited.add(profile.id)
            if self.now - asked >= REMINDER_AFTER:
                request.reminded_at = asked + REMINDER_AFTER
        return request

    def _closed(self, mentee: User, profile: MentorProfile | None, status: RequestStatus,
                scenario: texts.Scenario | None = None, days_ago: int | None = None, reason: str | None = None,
                until: datetime | None = None) -> MentoringRequest:
        """A request declined, expired or withdrawn some time ago."""
        rng = self.rng
        asked = self.now - timedelta(days=days_ago or rng.randint(20, 200), hours=rng.randint(1, 8))
        request = self._request(mentee, profile, status, scenario or rng.choice(texts.SCENARIOS), asked)
        if status == RequestStatus.DECLINED:
            request.decided_at = request.updated_at = asked + timedelta(days=rng.randint(1, 5))
            request.decided_by_id = profile.user_id
            request.status_reason = reason or rng.choice(texts.DECLINE_REASONS)
        elif status == RequestStatus.EXPIRED:
            request.updated_at = request.expires_at
        else:
            request.status_reason = reason or texts.WITHDRAWN_BY_MENTEE
            request.updated_at = until or asked + timedelta(days=rng.randint(1, 6))
        return request

    # Mentorships

    def _active(self, profile: MentorProfile, mentee: User, days_ago: int, scenario: texts.Scenario | None = None,
                period_months: int | None = None, extended: bool = False,
                group: tuple[int, str] | None = None) -> Mentorship:
        started = self.today - timedelta(days=days_ago)
        months = period_months or self.rng.choice((6, 9, 12))
        return self._mentorship(profile, mentee, scenario or self.rng.choice(texts.SCENARIOS), started, months,
                                extended=extended, group=group)

    def _completed(self, profile: MentorProfile, mentee: User, reason: CompletionReason,
                   scenario: texts.Scenario | None = None, extended: bool = False) -> Mentorship:
        rng = self.rng
        months = rng.choice((3, 6, 9))
        started = self.today - timedelta(days=months * 31 + (62 if extended else 0) + rng.randint(20, 300))
        return self._mentorship(profile, mentee, scenario or rng.choice(texts.SCENARIOS), started, months,
                                reason=reason, extended=extended)

    def _mentorship(self, profile: MentorProfile, mentee: User, scenario: texts.Scenario, started: date,
                    months: int, reason: CompletionReason | None = None, extended: bool = False,
                    group: tuple[int, str] | None = None) -> Mentorship:
        rng = self.rng
        asked = at(started, 9) - timedelta(days=rng.randint(2, 6))
        request = self._request(mentee, profile, RequestStatus.ACCEPTED, scenario, asked, months, group)
        request.decided_at = request.updated_at = at(started, 9)
        request.decided_by_id = profile.user_id
        pair = Mentorship(
            request=request, mentor_profile=profile, mentor_id=profile.user_id, mentee=mentee,
            mentor_organisation_id=profile.organisation_id, mentee_organisation=mentee.organisation,
            is_team=request.is_team, group_size=request.group_size, form=request.form, kind=request.kind,
            status=MentorshipStatus.ACTIVE, started_on=started, created_at=at(started, 9),
            programme=programmes.new_programme(scenario, request, started, months, rng),
        )
        if extended:
            programmes.extend(pair.programme, profile.user_id, rng, self.today)
        last_day = self._complete(pair, reason) if reason else self.today
        programmes.carry_out(pair.programme, scenario, last_day, reason, rng, self.terms[Vocabulary.MODE])
        if reason is None:
            self.taken[profile.id] += pair.group_size
        self.session.add(pair)
        return pair

    def _complete(self, pair: Mentorship, reason: CompletionReason) -> date:
        """Stamp the completion; the day it ended."""
        ended = programmes.end_of(pair.programme, reason, self.rng, self.today)
        pair.completed_by_id = {
            CompletionReason.CURATOR_DECISION: self.demo_curator.id if self.demo_curator else None,
        }.get(reason, pair.mentor_id)
        if reason == CompletionReason.MENTEE_INITIATIVE:
            self.ended_by_mentee.append(pair)  # stamped once the new mentees have their ids
        pair.status, pair.completion_reason = MentorshipStatus.COMPLETED, reason
        pair.completed_at = pair.updated_at = at(ended, 14)
        pair.completion_note = texts.COMPLETION_NOTES[reason.value]
        return ended
