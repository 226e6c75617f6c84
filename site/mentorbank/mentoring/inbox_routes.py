"""The mentor's inbox of requests: accept, or decline with a reason."""
from flask import Blueprint

bp = Blueprint("inbox", __name__, url_prefix="/account/inbox")
