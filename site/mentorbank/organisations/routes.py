from flask import Blueprint

bp = Blueprint("organisations", __name__)
