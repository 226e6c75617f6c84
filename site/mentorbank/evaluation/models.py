"""The evaluation area's tables."""
