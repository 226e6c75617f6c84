"""The evaluation forms of a mentorship: the mentee's questionnaire, self-assessments, the curator's notes."""
from flask import Blueprint

bp = Blueprint("evaluation", __name__)
