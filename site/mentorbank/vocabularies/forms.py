"""What every form that ticks vocabulary terms shares: the checkbox group, the sentence explaining each
vocabulary, and the choices (active terms, plus the retired ones a record still carries)."""
from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget

from .models import Term, Vocabulary, terms_of

# One sentence per vocabulary, drawn from the source documents (seeds 001, 002, 004; competences 000), so that a
# teacher ticks the boxes knowing what each group means.
VOCABULARY_EXPLANATIONS = {
    Vocabulary.FORM: _l("A form of mentoring says who mentors whom: how a pair or a group works, each participant "
                        "in a set role (e.g. “teacher – teacher”, “head – teacher”, “team – team”)."),
    Vocabulary.INTERACTION_MODEL: _l("Within the “teacher – teacher” form, the model of interaction says which "
                                     "teachers meet: e.g. an experienced teacher and a young specialist, or an "
                                     "innovator and a conservative teacher."),
    Vocabulary.KIND: _l("A kind of mentoring says how the work is organised: one to one or in a group, online, "
                        "short-term towards a set goal, reverse (the younger teaches the elder) and so on."),
    Vocabulary.MODE: _l("The mode says where you meet: in person, remotely (video calls, messages) or mixed."),
    Vocabulary.DIRECTION: _l("Directions are what you help with; the plan of the mentee's personalised "
                             "programme is drawn up along them."),
    Vocabulary.TRACK: _l("Tracks are the thematic spaces of the target model of mentoring; a mentee chooses the "
                         "one that matches their professional needs and difficulties."),
    Vocabulary.COMPETENCE: _l("Competences are a mentor's strengths: expert, communicative, managerial, research "
                              "or project work."),
    Vocabulary.MENTEE_CATEGORY: _l("Whom you are ready to help: young teachers, those back after a long break or "
                                   "new to a school, those in professional difficulty, students, new heads."),
    Vocabulary.LEVEL: _l("The level says how far the practice reaches: one school, a municipality, a region or "
                         "the whole country."),
}


class TermCheckboxes(SelectMultipleField):
    """Checkboxes of one vocabulary; the values are term ids."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def term_choices(vocabulary: Vocabulary, carried: Iterable[Term] = ()) -> list[Term]:
    """The active terms, plus any retired term the record still carries, so saving does not drop it."""
    kept = {term.id for term in carried}
    return [term for term in terms_of(vocabulary, active_only=False) if term.is_active or term.id in kept]
