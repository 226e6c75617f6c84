"""What of the bank of programmes is searchable: published templates, with the facets of /programmes."""
from collections.abc import Collection, Iterator

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..search import SearchableType, TextField, register
from ..vocabularies.models import Term
from .filters import FACETS, PERIOD_FACET, SEARCH_TYPE
from .models import ProgrammeTemplate, TemplateStatus, programme_template_direction, templates_for_hits


def _joined(*parts) -> str:
    return " ".join(part for part in parts if part)


def programme_documents(session: Session, ids: Collection[int] | None = None) -> Iterator[dict]:
    statement = select(ProgrammeTemplate).where(ProgrammeTemplate.status == TemplateStatus.PUBLISHED)
    if ids is not None:
        statement = statement.where(ProgrammeTemplate.id.in_(list(ids)))
    templates = list(session.scalars(statement.order_by(ProgrammeTemplate.id)))
    terms = {row.id: row for row in session.execute(select(Term.id, Term.slug, Term.name))}
    directions: dict[int, list[int]] = {}
    if templates:
        for template_id, term_id in session.execute(select(
                programme_template_direction.c.template_id, programme_template_direction.c.term_id).where(
                programme_template_direction.c.template_id.in_([template.id for template in templates]))):
            directions.setdefault(template_id, []).append(term_id)
    for template in templates:
        direction_terms = [terms[term_id] for term_id in directions.get(template.id, [])]
        form = terms.get(template.form_id)
        mode = terms.get(template.mode_id)
        yield {
            "id": template.id,
            "title": template.title,
            "sort_name": template.title,
            "name": template.title,
            "problem": template.problem or "",
            "goals": _joined(template.goals, template.planned_results),
            "content": _joined(template.content, template.plan, template.meeting_schedule),
            "terms": _joined(*(term.name for term in direction_terms), form.name if form else "",
                             mode.name if mode else ""),
            "direction": [term.slug for term in direction_terms],
            "form": form.slug if form else [],
            PERIOD_FACET: str(template.period_months),
            "published": int(template.published_at.timestamp()) if template.published_at else 0,
        }


def count_programmes(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ProgrammeTemplate).where(
        ProgrammeTemplate.status == TemplateStatus.PUBLISHED))


def _templates_with_terms(session: Session, term_ids: set[int]) -> set[int]:
    return set(session.scalars(select(programme_template_direction.c.template_id).where(
        programme_template_direction.c.term_id.in_(term_ids)))) | set(session.scalars(
            select(ProgrammeTemplate.id).where(ProgrammeTemplate.form_id.in_(term_ids))))


PROGRAMME_SEARCH = register(SearchableType(
    name=SEARCH_TYPE,
    label=_l("Programmes"),
    text_fields=(TextField("name", 4.0), TextField("problem", 2.0), TextField("terms", 1.5), TextField("goals"),
                 TextField("content")),
    snippet_fields=("problem", "goals", "content"),
    facets=FACETS,
    sortables=("published",),
    sorts={"recent": "published"},
    documents=programme_documents,
    count=count_programmes,
    watches={ProgrammeTemplate: lambda _session, ids: set(ids), Term: _templates_with_terms},
    endpoint="programmes.detail",
    id_argument="template_id",
    hit_template="search/hits/programme.html",
    records_for_hits=templates_for_hits,
    browsable=True,
))
