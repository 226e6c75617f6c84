"""Registration, e-mail confirmation, log-in and log-out, password reset."""
from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")
