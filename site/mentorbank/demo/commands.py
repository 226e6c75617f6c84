import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..extensions import db
from ..mentors.models import MentorProfile
from ..organisations.models import Organisation
from .accounts import DEMO_PASSWORD, create_demo_accounts, demo_logins
from .generator import DEFAULT_SEED, populate
from .library import create_library
from .mentoring import create_demo_mentoring
from .portal_pages import create_portal_pages
from .practices import create_practices
from .programmes import create_programme_templates

demo_cli = AppGroup("demo", help="Demo data.")


@demo_cli.command("load")
@click.option("--organisations", default=80, show_default=True, help="How many organisations.")
@click.option("--mentors", default=400, show_default=True, help="How many approved mentors.")
@click.option("--unpublished", default=20, show_default=True, help="How many draft, pending or returned profiles.")
@click.option("--seed", default=DEFAULT_SEED, show_default=True, help="Seed of the generator: same seed, same bank.")
def load(organisations: int, mentors: int, unpublished: int, seed: int) -> None:
    """Fill an empty database with a realistic demo bank."""
    existing = {
        "организаций": db.session.scalar(select(func.count()).select_from(Organisation)),
        "анкет наставников": db.session.scalar(select(func.count()).select_from(MentorProfile)),
    }
    if any(existing.values()):
        found = ", ".join(f"{what}: {count}" for what, count in existing.items())
        click.echo(f"База данных не пуста ({found}); демо-данные не загружены.")
        return
    # A plain session, not Flask-SQLAlchemy's: the index is rebuilt once at the end instead of being updated
    # after every batch's commit.
    with Session(bind=db.session.get_bind(), join_transaction_mode="create_savepoint") as session:
        summary = populate(session, organisations=organisations, mentors=mentors, unpublished=unpublished, seed=seed)
        create_demo_accounts(session, current_app.config["PROCESSING_CONSENT_VERSION"])
        create_portal_pages(session)
        practices = create_practices(session)
        create_library(session)
        mentoring = create_demo_mentoring(session)
        templates = create_programme_templates(session)
        session.commit()
    click.echo(
        f"Загружено: регионов {summary.regions}, муниципалитетов {summary.municipalities}, "
        f"организаций {summary.organisations}, опубликованных анкет {summary.approved} "
        f"(из них команд {summary.teams}), неопубликованных {summary.unpublished}; практик опубликовано "
        f"{practices.published} (с конкурсов {practices.from_contests}), неопубликованных {practices.unpublished}."
    )
    click.echo(
        f"Наставничество: запросов {mentoring.total_requests}, пар и групп активных {mentoring.active}, "
        f"завершённых {mentoring.completed}."
    )
    click.echo(f"Программ наставничества в банке: {templates}.")
    _load_competitions(seed)
    _load_evaluation(seed)
    _rebuild_search_index()


def _load_competitions(seed: int) -> None:
    from ..accounts.models import User
    from .competitions import create_demo_competitions

    moderator = db.session.scalar(select(User).where(User.email.like("moderator@%")).order_by(User.id))
    if moderator is not None:
        made = create_demo_competitions(moderator, seed)
        db.session.commit()
        click.echo(f"Конкурсов: {len(made)}.")


def _load_evaluation(seed: int) -> None:
    """The mentees' answers and the curators' notes on the demo mentorships (after they are committed)."""
    from .evaluation import create_demo_evaluation

    made = create_demo_evaluation(seed)
    db.session.commit()
    click.echo(f"Оценка наставничества: анкет {made.questionnaires}, самооценок {made.self_assessments}, "
               f"заметок кураторов {made.notes}.")


def _rebuild_search_index() -> None:
    from ..search.commands import rebuild_with_progress_bar

    click.echo(f"Проиндексировано документов: {rebuild_with_progress_bar('Поисковый индекс')}.")


@demo_cli.command("accounts")
def accounts() -> None:
    """Print the demo log-ins (development data only)."""
    logins = demo_logins(db.session)
    if not logins:
        click.echo("Демо-учётных записей в этой базе нет.")
        return
    width = max(len(account.email) for account, _user in logins)
    click.echo(f"Демо-входы (только для разработки), пароль у всех: {DEMO_PASSWORD}")
    for account, user in logins:
        changed = "" if user.check_password(DEMO_PASSWORD) else " (пароль изменён)"
        click.echo(f"  {account.email:<{width}}  {user.full_name} — {account.role}{changed}")
