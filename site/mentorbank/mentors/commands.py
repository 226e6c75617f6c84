from flask.cli import AppGroup

mentors_cli = AppGroup("mentors", help="The mentor bank: import of regional registries.")
