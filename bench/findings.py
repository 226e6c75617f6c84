"""What the investigation found, per target: the report prints an entry under each target a run misses.

Written by hand on 2026-12-02 and revised the same day after the fixes of session 15 (card fragments kept by
content, cards and the rebuild read with Core queries, the thesaurus stamp once per request, symmetric
thesaurus matching and one-way entries). On a quiet machine the 20,500-document run of code `75a4357` met every
target; what follows explains what a run still missing one (a loaded machine, or the 100,000-document scale,
whose targets are the same figures) most likely met, and what would close it. Revisit when search/, the pages
or the thesaurus change. The proposals are for the owners of search/, mentors/, home/ and the templates.
"""

TITLES = {
    "search_api": "`/api/v1/search` over HTTP not slower than FTS5 in process",
    "pages": "Pages p95 ≤ 25 ms",
    "rebuild": "Rebuild ≤ 20 s",
    "publish": "Publish → searchable in every worker ≤ 1 s",
    "home_weight": "Home page ≤ 60 KB in ≤ 6 requests, no third-party host",
    "recall": "Recall: both forms of every pair find the same mentors",
}

WHY_AND_FIX = {
    "search_api": """
**Why.** The engine is not the cost: tantivy's own calls (`aggregate` for the facet counts, `search`, `doc`)
are a fifth of a search under the profiler; the rest is Python around it (building the query with its
thesaurus expansions, snippets, "did you mean") and, over HTTP, gunicorn's connection and the JSON encoding.
The thesaurus stamp is read once per request since session 15. A miss here on a loaded machine shows as a
CPU-time column that meets the target while the wall-clock one does not: the server waited for a core.

**What would close it** (for `site/mentorbank/search/`): snippets from one pass over the stored originals
instead of a list per field, and "did you mean" only when its count is needed.
""",
    "pages": """
**Why.** Since session 15 a list page renders kept card fragments (keyed by what a card shows, so never
stale), reads the cards with two Core queries and the thesaurus stamp once per request; on a quiet machine at
20,500 documents every page is under half the target at p50 and within it at p95. What grows with the data is
the engine's part: the facet counts aggregate over every matching document (the facets page, `/mentors?q=…`),
and a sorted list pays for its offset (the engine's top-k collector keeps offset + 20 hits: name order costs
about 1 ms on page 1 and 12 ms on page 35 at 20,000 documents). A miss where the CPU-time column meets the
target is the machine's load (the load averages above), not the code.

**What would close it** (proposals for `search/` and `mentors/`):

1. Keep the facet counts of a query by index state (`search.memoised`, as the unfiltered `/mentors` already
   does), so paging and sorting one query counts its facets once.
2. Bound deep paging of a sorted list (or page by a search-after key: the last hit's sort value) so a deep
   page costs what the first one does.
3. Measure on a quiet machine before changing code: the CPU-time column says what the code costs.
""",
    "rebuild": """
**Why.** Since session 15 the rebuild reads each type with one Core query of the needed columns (terms
aggregated per record) and folds each text once: about 3 s of CPU for 20,500 documents and 15 s for 100,000,
one Python thread feeding tantivy's writer. A miss means the machine was busy or the data set grew past what
one thread prepares in the time.

**What would close it:** build the document dicts in a second process (the machine has two cores) feeding the
one writer, and batch the reads by id ranges so memory stays flat at larger scales.
""",
    "publish": """
**Why.** The approval itself (the workflow, the audit entry, the outbox row, the commit, then the index
update) is the publishing request's time; the other worker reloads its reader on every search and finds the
profile within a poll or two of the commit. A missed target here means the publishing request waited: for the
index writer (another process held it) or for a core.

**What would close it:** apply the pending change after the response is sent (the outbox already makes that
safe), so the moderator does not wait for the index; the other workers are already as quick as the commit.
""",
    "home_weight": """
**Why.** The home page is its HTML, Pico CSS and htmx (the two largest), the site's CSS and JS and the
favicon: six requests, about 40 KB with brotli. Six is the limit, so any new stylesheet, script, font or image
misses it; a third-party URL (a CDN, a web font) misses the third criterion.

**What would close it:** bundle a new script or stylesheet into `site.js`/`site.css` instead of a new file,
inline small images (data: URLs), and serve every asset from the site.
""",
    "recall": """
**Why.** Each pair of `tests/search/recall_pairs.py` finds its hand-written documents in both forms (the
tests); on the data set a pair differs when a thesaurus entry is matched differently from its two sides, when
an entry is broader one way than the other, or when the pair's two forms are not equivalents. Session 15 made
a typed thesaurus side the same query whichever side is typed (`analysis.query_spans`: the longest run of
words that is an entry's side becomes that phrase or its equivalents), made broad entries one-way («школа»
finds СОШ, not the reverse), and paired role words with their subjects («историк» / «история»).

**What would close it:** read the differing pair in the table above: if its forms are not equivalents, move
it to a single-document test; if a thesaurus entry is missing or too broad, add it or make it one-way in
`/admin/thesaurus`.
""",
}
