"""/api/v1/library: the public library as open data, filtered like the /library page."""
from flask import request, url_for

from ..attachments import Attachment
from ..library.filters import RUBRIC_FACET, LibraryFilters
from ..library.models import LibraryItem, files_of_items, get_public_item_or_404, items_for_hits
from ..vocabularies.models import Vocabulary, terms_of
from .paging import searched_page
from .responses import json_response
from .routes import bp
from .serializers import iso, page_url, term_json


def file_json(attachment: Attachment) -> dict:
    return {
        "name": attachment.original_name,
        # Absolute on the request's host, as every other URL of the API.
        "url": url_for("attachments.download", attachment_id=attachment.id, name=attachment.original_name,
                       _external=True),
        "media_type": attachment.media_type,
        "size": attachment.size,
    }


def library_item_json(item: LibraryItem, files: list[Attachment]) -> dict:
    return {
        "id": item.id,
        "url": page_url("library", item.id),
        "title": item.title,
        "description": item.description,
        "rubric": term_json(item.rubric),
        "link": item.url,
        "host": item.host or None,
        "source": item.source or None,
        "year": item.year,
        "issued_on": item.issued_on.isoformat() if item.issued_on else None,
        "published_at": iso(item.published_at),
        "files": [file_json(attachment) for attachment in files],
    }


def rubric_counts_json(counts: dict[str, int]) -> list[dict]:
    """Each rubric with items found, in the rubrics' own order."""
    return [{"value": term.slug, "name": term.name, "count": counts[term.slug]}
            for term in terms_of(Vocabulary.LIBRARY_RUBRIC) if counts.get(term.slug)]


@bp.get("/library")
def library():
    _filters, result, paging = searched_page(LibraryFilters.from_args(request.args), request.args)
    return json_response({
        **paging,
        "items": _items_json([item for item, _hit in items_for_hits(result.hits)]),
        "facets": {RUBRIC_FACET: rubric_counts_json(result.facets.get(RUBRIC_FACET, {}))},
    })


@bp.get("/library/<int:item_id>")
def library_item(item_id: int):
    return json_response(_items_json([get_public_item_or_404(item_id)])[0])


def _items_json(items: list[LibraryItem]) -> list[dict]:
    files = files_of_items([item.id for item in items])
    return [library_item_json(item, files.get(item.id, [])) for item in items]
