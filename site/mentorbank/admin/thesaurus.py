"""Admin pages for the search thesaurus: list, add, edit and delete entries. Searches in every worker use a
change at once (search/thesaurus.py compares the table's version stamp on each use)."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import BooleanField, SelectField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from ..audit.labels import register_labels
from ..audit.models import record
from ..core.text import fold
from ..extensions import db
from ..search.analysis import index_terms
from ..search.models import ThesaurusEntry, ThesaurusKind
from .forms import options
from .routes import bp

KIND_NAMES = {
    ThesaurusKind.ABBREVIATION: _l("Abbreviation"),
    ThesaurusKind.ROLE: _l("Role word"),
}
DIRECTION_NAMES = {
    False: _l("Both ways"),
    True: _l("Only from the expansion to the term"),
}
TEXT_FIELDS = ("term", "expansion", "kind")


def _searchable(form, field):
    if not index_terms(field.data or ""):
        raise ValidationError(_l("Type at least one word that is not a preposition or conjunction."))


class ThesaurusEntryForm(FlaskForm):
    term = StringField(_l("Term"), description=_l("An abbreviation (СОШ) or a role word (историк)."),
                       validators=[DataRequired(), Length(max=100), _searchable])
    expansion = StringField(_l("Also search for"),
                            description=_l("What it stands for (средняя общеобразовательная школа) or its subject "
                                           "(история). Searches for either find both."),
                            validators=[DataRequired(), Length(max=300), _searchable])
    kind = SelectField(_l("Kind"), choices=options([(kind.value, name) for kind, name in KIND_NAMES.items()]))
    one_way = BooleanField(_l("One way only: the expansion is broader"),
                           description=_l("A search for the expansion also finds the term, a search for the term "
                                          "does not find the expansion («школа» finds «СОШ», «СОШ» does not find "
                                          "every school)."))

    def validate_expansion(self, field):
        if index_terms(field.data) == index_terms(self.term.data or ""):
            raise ValidationError(_l("The expansion must say something other than the term."))


def _entries() -> list[ThesaurusEntry]:
    return list(db.session.scalars(select(ThesaurusEntry).order_by(ThesaurusEntry.kind, ThesaurusEntry.term,
                                                                   ThesaurusEntry.id)))


def _entry_or_404(entry_id: int) -> ThesaurusEntry:
    return db.session.get(ThesaurusEntry, entry_id) or abort(404)


def _duplicate(values: dict, entry: ThesaurusEntry | None = None) -> bool:
    """The same pair, in any case and ё/е, is already there (other than ``entry`` itself)."""
    pair = (fold(values["term"].strip()), fold(values["expansion"].strip()))
    return any((fold(other.term), fold(other.expansion)) == pair for other in _entries() if other is not entry)


def _apply(entry: ThesaurusEntry, values: dict) -> dict:
    """Set the form's values; return {field: [old, new]} of those that changed, for the audit."""
    changes = {}
    new_values = {**{name: values[name].strip() for name in TEXT_FIELDS}, "one_way": bool(values["one_way"])}
    for name, new in new_values.items():
        old = getattr(entry, name)
        if old != new:
            changes[name] = [old, new]
            setattr(entry, name, new)
    return changes


def _described(entry: ThesaurusEntry) -> dict:
    return {"term": entry.term, "expansion": entry.expansion, "kind": entry.kind, "one_way": entry.one_way}


def _render_list(form: ThesaurusEntryForm, status: int = 200):
    return render_template("admin/thesaurus.html", entries=_entries(), kind_names=KIND_NAMES,
                           direction_names=DIRECTION_NAMES, form=form), status


@bp.get("/thesaurus")
def thesaurus():
    return _render_list(ThesaurusEntryForm(formdata=None))


@bp.post("/thesaurus")
def create_thesaurus_entry():
    form = ThesaurusEntryForm()
    if form.validate():
        if not _duplicate(form.data):
            entry = ThesaurusEntry()
            _apply(entry, form.data)
            db.session.add(entry)
            db.session.flush()
            record("thesaurus_entry.create", entry, actor=current_user, details=_described(entry))
            db.session.commit()
            flash(_("Thesaurus entry added."), "success")
            return redirect(url_for("admin.thesaurus"), 303)
        form.expansion.errors.append(_("This pair is already in the thesaurus."))
    return _render_list(form, 422)


@bp.route("/thesaurus/<int:entry_id>/edit", methods=["GET", "POST"])
def edit_thesaurus_entry(entry_id: int):
    entry = _entry_or_404(entry_id)
    form = ThesaurusEntryForm(obj=entry) if request.method == "GET" else ThesaurusEntryForm()
    status = 200
    if request.method == "POST":
        if form.validate():
            if not _duplicate(form.data, entry):
                changes = _apply(entry, form.data)
                record("thesaurus_entry.update", entry, actor=current_user, details={"changed": changes})
                db.session.commit()
                flash(_("Thesaurus entry saved."), "success")
                return redirect(url_for("admin.thesaurus"), 303)
            form.expansion.errors.append(_("This pair is already in the thesaurus."))
        status = 422
    return render_template("admin/thesaurus_form.html", entry=entry, form=form), status


@bp.post("/thesaurus/<int:entry_id>/delete")
def delete_thesaurus_entry(entry_id: int):
    entry = _entry_or_404(entry_id)  # CSRF: checked for every POST by CSRFProtect
    record("thesaurus_entry.delete", entry, actor=current_user, details=_described(entry))
    db.session.delete(entry)
    db.session.commit()
    flash(_("Thesaurus entry deleted."), "success")
    return redirect(url_for("admin.thesaurus"), 303)


register_labels("thesaurus_entry", _l("Search thesaurus"), {
    "create": _l("Thesaurus entry added"),
    "update": _l("Thesaurus entry changed"),
    "delete": _l("Thesaurus entry deleted"),
})
