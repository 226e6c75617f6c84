"""Competition pages: the public list, a competition with its winners, an entry; entering; the moderator's
management (entries, jury, results) and the juror's scoring page.

Admission of entries lives on the competition's own page rather than in the moderation queue: an entry is
judged against its competition's rules and nominations, at the time the competition is in (entries close,
then judging), next to the jury and the standings that follow from it; the queue's records are submissions
decided one by one whenever they come.
"""
from contextlib import contextmanager

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from ..accounts.models import User
from ..attachments import UploadRefused
from ..core import records
from ..core.permissions import login_required, moderator_required
from ..core.security import optional_database_id
from ..core.workflow import TransitionRefused
from ..extensions import db, htmx
from ..core.markdown import render_markdown
from . import services
from .forms import (
    RESULT_CHOICES, ActionForm, CompetitionForm, ConflictForm, EntryForm, ReasonForm, lines, options, parse_criteria,
)
from .models import (
    RESULT_ORDER, SCORE_MAX, SCORE_MIN, Competition, CompetitionLevel, CompetitionStatus, Entry, EntryResult,
    EntryStatus,
)
from .queries import public_competitions, public_entries, winners_first

bp = Blueprint("competitions", __name__)


@contextmanager
def undone_on_refusal():
    """A refused step leaves nothing behind: its own writes are undone (a savepoint), the request goes on."""
    savepoint = db.session.begin_nested()
    try:
        yield
    except BaseException:
        savepoint.rollback()
        raise
    savepoint.commit()

JURY_CANDIDATES = 20


# ---- public pages ------------------------------------------------------------------------------------------

@bp.get("/competitions")
def index():
    by_year: dict[int, list[Competition]] = {}
    for competition in db.session.scalars(public_competitions()):
        by_year.setdefault(competition.year, []).append(competition)
    return render_template("competitions/index.html", by_year=by_year)


@bp.get("/competitions/<int:competition_id>")
def detail(competition_id: int):
    competition = _competition_for_viewer(competition_id)
    entries = public_entries(competition)
    form = ActionForm()
    return render_template(
        "competitions/detail.html", competition=competition, rules=render_markdown(competition.rules),
        nominations=[(nomination, winners_first(competition, entries.get(nomination.id, [])))
                     for nomination in competition.nominations],
        my_entries=services.entries_of(current_user.id, competition.id) if current_user.is_authenticated else [],
        juror=competition.juror(current_user), form=form, statuses=CompetitionStatus,
    )


@bp.get("/competitions/<int:competition_id>/entries/<int:entry_id>")
def entry(competition_id: int, entry_id: int):
    found = db.session.get(Entry, entry_id)
    if found is None or found.competition_id != competition_id or not found.is_public:
        abort(404)  # a rejected entry, or one not decided yet, is never public
    competition = found.competition
    show_result = competition.status == CompetitionStatus.RESULTS
    # The practice it became, through the record registry (None while the practices area has no public page).
    practice_url = records.public_url("practice", found.practice_id) if found.practice_id else None
    return render_template("competitions/entry.html", competition=competition, entry=found,
                           show_result=show_result, attachments=services.entry_attachments(found),
                           practice_url=practice_url)


@bp.get("/competitions/entries/<int:entry_id>")
def entry_link(entry_id: int):
    """An entry by its id alone (search results, the record registry): to its page under its competition."""
    found = db.get_or_404(Entry, entry_id)
    if not found.is_public:
        abort(404)
    return redirect(url_for("competitions.entry", competition_id=found.competition_id, entry_id=entry_id), 301)


def _competition_for_viewer(competition_id: int) -> Competition:
    competition = db.get_or_404(Competition, competition_id)
    if not competition.is_public and not (current_user.is_authenticated and current_user.is_moderator):
        abort(404)
    return competition


# ---- entering ----------------------------------------------------------------------------------------------

def _entry_form(competition: Competition, **kwargs) -> EntryForm:
    form = EntryForm(**kwargs)
    form.nomination_id.choices = options((nomination.id, nomination.name) for nomination in competition.nominations)
    form.source_practice_id.choices = options([(0, _("A new practice"))] + services.practice_choices(current_user))
    return form


@bp.route("/competitions/<int:competition_id>/enter", methods=["GET", "POST"])
@login_required
def enter(competition_id: int):
    competition = _competition_for_viewer(competition_id)
    form = _entry_form(competition, data={"participants": current_user.full_name})
    if not competition.entries_open():
        return render_template("competitions/closed.html", competition=competition), 403
    def submit(values: dict) -> Entry:
        if current_user.organisation_id is None:
            raise services.CompetitionError(_("Name your organisation in your account first."))
        return services.submit_entry(competition, current_user, organisation_id=current_user.organisation_id,
                                     **values)

    return _save_entry(form, competition, None, submit, _("Your entry is sent. A moderator admits it to the jury."))


