"""What each kind of notification says, in the reader's language, and where it leads."""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from ..core import records
from .models import Notification


@dataclass(frozen=True)
class NotificationText:
    title: str
    url: str | None


# kind → title. The link is the page where the reader follows the record it is about (core.records).
KINDS = {
    "mentor_profile.approved": _l("Your mentor profile is approved and published in the bank"),
    "mentor_profile.returned": _l("Your mentor profile was returned for changes"),
    "mentor_profile.revision_approved": _l("The changes to your mentor profile are approved and published"),
    "mentor_profile.revision_returned": _l(
        "The changes to your mentor profile were returned; the published version stays in the bank"),
    "organisation.approved": _l("Your organisation was added to the directory"),
    "organisation.rejected": _l("Your proposed organisation was not added to the directory"),
}


def register_kinds(titles: dict) -> None:
    """A domain adds the words of its own kinds (practices/registrations.py)."""
    KINDS.update(titles)


def describe(notification: Notification) -> NotificationText:
    title = KINDS.get(notification.kind, notification.kind)
    url = None
    if notification.target_type:
        try:
            url = records.owner_url(notification.target_type, notification.target_id, external=True)
        except RuntimeError:  # outside a request with no SERVER_NAME (a CLI command) there is no host to name
            url = None
    return NotificationText(title=str(title), url=url)
