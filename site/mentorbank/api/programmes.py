"""/api/v1/programmes: the bank of programme templates as open data, filtered like the /programmes page; and
its part of the OpenAPI document."""
from flask import request

from ..programmes.filters import FACETS, SORTS, VOCABULARY_FACETS, ProgrammeFilters
from ..programmes.models import ProgrammeTemplate, get_public_template_or_404, templates_for_hits
from .paging import searched_page
from .responses import json_response
from .routes import bp
from .serializers import facets_json, iso, page_url, term_json

FACET_NAMES = (VOCABULARY_FACETS, {})


def programme_json(template: ProgrammeTemplate) -> dict:
    return {
        "id": template.id,
        "url": page_url("programme_template", template.id),
        "title": template.title,
        "problem": template.problem,
        "goals": template.goals or None,
        "content": template.content or None,
        "planned_results": template.planned_results or None,
        "meeting_schedule": template.meeting_schedule,
        "plan": template.plan_lines,
        "period_months": template.period_months,
        "directions": [term_json(term) for term in template.directions],
        "form": term_json(template.form) if template.form else None,
        "mode": term_json(template.mode) if template.mode else None,
        "published_at": iso(template.published_at),
    }


@bp.get("/programmes")
def programmes():
    _filters, result, paging = searched_page(ProgrammeFilters.from_args(request.args), request.args)
    return json_response({
        **paging,
        "items": [programme_json(template) for template, _hit in templates_for_hits(result.hits)],
        "facets": facets_json(result.facets, FACET_NAMES),
    })


@bp.get("/programmes/<int:template_id>")
def programme(template_id: int):
    return json_response(programme_json(get_public_template_or_404(template_id)))


def openapi_paths(query, paging_parameters, json_body, ref, error) -> dict:
    facets = [query(facet, f"Slug of a term of the '{vocabulary}' vocabulary; repeat to select several (OR).",
                    {"type": "array", "items": {"type": "string"}}, style="form", explode=True)
              for facet, vocabulary in VOCABULARY_FACETS.items()]
    period = query("period", "The programme's period in months (3 to 12); repeat to select several (OR).",
                   {"type": "array", "items": {"type": "integer", "minimum": 3, "maximum": 12}},
                   style="form", explode=True)
    return {
        "/api/v1/programmes": {"get": {
            "operationId": "listProgrammes",
            "summary": "Published programme templates, filtered like the /programmes page",
            "parameters": [
                query("q", "Full-text query (Russian morphology).", {"type": "string"}), *facets, period,
                query("sort", "Order; relevance needs a query, name is the default without one.",
                      {"type": "string", "enum": list(SORTS)}),
                *paging_parameters,
            ],
            "responses": {"200": json_body(ref("ProgrammePage"), "A page of programme templates")},
        }},
        "/api/v1/programmes/{template_id}": {"get": {
            "operationId": "getProgramme",
            "summary": "One published programme template",
            "parameters": [{"name": "template_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "responses": {"200": json_body(ref("Programme"), "The template"),
                          "404": error("No such published template")},
        }},
    }


def openapi_schemas(paged, ref, nullable) -> dict:
    term = ref("Term")
    properties = {
        "id": {"type": "integer"},
        "url": {"type": "string", "format": "uri", "description": "The template's page on the site."},
        "title": {"type": "string"},
        "problem": {"type": "string", "description": "The professional difficulty the programme answers."},
        "goals": nullable("string"),
        "content": nullable("string"),
        "planned_results": nullable("string"),
        "meeting_schedule": nullable("string"),
        "plan": {"type": "array", "items": {"type": "string"}, "description": "The plan's activities."},
        "period_months": {"type": "integer", "minimum": 3, "maximum": 12},
        "directions": {"type": "array", "items": term},
        "form": {"oneOf": [term, {"type": "null"}]},
        "mode": {"oneOf": [term, {"type": "null"}]},
        "published_at": {"type": ["string", "null"], "format": "date-time"},
    }
    page = paged(ref("Programme"))
    page["properties"]["facets"] = {
        "type": "object", "description": "Counts per facet value, for the same query string.",
        "properties": {facet: {"type": "array", "items": {"type": "object"}} for facet in FACETS},
    }
    return {
        "Programme": {"type": "object", "required": list(properties), "properties": properties},
        "ProgrammePage": page,
    }
