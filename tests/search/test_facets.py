"""Facet filters and counts of the mentor bank."""
from .conftest import find


def _three_mentors(make):
    kazan = make.organisation(kind="school", municipality_name="г. Казань")
    chelny = make.organisation(kind="college", municipality_name="г. Набережные Челны")
    ufa = make.organisation(kind="school", municipality_name="г. Уфа", region_name="Республика Башкортостан")
    return (
        make.mentor(org=kazan, terms={"mode": ["remote"], "direction": ["ict"]}),
        make.mentor(org=chelny, terms={"mode": ["blended"], "direction": ["ict", "methodical"]},
                    accepting_requests=False),
        make.mentor(org=ufa, terms={"mode": ["remote"]}),
    )


def test_counts_cover_every_facet(make, commit):
    kazan, chelny, ufa = _three_mentors(make)
    commit()
    facets = find().facets
    assert facets["mode"] == {"remote": 2, "blended": 1}
    assert facets["direction"] == {"ict": 2, "methodical": 1}
    assert facets["org_kind"] == {"school": 2, "college": 1}
    assert facets["accepting"] == {"1": 2}
    assert facets["region"] == {str(kazan.organisation.region.id): 2, str(ufa.organisation.region.id): 1}
    assert facets["municipality"][str(chelny.organisation.municipality_id)] == 1
    assert facets["form"] == {} and facets["track"] == {}


def test_values_of_one_facet_are_or_ed_and_facets_and_ed(make, commit):
    kazan, chelny, ufa = _three_mentors(make)
    commit()
    assert set(find(mode=["remote", "blended"]).ids) == {kazan.id, chelny.id, ufa.id}
    assert set(find(mode=["remote"], direction=["ict"]).ids) == {kazan.id}
    assert find(mode=["remote"], accepting=["1"]).total == 2
    assert find(mode=["no-such-mode"]).total == 0


def test_counts_of_a_ticked_facet_ignore_its_own_selection(make, commit):
    _three_mentors(make)
    commit()
    result = find(mode=["remote"])
    assert result.total == 2
    # Ticking "blended" too would add one: its count stays visible.
    assert result.facets["mode"] == {"remote": 2, "blended": 1}
    # Other facets count within the selection.
    assert result.facets["direction"] == {"ict": 1}
    assert result.facets["org_kind"] == {"school": 2}


def test_counts_follow_the_text_query(make, commit):
    make.mentor(bio="Робототехника.", terms={"mode": ["remote"]})
    make.mentor(bio="Хореография.", terms={"mode": ["remote"]})
    commit()
    result = find("робототехника", mode=["remote"])
    assert result.total == 1 and result.facets["mode"] == {"remote": 1}


def test_the_bank_counts_its_own_facets_only(make, commit):
    from mentorbank.mentors.filters import FACETS

    _three_mentors(make)
    commit()
    assert set(find().facets) == set(FACETS)  # not the index's "type" nor the home page's organisation ids
