"""The PostgreSQL store (``--db postgresql://...``): the same :class:`~warta.store.base.Store`
as SQLite, for several ingest processes and API servers sharing one database.

Writers are serialised by a transaction-scoped advisory lock (the equivalent of SQLite's
``BEGIN IMMEDIATE``): an ingest batch reads the known ids and the assignment state and writes
its articles, briefs and the new state under the lock, so concurrent ``warta ingest`` runs never
store an article twice nor lose one.  Readers never wait.

Search (migration ``0002_search_tsvector``): a ``tsv`` column generated from the lower-cased
title + body and the ``stems`` column with the ``simple`` text-search configuration (no
stemming, no stop words: Indonesian has no built-in configuration, and the stems come from
Warta's own stemmer), GIN-indexed.  A query matches the user's words as a phrase, or every one of
their stems, as SQLite's FTS5 search does; unlike SQLite's trigram index it matches whole words
only (``jir`` does not find ``banjir``), affixes being handled by the stems either way.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..config import Config
from ..errors import MissingExtraError, StoreError
from .base import StoredArticle, StoredStory, StoryPage, StoryRow
from .codec import article_to_json
from .reads import SQLReads
from .search import article_stems, story_stems

#: Advisory lock key of the writers ("warta" in ASCII).
WRITE_LOCK = 0x7761727461
#: Seconds to wait for the server before giving up.
CONNECT_TIMEOUT = 10

MIGRATIONS: list[tuple[str, list[str]]] = [
    (
        "0001_articles_stories_search",
        [
            """CREATE TABLE articles (
                id TEXT PRIMARY KEY, alias TEXT NOT NULL, seq BIGINT NOT NULL UNIQUE,
                published TEXT, story_id TEXT NOT NULL, data TEXT NOT NULL,
                search TEXT NOT NULL, stems TEXT NOT NULL)""",
            "CREATE INDEX articles_alias ON articles(alias)",
            "CREATE INDEX articles_story ON articles(story_id)",
            "CREATE INDEX articles_published ON articles(published)",
            """CREATE TABLE stories (
                id TEXT PRIMARY KEY, title TEXT NOT NULL, n_articles INTEGER NOT NULL,
                first_published TEXT, last_published TEXT, updated BIGINT NOT NULL,
                data TEXT NOT NULL, markdown TEXT NOT NULL,
                search TEXT NOT NULL, stems TEXT NOT NULL)""",
            "CREATE INDEX stories_recent ON stories(last_published, updated)",
            "CREATE TABLE state (key TEXT PRIMARY KEY, value BYTEA NOT NULL)",
        ],
    ),
    (
        "0002_search_tsvector",
        [
            # Generated (so every writer fills it) and STORED (so GIN can index it); an explicit
            # regconfig keeps to_tsvector immutable, which a generated column requires.
            f"ALTER TABLE {table} ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple'::regconfig, search) || to_tsvector('simple'::regconfig, stems)) STORED"
            for table in ("articles", "stories")
        ] + [
            "CREATE INDEX articles_tsv ON articles USING GIN (tsv)",
            "CREATE INDEX stories_tsv ON stories USING GIN (tsv)",
        ],
    ),
]

#: The tsquery of a search: the user's words as a phrase, or all of their stems.
TSQUERY = "(phraseto_tsquery('simple', %s) || plainto_tsquery('simple', %s))"


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - the test environment has the extra
        raise MissingExtraError("a PostgreSQL store needs psycopg: pip install 'warta[postgres]'") from exc
    return psycopg


class PostgresStore(SQLReads):
    """A :class:`~warta.store.base.Store` in a PostgreSQL database."""

    PLACEHOLDER = "%s"

    def __init__(self, url: str, config: Config | None = None, *, readonly: bool = False):
        self.path = url
        self.config = config or Config()
        self.readonly = readonly
        self._pg = _psycopg()
        self._local = threading.local()
        self._open_conn()

    def _where(self) -> str:
        from . import describe

        return describe(self.path)

    def _fail(self, exc: Exception) -> StoreError:
        return StoreError(f"database {self._where()}: {str(exc).strip().splitlines()[0]}")

    def _open_conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is not None and not conn.closed:
            return conn
        try:
            conn = self._pg.connect(self.path, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
        except self._pg.Error as exc:
            raise StoreError(f"cannot connect to {self._where()}: "
                             f"{str(exc).strip().splitlines()[0]}") from None
        try:
            self._migrate(conn)
        except BaseException:
            conn.close()
            raise
        self._local.conn = conn
        return conn

    @property
    def conn(self) -> Any:
        """This thread's connection."""
        return self._open_conn()

    def _migrate(self, conn: Any) -> None:
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                conn.execute("CREATE TABLE IF NOT EXISTS migrations "
                             "(name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
                done = {r[0] for r in conn.execute("SELECT name FROM migrations").fetchall()}
                known = {name for name, _ in MIGRATIONS}
                if done - known:
                    raise StoreError(f"database {self._where()} has migrations this Warta does not "
                                     f"know ({', '.join(sorted(done - known))}): upgrade Warta")
                for name, statements in MIGRATIONS:
                    if name in done:
                        continue
                    for sql in statements:
                        conn.execute(sql)
                    conn.execute("INSERT INTO migrations VALUES (%s, %s)",
                                 (name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))
        except self._pg.Error as exc:
            raise self._fail(exc) from None

    def close(self) -> None:
        """Close this thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction holding the writers' lock."""
        if self.readonly:
            raise StoreError(f"database {self._where()} is opened read-only: cannot write to it")
        conn = self.conn
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield
        except self._pg.Error as exc:
            # The server went away or refused: nothing of the batch is stored; re-running the
            # ingest completes it (known content ids are skipped).
            self.close()
            raise self._fail(exc) from None

    def commit_batch(self, articles: Sequence[StoredArticle], stories: Sequence[StoredStory],
                     state: bytes) -> None:
        """Write new articles, changed briefs and the state (call inside :meth:`transaction`)."""
        conn = self.conn
        seq = int(conn.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0])
        batch = int(conn.execute("SELECT coalesce(max(updated), 0) FROM stories").fetchone()[0]) + 1
        for offset, item in enumerate(articles, start=1):
            a = item.article
            conn.execute(
                "INSERT INTO articles (id, alias, seq, published, story_id, data, search, stems) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                (a.id, item.alias, seq + offset, a.published.isoformat() if a.published else None,
                 item.story_id, article_to_json(a), f"{a.title or ''}\n{a.body}".lower(),
                 article_stems(item)),
            )
        for s in stories:
            conn.execute(
                "INSERT INTO stories (id, title, n_articles, first_published, last_published, "
                "updated, data, markdown, search, stems) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
                "n_articles = excluded.n_articles, first_published = excluded.first_published, "
                "last_published = excluded.last_published, updated = excluded.updated, "
                "data = excluded.data, markdown = excluded.markdown, search = excluded.search, "
                "stems = excluded.stems",
                (s.id, s.title, s.n_articles, s.first_published, s.last_published, batch,
                 json.dumps(s.data, ensure_ascii=False, separators=(",", ":")), s.markdown,
                 f"{s.title}\n{s.search_text}".lower(), story_stems(s)),
            )
        conn.execute("INSERT INTO state (key, value) VALUES ('assign', %s) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (state,))

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            rows: list[Any] = self.conn.execute(sql, params).fetchall()
            return rows
        except self._pg.Error as exc:
            self.close()
            raise self._fail(exc) from None

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` are stored."""
        if not ids:
            return set()
        return {r[0] for r in self._read("SELECT id FROM articles WHERE id = ANY(%s)", (list(ids),))}

    def list_stories(self, query: str | None, page: int, per_page: int) -> StoryPage:
        """Stories, latest publication date first; with ``query`` only the matching ones."""
        from .. import text

        page = max(page, 1)
        cols = "id, title, n_articles, first_published, last_published, updated"
        order = "ORDER BY coalesce(last_published, '') DESC, updated DESC, id"
        where, params = "", []
        if query is not None and query.strip():
            words = " ".join(query.split()).lower()
            stems = " ".join(sorted(set(text.content_terms(words, "id"))))
            # Both halves are parsed by PostgreSQL (plain text in, never tsquery syntax), so a
            # query cannot inject operators; one with no word at all matches nothing.
            if not any(ch.isalnum() for ch in words):
                return StoryPage([], 0, page, per_page, query)
            # A UNION (not an OR) so that both sides can be answered from their GIN index.
            where = (f"WHERE id IN (SELECT story_id FROM articles WHERE tsv @@ {TSQUERY} "
                     f"UNION SELECT id FROM stories WHERE tsv @@ {TSQUERY})")
            params = [words, stems, words, stems]
        total = int(self._read(f"SELECT count(*) FROM stories {where}", params)[0][0])
        rows = self._read(f"SELECT {cols} FROM stories {where} {order} LIMIT %s OFFSET %s",
                          [*params, per_page, (page - 1) * per_page])
        return StoryPage([StoryRow(*r) for r in rows], total, page, per_page, query)
