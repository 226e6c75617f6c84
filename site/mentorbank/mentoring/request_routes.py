"""Asking for mentoring: a request to a chosen mentor or an open one with suggestions, and the mentee's list."""
from flask import Blueprint

bp = Blueprint("requests", __name__)
