"""SQLite set up so that a long writer (a registry import) does not take the site down."""
from sqlalchemy import event

# How long a connection waits for another one's write lock before "database is locked" (milliseconds).
BUSY_TIMEOUT_MS = 15_000


def sqlite_for_concurrent_use(engine) -> None:
    """WAL lets readers go on while one connection writes, and a busy timeout makes a second writer wait its
    turn instead of failing at once. Both are no-ops on PostgreSQL."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _wal_and_busy_timeout(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()
