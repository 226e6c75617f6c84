"""One Whoosh schema per searchable type. Change SCHEMA_VERSION with any change here or in analysis.py:
``flask search ensure`` then rebuilds the index."""
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from .analysis import spelling_analyzer, text_analyzer

SCHEMA_VERSION = 1


def _text(boost: float = 1.0, stored: bool = False) -> TEXT:
    return TEXT(analyzer=text_analyzer(), field_boost=boost, stored=stored)


def _facet() -> KEYWORD:
    # Space-separated slugs or ids; only filtered on and counted, never scored.
    return KEYWORD(scorable=False)


def _common() -> dict:
    return {
        "id": ID(stored=True, unique=True),
        "title": STORED(),
        "spelling": TEXT(analyzer=spelling_analyzer(), phrase=False),
        # Lower-cased, ё folded: Cyrillic code points then sort in Russian alphabetical order.
        "name_sort": ID(sortable=True),
    }


def mentor_schema() -> Schema:
    return Schema(
        **_common(),
        name=_text(4.0, stored=True),
        position=_text(1.5),
        organisation=_text(1.5),
        place=_text(),
        subjects=_text(2.0, stored=True),
        terms=_text(1.5),
        achievements=_text(stored=True),
        bio=_text(stored=True),
        region=_facet(),
        municipality=_facet(),
        org_kind=_facet(),
        form=_facet(),
        kind=_facet(),
        mode=_facet(),
        direction=_facet(),
        track=_facet(),
        accepting=_facet(),
        published=NUMERIC(bits=64, sortable=True),
        experience=NUMERIC(sortable=True),
    )


def organisation_schema() -> Schema:
    return Schema(
        **_common(),
        name=_text(3.0, stored=True),
        short_name=_text(3.0, stored=True),
        kind=_text(),
        place=_text(),
    )
