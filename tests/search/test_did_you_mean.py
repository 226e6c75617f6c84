""""Did you mean" and "also searched" (issue 8 §3), through search() and the pages."""
import pytest

from mentorbank.search import search

from .conftest import search_all


def suggestion_for(query: str) -> str | None:
    return search_all(query, None, 1, 10).suggestion


@pytest.fixture
def near_misses(make, commit):
    """Words one letter away from abbreviations and numbers, so a careless corrector would "fix" them."""
    make.organisation(name="Лицей № 5 его имени")
    make.organisation(name="Сок и сон: детский лагерь № 15")
    make.mentor(bio="Готовлю к экзамену по истории, ЕГ и ГЕ в тетради.")
    commit()


@pytest.mark.parametrize("query", ["ЕГЭ", "егэ", "СОШ 153", "сош 153", "лицей 58", "ОГЭ", "СОШ № 153"])
def test_abbreviations_and_numbers_are_never_corrected(near_misses, query):
    # All the words are found by none of the records: a suggestion is looked for, and none is acceptable.
    assert suggestion_for(query) is None


def test_a_typo_is_corrected_to_a_whole_word_of_the_documents(make, commit):
    make.mentor(bio="Региональная система наставничества.")
    commit()
    # The documents hold «наставничества» (the index term is the lemma «наставничество», the stem
    # «наставничеств»): the suggestion is the word as written.
    assert suggestion_for("наставнечество") == "наставничества"


def test_the_nearest_real_word_wins(make, commit):
    make.mentor(bio="Наставничество в школе.")
    make.mentor(bio="Система наставничества.")
    commit()
    assert suggestion_for("наставнечество") == "наставничество"


@pytest.mark.parametrize(("typed", "meant", "text"), [
    ("robotcs", "robotics", "Robotics and Arduino for beginners."),
    ("Зайнулина", "зайнуллина", "Мастер-класс Зайнуллина А. Р."),
])
def test_english_words_and_names_of_the_documents_are_suggested(make, commit, typed, meant, text):
    """Neither is in the Russian dictionary: the index's own lexicon makes them real words."""
    make.mentor(bio=text)
    commit()
    assert suggestion_for(typed) == meant


def test_a_suggestion_is_offered_only_when_little_is_found(make, commit):
    for _ in range(3):
        make.mentor(bio="Учитель математики.")
    make.mentor(bio="Наставничество в школе.", subjects="")
    commit()
    plenty = search_all("математика OR наставнечество", None, 1, 10)
    assert plenty.total == 3 and plenty.suggestion is None


def test_a_suggestion_is_offered_when_the_typo_leaves_little(make, commit):
    make.mentor(bio="Учитель математики.")
    make.mentor(bio="Наставничество в школе.", subjects="")
    commit()
    little = search_all("математика OR наставнечество", None, 1, 10)
    assert little.total == 1 and little.suggestion == "математика OR наставничество"


def test_the_pages_offer_the_correction(client, make, commit):
    make.mentor(bio="Наставничество в школе.")
    commit()
    for url in ("/search", "/mentors"):
        html = client.get(url, query_string={"q": "наставнечество"}).get_data(as_text=True)
        assert 'class="suggestion"' in html and ">наставничество</a>" in html, url


# -- also searched -------------------------------------------------------------------------------------------


def test_the_result_names_what_the_thesaurus_added(make, commit):
    make.mentor(bio="Подготовка к единому государственному экзамену.")
    commit()
    result = search(["mentor"], "ЕГЭ")
    assert result.total == 1
    assert result.expansions == [("ЕГЭ", "единый государственный экзамен")]
    assert search(["mentor"], '"ЕГЭ"').expansions == [], "a phrase is searched as typed"
    assert search(["mentor"], "экзамен NOT ЕГЭ").expansions == [], "what is excluded is not said"
    assert search(["mentor"], "экзамен").expansions == []


@pytest.mark.parametrize("url", ["/search", "/mentors"])
def test_the_pages_say_what_else_was_searched(client, make, commit, url):
    make.mentor(bio="Подготовка к единому государственному экзамену.")
    commit()
    html = client.get(url, query_string={"q": "ЕГЭ"}).get_data(as_text=True)
    assert 'class="expansions"' in html
    assert "Также искали:" in html and "единый государственный экзамен (по запросу «ЕГЭ»)" in html
    plain = client.get(url, query_string={"q": "экзамен"}).get_data(as_text=True)
    assert 'class="expansions"' not in plain


def test_typed_words_in_the_line_are_escaped(client, make, commit):
    make.mentor(bio="Подготовка к ЕГЭ.")
    commit()
    html = client.get("/search", query_string={"q": "<b>ЕГЭ</b>"}).get_data(as_text=True)
    assert "<b>" not in html.split('class="expansions"')[1].split("</p>")[0]
