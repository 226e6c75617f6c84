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
    keywords = {"_": None, "_l": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None,
                "lazy_pgettext": ((1, "c"), 2)}
    in_sources = {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            root, method_map, keywords=keywords, options_map={"**.html": {"encoding": "utf-8"}}
        )
    }
    template_ids = {message.id if isinstance(message.id, str) else message.id[0]
                    for message in read(TRANSLATIONS / "messages.pot") if message.id}
    assert in_sources - template_ids == set(), "run pybabel extract and update (see babel.cfg)"


def test_the_compiled_catalogue_is_up_to_date():
    """The site reads messages.mo, which ``make translations`` (and ``make test``) compiles from messages.po;
    tests never write into the source tree, so a stale or missing one fails here instead."""
    from babel.messages.mofile import read_mo

    compiled_path = TRANSLATIONS / "ru" / "LC_MESSAGES" / "messages.mo"
    assert compiled_path.exists(), "run make translations"
    with compiled_path.open("rb") as mo:
        compiled = read_mo(mo)
    russian = read(TRANSLATIONS / "ru" / "LC_MESSAGES" / "messages.po")
    stale = [message.id for message in russian
             if message.id and message.string and not message.fuzzy
             and _as_compared(compiled.get(message.id, _as_read_from_mo(message.context))) != _as_compared(message)]
    assert stale == [], "run make translations"


def _as_read_from_mo(context: str | None):
    """read_mo keys a message's context as bytes."""
    return context.encode() if context else None


def _as_compared(message):
    """A message's translation; a plural one as a tuple (read_mo gives a list, read_po a tuple)."""
    if message is None:
        return None
    return tuple(message.string) if isinstance(message.string, (list, tuple)) else message.string
