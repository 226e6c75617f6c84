"""The organisation that runs the bank, read from the ``OPERATOR`` config key (defaults in config.py, the real
one in instance/config.py): legal details change with a new deployment, not from a web form."""
from dataclasses import dataclass

from flask import current_app


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
    def phone_uri(self) -> str:
        return "tel:+" + "".join(digit for digit in self.phone if digit.isdigit())


def site_operator() -> Operator:
    return Operator(**current_app.config["OPERATOR"])
