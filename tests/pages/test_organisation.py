"""An organisation's public page."""
from mentorbank.mentors.models import ProfileStatus


def test_organisation_page_lists_its_approved_mentors(client, make):
    school = make.organisation("МБОУ «Гимназия № 7»")
    school.website = "gym7.example.ru"
    school.is_training_ground = True
    shown = make.mentor("Яковлева Ольга", org=school)
    also_shown = make.mentor("Андреев Пётр", org=school)
    make.mentor("Черновик Скрытый", org=school, status=ProfileStatus.DRAFT)
    make.mentor("Чужой Наставник")

    response = client.get(f"/organisations/{school.id}")
    html = response.get_data(as_text=True)

    assert response.status_code == 200
    assert "МБОУ «Гимназия № 7»" in html
    assert "школа" in html.lower()
    assert "г. Казань" in html and "Республика Татарстан" in html
    assert 'href="https://gym7.example.ru"' in html
    assert "Стажировочная площадка" in html
    assert f'data-mentor-id="{shown.id}"' in html and f'data-mentor-id="{also_shown.id}"' in html
    assert html.index("Андреев Пётр") < html.index("Яковлева Ольга")
    assert "Черновик Скрытый" not in html and "Чужой Наставник" not in html


def test_a_dangerous_website_is_not_a_link(client, make):
    school = make.organisation()
    school.website = "javascript:alert(1)"
    html = client.get(f"/organisations/{school.id}").get_data(as_text=True)
    assert 'href="javascript:' not in html


def test_unknown_organisation_is_not_found(client):
    assert client.get("/organisations/987654").status_code == 404
