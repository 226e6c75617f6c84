"""How alike short texts are, as the search engine scores them: a query text against a few others (a mentee's
difficulties against those the mentors helped with before).

Both sides go through the index's own analyser (``analysis.index_terms``: lemmas, stop words dropped), so
«не слушают на уроках» meets «ученики не слушали урок». The texts, with the query among them, go into a small
tantivy index held in memory, and the query's terms are searched there with tantivy's BM25; each score is divided
by the query's own (the best any text can do), so it reads 0..1 whatever the length of the query. The texts are
few (one page of suggestions): the index lives for one call and touches no disk.
"""
from collections.abc import Sequence

import tantivy

from .analysis import index_terms

_TEXT, _POSITION = "text", "position"
# tantivy's smallest writer heap; a few short texts never come near it.
_WRITER_HEAP = 15_000_000


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    # The terms are already analysed: tantivy only splits them on spaces and counts them.
    builder.add_text_field(_TEXT, stored=False, tokenizer_name="whitespace", index_option="freq")
    builder.add_unsigned_field(_POSITION, stored=True)
    return builder.build()


def similar_texts(query: str, texts: Sequence[str]) -> list[float]:
    """The similarity of each of ``texts`` to ``query``, in their order: 0 when they share no term, up to 1."""
    query_terms = sorted(set(index_terms(query or "")))
    if not query_terms or not texts:
        return [0.0] * len(texts)
    schema = _schema()
    index = tantivy.Index(schema)  # no path: in memory
    writer = index.writer(heap_size=_WRITER_HEAP, num_threads=1)
    for position, text in enumerate([*texts, query]):
        writer.add_document(tantivy.Document(**{_TEXT: " ".join(index_terms(text or "")), _POSITION: position}))
    writer.commit()
    index.reload()
    searcher = index.searcher()
    any_term = tantivy.Query.boolean_query(
        [(tantivy.Occur.Should, tantivy.Query.term_query(schema, _TEXT, term)) for term in query_terms])
    scores = {searcher.doc(address)[_POSITION][0]: score
              for score, address in searcher.search(any_term, limit=len(texts) + 1).hits}
    best = scores.get(len(texts), 0.0)
    return [min(scores.get(position, 0.0) / best, 1.0) if best else 0.0 for position in range(len(texts))]


def best_similarity(query: str, texts: Sequence[str]) -> float:
    """How well the closest of ``texts`` matches ``query`` (0 when there are none)."""
    return max(similar_texts(query, texts), default=0.0)
