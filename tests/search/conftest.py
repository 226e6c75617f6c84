import pytest

from mentorbank.extensions import db
from mentorbank.mentors.filters import MentorFilters
from mentorbank.search import search_mentors


def find(query: str = "", sort: str = "relevance", page: int = 1, per_page: int = 20, **selected):
    """search_mentors as the mentor bank calls it; facet values given as lists."""
    return search_mentors(MentorFilters(query=query, selected=selected, sort=sort, page=page), per_page)


def found_ids(query: str = "", **selected) -> list[int]:
    return find(query, **selected).ids


@pytest.fixture
def commit(app_context):
    """Commit the test's session: the index follows after commit, as in a request."""
    return db.session.commit
