"""What every page's layout needs: navigation, the language switch and safe in-site redirects."""
from urllib.parse import urlsplit

from flask import current_app, request, url_for
from flask_babel import get_locale, lazy_gettext as _l
from werkzeug.routing import BuildError

from ..core.i18n import is_english

MAIN_NAVIGATION = (
    ("mentors.index", _l("Mentors")),
    ("search.index", _l("Search")),
)
# Each language names itself, so a visitor who cannot read the current one still finds theirs.
LOCALE_NAMES = {"ru": "Русский", "en": "English"}
LOCALE_TITLES = {"ru": "Переключить на русский язык", "en": "Switch to English"}


def optional_url(endpoint: str, **values) -> str | None:
    """The URL of an endpoint another area may not have registered yet (log-in, the API), or None."""
    try:
        return url_for(endpoint, **values)
    except BuildError:
        return None


def safe_next_url(target: str | None) -> str:
    """Follow ``target`` only when it is a path inside this site; anything else goes home."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.isprintable():
            return target
    return url_for("home.index")


def current_path() -> str:
    return request.full_path.rstrip("?") if request else "/"


def account_context() -> dict:
    """The numbers in the navigation: my unread notifications, and for moderators what waits for them."""
    from flask_login import current_user

    from ..moderation.queue import waiting_count
    from ..notifications.models import unread_count

    if not current_user.is_authenticated:
        return {"unread_notifications": 0, "moderation_waiting": 0}
    return {
        "unread_notifications": unread_count(current_user.id),
        "moderation_waiting": waiting_count() if current_user.is_moderator else 0,
    }


def layout_context() -> dict:
    current = str(get_locale())
    languages = current_app.config["LANGUAGES"]
    other = next((code for code in languages if code != current), current)
    return {
        "current_locale": current,
        "other_locale": other,
        "other_locale_name": LOCALE_NAMES.get(other, other),
        "other_locale_title": LOCALE_TITLES.get(other, other),
        "main_navigation": MAIN_NAVIGATION,
        "current_path": current_path(),
        **account_context(),
    }


def region_name(region) -> str:
    return region.name_en if is_english() and region.name_en else region.name
