"""The demo's programme templates: published, in the bank, loaded once."""
from mentorbank.demo.programmes import TEMPLATES, create_programme_templates
from mentorbank.extensions import db


def test_the_demo_templates_are_published_in_the_bank_once(client, english):
    assert create_programme_templates(db.session) == len(TEMPLATES)
    assert create_programme_templates(db.session) == 0
    db.session.commit()
    page = client.get("/programmes").get_data(as_text=True)
    assert f"Found {len(TEMPLATES)} programmes" in page
    assert "Цифровые инструменты в работе учителя" in page
    assert "Found 1 programme" in client.get("/programmes?direction=ict&period=3").get_data(as_text=True)
