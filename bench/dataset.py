"""The benchmark's own regional-scale data set: a SQLite file and an index directory in the data directory.

It never touches instance/ or search_index/. A stamp file records what the data set was built from (its size,
seed, the generator's source and the migrations), so a second run reuses it when nothing changed.
"""
import hashlib
import json
import logging
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import mentorbank
from mentorbank import create_app
from mentorbank.extensions import db
from mentorbank.competitions.searchable import ENTRY_SEARCH as COMPETITION_ENTRY
from mentorbank.mentors.models import MentorProfile, ProfileStatus
from mentorbank.mentors.searchable import MENTOR_SEARCH as MENTOR
from mentorbank.organisations.searchable import ORGANISATION_SEARCH as ORGANISATION
from mentorbank.practices.searchable import PRACTICE_SEARCH as PRACTICE

log = logging.getLogger("bench.dataset")

PACKAGE_DIR = Path(mentorbank.__file__).parent
# What the generated rows depend on: when any of these change, the data set is built again.
SOURCES = (
    *sorted((PACKAGE_DIR / "demo").glob("*.py")),
    *sorted((PACKAGE_DIR / "migrations" / "versions").glob("*.py")),
)


@dataclass(frozen=True)
class DatasetSpec:
    organisations: int
    mentors: int  # approved, i.e. public
    unpublished: int  # drafts, pending and rejected: in the database, never in the index
    seed: int
    # Practices by the demo mentors (a few per hundred mentors at regional scale: the bank's second list).
    practices: int = 0


@dataclass(frozen=True)
class DatasetInfo:
    organisations: int
    public_mentors: int
    unpublished_mentors: int
    reused: bool
    build_seconds: float
    public_practices: int = 0
    competition_entries: int = 0  # admitted entries of the yearly competitions

    @property
    def public_documents(self) -> int:
        return self.organisations + self.public_mentors + self.public_practices + self.competition_entries


def database_path(data_dir: Path) -> Path:
    return data_dir / "bench.sqlite"


def index_path(data_dir: Path) -> Path:
    return data_dir / "search_index"


def fts5_path(data_dir: Path) -> Path:
    return data_dir / "fts5.sqlite"


def sizes(data_dir: Path) -> dict[str, int]:
    """Bytes on disk of the database, the search index and the FTS5 baseline."""

    def size(path: Path) -> int:
        if path.is_dir():
            return sum(child.stat().st_size for child in path.rglob("*") if child.is_file())
        return path.stat().st_size if path.exists() else 0

    return {
        "database": size(database_path(data_dir)),
        "index": size(index_path(data_dir)),
        "fts5": size(fts5_path(data_dir)),
    }


def app_for(data_dir: Path, **overrides) -> Flask:
    """The site, configured for the benchmark's data only (``overrides``: more configuration)."""
    return create_app({
        "ENV_NAME": "bench",
        # Nothing signed here outlives the run.
        "SECRET_KEY": secrets.token_hex(16),
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database_path(data_dir)}",
        "SEARCH_INDEX_DIR": str(index_path(data_dir)),
        **overrides,
    })


def _fingerprint(spec: DatasetSpec) -> dict:
    sources = hashlib.sha256()
    for source in SOURCES:
        sources.update(source.name.encode() + b"\0" + source.read_bytes())
    return {"spec": asdict(spec), "sources": sources.hexdigest()}


def ensure(app: Flask, data_dir: Path, spec: DatasetSpec, force: bool = False) -> DatasetInfo:
    """Build the data set unless a matching one exists; return what it holds."""
    data_dir.mkdir(parents=True, exist_ok=True)
    stamp = data_dir / "stamp.json"
    fingerprint = _fingerprint(spec)
    reusable = (
        not force
        and database_path(data_dir).exists()
        and stamp.exists()
        and json.loads(stamp.read_text()) == fingerprint
    )
    started = time.perf_counter()
    if reusable:
        log.info("Reusing the data set in %s", data_dir)
    else:
        stamp.unlink(missing_ok=True)
        database_path(data_dir).unlink(missing_ok=True)
        _build(app, spec)
        stamp.write_text(json.dumps(fingerprint, indent=2))
    build_seconds = time.perf_counter() - started
    with app.app_context():
        # Public as the index counts it: the same queries the index is filled from.
        info = DatasetInfo(
            organisations=ORGANISATION.count(db.session),
            public_mentors=MENTOR.count(db.session),
            unpublished_mentors=db.session.scalar(
                select(func.count()).select_from(MentorProfile).where(MentorProfile.status != ProfileStatus.APPROVED)
            ),
            reused=reusable,
            build_seconds=build_seconds,
            public_practices=PRACTICE.count(db.session),
            competition_entries=COMPETITION_ENTRY.count(db.session),
        )
        db.session.remove()
    return info


def _build(app: Flask, spec: DatasetSpec) -> None:
    from mentorbank.demo.generator import populate
    from mentorbank.demo.practices import create_practices

    log.info(
        "Building the data set: %d organisations, %d public and %d unpublished mentors",
        spec.organisations, spec.mentors, spec.unpublished,
    )
    with app.app_context():
        upgrade()
        # A plain session, as `flask demo load` uses: Flask-SQLAlchemy's would update the index after every
        # batch's commit, and the benchmark rebuilds (and times) the whole index anyway.
        with Session(bind=db.engine) as session:
            populate(
                session, organisations=spec.organisations, mentors=spec.mentors,
                unpublished=spec.unpublished, seed=spec.seed,
            )
            session.commit()
            if spec.practices:
                create_practices(session, count=spec.practices, seed=spec.seed)
                session.commit()
        # Competitions at regional scale (cheap: a few hundred entries): a decade of yearly contests.
        from mentorbank.demo.competitions import create_demo_competitions

        create_demo_competitions(None, seed=spec.seed, past_years=10)
        db.session.commit()
        db.session.remove()
