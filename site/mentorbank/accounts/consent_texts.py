"""The consent texts the site asks for (152-ФЗ), every version it ever asked for, each with the day it took effect.

A person's consent stores the version they agreed to (``User.processing_consent_version``), so a text once shown
is never edited: a changed text is a new version appended here, and the privacy policy lists them all. The
registration form shows the version ``PROCESSING_CONSENT_VERSION`` names; the mentor application shows the
newest publication text."""
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l

PROCESSING = "processing"  # to keep an account: asked at registration
PUBLICATION = "publication"  # to publish a mentor card: asked by the mentor application


@dataclass(frozen=True)
class ConsentText:
    kind: str
    version: str
    effective: date
    title: object  # lazy string
    paragraphs: tuple


CONSENT_TEXTS: tuple[ConsentText, ...] = (
    ConsentText(
        PROCESSING, "2026-11", date(2026, 11, 1), _l("Consent to the processing of personal data"),
        (
            _l("I agree that the operator of the open mentor bank processes my personal data: my full name, e-mail address, position and organisation, for the purposes of keeping my account, considering my mentor application and putting me in touch with mentors and mentees, in accordance with Federal Law No. 152-FZ “On personal data”."),
            _l("My e-mail address is never published. My consent is valid until I withdraw it; I can withdraw it at any time in my account, and then my data is no longer processed except where the law requires it."),
        ),
    ),
    ConsentText(
        PUBLICATION, "2026-11", date(2026, 11, 1), _l("Consent to the publication of the mentor card"),
        (
            _l("I agree that my mentor card (name, position, organisation and the answers above, without e-mail and phone) is published in the open bank."),
        ),
    ),
)


def consent_text(kind: str, version: str | None = None) -> ConsentText:
    """The text of ``kind`` in ``version``, or its newest version; a version the site never kept is an error."""
    versions = [text for text in CONSENT_TEXTS if text.kind == kind]
    if version is None:
        return max(versions, key=lambda text: text.effective)
    return next(text for text in versions if text.version == version)


def kept_versions() -> list[ConsentText]:
    """Every version of every text, each kind's oldest first (the privacy policy lists them all)."""
    return sorted(CONSENT_TEXTS, key=lambda text: (text.kind, text.effective))
