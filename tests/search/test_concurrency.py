"""Several workers writing the index at once lose no update (DESIGN.md §7: the default writer lost 75 of 100)."""
import multiprocessing
import threading

from sqlalchemy import update

from mentorbank import create_app
from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile
from mentorbank.search import engine, index_status, registry, sync
from mentorbank.search.documents import to_document
from mentorbank.search.models import SearchPendingChange

from .. import factories
from .conftest import find, found_ids

THREADS = 8
PROCESSES = 3
DOCUMENTS_PER_PROCESS = 5


def test_threads_indexing_commits_at_once_lose_no_update(app, committing_database):
    """Each thread applies the outbox as the after-commit of its own save would (waiting, as a command does);
    the changes are recorded up front because SQLite cannot take concurrent writers (PostgreSQL can, but
    the index is what is under test)."""
    with app.app_context():
        ids = [factories.mentor(full_name=f"Наставник {n}").id for n in range(THREADS)]
        db.session.commit()
        db.session.execute(update(MentorProfile).values(bio="Робототехника."))  # bulk: not followed
        db.session.commit()
        assert found_ids("робототехника") == []
        db.session.add_all(SearchPendingChange(type="mentor", record_id=profile_id, action="update") for profile_id in ids)
        db.session.commit()
        bind = db.engine
    start = threading.Barrier(THREADS)
    errors = []

    def index_commit(profile_id: int) -> None:
        try:
            with app.app_context():
                start.wait()
                sync.apply_pending(bind, wait=True)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    workers = [threading.Thread(target=index_commit, args=(profile_id,)) for profile_id in ids]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    with app.app_context():
        assert sorted(found_ids("робототехника")) == sorted(ids)
        assert index_status()["stale"] is False and sync.pending_count() == 0


def _write_documents(index_dir: str, worker: int, ready) -> None:
    app = create_app({
        "TESTING": True, "ENV_NAME": "testing", "SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": "sqlite://",
        "SEARCH_INDEX_DIR": index_dir,
    })
    with app.app_context():
        ready.wait()
        for number in range(DOCUMENTS_PER_PROCESS):
            document_id = worker * 1000 + number
            with engine.writer(wait=True) as (_index, writer):
                writer.add_document(to_document(registry.get("mentor"), {
                    "id": document_id, "title": "Наставник", "sort_name": "Наставник", "name": "Наставник",
                    "bio": "Робототехника.",
                }))


def test_processes_writing_at_once_lose_no_document(app, app_context):
    index_dir = app.config["SEARCH_INDEX_DIR"]
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(PROCESSES)
    workers = [
        context.Process(target=_write_documents, args=(index_dir, worker, ready)) for worker in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0] * PROCESSES
    assert index_status()["documents"]["mentor"] == PROCESSES * DOCUMENTS_PER_PROCESS
    assert find("робототехника").total == PROCESSES * DOCUMENTS_PER_PROCESS