@bp.route("/competitions/<int:competition_id>/entries/<int:entry_id>/edit", methods=["GET", "POST"])
@login_required
def edit_entry(competition_id: int, entry_id: int):
    found = db.get_or_404(Entry, entry_id)
    if found.competition_id != competition_id or found.submitted_by_id != current_user.id:
        abort(404)
    competition = found.competition
    if not competition.entries_open() or found.status != EntryStatus.SUBMITTED:
        return render_template("competitions/closed.html", competition=competition), 403
    form = _entry_form(competition, obj=found)
    if request.method == "GET":
        form.source_practice_id.data = found.source_practice_id or 0

    def save(values: dict) -> Entry:
        return services.edit_entry(found, current_user, organisation_id=found.organisation_id, **values)

    return _save_entry(form, competition, found, save, _("Your entry is saved."))


def _save_entry(form: EntryForm, competition: Competition, entry: Entry | None, save, saved_message: str):
    """The entry form's post: ``save`` the values and the new files, or show what was refused (422)."""
    existing = services.entry_attachments(entry) if entry else []
    form.attachments.existing_count = len(existing)
    status = 200
    if form.validate_on_submit():
        try:
            with undone_on_refusal():
                values = form.entry_values()
                values["source_practice_id"] = services.own_practice_id(current_user, values["source_practice_id"])
                services.attach_files(save(values), form.attachments.uploads, current_user)
        except UploadRefused as refusal:
            db.session.rollback()  # the stored files follow the rollback (the attachments' contract)
            form.attachments.errors = [*form.attachments.errors, refusal.message]
            status = 422
        except TransitionRefused as refusal:
            form.form_errors.append(str(refusal.message))
            status = 422
        else:
            db.session.commit()
            flash(saved_message, "success")
            return redirect(url_for("competitions.detail", competition_id=competition.id), 303)
    elif form.is_submitted():
        status = 422
    return render_template("competitions/entry_form.html", competition=competition, form=form, entry=entry,
                           existing=existing), status


# ---- the moderator's pages ---------------------------------------------------------------------------------

@bp.route("/competitions/new", methods=["GET", "POST"])
@moderator_required
def create():
    form = CompetitionForm(data={
        "nomination_names": "\n".join(services.DEFAULT_NOMINATIONS),
        "criteria_lines": "\n".join(name for name, _weight in services.DEFAULT_CRITERIA),
        "level": CompetitionLevel.REGIONAL.value,
    })
    return _save_competition(form, None)


@bp.route("/competitions/<int:competition_id>/edit", methods=["GET", "POST"])
@moderator_required
def edit(competition_id: int):
    competition = db.get_or_404(Competition, competition_id)
    form = CompetitionForm(obj=competition)
    if request.method == "GET":
        form.nomination_names.data = "\n".join(nomination.name for nomination in competition.nominations)
        form.criteria_lines.data = "\n".join(
            criterion.name if criterion.weight == 1 else f"{criterion.name} | {criterion.weight}"
            for criterion in competition.criteria)
    return _save_competition(form, competition)


def _save_competition(form: CompetitionForm, competition: Competition | None):
    status = 200
    if form.validate_on_submit():
        try:
            with undone_on_refusal():
                competition = services.save_competition(
                    competition, title=form.title.data.strip(), year=form.year.data,
                    level=CompetitionLevel(form.level.data), rules=form.rules.data or "",
                    entries_open_at=form.entries_open_at.data, entries_close_at=form.entries_close_at.data,
                    results_on=form.results_on.data, nominations=lines(form.nomination_names.data),
                    criteria=parse_criteria(form.criteria_lines.data), actor=current_user,
                )
        except TransitionRefused as refusal:
            form.form_errors.append(str(refusal.message))
            status = 422
        else:
            db.session.commit()
            flash(_("The competition is saved."), "success")
            return redirect(url_for("competitions.manage", competition_id=competition.id), 303)
    elif form.is_submitted():
        status = 422
    return render_template("competitions/form.html", form=form, competition=competition), status


@bp.get("/competitions/<int:competition_id>/manage")
@moderator_required
def manage(competition_id: int):
    competition = db.get_or_404(Competition, competition_id)
    query = (request.args.get("q") or "").strip()[:100]
    candidates = _jury_candidates(competition, query)
    if htmx and htmx.target == "jury-candidates":
        return render_template("competitions/_jury_candidates.html", competition=competition,
                               candidates=candidates, query=query, form=ActionForm())
    entries = list(db.session.scalars(select(Entry).where(Entry.competition_id == competition.id)
                                      .order_by(Entry.status, Entry.nomination_id, Entry.id)))
    return render_template(
        "competitions/manage.html", competition=competition, entries=entries, query=query,
        candidates=candidates, standings=services.standings(competition), form=ActionForm(),
        reason_form=ReasonForm(), result_choices=RESULT_CHOICES, statuses=CompetitionStatus,
        entry_statuses=EntryStatus,
    )


def _jury_candidates(competition: Competition, query: str) -> list[User]:
    if len(query) < 2:
        return []
    members = {member.user_id for member in competition.jury}
    pattern = f"%{query.lower()}%"
    return [user for user in db.session.scalars(
        select(User).where(func.lower(User.full_name).like(pattern), User.is_blocked.is_(False))
        .order_by(User.full_name).limit(JURY_CANDIDATES)) if user.id not in members]


