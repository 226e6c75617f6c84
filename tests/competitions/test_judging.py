"""Admission, the jury's scores, conflicts of interest, results: every transition and who may make it."""
import pytest
from sqlalchemy import select

from mentorbank.audit.models import AuditEntry
from mentorbank.competitions import services
from mentorbank.competitions.models import (
    CompetitionStatus, ConflictOfInterest, EntryResult, EntryStatus, Score,
)
from mentorbank.extensions import db
from tests.conftest import post_form

from .conftest import make_entry, start_judging


def juror_member(competition, user):
    return competition.juror(user)


def score_fields(competition, *values):
    return {f"criterion-{criterion.id}": str(value) for criterion, value in zip(competition.criteria, values)}


# ---- admission ---------------------------------------------------------------------------------------------

def test_the_moderator_admits_and_rejects_with_a_reason(client, log_in, moderator, competition, participant):
    first, second = make_entry(competition, participant), make_entry(competition, participant, title="Вторая")
    log_in(moderator)
    manage = f"/competitions/{competition.id}/manage"
    assert post_form(client, f"/competitions/{competition.id}/entries/{first.id}/decide", {"decision": "admit"},
                     page_url=manage).status_code == 303
    refused = post_form(client, f"/competitions/{competition.id}/entries/{second.id}/decide",
                        {"decision": "reject", "reason": " "}, page_url=manage)
    assert refused.status_code == 303
    db.session.refresh(second)
    assert second.status == EntryStatus.SUBMITTED  # no reason, no rejection
    post_form(client, f"/competitions/{competition.id}/entries/{second.id}/decide",
              {"decision": "reject", "reason": "Нет описания результатов."}, page_url=manage)
    db.session.refresh(first), db.session.refresh(second)
    assert first.status == EntryStatus.ADMITTED and first.decided_by_id == moderator.id
    assert (second.status, second.status_reason) == (EntryStatus.REJECTED, "Нет описания результатов.")
    actions = set(db.session.scalars(select(AuditEntry.action)))
    assert {"competition_entry.admit", "competition_entry.reject"} <= actions


@pytest.mark.parametrize("who", ["participant", "juror", "anonymous"])
def test_only_a_moderator_decides_on_entries(client, log_in, make, competition, participant, who):
    entry = make_entry(competition, make.user(full_name="Автор Заявки", email="author@example.org"))
    if who == "participant":
        log_in(participant)
    elif who == "juror":
        juror = make.user(full_name="Член Жюри", email="jj@example.org")
        services.set_jury(competition, {juror.id: []})
        log_in(juror)
    response = post_form(client, f"/competitions/{competition.id}/entries/{entry.id}/decide",
                         {"decision": "admit"}, page_url="/")
    assert response.status_code == (302 if who == "anonymous" else 403)
    db.session.refresh(entry)
    assert entry.status == EntryStatus.SUBMITTED


def test_a_moderator_cannot_admit_their_own_entry(app, moderator, competition):
    entry = make_entry(competition, moderator)
    with app.test_request_context(), pytest.raises(services.TransitionRefused):
        services.decide_entry(entry, True, moderator)


# ---- the jury ----------------------------------------------------------------------------------------------

def test_a_juror_scores_and_never_sees_another_jurors_scores(client, log_in, judging):
    competition, (first, second) = judging["competition"], judging["entries"]
    one, two = judging["jurors"][:2]
    services.save_scores(juror_member(competition, one), first, {c.id: 9 for c in competition.criteria})
    services.save_scores(juror_member(competition, one), second, {c.id: 7 for c in competition.criteria})
    db.session.commit()
    log_in(two)
    page = client.get(f"/competitions/{competition.id}/jury")
    assert page.status_code == 200 and first.title in page.text
    assert 'value="9"' not in page.text and 'value="7"' not in page.text  # the other juror's points
    response = post_form(client, f"/competitions/{competition.id}/jury/entries/{first.id}",
                         score_fields(competition, 4, 5, 6), page_url=f"/competitions/{competition.id}/jury")
    assert response.status_code == 303
    after = client.get(f"/competitions/{competition.id}/jury").text
    assert 'value="4"' in after and 'value="9"' not in after
    # Nor on the public pages, nor on the manage page to a non-moderator.
    for url in (f"/competitions/{competition.id}", f"/competitions/{competition.id}/entries/{first.id}"):
        assert 'value="9"' not in client.get(url).text
    assert client.get(f"/competitions/{competition.id}/manage").status_code == 403


