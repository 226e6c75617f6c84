"""The organisation that runs the bank, read from the ``OPERATOR`` config key (defaults in config.py, the real
one in instance/config.py): legal details change with a new deployment, not from a web form."""
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask import current_app
from markupsafe import Markup


@dataclass(frozen=True)
class Operator:
    full_name: str
    short_name: str
    region: str
    legal_address: str
    postal_address: str
    inn: str
    ogrn: str
    email: str
    phone: str
    hours: str
    emblem: str = ""  # a file under static/
    unit: str = ""  # the department that answers for the bank, e.g. the institute's ЦНППМ

    @property
    def emblem_markup(self) -> Markup | None:
        """An SVG emblem written into the page itself: the header then costs no request of its own (issue 8
        counts the home page's requests). The file is the operator's own configuration, not user input."""
        if not self.emblem.endswith(".svg"):
            return None
        return _inline_svg(str(Path(current_app.static_folder) / self.emblem))

    @property
    def phone_uri(self) -> str:
        return "tel:+" + "".join(digit for digit in self.phone if digit.isdigit())


def site_operator() -> Operator:
    return Operator(**current_app.config["OPERATOR"])


@lru_cache(maxsize=4)
def _inline_svg(path: str) -> Markup | None:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:  # a static folder without the emblem (a test's copy): the page goes on without it
        return None
    return Markup(text[text.index("<svg"):].strip()) if "<svg" in text else None
