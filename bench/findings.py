"""What the investigation found, per target: the report prints an entry under each target a run misses.

Written by hand from the profiles in RESULTS.md and from throwaway experiments (patches applied in a scratch
process only, never to site/mentorbank/search/) on the full data set, 2026-11-23, on the machine RESULTS.md
names. Revisit when the search module changes. The proposals are for the owners of search/ and home/.
"""

TITLES = {
    "search_latency": "Search p95 ≤ 50 ms",
    "search_ratio": "Search p95 ≤ 2.5 × FTS5",
    "pages": "Pages p95 ≤ 25 ms",
    "rebuild": "Rebuild ≤ 20 s",
}

WHY_AND_FIX = {
    "search_latency": """
**A hang, found by this benchmark and fixed.** «гимназия» and «Дзержинск» used to never finish. Whoosh 2.7.4's
block-quality optimisation loops forever in `AndMaybeMatcher.skip_to_quality` when two floating-point block
qualities add up to exactly the minimum score (whoosh-community/whoosh#446 and #461, never fixed; the project
is unmaintained): any visitor could pin a worker's CPU with the word «гимназия». The search module now passes
`optimize=False` (proposal 1 below); the benchmark still interrupts any query at its deadline, lists it as an
error and counts it at the deadline, so a new hang shows up here.

**Why the rest is slow.** Almost all the time is Whoosh walking posting lists in pure Python, twice per query:
once for the bitmap of matching documents (`docs_for_query`: the total and the facet counts), once to score the
matches for the top 10. The query parser turns every word into an OR over the eight searchable fields and ANDs
the words, so a three-word query is a tree of 24 leaf matchers; `matching/binary.py` (`is_active`, `id`,
`next`) leads the functions by own time. Broad queries are the slow ones: «школа молодого педагога» matches
about 12,000 of the 19,000 mentors, and each of them is visited in both passes. "Did you mean" adds about an
eighth: it runs for every word missing from the whole-word lexicon, which includes correctly inflected words
that just do not occur in that form («наставничеству»), and then counts the corrected query. Parsing, snippets
and facet counting (the bitmaps) cost little.

**What would close it** (proposals for `site/mentorbank/search/`, each measured with a throwaway patch on this
data set; p50/p95 of the 115 queries through `search_mentors`):

1. *The hang (done):* pass `optimize=False` to `searcher.search()` in `searching._Prepared.ranked`. No query
   hangs, and it costs nothing measurable here: 65/411 ms against 59/409 ms with the optimisation (its two hangs
   counted at 10 s).
2. Suggest a spelling only when the typed query found nothing (or skip words whose stem is in the index):
   65/411 → 48/353 ms.
3. One combined `text` field for everything but the name (kept apart for its boost) instead of eight fields:
   two leaf matchers per word instead of eight. On a scratch index of the same mentors, matching and ranking
   alone went from 45/342 ms to 43/142 ms with the same totals, and the index built in half the time.
4. Tried and dropped: taking the match bitmap from the ranking pass. The ranking pass prunes sub-matchers once
   its top 10 is full; without pruning, one pass costs what the two cost together.

Even with 1–3, a broad query still visits some 12,000 matches in Python: about 150 ms at p95. Meeting 50 ms
at this scale takes a compiled engine behind the same `mentorbank.search` interface (the only code that
talks to Whoosh, so the change stays inside it). SQLite FTS5, the baseline here, does the same work — match,
facet counts by the same bitmaps, BM25 top 10 with snippets — at about 50 ms p95 (44 to 53 ms in the runs on
this machine): at the target, not under it with a margin, its time going into BM25 over every match of the
broadest queries. tantivy is faster still (DESIGN.md §7).
""",
    "search_ratio": """
**Why.** The same work on the same posting lists, walked in C by FTS5 and in Python by Whoosh — twice, and
over eight fields per word (see the search target above). The gap is widest on broad queries.

**What would close it.** Items 2 and 3 of the search target bring Whoosh's matching and ranking alone to
about 3× FTS5's whole search at p95 (142 ms against 44 ms, measured in the same hour); only a compiled engine
closes the rest.
""",
    "pages": """
**Why**, by page (see the profile table under "Where the time goes"):

- `/mentors?q=…` and `/search?q=…`: the search itself, three quarters and more of the request (search targets
  above); `/search` runs both types' searches and suggestions. («гимназия» hung `/search` too before the fix.)
- `/mentors` without a query: every request sorts all 19,000 public mentors. Whoosh's sorting collector reads
  the sort key of every document each time: `search_mentors` alone takes about 70 ms by name, 100 ms by
  publication date and 110 ms by experience for page 1.
- `/`: three SQL statements over all approved profiles, about 37 ms each: the counters
  (`count(DISTINCT …)` over profile ⋈ organisation ⋈ municipality), the mentors per region, and the six most
  recently published mentors (no index on `published_at`, so SQLite sorts every row in a temporary B-tree).
- A profile (`/mentors/<id>`) meets the target.

**What would close it** (proposals for `search/` and `home/`):

1. The search changes above.
2. Keep each sort order per index generation, as the facet bitmaps are kept: an `array` of document numbers
   per sort (some 80 KB each for 19,000 mentors), built once per searcher generation. A page is then the first
   `offset + per_page` documents of that order that are in the match bitmap, with no sort per request.
3. `/`: take the counters and the mentors per region from the mentor index (the facets of an empty
   `search_mentors` already count mentors per region, in microseconds once the bitmaps are built), or cache
   them per process for a minute; index `mentor_profile (status, published_at)` for the recent list.
4. Then rendering becomes the floor: the templates take about a tenth of a `/mentors` request (20 cards).
""",
    "rebuild": """
**Why.** The 20,500 documents carry about 4.3 million postings, and Whoosh writes each one in Python. Before
Whoosh writes anything, reading the public records through the ORM and building the documents takes 11.7 s,
and tokenising and stemming their 4 million words another 8.8 s: the 20 s are spent before the first posting
is written. 42 % of all postings belong to the `spelling` field, an unstemmed second copy of every word that
serves only as the "did you mean" lexicon (1,413 distinct words); 11 % are the tiered numeric terms of
`published` and `experience`, which are only ever sorted on. `flask search rebuild` over an existing index
takes about twice as long as a rebuild from nothing: it refills with one writer (`mergetype=CLEAR`), while a
fresh index gets `procs=2`.

**What would close it** (proposals for `site/mentorbank/search/`):

1. Keep the "did you mean" lexicon as a word list written at rebuild (Whoosh's `ListCorrector`, or a word
   graph), not as a field with a posting per word per document: 42 % fewer postings.
2. Make `published` and `experience` column-only fields (`whoosh.fields.COLUMN`): 11 % fewer.
3. Rebuild into a new directory with `procs=2` and swap it in atomically, so `flask search rebuild` takes the
   parallel path too, and the old index stays searchable until the swap.
4. Read the records with one Core query of the needed columns instead of ORM objects and selectin loads.
5. The combined text field (search item 3): the scratch index of the 19,000 mentors, without the spelling
   and numeric fields, built in 37 s with `procs=2`, the ORM loading included.

These roughly halve the rebuild; getting under 20 s on two cores takes a compiled engine. Even the FTS5
baseline's build (in the table above) is mostly the same ORM loading and Python stemming, which item 4 and a
stemmer inside the engine would remove.
""",
}
