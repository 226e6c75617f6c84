"""What visitors see of imported mentors: public at once, findable by Russian word forms, never their e-mail;
and the sample files of docs/ import cleanly."""
from pathlib import Path

import pytest
from sqlalchemy import select

from mentorbank.extensions import db
from mentorbank.mentors.filters import MentorFilters
from mentorbank.mentors.models import MentorProfile

from .conftest import count, mentor_row, profile_of

DOCS = Path(__file__).resolve().parents[2] / "docs"
EMAIL = "morozov.ds@example.org"


@pytest.fixture
def imported(write_csv, import_file):
    """Two imported mentors; only Морозов's bio speaks of «цифровые технологии»."""
    other = mentor_row("belova.sa@example.org", ФИО="Белова Светлана Александровна", Достижения="",
                       **{"О себе": "Сопровождаю выпускников колледжа в первый год работы."})
    result = import_file(write_csv([mentor_row(EMAIL), other]))
    assert "Создано: 2" in result.output
    return profile_of(EMAIL)


def test_an_imported_mentor_is_public_at_once(client, imported):
    response = client.get(f"/mentors/{imported.id}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Морозов Дмитрий Сергеевич" in html
    assert "ГБОУ «Средняя общеобразовательная школа № 339»" in html
    assert "Невский район" in html and "дистанционный" in html


@pytest.mark.parametrize("url", ["/mentors?q=цифровых технологий", "/search?q=цифровых технологий"])
def test_an_imported_mentor_is_found_by_another_form_of_a_word_of_the_bio(client, imported, url):
    html = client.get(url).get_data(as_text=True)
    assert f'href="/mentors/{imported.id}"' in html
    assert "Белова" not in html


def test_the_imported_email_is_never_shown(client, imported):
    pages = [f"/mentors/{imported.id}", "/mentors", "/mentors?q=Морозов", "/search?q=Морозов",
             f"/api/v1/mentors/{imported.id}", "/api/v1/mentors"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.get_data(as_text=True)
        assert "Морозов" in body, url
        assert EMAIL not in body and "morozov.ds" not in body, url


def test_a_dry_run_leaves_the_index_empty(write_csv, import_file):
    import_file(write_csv([mentor_row()]), "--dry-run")
    assert MentorFilters(query="цифровых технологий").search(20).total == 0
    assert MentorFilters().search(20).total == 0


@pytest.mark.parametrize("sample", ["mentors-sample.csv", "mentors-sample.xlsx"])
def test_the_sample_files_import_without_rejections(import_file, client, sample):
    result = import_file(DOCS / sample)

    assert result.exit_code == 0, result.output
    assert "Создано: 8, обновлено: 0, без изменений: 0, отклонено: 0." in result.output
    assert "отклонена" not in result.output and "Неизвестные столбцы" not in result.output
    teams = db.session.scalars(select(MentorProfile).where(MentorProfile.is_team)).all()
    assert [team.display_name for team in teams] == ["Команда-наставник МБОУ «Лицей № 73»"]
    found = MentorFilters(query="цифровых технологий").search(20).ids
    assert found == [profile_of("morozov.ds@example.org").id]


def test_the_two_samples_hold_the_same_rows(import_file):
    import_file(DOCS / "mentors-sample.csv")
    result = import_file(DOCS / "mentors-sample.xlsx")
    assert "Создано: 0, обновлено: 0, без изменений: 8, отклонено: 0." in result.output
    assert count(MentorProfile) == 8
