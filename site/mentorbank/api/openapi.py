"""The OpenAPI 3.1 description of /api/v1, written by hand: it is part of the product (DESIGN.md §5)."""
from flask import current_app

from ..evaluation.models import PUBLIC_RATING_MIN_MENTEES
from ..library import filters as library_filters
from ..mentors.filters import ACCEPTING_FACET, GEOGRAPHY_FACETS, MAX_QUERY_LENGTH, SORTS, VOCABULARY_FACETS
from ..practices import filters as practice_filters
from ..practices.models import PRACTICE_TERM_GROUPS, Place
from .paging import DEFAULT_PER_PAGE
from ..search import registry
from .serializers import TERM_LISTS

JSON = "application/json"


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json_body(schema: dict, description: str) -> dict:
    return {"description": description, "content": {JSON: {"schema": schema}}}


def _error(description: str) -> dict:
    return _json_body(_ref("Error"), description)


def _query(name: str, description: str, schema: dict, **extra) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema, **extra}


def _nullable(type_name: str) -> dict:
    return {"type": [type_name, "null"]}


REPEATED = {"style": "form", "explode": True}


def _facet_parameters(vocabulary_facets=VOCABULARY_FACETS) -> list[dict]:
    parameters = [
        _query(facet, f"{facet.capitalize()} id; repeat to select several (OR).",
               {"type": "array", "items": {"type": "integer"}}, **REPEATED)
        for facet in GEOGRAPHY_FACETS
    ]
    parameters += [
        _query(facet, f"Slug of a term of the '{vocabulary}' vocabulary; repeat to select several (OR).",
               {"type": "array", "items": {"type": "string"}}, **REPEATED)
        for facet, vocabulary in vocabulary_facets.items()
    ]
    return parameters


def _mentor_parameters() -> list[dict]:
    accepting = _query(ACCEPTING_FACET, "1: only mentors accepting requests now.", {"type": "string", "enum": ["1"]})
    return [*_facet_parameters(), accepting]


def _practice_parameters() -> list[dict]:
    return [
        *_facet_parameters(practice_filters.VOCABULARY_FACETS),
        _query(practice_filters.YEAR_FACET, "The year the practice started; repeat to select several (OR).",
               {"type": "array", "items": {"type": "integer"}}, **REPEATED),
        _query(practice_filters.WINNER_FACET, "1: only practices that won a place in a contest.",
               {"type": "string", "enum": ["1"]}),
    ]


def _list_operation(operation_id: str, summary: str, parameters: list, sorts, page_schema: str) -> dict:
    return {"get": {
        "operationId": operation_id,
        "summary": summary,
        "parameters": [
            _query("q", f"Full-text query (Russian morphology); cut to {MAX_QUERY_LENGTH} characters.",
                   {"type": "string"}),
            *parameters,
            _query("sort", "Order; relevance needs a query, name is the default without one.",
                   {"type": "string", "enum": list(sorts)}),
            *_paging_parameters(),
        ],
        "responses": {"200": _json_body(_ref(page_schema), "A page of records")},
    }}


def _one_operation(operation_id: str, summary: str, argument: str, schema: str) -> dict:
    return {"get": {
        "operationId": operation_id,
        "summary": summary,
        "parameters": [{"name": argument, "in": "path", "required": True, "schema": {"type": "integer"}}],
        "responses": {"200": _json_body(_ref(schema), "The record"), "404": _error("No such public record")},
    }}


def _paging_parameters() -> list[dict]:
    max_per_page = current_app.config["API_MAX_PER_PAGE"]
    return [
        _query("page", "Page number from 1; values out of range are clamped.",
               {"type": "integer", "minimum": 1, "default": 1}),
        _query("per_page", f"Items per page, at most {max_per_page}; values out of range are clamped.",
               {"type": "integer", "minimum": 1, "maximum": max_per_page, "default": DEFAULT_PER_PAGE}),
    ]


