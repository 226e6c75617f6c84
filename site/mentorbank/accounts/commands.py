"""``flask users …``: create accounts and grant or revoke roles from the command line.

The password comes from the environment variable MENTORBANK_PASSWORD or a hidden, confirmed prompt, never from
an option (it would stay in the shell's history). Refusals exit with status 1 and say why.
"""
import os

import click
from flask.cli import AppGroup
from sqlalchemy import select

from ..extensions import db
from ..organisations.models import Organisation
from .forms import MIN_PASSWORD_LENGTH
from .models import Role, RoleGrant, User, normalise_email
from .roles import AccountError, create_account, find_user, grant_role, revoke_role

users_cli = AppGroup("users", help="Accounts and roles.")

ROLE_CHOICE = click.Choice([role.value for role in Role])
PASSWORD_VARIABLE = "MENTORBANK_PASSWORD"


def _fail(message) -> None:
    # Nothing is committed: the process ends here.
    raise click.ClickException(str(message))


def _organisation(organisation_id: int | None) -> Organisation | None:
    if organisation_id is None:
        return None
    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None:
        _fail(f"Организация с id {organisation_id} не найдена.")
    return organisation


def _user(email: str) -> User:
    user = find_user(email)
    if user is None:
        _fail(f"Пользователь с e-mail {email} не найден.")
    return user


def _password() -> str:
    password = os.environ.get(PASSWORD_VARIABLE) or click.prompt(
        "Пароль", hide_input=True, confirmation_prompt="Пароль ещё раз"
    )
    if len(password) < MIN_PASSWORD_LENGTH:
        _fail(f"Пароль слишком короткий: нужно не меньше {MIN_PASSWORD_LENGTH} символов.")
    return password


def _role_label(role: Role, organisation: Organisation | None) -> str:
    return f"{role.value} ({organisation.display_name}, id {organisation.id})" if organisation else role.value


@users_cli.command("create")
@click.option("--email", required=True, help="E-mail, the log-in.")
@click.option("--name", "full_name", required=True, help="Full name: «Фамилия Имя Отчество».")
@click.option("--role", type=ROLE_CHOICE, help="A role to grant at once.")
@click.option("--organisation", "organisation_id", type=int, help="Organisation id (required for a curator).")
@click.option("--position", help="Position, e.g. «учитель математики».")
def create(email: str, full_name: str, role: str | None, organisation_id: int | None, position: str | None) -> None:
    """Create a confirmed account; the operator records the person's consent to processing.

    The password is read from MENTORBANK_PASSWORD, or asked for twice without echo."""
    role = Role(role) if role else None
    organisation = _organisation(organisation_id)
    if role == Role.CURATOR and organisation is None:
        _fail("Для роли curator укажите организацию: --organisation ID.")
    if find_user(email) is not None:
        _fail(f"Пользователь с e-mail {normalise_email(email)} уже существует.")
    try:
        user = create_account(email=email, full_name=full_name, password=_password(), position=position,
                              organisation=organisation)
        if role:
            grant_role(user, role, organisation if role == Role.CURATOR else None)
    except AccountError as error:
        _fail(error)
    db.session.commit()
    suffix = f", роль {_role_label(role, organisation if role == Role.CURATOR else None)}" if role else ""
    click.echo(f"Создан пользователь {user.email} (id {user.id}){suffix}.")


def _role_options(command):
    command = click.option("--organisation", "organisation_id", type=int, help="Organisation id (curator only).")(command)
    command = click.option("--role", type=ROLE_CHOICE, required=True)(command)
    return click.option("--email", required=True)(command)


def _change_role(email: str, role: str, organisation_id: int | None, change, done: str, unchanged: str) -> None:
    """Apply ``change`` (grant_role or revoke_role) and say what happened; the messages get e-mail and role."""
    user, role, organisation = _user(email), Role(role), _organisation(organisation_id)
    try:
        changed = change(user, role, organisation)
    except AccountError as error:
        _fail(error)
    db.session.commit()
    click.echo((done if changed else unchanged).format(email=user.email, role=_role_label(role, organisation)))


@users_cli.command("grant")
@_role_options
def grant(email: str, role: str, organisation_id: int | None) -> None:
    """Grant a role; granting it again changes nothing."""
    _change_role(email, role, organisation_id, grant_role,
                 "{email}: выдана роль {role}.", "{email} уже имеет роль {role}; ничего не изменено.")


@users_cli.command("revoke")
@_role_options
def revoke(email: str, role: str, organisation_id: int | None) -> None:
    """Revoke a role; revoking one the user does not have changes nothing."""
    _change_role(email, role, organisation_id, revoke_role,
                 "{email}: роль {role} отозвана.", "У {email} нет роли {role}; ничего не изменено.")


@users_cli.command("list")
@click.option("--role", type=ROLE_CHOICE, help="Only users with this role.")
def list_users(role: str | None) -> None:
    """Users with their roles, by e-mail."""
    query = select(User).order_by(User.email)
    if role:
        query = query.where(User.id.in_(select(RoleGrant.user_id).where(RoleGrant.role == Role(role))))
    users = db.session.scalars(query).all()
    for user in users:
        roles = ", ".join(_role_label(g.role, g.organisation) for g in user.role_grants) or "участник"
        blocked = " [заблокирован]" if user.is_blocked else ""
        click.echo(f"{user.id}\t{user.email}\t{user.full_name}\t{roles}{blocked}")
    click.echo(f"Всего: {len(users)}.")
