"""Recall on the benchmark's data set: for each pair of tests/search/recall_pairs.py, both forms must find the
same mentors (the whole set of matches, not only the first page), through the site's own `search()`."""
from dataclasses import dataclass

from mentorbank.mentors.searchable import MENTOR_SEARCH
from mentorbank.search import search

from tests.search.recall_pairs import RECALL_PAIRS

PAGE = 1000


@dataclass(frozen=True)
class PairResult:
    typed: str
    other: str
    topic: str
    found_by_typed: int
    found_by_other: int
    in_both: int

    @property
    def same(self) -> bool:
        return self.found_by_typed == self.found_by_other == self.in_both


def mentors_found(query: str) -> set[int]:
    """Every mentor the query finds, page by page."""
    found: set[int] = set()
    page = 1
    while True:
        result = search((MENTOR_SEARCH.name,), query, None, "relevance", page, PAGE)
        found.update(result.ids)
        if page * PAGE >= result.total or not result.hits:
            return found
        page += 1


def compare_pairs() -> list[PairResult]:
    """Within an app context."""
    results = []
    for pair in RECALL_PAIRS:
        typed, other = mentors_found(pair.typed), mentors_found(pair.other)
        results.append(PairResult(pair.typed, pair.other, pair.topic, len(typed), len(other), len(typed & other)))
    return results
