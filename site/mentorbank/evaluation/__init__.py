"""Evaluation of mentoring programmes (Kirkpatrick levels 1–4, source 001 §5.4)."""
