"""Admin pages for the vocabularies: each vocabulary's terms; add a term, edit or deactivate one."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user

from ..extensions import db
from ..vocabularies.models import Term, Vocabulary
from .forms import NewTermForm, TermForm
from .routes import bp
from .services import DuplicateError, create_term, update_term, vocabulary_terms

VOCABULARY_NAMES = {
    Vocabulary.FORM: _l("Mentoring forms"),
    Vocabulary.INTERACTION_MODEL: _l("Interaction models (teacher – teacher)"),
    Vocabulary.KIND: _l("Mentoring kinds"),
    Vocabulary.MODE: _l("Modes"),
    Vocabulary.DIRECTION: _l("Directions"),
    Vocabulary.TRACK: _l("Tracks"),
    Vocabulary.COMPETENCE: _l("Mentor competences"),
    Vocabulary.MENTEE_CATEGORY: _l("Mentee categories"),
    Vocabulary.LEVEL: _l("Levels"),
    Vocabulary.ORGANISATION_KIND: _l("Organisation types"),
    Vocabulary.LIBRARY_RUBRIC: _l("Library rubrics"),
}
SLUG_TAKEN = _l("This key is already used in this vocabulary, or cannot be made from the English name: type one.")


def _vocabulary_or_404(name: str) -> Vocabulary:
    try:
        return Vocabulary(name)
    except ValueError:
        abort(404)


def _term_or_404(vocabulary: Vocabulary, term_id: int) -> Term:
    term = db.session.get(Term, term_id)
    if term is None or term.vocabulary != vocabulary:
        abort(404)
    return term


@bp.get("/vocabularies")
def vocabularies():
    listed = [(vocabulary, VOCABULARY_NAMES[vocabulary], vocabulary_terms(vocabulary)) for vocabulary in Vocabulary]
    return render_template("admin/vocabularies.html", vocabularies=listed)


def _render_vocabulary(vocabulary: Vocabulary, form: NewTermForm, status: int = 200):
    return render_template(
        "admin/vocabulary.html", vocabulary=vocabulary, vocabulary_name=VOCABULARY_NAMES[vocabulary],
        terms=vocabulary_terms(vocabulary), form=form,
    ), status


@bp.get("/vocabularies/<vocabulary>")
def vocabulary(vocabulary: str):
    return _render_vocabulary(_vocabulary_or_404(vocabulary), NewTermForm(formdata=None))


@bp.post("/vocabularies/<vocabulary>/terms", endpoint="create_term")
def create_term_view(vocabulary: str):
    chosen = _vocabulary_or_404(vocabulary)
    form = NewTermForm()
    if form.validate():
        try:
            create_term(chosen, form.data, actor=current_user)
        except DuplicateError:
            form.slug.errors.append(str(SLUG_TAKEN))
        else:
            db.session.commit()
            flash(_("Term added."), "success")
            return redirect(url_for("admin.vocabulary", vocabulary=chosen.value), 303)
    return _render_vocabulary(chosen, form, 422)



@bp.route("/vocabularies/<vocabulary>/terms/<int:term_id>/edit", methods=["GET", "POST"])
def edit_term(vocabulary: str, term_id: int):
    chosen = _vocabulary_or_404(vocabulary)
    term = _term_or_404(chosen, term_id)
    form = TermForm(obj=term) if request.method == "GET" else TermForm()
    if request.method == "POST":
        if form.validate():
            update_term(term, form.data, actor=current_user)
            db.session.commit()
            flash(_("Term saved."), "success")
            return redirect(url_for("admin.vocabulary", vocabulary=chosen.value), 303)
        status = 422
    else:
        status = 200
    return render_template(
        "admin/term_form.html", vocabulary=chosen, vocabulary_name=VOCABULARY_NAMES[chosen], term=term, form=form,
    ), status
