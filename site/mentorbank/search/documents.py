"""A declared type's document (a dict of engine-neutral fields) as a tantivy document."""
import json

import tantivy

from . import engine
from .analysis import fold, index_terms_of_tokens, words
from .registry import SearchableType


def key(type_name: str, record_id: int) -> str:
    return f"{type_name}:{record_id}"


def _values(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(one) for one in value]


def to_document(searchable: SearchableType, data: dict) -> tantivy.Document:
    document = tantivy.Document()
    document.add_text(engine.KEY, key(searchable.name, data["id"]))
    document.add_text(engine.TYPE, searchable.name)
    document.add_unsigned(engine.ID, int(data["id"]))
    document.add_bytes(engine.TITLE, data["title"].encode())
    document.add_text(engine.SORT_NAME, fold(data["sort_name"]))
    originals, spelling = {}, []
    for text in searchable.text_fields:
        value = data.get(text.name) or ""
        # Folded once: the tokens are the spelling field's whole words and the source of the terms.
        tokens = words(fold(value))
        terms = index_terms_of_tokens(tokens)
        if terms:
            document.add_text(engine.text_field(text.name), " ".join(terms))
        spelling.extend(tokens)
        if text.name in searchable.snippet_fields and value:
            originals[text.name] = value
    if spelling:
        document.add_text(engine.SPELLING, " ".join(spelling))
    document.add_bytes(engine.ORIGINALS, json.dumps(originals, ensure_ascii=False).encode())
    for facet in searchable.facets:
        for value in _values(data.get(facet)):
            document.add_text(engine.facet_field(facet), value)
    for name in searchable.sortables:
        document.add_integer(engine.sortable_field(name), int(data.get(name) or 0))
    return document


def stored_title(document: tantivy.Document) -> str:
    return document.get_first(engine.TITLE).decode()


def stored_originals(document: tantivy.Document) -> dict[str, str]:
    return json.loads(document.get_first(engine.ORIGINALS).decode())
