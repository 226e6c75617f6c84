"""/api/v1/competitions and /api/v1/competitions/<id>/entries: public data only, results once published."""
from mentorbank.competitions import services
from mentorbank.competitions.models import CompetitionStatus, EntryResult
from mentorbank.extensions import db

from .conftest import make_competition, make_entry, start_judging


def test_the_api_lists_public_competitions_and_admitted_entries_with_their_result(client, moderator, make,
                                                                                   competition, participant):
    draft = make_competition(moderator, status=CompetitionStatus.DRAFT)
    winner = make_entry(competition, participant, title="Победившая практика")
    rejected = make_entry(competition, participant, title="Отклонённая")
    start_judging(competition, moderator)
    services.decide_entry(winner, True, moderator)
    services.decide_entry(rejected, False, moderator, "Не по теме.")
    services.set_results(competition, {winner.id: EntryResult.FIRST}, moderator)
    db.session.commit()

    listed = client.get("/api/v1/competitions").get_json()
    assert [item["id"] for item in listed["items"]] == [competition.id] and draft.id != competition.id
    entries = client.get(f"/api/v1/competitions/{competition.id}/entries").get_json()
    assert [(item["title"], item["result"]) for item in entries["items"]] == [("Победившая практика", None)]

    services.move_competition(competition, CompetitionStatus.RESULTS, moderator)
    db.session.commit()
    entries = client.get(f"/api/v1/competitions/{competition.id}/entries").get_json()
    assert entries["items"][0]["result"] == "first" and entries["total"] == 1
    assert client.get(f"/api/v1/competitions/{draft.id}/entries").status_code == 404


def test_the_openapi_document_describes_the_competitions(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert {"/api/v1/competitions", "/api/v1/competitions/{competition_id}/entries"} <= set(document["paths"])
    assert "result" in document["components"]["schemas"]["CompetitionEntry"]["properties"]
