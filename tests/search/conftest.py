import pytest

from mentorbank.extensions import db
from mentorbank.mentors.filters import MentorFilters
from mentorbank.search import search


def find(query: str = "", sort: str = "relevance", page: int = 1, per_page: int = 20, **selected):
    """The search as the mentor bank calls it; facet values given as lists."""
    return MentorFilters(query=query, selected=selected, sort=sort, page=page).search(per_page)


def found_ids(query: str = "", **selected) -> list[int]:
    return find(query, **selected).ids


@pytest.fixture
def commit(app_context):
    """Commit the test's session: the index follows after commit, as in a request."""
    return db.session.commit


def search_all(query: str, doc_type: str | None, page: int, per_page: int):
    """The search as /search and /api/v1/search call it: every type; ``doc_type`` narrows the hits."""
    return search(["mentor", "organisation"], query, {"type": [doc_type]} if doc_type else {}, "relevance", page,
                  per_page)
