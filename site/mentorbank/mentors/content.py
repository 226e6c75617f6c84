"""A mentor profile's content, declared once (core/content.py): revisions copy it, the moderator's diff
compares and labels it, the application saves its typed fields from it."""
from flask_babel import lazy_gettext as _l

from ..core.content import ContentField, ContentType, TermGroup
from ..vocabularies.models import Vocabulary
from .models import MENTOR_TERM_GROUPS
from .views import PROFILE_VOCABULARIES

_GROUP_NAMES = {vocabulary: name for name, vocabulary in {**MENTOR_TERM_GROUPS, "levels": Vocabulary.LEVEL}.items()}

# What the mentor writes; status, moderation and publication fields stay with each row.
MENTOR_PROFILE_CONTENT = ContentType(
    fields=(
        # Set by the services from the account and the profile's kind, not typed into the form as is.
        ContentField("organisation_id", _l("Organisation"), typed=False),
        ContentField("is_team", _l("Team profile"), typed=False),
        ContentField("team_name", _l("Team name"), typed=False),
        ContentField("subjects", _l("Subjects")),
        ContentField("experience_years", _l("Teaching experience, years")),
        ContentField("achievements", _l("Achievements"), long_text=True),
        ContentField("bio", _l("About the mentor"), long_text=True),
        ContentField("capacity", _l("Mentees at once")),
        ContentField("accepting_requests", _l("Accepting requests")),
        ContentField("phone", _l("Phone")),
        # A consent keeps the date it was given (application.save_content).
        ContentField("mentoring_consent_at", _l("Consent to mentor"), typed=False),
        ContentField("publication_consent_at", _l("Consent to publication"), typed=False),
    ),
    term_groups=tuple(TermGroup(_GROUP_NAMES[vocabulary], vocabulary, label)
                      for vocabulary, label in PROFILE_VOCABULARIES),
)
