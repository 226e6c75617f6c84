"""Import against what the bank already holds: places found or created, mentors found by e-mail, repeat imports,
dry runs."""
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from mentorbank.accounts.models import User
from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.mentors.importer import saving
from mentorbank.mentors.models import MentorProfile, ProfileStatus
from mentorbank.organisations.models import Municipality, Organisation, Region

from .conftest import HEADERS, count, mentor_row, profile_of


def _snapshot() -> dict:
    """Every mentor's user and profile as stored, updated_at included."""
    db.session.expire_all()
    return {
        profile.user.email: (profile.updated_at, profile.user.updated_at, profile.status, profile.bio,
                             sorted(term.slug for term in profile.terms))
        for profile in db.session.scalars(select(MentorProfile))
    }


def test_missing_places_are_created_and_existing_ones_found(make, write_csv, import_file):
    school = make.organisation("МБОУ «Гимназия № 52»", municipality_name="г. Казань")
    rows = [
        # Same organisation, written differently: case, ё-less, straight quotes.
        mentor_row("safina@example.org", Регион="республика татарстан", Муниципалитет="Г. Казань",
                   Организация='мбоу "гимназия № 52"'),
        mentor_row("cheb@example.org", Регион="Республика Хакасия", Муниципалитет="г. Абакан",
                   Организация="МБДОУ «Детский сад № 15 „Солнышко“»"),
        mentor_row("cheb2@example.org", Регион="Республика Хакасия", Муниципалитет="г. Абакан",
                   Организация="МБДОУ «Детский сад № 15 „Солнышко“»"),
        mentor_row("dpo@example.org", Регион="Республика Хакасия", Муниципалитет="г. Абакан",
                   Организация="ГАУ ДПО РХ «Хакасский институт развития образования и повышения квалификации»"),
    ]
    result = import_file(write_csv(rows))

    assert result.exit_code == 0, result.output
    assert "Новые регионы (1): Республика Хакасия." in result.output
    assert "Новые муниципалитеты (1): г. Абакан (Республика Хакасия)." in result.output
    assert ("Новые организации (2): МБДОУ «Детский сад № 15 „Солнышко“» (г. Абакан, детский сад); "
            "ГАУ ДПО РХ «Хакасский институт развития образования и повышения квалификации» "
            "(г. Абакан, ИРО/ЦНППМ/методический центр).") in result.output
    assert profile_of("safina@example.org").organisation == school
    kindergarten = profile_of("cheb@example.org").organisation
    assert kindergarten == profile_of("cheb2@example.org").organisation
    assert kindergarten.kind.slug == "kindergarten"  # guessed from the name
    assert profile_of("dpo@example.org").organisation.kind.slug == "methodical-centre"
    assert kindergarten.municipality.region.name == "Республика Хакасия"
    assert (count(Region), count(Municipality), count(Organisation)) == (2, 2, 3)


def test_the_organisation_kind_column_wins_over_the_guess(write_csv, import_file):
    row = mentor_row(Организация="Центр «Точка роста»") | {"Тип организации": "социальный партнер"}
    import_file(write_csv([row], headers=(*HEADERS, "Тип организации")))
    assert profile_of("morozov.ds@example.org").organisation.kind.slug == "social-partner"


def test_a_second_import_of_the_same_file_changes_nothing(write_csv, write_xlsx, import_file):
    rows = [mentor_row(), mentor_row("belova.sa@example.org", ФИО="Белова Светлана Александровна",
                                     Организация="ГБПОУ «Дзержинский педагогический колледж»")]
    first = import_file(write_csv(rows))
    assert "Создано: 2" in first.output
    before, places = _snapshot(), (count(Region), count(Municipality), count(Organisation), count(User))
    audited = count(AuditEntry)

    for again in (import_file(write_csv(rows)), import_file(write_xlsx(rows))):
        assert again.exit_code == 0
        assert "Создано: 0, обновлено: 0, без изменений: 2, отклонено: 0." in again.output
        assert "Новые" not in again.output
    assert _snapshot() == before
    assert (count(Region), count(Municipality), count(Organisation), count(User)) == places
    assert count(AuditEntry) == audited


def test_a_changed_row_updates_the_mentor_found_by_email(make, write_csv, import_file):
    import_file(write_csv([mentor_row()]))
    profile = profile_of("morozov.ds@example.org")
    profile.set_terms("track", [make.term("track", "growth")])  # chosen on the site; the file has no «Треки»
    db.session.commit()
    profile_id = profile.id

    changed = mentor_row("Morozov.DS@example.org", Формат="очный; смешанный", Стаж="13", Достижения="",
                         **{"О себе": "Теперь веду кружок робототехники."})
    result = import_file(write_csv([changed]))

    assert "Создано: 0, обновлено: 1, без изменений: 0, отклонено: 0." in result.output
    profile = profile_of("morozov.ds@example.org")
    assert profile.id == profile_id
    assert profile.bio == "Теперь веду кружок робототехники."
    assert profile.experience_years == 13
    assert profile.achievements is None  # an empty cell clears the field
    assert sorted(t.slug for t in profile.terms_in("mode")) == ["blended", "in-person"]
    assert [t.slug for t in profile.terms_in("track")] == ["growth"]  # a column the file lacks is left alone
    assert count(MentorProfile) == 1


