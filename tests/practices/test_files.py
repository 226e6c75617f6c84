"""A practice's files: attached on the form (checked by content), public only with the published version they
belong to, seen by the author and moderators before that, kept by a new version, and searched by their names."""
import io

from mentorbank.extensions import db
from mentorbank.practices.files import VERSION_OWNER_KIND, files_of
from mentorbank.practices.filters import PracticeFilters

from ..attachments.files import MINIMAL_PDF
from ..conftest import post_form
from .conftest import newest_practice_of, practice_form


def _with_file(data: dict, name: str = "polozhenie-o-nastavnichestve.pdf", content: bytes = MINIMAL_PDF) -> dict:
    return {**data, "attachments": (io.BytesIO(content), name)}


def _file_status(client, attachment) -> int:
    response = client.get(f"/files/{attachment.id}/{attachment.original_name}")
    response.close()  # a file's response holds the file open
    return response.status_code


def test_a_file_of_a_waiting_practice_is_seen_by_its_author_and_moderators_only(
        client, log_in, author, moderator, participant, make):
    log_in(author)
    response = post_form(client, "/practices/new", _with_file(practice_form(make, submit_for_review="y")),
                         content_type="multipart/form-data")
    assert response.status_code == 303
    practice = newest_practice_of(author)
    [attachment] = files_of(practice.pending_version)
    assert attachment.owner_kind == VERSION_OWNER_KIND and attachment.media_type == "application/pdf"
    assert _file_status(client, attachment) == 200
    log_in(participant)
    assert _file_status(client, attachment) == 404
    log_in(moderator)
    assert _file_status(client, attachment) == 200
    assert attachment.original_name in client.get(f"/moderation/practices/{practice.id}").get_data(as_text=True)
    post_form(client, f"/moderation/practices/{practice.id}/approve", {"confirm": "y"},
              page_url=f"/moderation/practices/{practice.id}")
    anonymous = client.application.test_client()
    assert _file_status(anonymous, attachment) == 200
    assert attachment.original_name in anonymous.get(f"/practices/{practice.id}").get_data(as_text=True)


def test_a_file_that_is_not_what_its_name_says_is_refused_and_nothing_is_kept(client, log_in, author, make):
    log_in(author)
    response = post_form(client, "/practices/new",
                         _with_file(practice_form(make, save="y"), "photo.png", b"<html><script>x</script></html>"),
                         content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and 'id="error-summary"' in page and "photo.png" in page
    assert newest_practice_of(author) is None


def test_an_edit_keeps_the_published_files_public_and_its_new_file_private(client, log_in, make):
    practice = make.practice("Школа молодого педагога")
    log_in(practice.owner)
    post_form(client, f"/practices/{practice.id}/edit", _with_file(practice_form(make, save="y"), "plan.pdf"),
              content_type="multipart/form-data")
    published_files, pending_files = files_of(practice.published_version), files_of(practice.pending_version)
    assert published_files == [] and [one.original_name for one in pending_files] == ["plan.pdf"]
    anonymous = client.application.test_client()
    assert _file_status(anonymous, pending_files[0]) == 404
    # A second edit removes nothing it was not asked to, and the file stays with the version.
    post_form(client, f"/practices/{practice.id}/edit", practice_form(make, save="y"))
    assert [one.original_name for one in files_of(practice.pending_version)] == ["plan.pdf"]
    post_form(client, f"/practices/{practice.id}/edit",
              practice_form(make, save="y", remove_files=[str(pending_files[0].id)]))
    assert files_of(practice.pending_version) == []


def test_the_name_of_a_file_finds_the_practice(client, log_in, make, moderator):
    practice = make.practice("Школа молодого педагога")
    log_in(practice.owner)
    post_form(client, f"/practices/{practice.id}/edit",
              _with_file(practice_form(make, submit_for_review="y"), "Дорожная карта наставничества.pdf"),
              content_type="multipart/form-data")
    log_in(moderator)
    post_form(client, f"/moderation/practices/{practice.id}/approve", {"confirm": "y"},
              page_url=f"/moderation/practices/{practice.id}")
    db.session.commit()
    assert practice.id in PracticeFilters(query="дорожной карте").search(20).ids
