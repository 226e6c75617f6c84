"""The OpenAPI 3.1 description of /api/v1, written by hand: it is part of the product (DESIGN.md §5)."""
from flask import current_app

from ..mentors.filters import ACCEPTING_FACET, GEOGRAPHY_FACETS, MAX_QUERY_LENGTH, SORTS, VOCABULARY_FACETS
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


def _facet_parameters() -> list[dict]:
    repeated = {"style": "form", "explode": True}
    parameters = [
        _query(facet, f"{facet.capitalize()} id; repeat to select several (OR).",
               {"type": "array", "items": {"type": "integer"}}, **repeated)
        for facet in GEOGRAPHY_FACETS
    ]
    parameters += [
        _query(facet, f"Slug of a term of the '{vocabulary}' vocabulary; repeat to select several (OR).",
               {"type": "array", "items": {"type": "string"}}, **repeated)
        for facet, vocabulary in VOCABULARY_FACETS.items()
    ]
    accepting = _query(ACCEPTING_FACET, "1: only mentors accepting requests now.", {"type": "string", "enum": ["1"]})
    return [*parameters, accepting]


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
    mentor_page = _paged(_ref("Mentor"))
    mentor_page["properties"]["facets"] = {
        "type": "object", "description": "Counts per facet value, for the same query string.",
        "additionalProperties": {"type": "array", "items": facet_value},
    }
    search_page = _paged(_ref("SearchHit"))
    search_page["required"] = [*search_page["required"], "query", "suggestion"]
    search_page["properties"].update({
        "query": {"type": "string"},
        "type": {"type": ["string", "null"], "enum": [*registry.names(), None]},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"}, "description": "Hits per type."},
        "suggestion": {"type": ["string", "null"], "description": "«Did you mean»: the corrected query, if any."},
    })
    from .competitions import openapi_schemas  # the competitions' part of the document

    return {
        **openapi_schemas(_paged, _ref, _nullable),
        "Named": named,
        "Term": term,
        "Mentor": {"type": "object", "required": list(mentor_properties), "properties": mentor_properties},
        "MentorPage": mentor_page,
        "SearchHit": hit,
        "SearchPage": search_page,
        "Error": {"type": "object", "required": ["error"], "properties": {"error": {
            "type": "object", "required": ["status", "message"],
            "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}},
    }


def _competition_paths() -> dict:
    from .competitions import openapi_paths

    return openapi_paths(_query, _paging_parameters(), _json_body, _ref, _error)


def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Open mentor bank API",
            "version": "1.0.0",
            "description": "Open data of the public mentor bank (открытый банк наставников): approved mentor "
                           "profiles, competitions of practices and full-text search. Read-only; contacts are never published.",
        },
        "servers": [{"url": "/"}],
        "paths": {
            "/api/v1/mentors": {"get": {
                "operationId": "listMentors",
                "summary": "Approved mentors, filtered like the /mentors page",
                "parameters": [
                    _query("q", f"Full-text query (Russian morphology); cut to {MAX_QUERY_LENGTH} characters.",
                           {"type": "string"}),
                    *_facet_parameters(),
                    _query("sort", "Order; relevance needs a query, name is the default without one.",
                           {"type": "string", "enum": list(SORTS)}),
                    *_paging_parameters(),
                ],
                "responses": {"200": _json_body(_ref("MentorPage"), "A page of mentors")},
            }},
            "/api/v1/mentors/{profile_id}": {"get": {
                "operationId": "getMentor",
                "summary": "One approved mentor profile",
                "parameters": [{"name": "profile_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {
                    "200": _json_body(_ref("Mentor"), "The profile"),
                    "404": _error("No such public profile"),
                },
            }},
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
            **_competition_paths(),
            "/api/v1/openapi.json": {"get": {
                "operationId": "openapi",
                "summary": "This document",
                "responses": {"200": {"description": "The OpenAPI document", "content": {JSON: {}}}},
            }},
        },
        "components": {"schemas": _schemas()},
    }
