"""Two schools, each with its curator; the pages of the cabinet and of the organisation."""
import pytest

from mentorbank.accounts.models import Role, RoleGrant
from mentorbank.extensions import db


def cabinet_url(organisation) -> str:
    return f"/account/organisations/{organisation.id}"


def page_form_url(organisation) -> str:
    return f"/account/organisations/{organisation.id}/page"


def public_url(organisation) -> str:
    return f"/organisations/{organisation.id}"


@pytest.fixture
def school_a(make):
    return make.organisation("МБОУ «Лицей № 58»")


@pytest.fixture
def school_b(make):
    return make.organisation("МБОУ «Гимназия № 7»")


@pytest.fixture
def curator_a(make, school_a):
    return make.user(full_name="Лебедева Татьяна Андреевна", email="curator.a@example.org", org=school_a,
                     position="заместитель директора по УВР", roles=(Role.CURATOR,))


@pytest.fixture
def curator_b(make, school_b):
    return make.user(full_name="Соловьёв Игорь Петрович", email="curator.b@example.org", org=school_b,
                     roles=(Role.CURATOR,))


def make_curator_of(user, organisation) -> None:
    user.role_grants.append(RoleGrant(role=Role.CURATOR, organisation=organisation))
    db.session.flush()


def log_out(client) -> None:
    with client.session_transaction() as session:
        session.pop("_user_id", None)
