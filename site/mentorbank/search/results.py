"""What a search returns. Pages and the API depend on these shapes only, never on the engine."""
from dataclasses import dataclass, field

from markupsafe import Markup


@dataclass
class Hit:
    type: str  # a registered type name
    id: int
    title: str
    # Escaped text with the matched words inside <mark>…</mark>; empty when nothing matched in the text.
    snippet: Markup = field(default_factory=Markup)
    score: float = 0.0


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    # facet name ("type", or a facet the types declare) -> value (slug, or id as a string, or "1") -> count
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    # "Did you mean": the whole query with misspelt words corrected, or None.
    suggestion: str | None = None
    # The query as searched; differs from what was typed when the parser could not read it.
    query: str = ""
    # (typed words, what the thesaurus also searched for them), for the line "also searched: …".
    expansions: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ids(self) -> list[int]:
        return [hit.id for hit in self.hits]
