"""The Russian catalogue is complete: every message of the template is translated, plurals in three forms."""
from pathlib import Path

from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parents[2] / "site" / "mentorbank" / "translations"


def read(path: Path):
    with path.open("rb") as po:
        return read_po(po, locale="ru" if path.suffix == ".po" else None)


def test_every_message_is_translated_into_russian():
    template = read(TRANSLATIONS / "messages.pot")
    russian = read(TRANSLATIONS / "ru" / "LC_MESSAGES" / "messages.po")
    untranslated = []
    for message in template:
        if not message.id:
            continue
        translated = russian.get(message.id)
        strings = translated.string if translated else None
        if isinstance(message.id, tuple):
            complete = isinstance(strings, tuple) and len(strings) == 3 and all(strings)
        else:
            complete = bool(strings)
        if not complete or translated.fuzzy:
            untranslated.append(message.id)
    assert untranslated == []


def test_the_template_lists_every_message_of_the_code_and_templates():
    """A message added to the code but never extracted would silently stay English in the Russian UI."""
    from babel.messages.extract import extract_from_dir

    root = TRANSLATIONS.parents[2]
    method_map = [("site/**.py", "python"), ("templates/**.html", "jinja2"), ("templates/**.txt", "jinja2")]
    keywords = {"_": None, "_l": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None}
    in_sources = {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            root, method_map, keywords=keywords, options_map={"**.html": {"encoding": "utf-8"}}
        )
    }
    template_ids = {message.id if isinstance(message.id, str) else message.id[0]
                    for message in read(TRANSLATIONS / "messages.pot") if message.id}
    assert in_sources - template_ids == set(), "run pybabel extract and update (see babel.cfg)"