def test_a_score_out_of_range_is_refused(client, log_in, judging):
    competition, first = judging["competition"], judging["entries"][0]
    juror = judging["jurors"][0]
    log_in(juror)
    post_form(client, f"/competitions/{competition.id}/jury/entries/{first.id}",
              score_fields(competition, 11, 5, 5), page_url=f"/competitions/{competition.id}/jury")
    assert db.session.scalar(select(Score.id)) is None


def test_own_organisation_is_a_declared_conflict_and_cannot_be_scored(client, log_in, judging):
    competition, first = judging["competition"], judging["entries"][0]
    colleague = judging["jurors"][2]
    member = juror_member(competition, colleague)
    conflict = db.session.scalar(select(ConflictOfInterest).where(ConflictOfInterest.juror_id == member.id))
    assert conflict.entry_id == first.id and conflict.automatic
    db.session.commit()
    log_in(colleague)
    response = post_form(client, f"/competitions/{competition.id}/jury/entries/{first.id}",
                         score_fields(competition, 10, 10, 10), page_url=f"/competitions/{competition.id}/jury")
    assert response.status_code == 303
    assert db.session.scalar(select(Score.id)) is None
    assert "Conflict of interest declared" in client.get(f"/competitions/{competition.id}/jury").text


def test_a_declared_conflict_replaces_the_jurors_scores(client, log_in, judging):
    competition, second = judging["competition"], judging["entries"][1]
    juror = judging["jurors"][0]
    services.save_scores(juror_member(competition, juror), second, {c.id: 8 for c in competition.criteria})
    db.session.commit()
    log_in(juror)
    post_form(client, f"/competitions/{competition.id}/jury/entries/{second.id}",
              {"conflict": "1", "reason": "Автор — мой бывший ученик."}, page_url=f"/competitions/{competition.id}/jury")
    assert db.session.scalar(select(Score.id).where(Score.entry_id == second.id)) is None
    with pytest.raises(services.CompetitionError):
        services.save_scores(juror_member(competition, juror), second, {c.id: 8 for c in competition.criteria})


def test_someone_off_the_jury_cannot_score_nor_see_the_jury_page(client, log_in, make, judging):
    competition, first = judging["competition"], judging["entries"][0]
    log_in(make.user(full_name="Посторонний", email="x@example.org"))
    assert client.get(f"/competitions/{competition.id}/jury").status_code == 404
    response = post_form(client, f"/competitions/{competition.id}/jury/entries/{first.id}",
                         score_fields(competition, 5, 5, 5), page_url="/")
    assert response.status_code == 404 and db.session.scalar(select(Score.id)) is None


def test_a_rejected_entry_cannot_be_scored(judging):
    competition = judging["competition"]
    with pytest.raises(services.CompetitionError):
        services.save_scores(juror_member(competition, judging["jurors"][0]), judging["rejected"],
                             {c.id: 5 for c in competition.criteria})


def test_the_moderator_sees_weighted_scores_spread_and_missing(make, moderator):
    from .conftest import make_competition
    competition = make_competition(moderator, criteria=[("новизна", 1), ("результат", 3)])
    entry = make_entry(competition, make.user(full_name="Автор", email="a@example.org"))
    start_judging(competition, moderator)
    services.decide_entry(entry, True, moderator)
    jurors = [make.user(full_name=f"Жюри {n}", email=f"jury{n}@example.org") for n in range(3)]
    services.set_jury(competition, {juror.id: [] for juror in jurors})
    novelty, result = competition.criteria
    services.save_scores(competition.juror(jurors[0]), entry, {novelty.id: 10, result.id: 6})  # 7.0
    services.save_scores(competition.juror(jurors[1]), entry, {novelty.id: 2, result.id: 2})  # 2.0
    standing = services.standings(competition)[competition.nominations[0]][0]
    assert (standing.score, standing.spread, standing.missing) == (4.5, 5.0, ["Жюри 2"])


# ---- the competition's own steps and the results -----------------------------------------------------------

def test_judging_cannot_start_while_entries_are_open(moderator, competition):
    with pytest.raises(services.CompetitionError):
        services.move_competition(competition, CompetitionStatus.JUDGING, moderator)


def publish(client, competition, moderator, log_in, results):
    log_in(moderator)
    manage = f"/competitions/{competition.id}/manage"
    post_form(client, f"/competitions/{competition.id}/results",
              {f"result-{entry.id}": result.value for entry, result in results.items()}, page_url=manage)
    return post_form(client, f"/competitions/{competition.id}/status", {"to": "results"}, page_url=manage)


