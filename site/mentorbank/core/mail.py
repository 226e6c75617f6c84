"""Outgoing mail through Flask-Mail, sent only after the transaction that caused it commits.

Without ``MAIL_SERVER`` (development, tests) nothing leaves the machine: every message is written to
``MAIL_OUTBOX_DIR`` (default ``instance/outbox/``) as an .eml file and logged, so a newcomer can open the
confirmation and reset links.
"""
import logging
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask, render_template
from flask_mail import Message, email_dispatched
from sqlalchemy import event
from sqlalchemy.orm import Session

from ..extensions import db, mail

log = logging.getLogger(__name__)

PENDING_KEY = "mentorbank.mail.pending"


def init_app(app: Flask) -> None:
    app.config.setdefault("MAIL_DEFAULT_SENDER", "Открытый банк наставников <noreply@mentorbank.local>")
    app.config.setdefault("MAIL_OUTBOX_DIR", str(Path(app.instance_path) / "outbox"))
    captured = not app.config.get("MAIL_SERVER")
    app.config["MAIL_CAPTURE"] = captured
    if captured:
        app.config["MAIL_SUPPRESS_SEND"] = True
        app.config.setdefault("MAIL_SERVER", "localhost")
    mail.init_app(app)
    if not email_dispatched.has_receivers_for(_write_to_outbox):
        email_dispatched.connect(_write_to_outbox)
    for name, listener in (("after_commit", _send_pending), ("after_soft_rollback", _drop_pending)):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


def send_after_commit(to: str, subject: str, template: str, **context) -> None:
    """Queue a message rendered from ``templates/mail/<template>.txt``; it goes out when the session commits."""
    message = Message(subject=subject, recipients=[to], body=render_template(f"mail/{template}.txt", **context))
    db.session().info.setdefault(PENDING_KEY, []).append(message)


def _send_pending(session: Session) -> None:
    for message in session.info.pop(PENDING_KEY, []):
        try:
            mail.send(message)
        except Exception:  # noqa: BLE001 - the change is committed; a lost e-mail must not turn it into a 500
            log.exception("could not send mail %r to %s", message.subject, message.recipients)


def _drop_pending(session: Session, _previous_transaction) -> None:
    if not session.in_transaction():
        session.info.pop(PENDING_KEY, None)


def _write_to_outbox(app: Flask, message: Message) -> None:
    if not app.config.get("MAIL_CAPTURE"):
        return
    outbox = Path(app.config["MAIL_OUTBOX_DIR"])
    outbox.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    path = outbox / f"{stamp}-{message.recipients[0].replace('@', '_at_')}.eml"
    path.write_bytes(message.as_bytes())
    log.info("mail to %s captured in %s: %s", ", ".join(message.recipients), path, message.subject)


def outbox_messages(app: Flask) -> list[Path]:
    """Captured messages, oldest first (for tests and the demo)."""
    outbox = Path(app.config["MAIL_OUTBOX_DIR"])
    return sorted(outbox.glob("*.eml")) if outbox.exists() else []
