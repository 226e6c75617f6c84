"""The library (DESIGN.md §4): documents, materials, webinars and links in rubrics, kept by moderators."""
