"""Every audit action the code can record has a label in English and Russian, and the audit log shows labels,
never raw codes such as ``mentor_profile.submit``."""
import ast
import re
from pathlib import Path

import pytest
from flask_babel import force_locale

from mentorbank.audit.labels import ACTION_LABELS
from mentorbank.audit.models import record
from mentorbank.core.workflow import declared_workflows
from mentorbank.extensions import db

PACKAGE = Path(__file__).resolve().parents[2] / "site" / "mentorbank"
RECORDING_FUNCTIONS = {"record", "audit"}  # audit.models.record, and the importer's alias of it
ACTION = re.compile(r"[a-z_]+\.[a-z_]+")


def literal_actions() -> set[str]:
    """The actions written literally at the call sites of the audit log (``record("user.block", …)``, including
    both branches of a conditional); actions built from a workflow's step come from the workflows below."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name in RECORDING_FUNCTIONS:
                found |= {constant.value for constant in ast.walk(node.args[0])
                          if isinstance(constant, ast.Constant) and isinstance(constant.value, str)
                          and ACTION.fullmatch(constant.value)}  # not the prefix part of an f-string
    return found


def every_action(app) -> set[str]:
    return literal_actions() | {action for workflow in declared_workflows() for action in workflow.actions()}


def test_the_collection_finds_the_actions_of_every_area(app):
    actions = every_action(app)
    for action in ("mentor_profile.submit", "mentor_profile.import", "organisation.approve", "organisation.update",
                   "user.block", "role.grant", "term.create", "consent.publication_withdraw", "account.close"):
        assert action in actions


def test_every_action_has_a_label_in_english_and_russian(app):
    actions = every_action(app)
    unlabelled = sorted(actions - set(ACTION_LABELS))
    assert unlabelled == [], "add a label where the action is recorded (audit/labels.py register_labels)"
    untranslated = []
    with app.test_request_context():
        for action in sorted(actions):
            with force_locale("en"):
                english = str(ACTION_LABELS[action])
            with force_locale("ru"):
                russian = str(ACTION_LABELS[action])
            if russian == english or not re.search("[а-яё]", russian, re.IGNORECASE):
                untranslated.append(action)
    assert untranslated == [], "append the Russian translation to messages.po"


def visible_text(html: str) -> str:
    return re.sub(r"<[^>]*>", " ", html)


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_the_audit_log_shows_labels_never_raw_codes(app, client, log_in, moderator, pending_profile, locale):
    actions = sorted(every_action(app))
    for action in actions:
        record(action, pending_profile, actor=moderator)
    db.session.commit()
    log_in(moderator)
    with client.session_transaction() as session:
        session["locale"] = locale
    text = visible_text(client.get("/moderation/audit").get_data(as_text=True))
    shown = [action for action in actions if re.search(rf"(?<![\w.]){re.escape(action)}(?![\w.])", text)]
    assert shown == []
    with app.test_request_context(), force_locale(locale):
        assert str(ACTION_LABELS["mentor_profile.submit"]) in text
