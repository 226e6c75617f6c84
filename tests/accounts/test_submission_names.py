""""My submissions" are mentor profiles and proposed organisations sent to the moderators: a teacher reads «заявки»
as requests to mentors, so the pages call them «анкеты и предложения» in every place they are named."""
import pytest

from tests.page_parts import parse


@pytest.mark.parametrize("locale, name", [("ru", "Мои анкеты и предложения"), ("en", "My profiles and proposals")])
def test_the_nav_the_title_and_the_heading_name_profiles_and_proposals(client, log_in, participant, locale, name):
    log_in(participant, locale=locale)
    html = client.get("/account/submissions").get_data(as_text=True)
    page = parse(html)
    assert page.find("title").all_text.startswith(name)
    assert page.find("h1").all_text == name
    [nav] = page.find_all("nav", **{"class": "account-nav"})
    assert nav.find("a", href="/account/submissions").all_text == name
    assert "заявк" not in html.lower() and "submissions" not in page.find("h1").all_text.lower()


def test_the_account_overview_links_them_by_the_same_name(client, log_in, participant):
    log_in(participant, locale="ru")
    page = parse(client.get("/account").get_data(as_text=True))
    links = [a.all_text for a in page.find_all("a", href="/account/submissions")]
    assert links and all(text.startswith("Мои анкеты и предложения") for text in links)
