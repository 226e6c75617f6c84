"""What the investigation found, per target: the report prints an entry under each target a run misses.

Written by hand from RESULTS.md's profiles and tables and from throwaway experiments on the full data set
(the engine is tantivy since issue 8). Revisit when the search module changes. The proposals are for the
owners of search/, home/ and the templates.
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
To be written from the run.
""",
    "pages": """
To be written from the run.
""",
    "rebuild": """
To be written from the run.
""",
    "publish": """
To be written from the run.
""",
    "home_weight": """
To be written from the run.
""",
    "recall": """
To be written from the run.
""",
}
