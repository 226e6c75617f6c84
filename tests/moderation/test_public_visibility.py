"""The public pages and the index show only approved versions, before and after moderation."""
from mentorbank.mentors.models import ProfileStatus

from .conftest import submitted

NEW_WORD = "телескопостроения"


def search_links(client, query: str) -> str:
    return client.get(f"/search?q={query}").get_data(as_text=True)


def test_a_pending_revision_stays_private_until_approved(
        client, as_moderator, published_profile, pending_revision, post):
    profile_url = f"/mentors/{published_profile.id}"
    assert f'href="{profile_url}"' in search_links(client, "робототехники")

    assert NEW_WORD not in client.get(profile_url).get_data(as_text=True)
    assert f'href="{profile_url}"' not in search_links(client, NEW_WORD)
    assert client.get(f"/mentors/{pending_revision.id}").status_code == 404

    post(f"/moderation/mentor-profiles/{pending_revision.id}/approve", confirm="y")

    assert NEW_WORD in client.get(profile_url).get_data(as_text=True)
    assert f'href="{profile_url}"' in search_links(client, NEW_WORD)
    assert f'href="{profile_url}"' not in search_links(client, "робототехники")


def test_a_new_profile_enters_the_bank_and_the_index_only_when_approved(client, as_moderator, make, post):
    profile = submitted(make.mentor("Лебедева Вера", status=ProfileStatus.DRAFT, bio="Веду кружок палеонтологии."))
    assert client.get(f"/mentors/{profile.id}").status_code == 404
    assert f'href="/mentors/{profile.id}"' not in search_links(client, "палеонтологии")

    post(f"/moderation/mentor-profiles/{profile.id}/approve", confirm="y")

    assert client.get(f"/mentors/{profile.id}").status_code == 200
    assert f'href="/mentors/{profile.id}"' in search_links(client, "палеонтология")
