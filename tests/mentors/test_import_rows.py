"""Rows of a registry: how vocabulary values are recognised, and which rows are rejected and why."""
import pytest
from sqlalchemy import select

from mentorbank.accounts.models import User
from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile, ProfileStatus

from .conftest import HEADERS, count, mentor_row, profile_of, user_by_email


def test_vocabulary_values_ignore_case_yo_dashes_and_glosses(write_csv, import_file):
    row = mentor_row(
        Формы="Социальный партнер - педагог; КОМАНДА-КОМАНДА",  # «партнёр», «команда – команда («школа – школе»)»
        Виды="Традиционное; один на один; ВИРТУАЛЬНОЕ (ДИСТАНЦИОННОЕ)",
        Формат="Очный;смешанный",
        Направления="ИКТ и цифровизация; профилактика профессионального выгорания",
        **{"Категории наставляемых": "стажер/студент"},
    )
    result = import_file(write_csv([row], headers=(*HEADERS, "Категории наставляемых")))

    assert result.exit_code == 0, result.output
    assert "отклонено: 0" in result.output
    profile = profile_of("morozov.ds@example.org")
    slugs = {vocabulary: sorted(t.slug for t in profile.terms_in(vocabulary))
             for vocabulary in ("form", "kind", "mode", "direction", "mentee_category")}
    assert slugs == {
        "form": ["partner-teacher", "team-team"],
        "kind": ["traditional", "virtual"],  # «традиционное» and «один на один» are one term
        "mode": ["blended", "in-person"],
        "direction": ["burnout", "ict"],
        "mentee_category": ["student"],
    }


def test_rejected_rows_are_reported_with_their_numbers_and_reasons(write_csv, import_file):
    rows = [
        mentor_row("ok.one@example.org"),                                   # row 2
        mentor_row("remote@example.org", Формат="очно"),                    # row 3
        mentor_row("noname@example.org", ФИО=" "),                          # row 4
        mentor_row("not-an-email"),                                         # row 5
        mentor_row("OK.One@Example.org", ФИО="Однофамилец"),                # row 6: e-mail of row 2 again
        mentor_row("years@example.org", Стаж="двенадцать"),                 # row 7
        mentor_row("two@example.org", Виды="скоростное; сверхскоростное", Организация=""),  # row 8
        mentor_row("ok.two@example.org"),                                   # row 9
    ]
    result = import_file(write_csv(rows))
    output = result.output

    assert result.exit_code == 0
    assert "Строка 3 отклонена: неизвестное значение «очно» в столбце «Формат»." in output
    assert "Строка 4 отклонена: не заполнен столбец «ФИО»." in output
    assert "Строка 5 отклонена: некорректный e-mail «not-an-email»." in output
    assert "Строка 6 отклонена: e-mail ok.one@example.org уже встречался в строке 2." in output
    assert "Строка 7 отклонена: «Стаж» — целое число лет от 0 до 70, а не «двенадцать»." in output
    assert ("Строка 8 отклонена: не заполнен столбец «Организация»; "
            "неизвестное значение «сверхскоростное» в столбце «Виды».") in output
    assert "Создано: 2, обновлено: 0, без изменений: 0, отклонено: 6." in output
    assert set(db.session.scalars(select(User.email))) == {"ok.one@example.org", "ok.two@example.org"}
    assert profile_of("ok.one@example.org").user.full_name == "Морозов Дмитрий Сергеевич"


def test_row_numbers_are_the_spreadsheet_rows_blank_lines_included(write_csv, import_file):
    rows = [mentor_row("first@example.org"), {}, {}, mentor_row("second@example.org", Формат="никакой")]
    result = import_file(write_csv(rows))
    assert "Строка 5 отклонена: неизвестное значение «никакой» в столбце «Формат»." in result.output
    assert "Создано: 1, обновлено: 0, без изменений: 0, отклонено: 1." in result.output


def test_cells_longer_than_the_database_keeps_are_rejected(write_csv, import_file):
    result = import_file(write_csv([mentor_row(Должность="учитель " * 50)]))
    assert "Строка 2 отклонена: в столбце «Должность» больше 300 знаков." in result.output
    assert count(MentorProfile) == 0


@pytest.mark.parametrize("years", ["-1", "12.5", "71"])
def test_experience_is_a_whole_number_of_years(write_csv, import_file, years):
    result = import_file(write_csv([mentor_row(Стаж=years)]))
    assert f"а не «{years}»" in result.output
    assert user_by_email("morozov.ds@example.org") is None


def test_a_profile_its_mentor_withdrew_is_not_published_again(make, write_csv, import_file):
    withdrawn = make.mentor(email="morozov.ds@example.org", status=ProfileStatus.WITHDRAWN, bio="Прежний текст.")
    result = import_file(write_csv([mentor_row()]))

    assert "Строка 2 отклонена: наставник сам снял анкету с публикации; импорт не публикует её снова." in result.output
    assert "отклонено: 1" in result.output
    assert withdrawn.status == ProfileStatus.WITHDRAWN
    assert withdrawn.bio == "Прежний текст."
