"""What the investigation found, per target: the report prints an entry under each target a run misses.

Written by hand on 2026-12-02 from the profiles and tables of RESULTS.md (tantivy 0.27, 20,500 documents) and
from throwaway experiments: a cProfile of `search.rebuild()` on the 1,600-document quick data set, and the FTS5
baseline's totals for the recall pairs; revised from a second run on a quiet machine (load below 2 on 2 cores)
of code `0613149`, where wall-clock and CPU time agree. Revisit when search/, the pages or the thesaurus change. The proposals are for the
owners of search/, mentors/, home/ and the templates.
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
are about a fifth of a search under the profiler. The rest is Python around it: building the query (27 % of
`search_mentors`, 46 % of `search_all`, "Where the time goes"), where every call to `current_thesaurus()`
asks the database for the thesaurus's version stamp (`thesaurus.py:_version_stamp`: 5 to 7 ORM statements per
search, compiled by SQLAlchemy each time, `_gen_cache_key` leading the functions by own time); snippets in
Python (`snippets.py`, 14–17 %); "did you mean" (7–12 %). Over HTTP a sync gunicorn worker adds a connection
and the JSON encoding.

**What would close it** (for `site/mentorbank/search/`): read the thesaurus stamp once per search (or once
per request in `flask.g`, or at most once a second: the ≤ 1 s publication target allows it), which removes
most SQL from a search; cache the compiled stamp statement; build snippets only for the page of hits shown
(already) from one pass over the stored originals instead of a list per field.
""",
    "pages": """
**Why.** On a quiet machine the list pages take two to three times the target (CPU time and wall-clock time
agree), so it is the code, not the load. The search is only 10–26 % of a page under the profiler. The rest is the ORM and the templates: SQLAlchemy statements 19–41 % of a request (20 cards of
`/mentors` loaded with their organisation, municipality and terms; the thesaurus stamp; what the layout asks
on every request), SQLite itself 7–16 %, Jinja rendering 17–38 % (20 cards with their term lists).
A profile page (about 21 ms, within the target) and `/` (about 32 ms) come closest: their floor is the
per-request cost every page pays (the session, the layout's queries, the base template). The pages were
measured anonymous.

**What would close it** (proposals for `mentors/`, `home/`, the templates and `search/`):

1. Cache each rendered mentor card keyed by profile id and the index state (`search.memoised` gives the
   invalidation for free: a card changes only when its document does), so a list page renders 20 cached
   fragments instead of 20 card templates.
2. Load the cards' data with one Core query of the shown columns (and the term labels from the vocabulary
   cache) instead of ORM objects with selectin loads.
3. The thesaurus stamp once per request (see the API target), and whatever the layout asks on every request
   from a cache dropped when the data changes (issue 8 §4 asks the same of the home counters).
4. Then measure again; the remaining floor is Flask's per-request work and the base layout.
""",
    "rebuild": """
**Why.** tantivy indexes 20,000 documents in well under a second (issue 8's measurement); the rebuild's time
is Python before it. A cProfile of `search.rebuild()` on the quick data set: reading the public records
through the ORM with selectin loads (organisation, municipality, terms) 46 %, building tantivy documents in
`documents.to_document` 31 % (of which `fold()` of every word of every text for the spelling field: 180,000
calls for 1,600 documents; the lemmas are cached), the mentors' document dicts (`mentor_document`, the terms
per vocabulary) 15 %. All of it runs in one Python thread while the other core idles. On a quiet machine the
rebuild sits right at the target (19–23 s, CPU time 21–25 s with tantivy's indexing threads): one busy
neighbour is enough to miss it.

**What would close it** (proposals for `search/` and the searchable declarations):

1. Read each type with one Core query of the needed columns, the terms aggregated per profile
   (`group_concat` / `string_agg`), instead of ORM objects.
2. Fold a text once and split it, instead of folding word by word.
3. Build the documents in a second process (two cores) feeding the one writer.
An estimate from the profile's shares, not a measurement: items 1–2 take out about half of the CPU time
(some 10 s), item 3 spreads the rest over both cores, so an idle machine of this kind would rebuild in
about 6 s, with room for a busy neighbour.
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
tests), but on the data set the two forms find different sets. The causes, from the table above:

1. *(Fixed.)* The first run found the site's search did not expand a typed multi-word phrase as
   `analysis.query_groups` does («основной государственный экзамен» found 32 mentors where «ОГЭ» finds 3,729);
   `search/query.py` now keeps the typed words together, and «ОГЭ», «ФГОС», «ИКТ», «ЦНППМ» pairs hold.
2. *An expansion is a phrase one way and loose words the other.* «ЕГЭ» looks for the phrase «единый
   государственный экзамен» (no profile holds it: 0), the typed phrase finds profiles with its three words
   anywhere (32); «ДОУ» finds 0 where its phrase's words find 1,479; «завучу» and «заместитель директора»
   differ by the profiles that hold the two words apart.
3. *A broad thesaurus entry.* «СОШ» ↔ «школа» makes «СОШ» find every profile with «школа» (16,005), so it
   cannot equal «средняя общеобразовательная школа» (4,582).
4. *Pairs that are not equivalent.* «историк» ↔ «учитель истории»: the role word finds every history
   profile, the phrase also requires «учитель»; «завуч» ↔ «заместителю директора по УВР» likewise.

**What would close it:** match a thesaurus side as the same kind of query whichever side is
typed (both as phrases, or both as words); make «СОШ» → «школа» one-way (typing «школа» may find СОШ, not
the reverse); and pair each role word with its subject in the table («историк» / «история»), leaving the
narrower phrases to the tests of single documents.
""",
}
