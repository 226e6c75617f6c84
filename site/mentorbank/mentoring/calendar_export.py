"""A mentorship's meetings as an iCalendar file (RFC 5545), written by the icalendar library."""
from datetime import timedelta, timezone
from urllib.parse import urlsplit

from flask import current_app
from flask_babel import gettext as _
from icalendar import Calendar, Event

from ..core.models import utcnow
from .models import Mentorship


def meetings_calendar(mentorship: Mentorship) -> bytes:
    host = urlsplit(current_app.config.get("PUBLIC_URL") or "").hostname or "mentorbank"
    cal = Calendar()
    cal.add("prodid", "-//Open mentor bank//mentorships//RU")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("Meetings: %(title)s", title=mentorship.title))
    stamp = utcnow().replace(tzinfo=timezone.utc)
    for meeting in mentorship.programme.meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.id}@{host}")
        event.add("dtstamp", stamp)
        starts = meeting.starts_at.replace(tzinfo=timezone.utc)
        event.add("dtstart", starts)
        event.add("dtend", starts + timedelta(minutes=meeting.duration_minutes))
        event.add("summary", _("Mentoring meeting: %(title)s", title=mentorship.title))
        if meeting.place:
            event.add("location", meeting.place)
        if meeting.notes:
            event.add("description", meeting.notes)
        cal.add_component(event)
    return cal.to_ical()
