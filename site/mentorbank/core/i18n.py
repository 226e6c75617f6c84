"""Locale choice: Russian unless the visitor picked English with the language switch."""
from flask import current_app, request, session
from flask_babel import get_locale

LOCALE_SESSION_KEY = "locale"


def select_locale() -> str:
    chosen = session.get(LOCALE_SESSION_KEY)
    if chosen in current_app.config["LANGUAGES"]:
        return chosen
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def is_english() -> bool:
    return request is not None and str(get_locale()) == "en"
