"""/api/v1/competitions: public competitions and their admitted entries, each with its published result;
and their part of the OpenAPI document."""
from flask import request, url_for
from sqlalchemy import func, select

from ..competitions.models import Competition, CompetitionStatus, Entry
from ..competitions.queries import get_public_competition_or_404, public_competitions, public_entries_query
from ..core.pagination import page_number
from ..extensions import db
from .paging import page_count, per_page_from
from .responses import json_response
from .routes import bp


def _page(statement, serialise):
    per_page = per_page_from(request.args)
    total = db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    last_page = page_count(total, per_page)
    page = min(page_number(request.args.get("page")), last_page)  # a page past the end: the last one
    items = db.session.scalars(statement.limit(per_page).offset((page - 1) * per_page))
    return json_response({"total": total, "page": page, "per_page": per_page, "pages": last_page,
                          "items": [serialise(item) for item in items]})


def competition_json(competition: Competition) -> dict:
    return {
        "id": competition.id,
        "url": url_for("competitions.detail", competition_id=competition.id, _external=True),
        "title": competition.title,
        "year": competition.year,
        "level": competition.level.value,
        "status": competition.status.value,
        "entries_open_at": competition.entries_open_at.isoformat() + "Z",
        "entries_close_at": competition.entries_close_at.isoformat() + "Z",
        "results_on": competition.results_on.isoformat() if competition.results_on else None,
        "nominations": [{"id": n.id, "name": n.name} for n in competition.nominations],
        "criteria": [{"id": c.id, "name": c.name, "weight": c.weight} for c in competition.criteria],
    }


def entry_json(entry: Entry) -> dict:
    published = entry.competition.status == CompetitionStatus.RESULTS
    return {
        "id": entry.id,
        "url": url_for("competitions.entry", competition_id=entry.competition_id, entry_id=entry.id, _external=True),
        "title": entry.title,
        "description": entry.description,
        "nomination": {"id": entry.nomination.id, "name": entry.nomination.name},
        "organisation": {"id": entry.organisation_id, "name": entry.organisation.name,
                         "url": url_for("organisations.detail", organisation_id=entry.organisation_id,
                                        _external=True)},
        "is_team": entry.is_team,
        "team_name": entry.team_name,
        "participants": entry.participant_names,
        # Only a published result: one set while the jury still works is not public.
        "result": entry.result.value if published and entry.result else None,
    }


@bp.get("/competitions")
def competitions():
    return _page(public_competitions(), competition_json)


@bp.get("/competitions/<int:competition_id>/entries")
def competition_entries(competition_id: int):
    competition = get_public_competition_or_404(competition_id)
    return _page(public_entries_query().where(Entry.competition_id == competition.id).order_by(Entry.id), entry_json)


def openapi_paths(query, paging_parameters, json_body, ref, error) -> dict:
    return {
        "/api/v1/competitions": {"get": {
            "operationId": "listCompetitions",
            "summary": "Announced competitions and those with published results, newest year first",
            "parameters": paging_parameters,
            "responses": {"200": json_body(ref("CompetitionPage"), "A page of competitions")},
        }},
        "/api/v1/competitions/{competition_id}/entries": {"get": {
            "operationId": "listCompetitionEntries",
            "summary": "The admitted entries of a competition, each with its result once published",
            "parameters": [{"name": "competition_id", "in": "path", "required": True,
                            "schema": {"type": "integer"}}, *paging_parameters],
            "responses": {"200": json_body(ref("CompetitionEntryPage"), "A page of entries"),
                          "404": error("No such public competition")},
        }},
    }


def openapi_schemas(paged, ref, nullable) -> dict:
    named = ref("Named")
    competition = {
        "id": {"type": "integer"}, "url": {"type": "string", "format": "uri"}, "title": {"type": "string"},
        "year": {"type": "integer"},
        "level": {"type": "string", "enum": ["school", "municipal", "regional", "federal"]},
        "status": {"type": "string", "enum": ["announced", "judging", "results"]},
        "entries_open_at": {"type": "string", "format": "date-time"},
        "entries_close_at": {"type": "string", "format": "date-time"},
        "results_on": {"type": ["string", "null"], "format": "date"},
        "nominations": {"type": "array", "items": named},
        "criteria": {"type": "array", "items": {"type": "object", "required": ["id", "name", "weight"],
                                                "properties": {"id": {"type": "integer"}, "name": {"type": "string"},
                                                               "weight": {"type": "integer"}}}},
    }
    entry = {
        "id": {"type": "integer"}, "url": {"type": "string", "format": "uri"}, "title": {"type": "string"},
        "description": {"type": "string"}, "nomination": named,
        "organisation": {"type": "object", "required": ["id", "name", "url"], "properties": {
            "id": {"type": "integer"}, "name": {"type": "string"}, "url": {"type": "string", "format": "uri"}}},
        "is_team": {"type": "boolean"}, "team_name": nullable("string"),
        "participants": {"type": "array", "items": {"type": "string"}},
        "result": {"type": ["string", "null"], "enum": ["first", "second", "third", "laureate", "participant", None],
                   "description": "The published result; null before the results are published."},
    }
    return {
        "Competition": {"type": "object", "required": list(competition), "properties": competition},
        "CompetitionPage": paged(ref("Competition")),
        "CompetitionEntry": {"type": "object", "required": list(entry), "properties": entry},
        "CompetitionEntryPage": paged(ref("CompetitionEntry")),
    }
