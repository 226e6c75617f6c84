"""What every page's layout needs: the language switch, the main navigation and names shown in the reader's
language. Registered app-wide by ``core.templating.init_app``; no area's blueprint has to be there for it."""
from flask import current_app, request
from flask_babel import get_locale, lazy_gettext as _l

from .i18n import is_english

MAIN_NAVIGATION = (
    ("mentors.index", _l("Mentors")),
    ("library.index", _l("Library")),
    ("programmes.index", _l("Programmes")),
    ("search.index", _l("Search")),
)
# Each language names itself, so a visitor who cannot read the current one still finds theirs.
LOCALE_NAMES = {"ru": "Русский", "en": "English"}
LOCALE_TITLES = {"ru": "Переключить на русский язык", "en": "Switch to English"}


def current_path() -> str:
    return request.full_path.rstrip("?") if request else "/"


def layout_context() -> dict:
    """Cheap values only: this runs for every template, partials and mail bodies included."""
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
    }


def region_name(region) -> str:
    return region.name_en if is_english() and region.name_en else region.name
