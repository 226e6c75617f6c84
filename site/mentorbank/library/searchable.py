"""What of the library is searchable: published items, with the rubric facet of /library."""
from collections.abc import Collection, Iterator
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..search import SearchableType, TextField, register
from ..vocabularies.models import Term
from .filters import FACETS, RUBRIC_FACET, SEARCH_TYPE
from .models import LibraryItem, items_for_hits, public_items


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
    for row in session.execute(statement):
        yield {
            "id": row.id,
            "title": row.title,
            "sort_name": row.title,
            "name": row.title,
            "description": row.description or "",
            # The issuer and the rubric's name, so «Минпросвещения» or «вебинар» find the item.
            "source": " ".join(part for part in (row.source, row.rubric_name) if part),
            RUBRIC_FACET: row.rubric_slug,
            # Newest first means the document's own date (or its year), not when it was put in the library.
            "issued": (row.issued_on or date(row.year, 1, 1)).toordinal(),
        }


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
    watches={LibraryItem: lambda _session, ids: set(ids), Term: _items_in_rubrics},
    endpoint="library.detail",
    id_argument="item_id",
    hit_template="search/hits/library.html",
    records_for_hits=items_for_hits,
    browsable=True,
))
