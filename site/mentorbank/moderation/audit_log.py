"""Reading the audit log: newest first, filtered by action and actor, with links to targets that still exist."""
import re
from dataclasses import dataclass

from sqlalchemy import distinct, or_, select
from sqlalchemy.orm import selectinload
from werkzeug.datastructures import MultiDict

from ..accounts.models import User
from ..audit.labels import action_label, prefix_label
from ..audit.models import AuditEntry
from ..core import records
from ..core.pagination import Page, page_number, paginate
from ..extensions import db

ACTION_PATTERN = re.compile(r"[a-z_]+(\.[a-z_]+)*")


@dataclass(frozen=True)
class AuditFilters:
    action: str = ""  # an action ("organisation.reject") or its prefix ("organisation")
    actor: int | None = None
    page: int = 1

    @classmethod
    def from_args(cls, args: MultiDict) -> "AuditFilters":
        action = args.get("action", "").strip()
        actor = args.get("actor", "")
        return cls(
            action=action if ACTION_PATTERN.fullmatch(action) else "",
            actor=int(actor) if actor.isdigit() else None,
            page=page_number(args.get("page")),
        )

    @property
    def is_empty(self) -> bool:
        return not self.action and self.actor is None


def audit_page(filters: AuditFilters, per_page: int) -> Page:
    query = select(AuditEntry)
    if filters.action:
        query = query.where(or_(
            AuditEntry.action == filters.action,
            AuditEntry.action.startswith(f"{filters.action}.", autoescape=True),
        ))
    if filters.actor is not None:
        query = query.where(AuditEntry.actor_id == filters.actor)
    return paginate(
        query.options(selectinload(AuditEntry.actor)).order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc()),
        filters.page, per_page,
    )


def action_options() -> list[tuple[str, str]]:
    """Each prefix found in the log (all its actions), followed by its actions one by one."""
    actions = sorted(db.session.scalars(select(distinct(AuditEntry.action))))
    options = []
    for prefix in sorted({action.split(".")[0] for action in actions}):
        options.append((prefix, prefix_label(prefix)))
        options += [(action, f"— {action_label(action)}") for action in actions if action.startswith(f"{prefix}.")]
    return options


def actor_options() -> list[User]:
    """The people who appear in the log as actors."""
    return db.session.scalars(
        select(User).where(User.id.in_(select(AuditEntry.actor_id).where(AuditEntry.actor_id.is_not(None))))
        .order_by(User.full_name)
    ).all()


@dataclass(frozen=True)
class Target:
    label: str
    url: str | None  # None when the record is gone or has no page


def targets(entries: list[AuditEntry]) -> dict[int, Target]:
    """entry id → what its target is called and where a moderator opens it (core.records), one query per kind."""
    loaded = {}
    for kind in {entry.target_type for entry in entries if entry.target_type}:
        loaded[kind] = records.load(kind, {entry.target_id for entry in entries
                                           if entry.target_type == kind and entry.target_id})
    result = {}
    for entry in entries:
        found = loaded.get(entry.target_type, {}).get(entry.target_id)
        recorded_name = (entry.details or {}).get("name")
        if found is None:
            result[entry.id] = Target(recorded_name or f"{entry.target_type} #{entry.target_id}", None)
            continue
        record_type = records.record_type(found)
        result[entry.id] = Target(
            record_type.title(found) or recorded_name or f"#{found.id}", records.moderator_url(found))
    return result
