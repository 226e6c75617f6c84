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
