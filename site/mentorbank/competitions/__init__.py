"""Competitions of mentoring practices with a jury (issue 10 §2, source document 003)."""
