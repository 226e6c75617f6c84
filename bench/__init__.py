"""The search and page benchmark (`make bench`): see run.py."""
