"""What is searchable, declared by the domains that own it. search/ imports no domain: each domain registers
a ``SearchableType`` from its own package (``register``), and the index schema, the sync of the index with the
database, /search, the API's links and the results template all derive from these declarations.
"""
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class TextField:
    """Searched text, weighted by ``boost``."""
    name: str
    boost: float = 1.0


@dataclass(frozen=True)
class SearchableType:
    name: str
    label: object  # a lazy translated string
    text_fields: tuple[TextField, ...]
    # Text fields a snippet may come from, best first on a tie (their original text is stored).
    snippet_fields: tuple[str, ...]
    # Keyword facets (filtered on and counted: slugs or ids, a document may hold several) and sortable
    # numbers (dates as timestamps). Every document also has a title (stored) and a sort name.
    facets: tuple[str, ...]
    sortables: tuple[str, ...]
    # The documents of the public records (all when ids is None), each {field: value} with "id", "title",
    # "sort_name", each text field (str), each facet (str or list of str), each sortable (int); and how many
    # public records there are. A rebuild reads every record through ``documents``: a query of the needed
    # columns, not ORM objects, keeps it fast.
    documents: Callable[[Session, Collection[int] | None], Iterable[dict]]
    count: Callable[[Session], int]
    # Model class -> function(session, ids of changed rows of that class) -> ids of this type's records
    # whose documents may have changed. Called inside the flush that changed them. The first class is the
    # type's own model (its deleted rows are recorded as deletions).
    watches: dict[type, Callable[[Session, set[int]], set[int]]]
    # The public page of one record: endpoint and the name of its id argument.
    endpoint: str
    id_argument: str
    # The template showing one hit (given ``record`` and ``hit``), and the public records behind a page of
    # hits of this type, in the order given (records no longer public are skipped).
    hit_template: str
    records_for_hits: Callable[[list], list[tuple[object, object]]]
    # Whether an empty query lists every record (the mentor bank) or finds nothing (a directory).
    browsable: bool = False
    # Sort names offered besides relevance: sort name -> sortable field (descending); "name" is always there.
    sorts: dict[str, str] = field(default_factory=dict)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(text.name for text in self.text_fields)


_TYPES: dict[str, SearchableType] = {}


def register(searchable: SearchableType) -> SearchableType:
    """Declare a searchable type (again on re-import: the newest declaration wins)."""
    _TYPES[searchable.name] = searchable
    return searchable


def types() -> list[SearchableType]:
    """Every registered type, in registration order (the order /search shows its groups)."""
    return list(_TYPES.values())


def get(name: str) -> SearchableType:
    return _TYPES[name]


def names() -> tuple[str, ...]:
    return tuple(_TYPES)
