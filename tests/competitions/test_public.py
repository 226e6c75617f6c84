"""What a visitor sees: admitted entries only; rejected or undecided ones never; the rules sanitised."""
from mentorbank.competitions import services
from mentorbank.extensions import db

from .conftest import make_entry, start_judging


def test_rejected_and_undecided_entries_are_never_public(client, moderator, make, competition, participant):
    admitted = make_entry(competition, participant, title="Допущенная практика")
    rejected = make_entry(competition, participant, title="Отклонённая практика")
    waiting = make_entry(competition, participant, title="Ожидающая практика")
    start_judging(competition, moderator)
    services.decide_entry(admitted, True, moderator)
    services.decide_entry(rejected, False, moderator, "Не по теме конкурса.")
    db.session.commit()
    page = client.get(f"/competitions/{competition.id}").text
    assert "Допущенная практика" in page
    assert "Отклонённая практика" not in page and "Ожидающая практика" not in page
    assert client.get(f"/competitions/{competition.id}/entries/{admitted.id}").status_code == 200
    for hidden in (rejected, waiting):
        assert client.get(f"/competitions/{competition.id}/entries/{hidden.id}").status_code == 404


def test_an_entry_is_only_found_under_its_own_competition(client, moderator, competition, participant):
    entry = make_entry(competition, participant)
    start_judging(competition, moderator)
    services.decide_entry(entry, True, moderator)
    assert client.get(f"/competitions/{competition.id + 1}/entries/{entry.id}").status_code == 404


def test_the_list_groups_by_year_and_the_rules_are_sanitised(client, competition):
    listing = client.get("/competitions").text
    assert f'id="year-{competition.year}"' in listing and competition.title in listing
    page = client.get(f"/competitions/{competition.id}").text
    assert "<strong>заочно</strong>" in page and "<script>alert(1)" not in page


def test_search_finds_admitted_entries_by_an_inflected_word_and_never_rejected(client, moderator, competition,
                                                                                 participant):
    admitted = make_entry(competition, participant, title="Наставничество в сельских школах")
    rejected = make_entry(competition, participant, title="Сельская школа без наставника")
    start_judging(competition, moderator)
    services.decide_entry(admitted, True, moderator)
    services.decide_entry(rejected, False, moderator, "Не по теме.")
    db.session.commit()
    page = client.get("/search", query_string={"q": "сельской школы"}).text
    assert "Наставничество в сельских школах" in page
    assert "Сельская школа без наставника" not in page
