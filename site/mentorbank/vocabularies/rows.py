"""Every vocabulary term as a plain row, read once per request: cards and facet labels of every bank read it."""
from dataclasses import dataclass
from functools import cache

from sqlalchemy import select

from ..core.request_cache import once_per_request
from ..extensions import db
from .models import Term, Vocabulary


@dataclass(frozen=True)
class TermRow:
    id: int
    vocabulary: str
    slug: str
    name: str
    name_en: str
    position: int
    is_active: bool

    def label_in(self, english: bool) -> str:
        return self.name_en if english else self.name


# Built once: building a SQLAlchemy statement costs more than SQLite takes to run it.
@cache
def _terms_statement():
    return select(
        Term.id, Term.vocabulary, Term.slug, Term.name, Term.name_en, Term.position, Term.is_active,
    ).order_by(Term.position, Term.id)


def term_rows() -> dict[int, TermRow]:
    """Every vocabulary term by id, read once per request (a few dozen rows)."""
    return once_per_request("vocabulary_terms", lambda: {
        row.id: TermRow(*row) for row in db.session.execute(_terms_statement())
    })


def active_terms(vocabulary: Vocabulary) -> list[TermRow]:
    """A vocabulary's active terms in the curated order (as ``vocabularies.models.terms_of``)."""
    return [term for term in term_rows().values() if term.vocabulary == vocabulary and term.is_active]
