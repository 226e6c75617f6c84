"""A mentorship's pages: its programme, plan and meetings, the documents to print, completion; the curator's view."""
from flask import Blueprint

bp = Blueprint("mentorships", __name__)
