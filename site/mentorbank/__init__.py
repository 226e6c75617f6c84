"""Open mentor bank: the application factory."""
import logging

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from .config import INSTANCE_DIR, PROJECT_ROOT, load_config
from .core.sqlite import sqlite_for_concurrent_use
from .core.text import unicode_lower_on_sqlite
from .extensions import babel, csrf, db, htmx, limiter, login_manager, migrate

MIGRATIONS_DIR = str(PROJECT_ROOT / "site" / "mentorbank" / "migrations")


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=str(INSTANCE_DIR),
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    load_config(app, test_config)
    if app.config.get("TRUSTED_PROXIES"):
        # Behind N reverse proxies the client's address (rate limits) and scheme come from their headers.
        proxies = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    db.init_app(app)
    with app.app_context():
        unicode_lower_on_sqlite(db.engine)
        sqlite_for_concurrent_use(db.engine)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR)
    csrf.init_app(app)
    htmx.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)

    from .core import errors, i18n, mail, permissions, static_files, templating

    babel.init_app(app, locale_selector=i18n.select_locale)
    templating.init_app(app)
    errors.init_app(app)
    mail.init_app(app)
    permissions.init_app(app)
    static_files.init_app(app)

    from . import search

    search.init_app(app)
    from .core import security

    security.init_url_map(app)
    _register_models()
    _register_area_declarations()
    _register_searchable_types()
    _register_blueprints(app)
    security.init_app(app)  # after the blueprints: it limits some of their endpoints by name
    return app


def _register_models() -> None:
    # Imported for their side effect: every mapped class is known before the first query.
    from .accounts import models as _accounts  # noqa: F401
    from .attachments import models as _attachments  # noqa: F401
    from .audit import models as _audit  # noqa: F401
    from .library import models as _library  # noqa: F401
    from .competitions import models as _competitions  # noqa: F401
    from .mentors import models as _mentors  # noqa: F401
    from .mentoring import models as _mentoring  # noqa: F401
    from .evaluation import models as _evaluation  # noqa: F401
    from .programmes import models as _programmes  # noqa: F401
    from .notifications import models as _notifications  # noqa: F401
    from .organisations import models as _organisations  # noqa: F401
    from .portal import models as _portal  # noqa: F401
    from .practices import models as _practices  # noqa: F401
    from .search import models as _search  # noqa: F401
    from .vocabularies import models as _vocabularies  # noqa: F401


def _register_area_declarations() -> None:
    """Each area declares what it adds to the app-wide registries (record pages, navigation counts, sections
    of other areas' pages); the registries live low (core, organisations) and import no area above them."""
    from .accounts import registrations as accounts
    from .audit import registrations as audit
    from .competitions import registrations as competitions
    from .curation import registrations as curation
    from .library import registrations as library
    from .mentors import registrations as mentors
    from .mentoring import registrations as mentoring
    from .evaluation import registrations as evaluation
    from .programmes import registrations as programmes
    from .moderation import registrations as moderation
    from .notifications import registrations as notifications
    from .organisations import registrations as organisations
    from .portal import registrations as portal
    from .practices import registrations as practices

    for area in (accounts, organisations, audit, mentors, practices, notifications, moderation, curation, portal,
                 library, competitions, mentoring, evaluation, programmes):
        area.register()
def _register_searchable_types() -> None:
    # Each domain declares what of it is searchable; the order is the order of /search's groups.
    from .mentors import searchable as _mentors  # noqa: F401
    from .practices import searchable as _practices  # noqa: F401
    from .organisations import searchable as _organisations  # noqa: F401
    from .library import searchable as _library  # noqa: F401
    from .competitions import searchable as _competitions  # noqa: F401
    from .programmes import searchable as _programmes  # noqa: F401


def _register_blueprints(app: Flask) -> None:
    from .accounts.account_routes import bp as account_bp
    from .accounts.auth_routes import bp as auth_bp
    from .accounts.commands import users_cli
    from .admin.routes import bp as admin_bp
    from .attachments.commands import attachments_cli
    from .attachments.routes import bp as attachments_bp
    from .api.health import bp as health_bp
    from .api.routes import bp as api_bp
    from .api import competitions as _api_competitions  # noqa: F401  (its routes join the API blueprint)
    from .api import programmes as _api_programmes  # noqa: F401  (its routes join the API blueprint)
    from .core.routes import bp as core_bp
    from .competitions.routes import bp as competitions_bp
    from .curation.routes import bp as curation_bp
    from .demo.commands import demo_cli
    from .feed.routes import bp as feed_bp
    from .home.routes import bp as home_bp
    from .library.routes import bp as library_bp
    from .mentors.application_routes import bp as mentor_application_bp
    from .mentors.commands import mentors_cli
    from .moderation.routes import bp as moderation_bp
    from .moderation.submissions import bp as submissions_bp
    from .mentors.routes import bp as mentors_bp
    from .mentoring.commands import mentoring_cli
    from .mentoring.inbox_routes import bp as inbox_bp
    from .mentoring.mentorship_routes import bp as mentorships_bp
    from .mentoring.request_routes import bp as requests_bp
    from .evaluation.routes import bp as evaluation_bp
    from .programmes.routes import bp as programmes_bp
    from .notifications.routes import bp as notifications_bp
    from .organisations.routes import bp as organisations_bp
    from .portal.routes import bp as portal_bp
    from .practices.routes import bp as practices_bp
    from .search.commands import search_cli
    from .search.routes import bp as search_bp

    for blueprint in (
        core_bp, home_bp, mentors_bp, practices_bp, organisations_bp, search_bp, api_bp, health_bp,
        auth_bp, account_bp, notifications_bp, submissions_bp, mentor_application_bp, moderation_bp, admin_bp,
        curation_bp, portal_bp, attachments_bp, library_bp, feed_bp, competitions_bp,
        requests_bp, inbox_bp, mentorships_bp, evaluation_bp, programmes_bp,
    ):
        app.register_blueprint(blueprint)
    for command_group in (demo_cli, mentors_cli, search_cli, users_cli, attachments_cli, mentoring_cli):
        app.cli.add_command(command_group)