def _paged(item: dict) -> dict:
    return {
        "type": "object",
        "required": ["total", "page", "per_page", "pages", "items"],
        "properties": {
            "total": {"type": "integer"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "pages": {"type": "integer"},
            "items": {"type": "array", "items": item},
        },
    }


def _schemas() -> dict:
    named = {"type": "object", "required": ["id", "name"],
             "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}
    term = {"type": "object", "required": ["slug", "name"],
            "properties": {"slug": {"type": "string"}, "name": {"type": "string"}}}
    mentor_properties = {
        "id": {"type": "integer"},
        "url": {"type": "string", "format": "uri", "description": "The public page of the mentor."},
        "name": {"type": "string"},
        "is_team": {"type": "boolean", "description": "A mentor team of an organisation (команда-наставник)."},
        "position": _nullable("string"),
        "organisation": {**named, "required": ["id", "name", "url"],
                         "properties": {**named["properties"], "url": {"type": "string", "format": "uri"}}},
        "municipality": _ref("Named"),
        "region": _ref("Named"),
        "subjects": {"type": "array", "items": {"type": "string"}},
        "experience_years": _nullable("integer"),
        "capacity": {"type": "integer", "description": "How many mentees at once."},
        "accepting_requests": {"type": "boolean"},
        "achievements": _nullable("string"),
        "bio": _nullable("string"),
        "published_at": {"type": ["string", "null"], "format": "date-time"},
        "last_active_at": {"type": ["string", "null"], "format": "date-time"},
        "rating": {
            "type": ["object", "null"], "required": ["average", "answers", "scale"],
            "description": "The mentees' questionnaires at completion, averaged (1 to 5); null until at least "
                           f"{PUBLIC_RATING_MIN_MENTEES} different mentees answered.",
            "properties": {"average": {"type": "number"}, "answers": {"type": "integer"},
                           "scale": {"type": "integer", "enum": [5]}}},
        **{key: {"type": "array", "items": _ref("Term")} for key in TERM_LISTS},
    }
    facet_value = {"type": "object", "required": ["value", "name", "count"], "properties": {
        "value": {"type": "string"}, "name": {"type": "string"}, "count": {"type": "integer"}}}
    hit = {"type": "object", "required": ["type", "id", "title", "url", "snippet"], "properties": {
        "type": {"type": "string", "enum": list(registry.names())},
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "snippet": {"type": "string", "description": "Escaped HTML; matched words are inside <mark>…</mark>."},
    }}
    facets = {
        "type": "object", "description": "Counts per facet value, for the same query string.",
        "additionalProperties": {"type": "array", "items": facet_value},
    }
    mentor_page = _paged(_ref("Mentor"))
    mentor_page["properties"]["facets"] = facets
    practice_page = _paged(_ref("Practice"))
    practice_page["properties"]["facets"] = facets
    organisation = {"type": ["object", "null"], "required": ["id", "name", "url", "municipality", "region"],
                    "properties": {**named["properties"], "url": {"type": "string", "format": "uri"},
                                   "municipality": _ref("Named"), "region": _ref("Named")}}
    practice_properties = {
        "id": {"type": "integer"},
        "url": {"type": "string", "format": "uri", "description": "The public page of the practice."},
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "body_markdown": {"type": "string", "description": "The description in Markdown (the page shows it "
                                                           "rendered and sanitised)."},
        "results": _nullable("string"),
        "year": _nullable("integer"),
        "organisation": organisation,
        "authors": {"type": "array", "items": {"type": "string"}},
        "links": {"type": "array", "items": {"type": "string", "format": "uri"}},
        "provenance": {"type": ["object", "null"], "description": "The contest the practice comes from.",
                       "properties": {"competition_id": _nullable("integer"), "competition": _nullable("string"),
                                      "nomination": _nullable("string"), "year": _nullable("integer"),
                                      "place": {"type": ["string", "null"], "enum": [*map(str, Place), None]}}},
        "adoptions": {"type": "array", "items": {"type": "object", "properties": {
            "organisation": organisation, "how": {"type": "string"}, "outcome": _nullable("string"),
            "recorded_at": {"type": "string", "format": "date-time"}}}},
        "published_at": {"type": ["string", "null"], "format": "date-time"},
        **{key: {"type": "array", "items": _ref("Term")} for key in PRACTICE_TERM_GROUPS},
    }
    search_page = _paged(_ref("SearchHit"))
    search_page["required"] = [*search_page["required"], "query", "suggestion"]
    search_page["properties"].update({
        "query": {"type": "string"},
        "type": {"type": ["string", "null"], "enum": [*registry.names(), None]},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"}, "description": "Hits per type."},
        "suggestion": {"type": ["string", "null"], "description": "«Did you mean»: the corrected query, if any."},
    })
    library_item = {"type": "object", "properties": {
        "id": {"type": "integer"},
        "url": {"type": "string", "format": "uri", "description": "The item's page on the site."},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "rubric": _ref("Term"),
        "link": {"type": ["string", "null"], "format": "uri", "description": "The document's own address (http/https)."},
        "host": {**_nullable("string"), "description": "The site the link leads to."},
        "source": {**_nullable("string"), "description": "Who issued or published it."},
        "year": {"type": "integer"},
        "issued_on": {"type": ["string", "null"], "format": "date"},
        "published_at": {"type": ["string", "null"], "format": "date-time"},
        "files": {"type": "array", "description": "The item's files (a file item has no link).", "items": {
            "type": "object", "required": ["name", "url", "media_type", "size"], "properties": {
                "name": {"type": "string"}, "url": {"type": "string", "format": "uri"},
                "media_type": {"type": "string"}, "size": {"type": "integer", "description": "Bytes."}}}},
    }}
    library_item["required"] = list(library_item["properties"])
    library_page = _paged(_ref("LibraryItem"))
    library_page["properties"]["facets"] = {
        "type": "object", "description": "Items per rubric, for the same query string.",
        "properties": {library_filters.RUBRIC_FACET: {"type": "array", "items": facet_value}},
    }
    from .competitions import openapi_schemas  # the competitions' part of the document
    from .programmes import openapi_schemas as programme_schemas  # the bank of programmes' part

    return {
        **openapi_schemas(_paged, _ref, _nullable),
        **programme_schemas(_paged, _ref, _nullable),
        "LibraryItem": library_item,
        "LibraryPage": library_page,
        "Named": named,
        "Term": term,
        "Mentor": {"type": "object", "required": list(mentor_properties), "properties": mentor_properties},
        "MentorPage": mentor_page,
        "Practice": {"type": "object", "required": list(practice_properties), "properties": practice_properties},
        "PracticePage": practice_page,
        "SearchHit": hit,
        "SearchPage": search_page,
        "Error": {"type": "object", "required": ["error"], "properties": {"error": {
            "type": "object", "required": ["status", "message"],
            "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}},
    }


def _competition_paths() -> dict:
    from .competitions import openapi_paths

    from .programmes import openapi_paths as programme_paths

    return {**openapi_paths(_query, _paging_parameters(), _json_body, _ref, _error),
            **programme_paths(_query, _paging_parameters(), _json_body, _ref, _error)}


def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Open mentor bank API",
            "version": "1.0.0",
            "description": "Open data of the public mentor bank (открытый банк наставников): approved mentor "
                           "profiles, published practices, competitions of practices, the library and full-text search. Read-only; contacts are never published.",
        },
        "servers": [{"url": "/"}],
        "paths": {
            "/api/v1/mentors": _list_operation("listMentors", "Approved mentors, filtered like the /mentors page",
                                               _mentor_parameters(), SORTS, "MentorPage"),
            "/api/v1/mentors/{profile_id}": _one_operation("getMentor", "One approved mentor profile", "profile_id",
                                                           "Mentor"),
            "/api/v1/practices": _list_operation(
                "listPractices", "Published practices, filtered like the /practices page", _practice_parameters(),
                practice_filters.SORTS, "PracticePage"),
            "/api/v1/practices/{practice_id}": _one_operation("getPractice", "One published practice",
                                                              "practice_id", "Practice"),
            "/api/v1/search": {"get": {
                "operationId": "search",
                "summary": "One search over every public record, with highlighted snippets",
                "parameters": [
                    _query("q", f"Full-text query, cut to {MAX_QUERY_LENGTH} characters; a query the parser cannot "
                                "read is searched as plain words.", {"type": "string"}),
                    _query("type", "Only this type of record.", {"type": "string", "enum": list(registry.names())}),
                    *_paging_parameters(),
                ],
                "responses": {
                    "200": _json_body(_ref("SearchPage"), "A page of hits"),
                    "400": _error("Unknown type"),
                },
            }},
            "/api/v1/library": {"get": {
                "operationId": "listLibrary",
                "summary": "Published library items, filtered like the /library page",
                "parameters": [
                    _query("q", f"Full-text query (Russian morphology); cut to {library_filters.MAX_QUERY_LENGTH} "
                                "characters.", {"type": "string"}),
                    _query(library_filters.RUBRIC_FACET, "Slug of a term of the 'library_rubric' vocabulary; "
                           "repeat to select several (OR).", {"type": "array", "items": {"type": "string"}},
                           style="form", explode=True),
                    _query("sort", "Order; relevance needs a query, recent (the document's date) is the default "
                                   "without one.", {"type": "string", "enum": list(library_filters.SORTS)}),
                    *_paging_parameters(),
                ],
                "responses": {"200": _json_body(_ref("LibraryPage"), "A page of library items")},
            }},
            "/api/v1/library/{item_id}": {"get": {
                "operationId": "getLibraryItem",
                "summary": "One published library item",
                "parameters": [{"name": "item_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {
                    "200": _json_body(_ref("LibraryItem"), "The item"),
                    "404": _error("No such published item"),
                },
            }},
            **_competition_paths(),
            "/api/v1/openapi.json": {"get": {
                "operationId": "openapi",
                "summary": "This document",
                "responses": {"200": {"description": "The OpenAPI document", "content": {JSON: {}}}},
            }},
        },
        "components": {"schemas": _schemas()},
    }
