"""The bank of programme templates: /programmes, a template's page, publishing one, starting from one."""
from flask import Blueprint

bp = Blueprint("programmes", __name__)
