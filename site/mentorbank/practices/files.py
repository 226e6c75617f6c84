"""The practices' side of the attachments (site/mentorbank/attachments): a version's files are owned by
``practice_version:<id>``. A new version starts with the files of the one it copies (same stored files, new
rows), so the published version keeps its files while an edit adds or removes some. A version's files are
public only while that version is the published one; the author and moderators see the others."""
from collections.abc import Iterable

from sqlalchemy import select

from ..attachments import Attachment, attach_all, attachments_of, copy_attachments, detach
from ..extensions import db

VERSION_OWNER_KIND = "practice_version"


def copy_files(origin: tuple[str, int], target: tuple[str, int]) -> None:
    copy_attachments(origin[0], origin[1], target[0], target[1])


def files_of(version) -> list[Attachment]:
    return attachments_of(VERSION_OWNER_KIND, version.id) if version is not None else []


def change_files(version, uploads: Iterable, remove_ids: Iterable[int], shown_version, user) -> None:
    """Remove the files ticked on the form (ids of ``shown_version``'s files, which may be the published
    version's when this edit made ``version``: matched by stored file then) and attach the uploads; raises
    UploadRefused, storing nothing."""
    chosen = {int(one) for one in remove_ids}
    keys = {attachment.storage_key for attachment in files_of(shown_version) if attachment.id in chosen}
    for attachment in files_of(version):
        if attachment.storage_key in keys:
            detach(attachment)
    attach_all(VERSION_OWNER_KIND, version.id, list(uploads), user)


def titles_of_versions(session, version_ids: list[int]) -> dict[int, list[str]]:
    """version id → its files' names, for the search documents."""
    found: dict[int, list[str]] = {}
    if version_ids:
        for owner_id, name in session.execute(
            select(Attachment.owner_id, Attachment.original_name)
            .where(Attachment.owner_kind == VERSION_OWNER_KIND, Attachment.owner_id.in_(version_ids))
            .order_by(Attachment.id)
        ):
            found.setdefault(owner_id, []).append(name)
    return found


def search_watches(practices_of_versions) -> dict:
    """A changed file row may change its practice's document (the files' names are searched)."""
    def practices_of_files(session, ids):
        return practices_of_versions(session, select(Attachment.owner_id).where(
            Attachment.id.in_(ids), Attachment.owner_kind == VERSION_OWNER_KIND))
    return {Attachment: practices_of_files}


def may_view_version_files(version_id: int, user) -> bool:
    from .models import Practice, PracticeVersion

    version = db.session.get(PracticeVersion, version_id)
    if version is None:
        return False
    practice: Practice = version.record
    if practice.published_version_id == version_id:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return user.id == practice.owner_id or user.is_moderator
