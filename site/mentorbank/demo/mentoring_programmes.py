"""The programme of a demo mentorship (demo/mentoring.py): its text from the scenario, an extension, the plan
done so far and the meetings held (and, while it runs, the next two)."""
import random
from datetime import date, datetime, time, timedelta

from ..mentoring.models import CompletionReason, Meeting, MentoringRequest, PlanItem, Programme, ProgrammeExtension
from ..vocabularies.models import Term
from . import mentoring_texts as texts

# At most this many meetings per programme: enough to look lived in, few enough to keep the load fast.
MAX_MEETINGS = 14
EXTENSION_MONTHS = 2


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, min(day.day, 28))


def at(day: date, hour: int = 12) -> datetime:
    """A moment of that day, naive UTC as every stored time (12:00 UTC is 15:00 in Moscow)."""
    return datetime.combine(day, time(hour))


def new_programme(scenario: texts.Scenario, request: MentoringRequest, started: date, months: int,
                  rng: random.Random) -> Programme:
    programme = Programme(
        problem=scenario.difficulties, goals=scenario.goals, content=scenario.content,
        planned_results=scenario.planned_results, mode=request.mode,
        meeting_schedule=rng.choice(texts.MEETING_SCHEDULES), starts_on=started, ends_on=add_months(started, months),
        created_at=at(started, 10),
    )
    programme.directions = list(request.directions)
    return programme


def extend(programme: Programme, mentor_id: int, rng: random.Random, today: date) -> None:
    """The end moved EXTENSION_MONTHS later by the mentor, a few weeks before it came."""
    previous_end = programme.ends_on
    programme.ends_on = add_months(previous_end, EXTENSION_MONTHS)
    extended_on = min(previous_end - timedelta(days=20), today - timedelta(days=3))
    programme.extensions.append(ProgrammeExtension(
        previous_end=previous_end, new_end=programme.ends_on, reason=rng.choice(texts.EXTENSION_REASONS),
        extended_by_id=mentor_id, extended_at=at(extended_on, 13)))


def end_of(programme: Programme, reason: CompletionReason, rng: random.Random, today: date) -> date:
    """The day a completed programme ended, by why it ended: on time, a little early, or half-way."""
    span = (programme.ends_on - programme.starts_on).days
    if reason == CompletionReason.PLAN_DONE:
        ended = programme.ends_on
    elif reason == CompletionReason.MUTUAL:
        ended = programme.ends_on - timedelta(days=rng.randint(14, 30))
    else:
        ended = programme.starts_on + timedelta(days=span * rng.randint(40, 70) // 100)
    return min(ended, today - timedelta(days=2))


def carry_out(programme: Programme, scenario: texts.Scenario, last_day: date, reason: CompletionReason | None,
              rng: random.Random, modes: dict[str, Term]) -> None:
    """What was done up to ``last_day`` (today for a running programme): results, plan, meetings."""
    if (last_day - programme.starts_on) * 2 >= programme.ends_on - programme.starts_on:
        programme.intermediate_results = scenario.intermediate_results
    _plan(programme, scenario, last_day, reason == CompletionReason.PLAN_DONE, rng)
    _meetings(programme, last_day, reason is None, rng, modes)


def _plan(programme: Programme, scenario: texts.Scenario, last_day: date, all_done: bool,
          rng: random.Random) -> None:
    span = (programme.ends_on - programme.starts_on).days
    directions = programme.directions
    for index, title in enumerate(scenario.plan):
        due = programme.starts_on + timedelta(days=span * (index + 1) // (len(scenario.plan) + 1))
        done = all_done or due <= last_day - timedelta(days=3)
        programme.plan_items.append(PlanItem(
            title=title, direction=directions[index % len(directions)] if directions else None, due_on=due,
            done_at=at(min(due, last_day) - timedelta(days=rng.randint(0, 3)), 15) if done else None))


def _meetings(programme: Programme, last_day: date, upcoming: bool, rng: random.Random,
              modes: dict[str, Term]) -> None:
    """Every two or three weeks from the start; notes for the meetings held, and two ahead while it runs."""
    day, held, ahead = programme.starts_on + timedelta(days=3), 0, 0
    while day <= programme.ends_on and held + ahead < MAX_MEETINGS:
        past = day < last_day
        if not past:
            if not upcoming or ahead == 2:
                break
            ahead += 1
        mode = programme.mode
        if mode is not None and mode.slug == "blended":
            mode = modes["remote" if (held + ahead) % 2 else "in-person"]
        online = mode is not None and mode.slug == "remote"
        programme.meetings.append(Meeting(
            starts_at=at(day, rng.choice((9, 11, 12, 13))), duration_minutes=rng.choice((45, 60, 60, 90)),
            mode=mode,
            place=texts.ONLINE_PLACE.format(number=rng.randint(100, 999)) if online
            else rng.choice(texts.IN_PERSON_PLACES),
            notes=texts.MEETING_NOTES[held % len(texts.MEETING_NOTES)] if past else None))
        held += past
        day += timedelta(days=rng.choice((14, 14, 21)))
