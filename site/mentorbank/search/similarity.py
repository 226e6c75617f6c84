"""How alike short texts are, in the words of the search index: a query text against a few others (a mentee's
difficulties against those a mentor helped with before).

Both sides go through the index's own analyser (``analysis.index_terms``: lemmas, stop words dropped), so
«не слушают на уроках» meets «ученики не слушали урок»; the score is BM25 of the query's terms over the given
texts, scaled to 0..1 by the score of a text of average length that holds every query term once, so it reads the
same whatever the length of the query. The texts are few and held in memory: no index is opened.
"""
import math
from collections import Counter
from collections.abc import Sequence

from .analysis import index_terms

# The usual BM25 constants (tantivy's and Lucene's defaults).
K1 = 1.2
B = 0.75


def similar_texts(query: str, texts: Sequence[str]) -> list[float]:
    """The similarity of each of ``texts`` to ``query``, in their order: 0 when they share no term, up to 1."""
    query_terms = set(index_terms(query or ""))
    documents = [Counter(index_terms(text or "")) for text in texts]
    if not query_terms or not documents:
        return [0.0] * len(documents)
    average_length = sum(sum(document.values()) for document in documents) / len(documents) or 1.0
    # Weighted as if the texts were the corpus, but every query term counts as rare as it can be among them:
    # with a handful of texts, a term found in all of them is still the point of the comparison.
    weight = {term: math.log(1 + (len(documents) + 0.5) / (sum(term in doc for doc in documents) + 0.5))
              for term in query_terms}
    best = sum(weight.values())
    scores = []
    for document in documents:
        length = sum(document.values())
        score = 0.0
        for term in query_terms & document.keys():
            frequency = document[term]
            saturation = frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * length / average_length))
            score += weight[term] * saturation
        scores.append(min(score / best, 1.0) if best else 0.0)
    return scores


def best_similarity(query: str, texts: Sequence[str]) -> float:
    """How well the closest of ``texts`` matches ``query`` (0 when there are none)."""
    return max(similar_texts(query, texts), default=0.0)
