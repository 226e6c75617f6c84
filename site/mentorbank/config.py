"""Configuration: defaults here, then ``instance/config.py``, then environment variables."""
import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
INSTANCE_DIR = PROJECT_ROOT / "instance"

# Environment variables read at start-up, and the config key each one sets.
ENVIRONMENT_KEYS = {
    "DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
    "SEARCH_INDEX_DIR": "SEARCH_INDEX_DIR",
    "SECRET_KEY": "SECRET_KEY",
    "REDIS_URL": "REDIS_URL",
    "TRUSTED_PROXIES": "TRUSTED_PROXIES",
    "PUBLIC_URL": "PUBLIC_URL",
    "UPLOAD_DIR": "UPLOAD_DIR",
}


class Defaults:
    ENV_NAME = "development"
    SQLALCHEMY_DATABASE_URI = f"sqlite:///{INSTANCE_DIR / 'mentorbank.sqlite'}"
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SEARCH_INDEX_DIR = str(PROJECT_ROOT / "search_index")
    SECRET_KEY = None
    REDIS_URL = None
    # How many reverse proxies stand before the site (0: none; the client's address is the peer's).
    TRUSTED_PROXIES = 0

    BABEL_DEFAULT_LOCALE = "ru"
    BABEL_DEFAULT_TIMEZONE = "Europe/Moscow"
    LANGUAGES = ("ru", "en")

    # A page left open for hours must still submit (DESIGN.md §7).
    WTF_CSRF_TIME_LIMIT = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    # Attachments (attachments/): stored here, outside static/; each file at most UPLOAD_MAX_FILE_SIZE. A request
    # carries at most MAX_CONTENT_LENGTH (a few files at once; more are sent in several goes); past it the
    # visitor gets the 413 page that says both limits.
    UPLOAD_DIR = str(INSTANCE_DIR / "uploads")
    UPLOAD_MAX_FILE_SIZE = 20 * 1024 * 1024
    MAX_CONTENT_LENGTH = 50 * 1024 * 1024

    # The version of the consent text a registering user agrees to (stored with the consent).
    PROCESSING_CONSENT_VERSION = "2026-11"
    # Tokens mailed for e-mail confirmation and password reset stay valid this long (seconds).
    EMAIL_TOKEN_MAX_AGE = 3 * 24 * 3600
    PASSWORD_RESET_MAX_AGE = 2 * 3600
    # werkzeug's method string for new password hashes (its default); slow on purpose. The tests set a cheap
    # "pbkdf2:sha256:1". Stored hashes name their method, so changing it never locks anyone out.
    PASSWORD_HASH_METHOD = "scrypt"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    # The address people reach the site at: mailed links are built on it, and only its host is served
    # (plus localhost outside production). Set it in production, e.g. PUBLIC_URL=https://mentors.example.ru.
    PUBLIC_URL = "http://127.0.0.1:5000"
    # Failed log-ins are counted in the database, so every worker and host shares the count (no Redis needed).
    LOGIN_FAILURES_PER_ACCOUNT = "5/15 minutes"
    # Generous: a school shares one address; this only stops guessing through many accounts at once.
    LOGIN_FAILURES_PER_ADDRESS = "30/minute"
    # Per client address, per worker (in memory unless REDIS_URL is set).
    EXPENSIVE_SEARCH_LIMIT = "20/minute"
    API_LIMIT = "120/minute"

    # The organisation that runs the bank (the operator of personal data under 152-ФЗ): the header, the footer,
    # the contacts and the privacy policy show it. A fictional regional institute, so that a fresh checkout looks
    # like the real thing; a production site must set its own in instance/config.py (start-up refuses otherwise).
    OPERATOR = {
        "full_name": "Государственное автономное учреждение дополнительного профессионального образования "
                     "«Региональный институт развития образования»",
        "short_name": "ГАУ ДПО «РИРО»",
        "unit": "Центр непрерывного повышения профессионального мастерства педагогических работников (ЦНППМ)",
        "region": "Нижегородская область",
        "legal_address": "603000, г. Нижний Новгород, ул. Учительская, д. 1",
        "postal_address": "603000, г. Нижний Новгород, ул. Учительская, д. 1, ЦНППМ",
        "inn": "5260008138",
        "ogrn": "1025200003179",
        "email": "nastavniki@riro.example",
        "phone": "+7 (831) 200-00-00",
        "hours": "пн–чт 9:00–18:00, пт 9:00–16:45, перерыв 13:00–13:45",
        # A file under static/, shown beside the short name in the header.
        "emblem": "img/operator-emblem.svg",
    }

    MENTORS_PER_PAGE = 20
    API_MAX_PER_PAGE = 100


def normalise_database_url(url: str) -> str:
    """Accept the usual ``postgres://``/``postgresql://`` forms and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def load_config(app, test_config: dict | None) -> None:
    app.config.from_object(Defaults)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config["ENV_NAME"] = os.environ.get("MENTORBANK_ENV", app.config["ENV_NAME"])
        for variable, key in ENVIRONMENT_KEYS.items():
            if os.environ.get(variable):
                app.config[key] = os.environ[variable]
    else:
        app.config.update(test_config)
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if app.config["ENV_NAME"] == "production":
        if app.config["PUBLIC_URL"] == Defaults.PUBLIC_URL and test_config is None:
            raise RuntimeError(
                "PUBLIC_URL is not set. In production set it to the address people use, "
                "for example: export PUBLIC_URL=https://mentors.example.ru"
            )
        if app.config["OPERATOR"]["inn"] == Defaults.OPERATOR["inn"] and test_config is None:
            raise RuntimeError(
                "OPERATOR is the demo organisation. In production set OPERATOR in instance/config.py to the "
                "organisation that runs the site (its names, addresses, ИНН, ОГРН and contacts; see README)."
            )
        app.config["SESSION_COOKIE_SECURE"] = True
        app.config["REMEMBER_COOKIE_SECURE"] = True
    if app.config.get("REDIS_URL") and app.config["RATELIMIT_STORAGE_URI"] == "memory://":
        # Several workers must share one count of attempts.
        app.config["RATELIMIT_STORAGE_URI"] = app.config["REDIS_URL"]
    app.config["SECRET_KEY"] = app.config["SECRET_KEY"] or _development_secret(app)


def _development_secret(app) -> str:
    if app.config["ENV_NAME"] == "production":
        raise RuntimeError(
            "SECRET_KEY is not set. In production set the SECRET_KEY environment variable "
            "(for example: export SECRET_KEY=$(python -c 'import secrets; print(secrets.token_hex(32))'))."
        )
    key_file = Path(app.instance_path) / "secret_key"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()
