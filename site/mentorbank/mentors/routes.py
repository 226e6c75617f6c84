"""The public mentor bank: the searchable list and a mentor's profile."""
from flask import Blueprint, current_app, render_template, request, url_for

from ..accounts.pages import public_sections_of
from ..core.htmx import render_page_or_partial
from ..core.pagination import Page
from ..search.listing import facet_groups
from .facets import SORT_OPTIONS, chosen_sort
from .filters import MentorFilters
from .models import get_public_profile_or_404
from .cards import card_html, cards_for_hits
from .sections import profile_sections
from .views import profile_vocabulary_groups

bp = Blueprint("mentors", __name__, url_prefix="/mentors")
# Every list of mentors (home, organisation pages, /search) renders its cards through templates/mentors/_card.html.
bp.add_app_template_global(card_html, "mentor_card_html")


@bp.get("")
def index():
    filters = MentorFilters.from_args(request.args)
    per_page = current_app.config["MENTORS_PER_PAGE"]
    result = filters.search(per_page)
    page = Page(items=cards_for_hits(result.hits), page=filters.page, per_page=per_page, total=result.total)
    return render_page_or_partial(
        "mentors/index.html",
        "bank/_partial.html",
        filters=filters,
        result=result,
        page=page,
        facets=facet_groups(filters, result.facets),
        sort_options=SORT_OPTIONS,
        chosen_sort=chosen_sort(request.args.get("sort")),
    )


@bp.get("/<int:profile_id>")
def detail(profile_id: int):
    profile = get_public_profile_or_404(profile_id)
    return render_template(
        "mentors/detail.html",
        profile=profile,
        vocabulary_groups=profile_vocabulary_groups(profile),
        # What other areas show of the person (the practices they authored); a team has no one person.
        person_sections=[] if profile.is_team else public_sections_of(profile.user),
        login_url=url_for("auth.login", next=request.path),
        sections=profile_sections(profile),
    )
