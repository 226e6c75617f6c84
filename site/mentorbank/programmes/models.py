"""The programmes area's tables."""
