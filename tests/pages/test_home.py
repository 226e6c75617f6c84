"""The front page: what the bank is, its counters, the search box, recent mentors and regions."""
from mentorbank.mentors.models import ProfileStatus


def test_counters_count_only_approved_mentors_with_russian_plurals(client, make, publish):
    kazan_school = make.organisation(municipality_name="г. Казань")
    make.mentor("Алексеева Анна", org=kazan_school)
    make.mentor("Борисов Борис", org=kazan_school)
    make.mentor("Власова Вера", org=make.organisation(municipality_name="г. Набережные Челны"))
    make.mentor(
        "Гончаров Глеб",
        org=make.organisation(municipality_name="г. Пермь", region_name="Пермский край"),
    )
    make.mentor("Черновой Черновик", status=ProfileStatus.PENDING,
                org=make.organisation(municipality_name="г. Томск", region_name="Томская область"))
    publish()

    html = client.get("/").get_data(as_text=True)

    assert "<strong>4</strong> одобренных наставника" in html
    assert "<strong>3</strong> организации" in html
    assert "<strong>3</strong> муниципалитета" in html
    assert "<strong>2</strong> региона" in html
    assert "Черновой" not in html and "Томская область" not in html


def test_empty_bank_counts_zero_in_the_plural_form(client):
    html = client.get("/").get_data(as_text=True)
    assert "<strong>0</strong> одобренных наставников" in html
    assert "<strong>0</strong> регионов" in html


def test_home_has_a_search_box_recent_mentors_and_region_links(client, make, publish):
    profile = make.mentor("Алексеева Анна Сергеевна")
    region = profile.organisation.region
    publish()

    html = client.get("/").get_data(as_text=True)

    assert 'action="/mentors" method="get" role="search"' in html and 'name="q"' in html
    assert f'data-mentor-id="{profile.id}"' in html
    assert f'href="/mentors/{profile.id}"' in html
    assert f'href="/mentors?region={region.id}"' in html
    assert "1 наставник" in html


def test_the_home_page_follows_each_publication(client, make, publish):
    assert "<strong>0</strong> одобренных наставников" in client.get("/").get_data(as_text=True)
    first = make.mentor("Алексеева Анна")
    publish()
    html = client.get("/").get_data(as_text=True)
    assert "<strong>1</strong> одобренный наставник" in html and f'data-mentor-id="{first.id}"' in html
    second = make.mentor("Борисова Вера")
    publish()
    html = client.get("/").get_data(as_text=True)
    assert "<strong>2</strong> одобренных наставника" in html and f'data-mentor-id="{second.id}"' in html
