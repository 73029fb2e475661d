"""The SQLite store: WAL mode, named migrations, FTS5 trigram search.

One connection per thread (the HTTP server reads from a thread pool); writes run in
``BEGIN IMMEDIATE`` transactions so an ingest batch reads the assignment state and writes its
articles, briefs and the new state atomically, even with a second writer process on the file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..config import Config
from ..errors import StoreError
from .base import StoredArticle, StoredStory, StoryPage, StoryRow
from .codec import article_to_json
from .migrations import MIGRATIONS
from .reads import SQLReads
from .search import article_stems, fts_query, story_stems

#: How long a writer waits for another writer's lock before giving up (ms).
BUSY_TIMEOUT_MS = 10_000


def _friendly(exc: sqlite3.Error, path: str) -> StoreError:
    """One line a user can act on, for the SQLite errors that come from the file's state."""
    msg = str(exc)
    if "locked" in msg or "busy" in msg:
        return StoreError(f"database {path} is locked by another writer (waited "
                          f"{BUSY_TIMEOUT_MS // 1000}s); try again later")
    if "readonly" in msg or "read-only" in msg:
        return StoreError(f"database {path} is read-only: cannot write to it")
    if "not a database" in msg or "malformed" in msg:
        return StoreError(f"{path} is not a Warta database (or it is damaged): {msg}")
    if "unable to open" in msg:
        return StoreError(f"cannot open database {path}: {msg}")
    return StoreError(f"database {path}: {msg}")


class SQLiteStore(SQLReads):
    """A :class:`~warta.store.base.Store` in one SQLite file."""

    def __init__(self, path: str, config: Config | None = None, *, readonly: bool = False):
        self.path = path
        self.config = config or Config()
        self.readonly = readonly or (os.path.exists(path) and not os.access(path, os.W_OK))
        self._local = threading.local()
        self._open_conn()  # fail now (schema version, permissions), not on the first request

    # -- connections -------------------------------------------------------------------------
    def _open_conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        try:
            if self.readonly:
                if not os.path.exists(self.path):
                    raise StoreError(f"database {self.path} does not exist")
                uri = "file:" + os.path.abspath(self.path) + "?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not self.readonly:
                conn.execute("PRAGMA journal_mode = WAL")
                # NORMAL is durable across application crashes in WAL mode (only an OS crash
                # can lose the last commits), and much faster than FULL.
                conn.execute("PRAGMA synchronous = NORMAL")
            self._check_and_migrate(conn)
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            raise _friendly(exc, self.path) from None
        except StoreError:
            if conn is not None:
                conn.close()
            raise
        self._local.conn = conn
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection."""
        return self._open_conn()

    def _check_and_migrate(self, conn: sqlite3.Connection) -> None:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > len(MIGRATIONS):
            raise StoreError(
                f"database {self.path} has schema version {version}, newer than this Warta "
                f"supports ({len(MIGRATIONS)}): upgrade Warta to use it"
            )
        if version == len(MIGRATIONS):
            return
        if self.readonly:
            raise StoreError(f"database {self.path} needs migrating but is read-only")
        for number, (name, statements) in enumerate(MIGRATIONS, start=1):
            if number <= version:
                continue
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have migrated while we waited for the lock.
                if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= number:
                    conn.execute("COMMIT")
                    continue
                conn.execute("CREATE TABLE IF NOT EXISTS migrations "
                             "(name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
                for sql in statements:
                    conn.execute(sql)
                conn.execute("INSERT INTO migrations VALUES (?, ?)",
                             (name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))
                conn.execute(f"PRAGMA user_version = {number}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        """Close this thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- writing -----------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (``BEGIN IMMEDIATE``): reads inside it see a stable state."""
        if self.readonly:
            raise StoreError(f"database {self.path} is read-only: cannot write to it")
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _friendly(exc, self.path) from None
        try:
            yield
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise _friendly(exc, self.path) from None
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def commit_batch(self, articles: Sequence[StoredArticle], stories: Sequence[StoredStory],
                     state: bytes) -> None:
        """Write new articles, changed briefs and the state (call inside :meth:`transaction`)."""
        conn = self.conn
        seq = int(conn.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0])
        batch = int(conn.execute("SELECT coalesce(max(updated), 0) FROM stories").fetchone()[0]) + 1
        for offset, item in enumerate(articles, start=1):
            a = item.article
            conn.execute(
                "INSERT INTO articles (id, alias, seq, published, story_id, data) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (a.id, item.alias, seq + offset, a.published.isoformat() if a.published else None,
                 item.story_id, article_to_json(a)),
            )
            conn.execute(
                "INSERT INTO articles_fts (id, title, body, stems) VALUES (?, ?, ?, ?)",
                (a.id, a.title or "", a.body, article_stems(item)),
            )
        for s in stories:
            # An upsert keeps the story's rowid, which is also its search row's rowid: the old
            # search row is replaced by rowid (an index look-up, not a scan of the FTS table).
            conn.execute(
                "INSERT INTO stories (id, title, n_articles, first_published, last_published, "
                "updated, data, markdown) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE "
                "SET title = excluded.title, n_articles = excluded.n_articles, "
                "first_published = excluded.first_published, last_published = excluded.last_published, "
                "updated = excluded.updated, data = excluded.data, markdown = excluded.markdown",
                (s.id, s.title, s.n_articles, s.first_published, s.last_published, batch,
                 json.dumps(s.data, ensure_ascii=False, separators=(",", ":")), s.markdown),
            )
            rowid = conn.execute("SELECT rowid FROM stories WHERE id = ?", (s.id,)).fetchone()[0]
            conn.execute("DELETE FROM stories_fts WHERE rowid = ?", (rowid,))
            conn.execute(
                "INSERT INTO stories_fts (rowid, id, title, summary, stems) VALUES (?, ?, ?, ?, ?)",
                (rowid, s.id, s.title, s.search_text, story_stems(s)),
            )
        conn.execute("INSERT OR REPLACE INTO state (key, value) VALUES ('assign', ?)", (state,))

    # -- reading -----------------------------------------------------------------------------
    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _friendly(exc, self.path) from None

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` are stored."""
        found: set[str] = set()
        for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
            chunk = list(ids[start:start + 500])
            marks = ",".join("?" * len(chunk))
            found |= {r[0] for r in self._read(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)}
        return found

    def list_stories(self, query: str | None, page: int, per_page: int) -> StoryPage:
        """Stories, latest publication date first; with ``query`` only the matching ones."""
        page = max(page, 1)
        cols = "id, title, n_articles, first_published, last_published, updated"
        order = "ORDER BY coalesce(last_published, '') DESC, updated DESC, id"
        where, params = "", []
        if query is not None and query.strip():
            match, story_match = fts_query(query), fts_query(query, "title summary")
            if match is None or story_match is None:
                return StoryPage([], 0, page, per_page, query)
            where = ("WHERE id IN (SELECT story_id FROM articles WHERE id IN "
                     "(SELECT id FROM articles_fts WHERE articles_fts MATCH ?) "
                     "UNION SELECT id FROM stories_fts WHERE stories_fts MATCH ?)")
            params = [match, story_match]
        total = int(self._read(f"SELECT count(*) FROM stories {where}", params)[0][0])
        rows = self._read(f"SELECT {cols} FROM stories {where} {order} LIMIT ? OFFSET ?",
                          [*params, per_page, (page - 1) * per_page])
        return StoryPage([StoryRow(*r) for r in rows], total, page, per_page, query)
