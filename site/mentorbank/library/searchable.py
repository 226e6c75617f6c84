"""What of the library is searchable: published items, with the rubric facet of /library."""
from collections.abc import Collection, Iterator
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..attachments import Attachment
from ..search import SearchableType, TextField, register
from ..vocabularies.models import Term
from .filters import FACETS, RUBRIC_FACET, SEARCH_TYPE
from .models import FILE_OWNER, LibraryItem, items_for_hits, public_items


def library_documents(session: Session, ids: Collection[int] | None = None) -> Iterator[dict]:
    statement = (
        select(LibraryItem.id, LibraryItem.title, LibraryItem.description, LibraryItem.source, LibraryItem.year,
               LibraryItem.issued_on, Term.slug.label("rubric_slug"),
               Term.name.label("rubric_name"))
        .join(Term, LibraryItem.rubric_id == Term.id)
        .where(LibraryItem.is_published.is_(True))
        .order_by(LibraryItem.id)
    )
    if ids is not None:
        statement = statement.where(LibraryItem.id.in_(list(ids)))
    rows = list(session.execute(statement))
    file_names = _file_names(session, [row.id for row in rows] if ids is not None else None)
    for row in rows:
        yield {
            "id": row.id,
            "title": row.title,
            "sort_name": row.title,
            "name": row.title,
            "description": row.description or "",
            # The issuer, the rubric's name and the files' names, so «Минпросвещения», «вебинар» or
            # «положение.docx» find the item.
            "source": " ".join(part for part in (row.source, row.rubric_name, *file_names.get(row.id, ())) if part),
            RUBRIC_FACET: row.rubric_slug,
            # Newest first means the document's own date (or its year), not when it was put in the library.
            "issued": (row.issued_on or date(row.year, 1, 1)).toordinal(),
        }


def _file_names(session: Session, item_ids: list[int] | None) -> dict[int, list[str]]:
    statement = select(Attachment.owner_id, Attachment.original_name).where(Attachment.owner_kind == FILE_OWNER)
    if item_ids is not None:
        statement = statement.where(Attachment.owner_id.in_(item_ids))
    names: dict[int, list[str]] = {}
    for owner_id, name in session.execute(statement.order_by(Attachment.id)):
        names.setdefault(owner_id, []).append(name)
    return names


def _items_with_files(session: Session, attachment_ids: set[int]) -> set[int]:
    return set(session.scalars(select(Attachment.owner_id).where(
        Attachment.id.in_(attachment_ids), Attachment.owner_kind == FILE_OWNER)))


def count_library_items(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(public_items().subquery()))


def _items_in_rubrics(session: Session, term_ids: set[int]) -> set[int]:
    return set(session.scalars(select(LibraryItem.id).where(LibraryItem.rubric_id.in_(term_ids))))


LIBRARY_SEARCH = register(SearchableType(
    name=SEARCH_TYPE,
    label=_l("Library"),
    text_fields=(TextField("name", 3.0), TextField("description"), TextField("source", 1.5)),
    snippet_fields=("description", "source"),
    facets=FACETS,
    sortables=("issued",),
    sorts={"recent": "issued"},
    documents=library_documents,
    count=count_library_items,
    # A renamed rubric changes the words its items are found by.
    watches={LibraryItem: lambda _session, ids: set(ids), Term: _items_in_rubrics, Attachment: _items_with_files},
    endpoint="library.detail",
    id_argument="item_id",
    hit_template="search/hits/library.html",
    records_for_hits=items_for_hits,
    browsable=True,
))
