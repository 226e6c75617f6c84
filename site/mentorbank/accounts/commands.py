"""``flask users …``: create accounts and grant or revoke roles from the command line."""
from flask.cli import AppGroup

users_cli = AppGroup("users", help="Accounts and roles.")
