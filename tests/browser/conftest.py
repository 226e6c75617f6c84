"""Real-Chromium tests: Playwright drives Debian's chromium against the test app served by a live Werkzeug server.

The server runs in a thread of this process, so browser tests must commit their data (the `committing_database`
fixture) for it to be seen. They fail, never skip, when Chromium or the front-end files are missing: `make test`
provides both.
"""
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from mentorbank.config import PROJECT_ROOT

# DESIGN.md §7: Debian's chromium in a container, without the sandbox, GPU and background services.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
VENDOR_FILES = ("htmx.min.js", "pico.min.css")


def chromium_executable() -> str:
    executable = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")
    if not executable:
        pytest.fail(
            "Browser tests need Chromium: run `sudo apt-get install chromium` (Debian/Ubuntu) and try again.",
            pytrace=False,
        )
    return executable


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": chromium_executable(), "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def live_server(app):
    """The session's test app over real HTTP; its URL."""
    missing = [name for name in VENDOR_FILES if not (PROJECT_ROOT / "static" / "vendor" / name).exists()]
    if missing:
        pytest.fail(f"static/vendor/ lacks {', '.join(missing)}: run `make assets` first.", pytrace=False)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(live_server):
    """Pages and contexts open relative URLs (`page.goto("/mentors")`) on the live server."""
    return live_server


@pytest.fixture(autouse=True)
def _mailed_links_reach_the_live_server(app, live_server, monkeypatch):
    """Mailed links are built on PUBLIC_URL (never the request's host): here, the live server's address."""
    monkeypatch.setitem(app.config, "PUBLIC_URL", live_server)
