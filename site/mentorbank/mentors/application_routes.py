"""A participant's mentor application: fill, submit, resubmit, edit the approved profile, withdraw."""
from flask import Blueprint

bp = Blueprint("mentor_application", __name__, url_prefix="/account/mentor-profile")
