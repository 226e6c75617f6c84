from flask.cli import AppGroup

search_cli = AppGroup("search", help="The full-text index.")