@bp.post("/competitions/<int:competition_id>/jury")
@moderator_required
def change_jury(competition_id: int):
    competition = db.get_or_404(Competition, competition_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    members = {member.user_id: [n.id for n in member.nominations] for member in competition.jury}
    added = optional_database_id(request.form.get("add"))
    removed = optional_database_id(request.form.get("remove"))
    if added is not None and db.session.get(User, added) is not None:
        members[added] = [i for i in map(optional_database_id, request.form.getlist("nominations")) if i]
    if removed is not None:
        members.pop(removed, None)
    services.set_jury(competition, members)
    db.session.commit()
    flash(_("The jury is saved."), "success")
    return redirect(url_for("competitions.manage", competition_id=competition.id) + "#jury", 303)


@bp.post("/competitions/<int:competition_id>/status")
@moderator_required
def move(competition_id: int):
    competition = db.get_or_404(Competition, competition_id)
    form = ReasonForm()
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        to = CompetitionStatus(request.form.get("to", ""))
    except ValueError:
        abort(400)
    try:
        with undone_on_refusal():
            services.move_competition(competition, to, current_user, form.reason.data)
    except TransitionRefused as refusal:
        flash(str(refusal.message), "error")
    else:
        db.session.commit()
        flash(_("The competition is now: %(status)s.", status=to.label), "success")
    return redirect(url_for("competitions.manage", competition_id=competition_id), 303)


@bp.post("/competitions/<int:competition_id>/entries/<int:entry_id>/decide")
@moderator_required
def decide(competition_id: int, entry_id: int):
    found = db.get_or_404(Entry, entry_id)
    if found.competition_id != competition_id or not ActionForm().validate_on_submit():
        abort(404 if found.competition_id != competition_id else 400)
    decision = request.form.get("decision")
    try:
        with undone_on_refusal():
            if decision == "reconsider":
                services.reconsider_entry(found, current_user)
            elif decision in ("admit", "reject"):
                services.decide_entry(found, decision == "admit", current_user, request.form.get("reason"))
            else:
                abort(400)
    except TransitionRefused as refusal:
        flash(str(refusal.message), "error")
    else:
        db.session.commit()
        flash(_("The entry «%(title)s» is now: %(status)s.", title=found.title, status=found.status.label), "success")
    return redirect(url_for("competitions.manage", competition_id=competition_id) + "#entries", 303)


@bp.post("/competitions/<int:competition_id>/results")
@moderator_required
def results(competition_id: int):
    competition = db.get_or_404(Competition, competition_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    chosen = {}
    for key, value in request.form.items():
        entry_id = optional_database_id(key.removeprefix("result-")) if key.startswith("result-") else None
        if entry_id is not None:
            chosen[entry_id] = EntryResult(value) if value in {r.value for r in RESULT_ORDER} else None
    try:
        with undone_on_refusal():
            services.set_results(competition, chosen, current_user)
    except TransitionRefused as refusal:
        flash(str(refusal.message), "error")
    else:
        db.session.commit()
        flash(_("The results are saved; publish them when they are final."), "success")
    return redirect(url_for("competitions.manage", competition_id=competition_id) + "#results", 303)


# ---- the juror's page --------------------------------------------------------------------------------------

def _member_or_404(competition: Competition):
    member = competition.juror(current_user)
    if member is None:
        abort(404)  # nobody else learns who judges what
    return member


@bp.get("/competitions/<int:competition_id>/jury")
@login_required
def jury(competition_id: int):
    competition = db.get_or_404(Competition, competition_id)
    member = _member_or_404(competition)
    entries = services.entries_to_judge(member)
    return render_template(
        "competitions/jury.html", competition=competition, member=member, entries=entries,
        scores=services.my_scores(member, [e.id for e in entries]), conflicts=services.conflicts_of(member),
        own_organisation_id=current_user.organisation_id, form=ActionForm(), conflict_form=ConflictForm(),
        score_min=SCORE_MIN, score_max=SCORE_MAX, judging=competition.status == CompetitionStatus.JUDGING,
    )


@bp.post("/competitions/<int:competition_id>/jury/entries/<int:entry_id>")
@login_required
def score(competition_id: int, entry_id: int):
    competition = db.get_or_404(Competition, competition_id)
    member = _member_or_404(competition)
    found = db.get_or_404(Entry, entry_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        with undone_on_refusal():
            if request.form.get("conflict"):
                services.declare_conflict(member, found, request.form.get("reason", ""))
            else:
                values = {}
                for criterion in competition.criteria:
                    raw = (request.form.get(f"criterion-{criterion.id}") or "").strip()
                    if not raw.lstrip("-").isdigit():
                        raise services.CompetitionError(_("Give points for every criterion."))
                    values[criterion.id] = int(raw)
                services.save_scores(member, found, values)
    except TransitionRefused as refusal:
        flash(str(refusal.message), "error")
        return redirect(url_for("competitions.jury", competition_id=competition_id) + f"#entry-{entry_id}", 303)
    db.session.commit()
    flash(_("Saved for «%(title)s».", title=found.title), "success")
    return redirect(url_for("competitions.jury", competition_id=competition_id) + f"#entry-{entry_id}", 303)
