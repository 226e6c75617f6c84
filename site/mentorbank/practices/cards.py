"""The practices behind a page of hits (the bank's results, /search), loaded at once in the ranked order."""
from ..extensions import db
from ..search.results import Hit
from .models import Practice, listed_practices


def practices_for_hits(hits: list[Hit], query=listed_practices) -> list[tuple[Practice, Hit]]:
    """A hit no longer public is skipped. ``query``: the public practices as a card shows them, unless told
    (the API serialises every field)."""
    ids = [hit.id for hit in hits if hit.type == "practice"]
    found = {practice.id: practice for practice in db.session.scalars(
        query().where(Practice.id.in_(ids)))} if ids else {}
    return [(found[hit.id], hit) for hit in hits if hit.type == "practice" and hit.id in found]
