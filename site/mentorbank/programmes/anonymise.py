"""A programme's text without personal data: e-mail addresses, phone numbers and the names of the people of the
mentorship (in any case: «Иванова», «Ивановой», «Иванову М. П.») are cut out of what the publish form is
prefilled with, and the form refuses a text that still holds an address, a phone or one of those names."""
import re

HIDDEN = "[…]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# +7 912 345-67-89, 8 (843) 123-45-67, 89123456789, 123-45-67; not a date (01.09.2024) nor a school year
# (2024-2025).
PHONE = re.compile(r"(?<![\w-])(?:\+\d(?:[\s()-]*\d){9,13}|\d(?:[\s()-]*\d){9,10}|\d{3}-\d{2}-\d{2})(?![\w-])")
INITIALS = r"[А-ЯЁA-Z]\.(?:\s?[А-ЯЁA-Z]\.)?"
# A name's own letters before its case ending: «Иванова» → «Иванов» finds «Ивановой», «Иванову».
MIN_NAME_LENGTH = 3


def _stem(name: str) -> str:
    if len(name) > 5:
        return name[:-2]
    if len(name) > 3:
        return name[:-1]
    return name


def _name_patterns(names) -> list[re.Pattern]:
    parts = {part for name in names if name for part in re.split(r"[\s-]+", name)
             if len(part) >= MIN_NAME_LENGTH and part[0].isupper()}
    patterns = []
    for part in sorted(parts, key=len, reverse=True):
        stem = re.escape(_stem(part))
        # The name with up to three more letters (its case ending), with initials before or after it.
        patterns.append(re.compile(rf"(?:{INITIALS}\s?)?\b{stem}\w{{0,3}}\b(?:\s{INITIALS})?", re.UNICODE))
    return patterns


def without_personal_data(text: str | None, names=()) -> str:
    """``text`` with e-mails, phones and the given people's names replaced by «[…]»."""
    if not text:
        return ""
    text = EMAIL.sub(HIDDEN, text)
    text = PHONE.sub(HIDDEN, text)
    for pattern in _name_patterns(names):
        text = pattern.sub(HIDDEN, text)
    return text


def personal_data_in(text: str | None, names=()) -> list[str]:
    """What of the personal data above ``text`` still holds (the pieces found), for the form's error."""
    if not text:
        return []
    found = EMAIL.findall(text) + [match.group(0).strip() for match in PHONE.finditer(text)]
    for pattern in _name_patterns(names):
        found += [match.group(0).strip() for match in pattern.finditer(text)]
    return found