def test_results_are_published_winners_first_and_are_final(client, log_in, moderator, judging):
    competition, (first, second) = judging["competition"], judging["entries"]
    publish(client, competition, moderator, log_in,
            {first: EntryResult.SECOND, second: EntryResult.FIRST})
    db.session.refresh(competition)
    assert competition.status == CompetitionStatus.RESULTS
    page = client.get(f"/competitions/{competition.id}").text
    assert page.index(second.title) < page.index(first.title)
    assert "1st place" in page
    # Final: changing a result is refused until reopened.
    post_form(client, f"/competitions/{competition.id}/results", {f"result-{first.id}": "first"}, page_url="/")
    db.session.refresh(first)
    assert first.result == EntryResult.SECOND


def test_results_reopen_only_with_a_recorded_reason(client, log_in, moderator, judging):
    competition, (first, second) = judging["competition"], judging["entries"]
    publish(client, competition, moderator, log_in, {first: EntryResult.FIRST, second: EntryResult.PARTICIPANT})
    post_form(client, f"/competitions/{competition.id}/status", {"to": "judging", "reason": ""}, page_url="/")
    db.session.refresh(competition)
    assert competition.status == CompetitionStatus.RESULTS
    post_form(client, f"/competitions/{competition.id}/status",
              {"to": "judging", "reason": "Жалоба участника признана обоснованной."}, page_url="/")
    db.session.refresh(competition)
    assert competition.status == CompetitionStatus.JUDGING
    reopened = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "competition.reopen"))
    assert reopened.reason == "Жалоба участника признана обоснованной." and reopened.actor_id == moderator.id


def test_results_are_not_published_while_an_entry_has_none(client, log_in, moderator, judging):
    competition, (first, _second) = judging["competition"], judging["entries"]
    publish(client, competition, moderator, log_in, {first: EntryResult.FIRST})
    db.session.refresh(competition)
    assert competition.status == CompetitionStatus.JUDGING


@pytest.mark.parametrize("to", ["announced", "judging", "results", "draft"])
def test_only_moderators_move_a_competition(client, log_in, participant, competition, to):
    log_in(participant)
    response = post_form(client, f"/competitions/{competition.id}/status", {"to": to}, page_url="/")
    assert response.status_code == 403


def test_every_step_of_the_table(app, moderator, make):
    from .conftest import make_competition
    competition = make_competition(moderator, status=CompetitionStatus.DRAFT)
    assert competition.status == CompetitionStatus.DRAFT
    services.move_competition(competition, CompetitionStatus.ANNOUNCED, moderator)
    services.move_competition(competition, CompetitionStatus.DRAFT, moderator)
    services.move_competition(competition, CompetitionStatus.ANNOUNCED, moderator)
    with app.test_request_context(), pytest.raises(services.TransitionRefused):
        services.move_competition(competition, CompetitionStatus.RESULTS, moderator)
    start_judging(competition, moderator)
    services.move_competition(competition, CompetitionStatus.RESULTS, moderator)  # no admitted entry: allowed
    with app.test_request_context(), pytest.raises(services.TransitionRefused):
        services.move_competition(competition, CompetitionStatus.ANNOUNCED, moderator)
    actions = list(db.session.scalars(select(AuditEntry.action).where(AuditEntry.target_type == "competition")))
    assert {"competition.announce", "competition.withdraw", "competition.start_judging",
            "competition.publish_results"} <= set(actions)


def test_published_winners_become_practices_with_their_provenance(client, log_in, moderator, judging):
    from mentorbank.practices.models import Practice, public_practices

    competition, (first, second) = judging["competition"], judging["entries"]
    publish(client, competition, moderator, log_in, {first: EntryResult.FIRST, second: EntryResult.PARTICIPANT})
    db.session.refresh(first), db.session.refresh(second)
    assert first.practice_id is not None and second.practice_id is None  # a participant is not a winner
    practice = db.session.scalar(public_practices().where(Practice.id == first.practice_id))
    version = practice.published_version
    assert (version.title, version.competition_id, version.nomination, version.place.value) == (
        first.title, competition.id, first.nomination.name, "first")
    # The organisation's page and the author's account show the recognition.
    page = client.get(f"/organisations/{first.organisation_id}").text
    assert "Competition awards" in page and first.title in page
