"""The PostgreSQL store against a real server: the same results as SQLite, concurrent writers,
a connection lost mid-ingest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from warta.config import Config
from warta.errors import StoreError
from warta.ingest import read_inputs
from warta.store import ingest, open_store

from .synthetic import synthetic_record

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = str(REPO / "examples" / "banjir")


def test_same_stories_as_sqlite_and_idempotent(pg_db: str, tmp_path: Path) -> None:
    config = Config()
    pg = open_store(pg_db, config)
    lite = open_store(str(tmp_path / "w.db"), config)
    first = ingest(pg, read_inputs([EXAMPLE], config), config)
    ingest(lite, read_inputs([EXAMPLE], config), config)
    assert len(first.stored) == 9
    assert pg.counts() == lite.counts()
    a, b = pg.list_stories(None, 1, 50), lite.list_stories(None, 1, 50)
    assert [s.id for s in a.stories] == [s.id for s in b.stories]
    for row in a.stories:
        x, y = pg.get_story(row.id), lite.get_story(row.id)
        assert x is not None and y is not None and x.data == y.data and x.markdown == y.markdown
    again = ingest(pg, read_inputs([EXAMPLE], config), config)
    assert again.stored == [] and len(again.duplicates) == 9
    article = pg.get_article("nusaraya-2022-01-21-pasar-kembang")
    assert article is not None and article == lite.get_article("nusaraya-2022-01-21-pasar-kembang")
    found = pg.list_stories("banjir", 1, 10)
    assert found.total >= 1
    assert pg.list_stories("zzqqxx", 1, 10).total == 0
    pg.close()


def test_bad_url_is_one_line_error() -> None:
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql:///nodb?host=/nonexistent&port=1", Config())


def _write_jsonl(path: Path, ids: range) -> None:
    import json

    path.write_text("".join(json.dumps(synthetic_record(i)) + "\n" for i in ids), encoding="utf-8")


def test_concurrent_ingest_processes_lose_and_double_nothing(pg_db: str, tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _write_jsonl(a, range(0, 60))
    _write_jsonl(b, range(30, 90))  # half of each file is in the other one
    cmd = [sys.executable, "-m", "warta", "ingest", "--db", pg_db, "--no-progress", "-q",
           "--annotators", "none"]
    procs = [subprocess.Popen([*cmd, str(p)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for p in (a, b)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    store = open_store(pg_db, Config())
    assert store.counts()["articles"] == 90


def test_connection_lost_mid_ingest_then_rerun_completes(pg_db: str, tmp_path: Path) -> None:
    import psycopg

    config = Config(ingest_batch=10, annotators=())
    path = tmp_path / "a.jsonl"
    _write_jsonl(path, range(40))
    store = open_store(pg_db, config)
    items = list(read_inputs([str(path)], config))
    ingest(store, items[:20], config)
    # The server ends this store's connection (as on a restart or a failover).
    pid = store.conn.info.backend_pid
    with psycopg.connect(pg_db, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(StoreError):
        ingest(store, items, config)
    again = ingest(open_store(pg_db, config), items, config)
    assert len(again.stored) == 20 and len(again.duplicates) == 20
    assert open_store(pg_db, config).counts()["articles"] == 40


SEARCHES = ["banjir", "Banjir  bandang", "pengungsi", "mengungsi", "pasar kembang", "BPBD",
            "zzqqxx", '"; DROP TABLE', "a & b | !c", ":*", "ab"]


def test_search_uses_gin_index_and_matches_sqlite(pg_db: str, tmp_path: Path) -> None:
    config = Config()
    pg = open_store(pg_db, config)
    lite = open_store(str(tmp_path / "w.db"), config)
    for store in (pg, lite):
        ingest(store, read_inputs([EXAMPLE], config), config)
    # Whole-word and stem queries give SQLite's answer (operators and quotes are plain text).
    for q in SEARCHES:
        a, b = pg.list_stories(q, 1, 5), lite.list_stories(q, 1, 5)
        assert (a.total, [r.id for r in a.stories]) == (b.total, [r.id for r in b.stories]), q
        assert a.query == q and a.per_page == 5
    assert pg.list_stories("mengungsi", 1, 5).total >= 1
    assert pg.list_stories("   ", 1, 5).total == pg.counts()["stories"]  # blank: no filter
    assert pg.list_stories("!!!", 1, 5).total == 0
    # The search is answered from the GIN indexes, not by scanning the tables.
    with pg.conn.transaction():
        pg.conn.execute("SET LOCAL enable_seqscan = off")
        plan = "\n".join(r[0] for r in pg.conn.execute(
            "EXPLAIN SELECT story_id FROM articles "
            "WHERE tsv @@ plainto_tsquery('simple', 'banjir')").fetchall())
    assert "articles_tsv" in plan
    pg.close()


def test_search_migration_applies_to_a_database_of_the_first_schema(pg_db: str) -> None:
    import psycopg

    from warta.store.postgres import MIGRATIONS

    config = Config()
    first_name, first = MIGRATIONS[0]
    with psycopg.connect(pg_db, autocommit=True) as conn:  # a database written before 0002
        conn.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
        for sql in first:
            conn.execute(sql)
        conn.execute("INSERT INTO migrations VALUES (%s, 'then')", (first_name,))
    store = open_store(pg_db, config)
    ingest(store, read_inputs([EXAMPLE], config), config)
    assert store.list_stories("banjir", 1, 5).total >= 1
    names = [r[0] for r in store.conn.execute("SELECT name FROM migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]
    store.close()
