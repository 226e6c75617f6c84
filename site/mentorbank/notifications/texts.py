"""What each kind of notification says, in the reader's language, and where it leads."""
from dataclasses import dataclass

from flask import url_for
from werkzeug.routing import BuildError
from flask_babel import lazy_gettext as _l

from .models import Notification


@dataclass(frozen=True)
class NotificationText:
    title: str
    url: str | None


# kind → (title, endpoint of the page that shows what to do next)
KINDS = {
    "mentor_profile.approved": (_l("Your mentor profile is approved and published in the bank"), "account.submissions"),
    "mentor_profile.returned": (_l("Your mentor profile was returned for changes"), "account.submissions"),
    "mentor_profile.revision_approved": (
        _l("The changes to your mentor profile are approved and published"), "account.submissions"),
    "mentor_profile.revision_returned": (
        _l("The changes to your mentor profile were returned; the published version stays in the bank"),
        "account.submissions"),
    "organisation.approved": (_l("Your organisation was added to the directory"), "account.profile"),
    "organisation.rejected": (_l("Your proposed organisation was not added to the directory"), "account.profile"),
}


def describe(notification: Notification) -> NotificationText:
    title, endpoint = KINDS.get(notification.kind, (notification.kind, None))
    try:
        url = url_for(endpoint, _external=True) if endpoint else None
    except (BuildError, RuntimeError):  # an area not built yet has no page; outside a request no host
        url = None
    return NotificationText(title=str(title), url=url)