def test_columns_the_file_lacks_are_left_as_they_are(write_csv, import_file):
    import_file(write_csv([mentor_row()]))
    headers = ("ФИО", "E-mail", "Регион", "Муниципалитет", "Организация", "Формат")
    result = import_file(write_csv([mentor_row(Формат="очный")], headers=headers))

    assert "обновлено: 1" in result.output
    profile = profile_of("morozov.ds@example.org")
    assert [t.slug for t in profile.terms_in("mode")] == ["in-person"]
    assert profile.bio.startswith("Помогаю коллегам") and profile.experience_years == 12
    assert sorted(t.slug for t in profile.terms_in("direction")) == ["ict"]


def test_registered_users_and_unpublished_profiles_are_published(make, write_csv, import_file):
    participant = make.user("Белова Светлана Александровна", email="belova.sa@example.org")
    pending = make.mentor(email="pending@example.org", status=ProfileStatus.PENDING)
    pending.publication_consent_at = None
    rows = [mentor_row("belova.sa@example.org", ФИО="Белова Светлана Александровна"), mentor_row("pending@example.org")]
    result = import_file(write_csv(rows))

    assert "Создано: 1, обновлено: 1" in result.output
    assert profile_of("belova.sa@example.org").status == ProfileStatus.APPROVED
    assert participant.check_password(make.PASSWORD)  # the import never touches a password
    assert pending.status == ProfileStatus.APPROVED
    assert pending.publication_consent_at is not None and pending.published_at is not None


def test_a_team_row_is_the_representatives_team_profile_beside_their_own(write_csv, import_file):
    headers = (*HEADERS, "Команда")
    import_file(write_csv([mentor_row()], headers=headers))
    team_row = mentor_row(Формы="команда – команда") | {"Команда": "Команда-наставник лицея № 73"}
    created = import_file(write_csv([team_row], headers=headers))
    renamed = import_file(write_csv([team_row | {"Команда": "Команда-наставник лицея № 73 «Вектор»"}], headers=headers))

    assert "Создано: 1, обновлено: 0" in created.output
    assert "Создано: 0, обновлено: 1" in renamed.output
    profiles = db.session.scalars(select(MentorProfile).order_by(MentorProfile.id)).all()
    assert [(p.is_team, p.display_name) for p in profiles] == [
        (False, "Морозов Дмитрий Сергеевич"), (True, "Команда-наставник лицея № 73 «Вектор»"),
    ]
    assert [t.slug for t in profiles[0].terms_in("form")] == ["teacher-teacher"]
    assert [t.slug for t in profiles[1].terms_in("form")] == ["team-team"]


def test_each_created_or_updated_profile_is_audited(write_csv, import_file):
    import_file(write_csv([mentor_row()], name="registry.csv"))
    entry = db.session.scalars(select(AuditEntry)).one()
    profile = profile_of("morozov.ds@example.org")
    assert (entry.action, entry.target_id, entry.actor_id) == ("mentor_profile.import", profile.id, None)
    assert entry.reason == "registry.csv, строка 2"
    assert entry.details == {"outcome": "created"}


def test_a_dry_run_reports_everything_and_writes_nothing(make, write_csv, import_file):
    make.mentor(email="known@example.org")
    db.session.commit()
    before = _snapshot()
    tables = (count(Region), count(Municipality), count(Organisation), count(User), count(AuditEntry))
    rows = [mentor_row(), mentor_row("known@example.org"), mentor_row("bad@example.org", Формат="очно")]
    result = import_file(write_csv(rows), "--dry-run")

    assert result.exit_code == 0
    assert "Пробный запуск (--dry-run): база данных не изменена" in result.output
    assert "Строка 4 отклонена: неизвестное значение «очно» в столбце «Формат»." in result.output
    assert "Создано: 1, обновлено: 1, без изменений: 0, отклонено: 1." in result.output
    assert _snapshot() == before
    assert (count(Region), count(Municipality), count(Organisation), count(User), count(AuditEntry)) == tables


def test_a_row_the_database_refuses_cancels_the_whole_import(monkeypatch, write_csv, import_file):
    def refuse_the_second(reason):
        if reason.endswith("строка 3"):
            raise IntegrityError("INSERT …", {}, Exception("duplicate key"))

    # A new mentor is published (and audited) through the workflow, a known one audited by the importer.
    publish = saving.transition
    monkeypatch.setattr(saving, "audit", lambda action, target, **details: refuse_the_second(details["reason"]))
    monkeypatch.setattr(saving, "transition", lambda record, to, actor, reason, **details: (
        refuse_the_second(reason), publish(record, to, actor, reason, **details)))
    result = import_file(write_csv([mentor_row("first@example.org"), mentor_row("second@example.org")]))

    assert result.exit_code != 0
    assert "Строка 3: база данных не приняла её (duplicate key). Импорт отменён, ничего не записано." in result.output
    assert count(User) == count(MentorProfile) == count(Organisation) == 0
