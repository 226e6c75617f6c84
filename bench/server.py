"""The site as a real server process serves it for the benchmark: `gunicorn "bench.server:application()"`.

The benchmark's data directory comes from ``BENCH_DATA_DIR``. One route is added for the benchmark only, never
to the site: ``POST /__bench__/publish/<id>`` gives a pending profile a word of its own and approves it through
the moderation code, in this worker's request, as a moderator's click does (the index change is recorded in the
same transaction and applied after the commit by this worker). Another worker then polls the public search.
"""
import os
import time
from pathlib import Path

from flask import Flask, abort, jsonify, request

from mentorbank.extensions import csrf, db
from mentorbank.mentors.models import MentorProfile, ProfileStatus
from mentorbank.moderation.decisions import approve_mentor_profile

from .dataset import app_for

PUBLISH_PATH = "/__bench__/publish/"


SERVER_TIMING = "Server-Timing"


class ServerTiming:
    """WSGI middleware: the response says how long the application took, in wall-clock and in this process's
    CPU time, up to its headers (the view, rendering and compression are done by then)."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        started, cpu_started = time.perf_counter(), time.process_time()

        def timed_start_response(status, headers, exc_info=None):
            wall = (time.perf_counter() - started) * 1000
            cpu = (time.process_time() - cpu_started) * 1000
            return start_response(status, [*headers, (SERVER_TIMING, f"app;dur={wall:.3f}, cpu;dur={cpu:.3f}")],
                                  exc_info)

        return self.wsgi_app(environ, timed_start_response)


def application() -> Flask:
    # Per-client rate limits are a policy, not a cost: one benchmark client asks far more than a visitor may.
    app = app_for(Path(os.environ["BENCH_DATA_DIR"]), RATELIMIT_ENABLED=False)
    app.wsgi_app = ServerTiming(app.wsgi_app)

    @csrf.exempt
    def publish(profile_id: int):
        profile = db.session.get(MentorProfile, profile_id)
        if profile is None or profile.status != ProfileStatus.PENDING:
            abort(404)
        # A word only this profile holds, so the poller knows the moment it is searchable.
        profile.bio = f"{profile.bio or ''} {request.args['word']}".strip()
        approve_mentor_profile(profile, None)
        db.session.commit()
        return jsonify({"published": profile.id})

    app.add_url_rule(f"{PUBLISH_PATH}<int:profile_id>", "bench_publish", publish, methods=["POST"])
    return app
