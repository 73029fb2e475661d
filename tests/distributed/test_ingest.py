"""``warta ingest --workers/--scheduler``: the store ends up as a single-process ingest leaves it,
re-runs are idempotent, and a worker killed mid-run loses and doubles nothing."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

from warta.cli import main
from warta.config import Config
from warta.distributed.ingest import ingest_on
from warta.errors import ConfigError
from warta.model import RawArticle, Skipped
from warta.store import Store, ingest, open_store

from .faults import die_once_ingest
from .inputs import EXAMPLE, synthetic


def snapshot(store: Store) -> tuple[dict[str, int], list[tuple[str, Any, str]]]:
    """Everything a reader sees: counts, and every story's contract dict and Markdown, in list
    order."""
    page = store.list_stories(None, 1, 10_000)
    out = []
    for row in page.stories:
        story = store.get_story(row.id)
        assert story is not None
        out.append((row.id, story.data, story.markdown))
    return store.counts(), out


def _items() -> list[RawArticle | Skipped]:
    return synthetic(40)


def test_same_store_as_single_process_and_rerun_stores_nothing(client: Any, tmp_path: Path) -> None:
    config = Config(annotators=("dates", "numbers"), ingest_batch=7)
    single = open_store(str(tmp_path / "single.db"), config)
    dist = open_store(str(tmp_path / "dist.db"), config)
    a = ingest(single, _items(), config)
    b = ingest_on(client, dist, _items(), config, partition_size=3, window=2, story_batch=2)
    assert b.stored == a.stored and b.duplicates == a.duplicates
    assert sorted(map(str, b.skipped)) == sorted(map(str, a.skipped))
    assert b.stories == a.stories
    assert snapshot(dist) == snapshot(single)
    # The search columns the workers computed are the ones the store computes itself.
    for q in ("banjir", "mengungsi", "warga jakarta", "xyzzy"):
        assert dist.list_stories(q, 1, 100) == single.list_stories(q, 1, 100)
    assert dist.list_stories("banjir", 1, 100).total > 0
    again = ingest_on(client, dist, _items(), config, partition_size=3)
    assert again.stored == [] and len(again.duplicates) == len(a.stored) + len(a.duplicates)
    assert snapshot(dist) == snapshot(single)


def test_worker_killed_mid_ingest_loses_and_doubles_nothing(client: Any, tmp_path: Path) -> None:
    config = Config(annotators=(), ingest_batch=10)
    single = open_store(str(tmp_path / "single.db"), config)
    dist = open_store(str(tmp_path / "dist.db"), config)
    ingest(single, _items(), config)
    crash = functools.partial(die_once_ingest, str(tmp_path / "killed"))
    report = ingest_on(client, dist, _items(), config, partition_size=5, prepare=crash)
    assert (tmp_path / "killed").exists()  # a worker really died
    assert len(report.stored) == len(set(report.stored)) == dist.counts()["articles"]
    assert snapshot(dist) == snapshot(single)


def test_empty_and_all_skipped(client: Any, tmp_path: Path) -> None:
    config = Config()
    store = open_store(str(tmp_path / "w.db"), config)
    assert ingest_on(client, store, [], config).stored == []
    bad: list[RawArticle | Skipped] = [Skipped("x", "unreadable"),
                                       RawArticle(id="e", text="", format="txt")]
    report = ingest_on(client, store, bad, config)
    assert report.stored == [] and [s.input for s in report.skipped] == ["x", "e"]
    assert store.counts() == {"articles": 0, "stories": 0}


def test_bad_partition_options(client: Any, tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "w.db"), Config())
    items = _items()
    with pytest.raises(ConfigError):
        ingest_on(client, store, items, Config(), partition_size=0)


def test_postgres_store_same_as_sqlite_single(client: Any, pg_db: str, tmp_path: Path) -> None:
    config = Config(annotators=("dates",), ingest_batch=8)
    single = open_store(str(tmp_path / "single.db"), config)
    pg = open_store(pg_db, config)
    try:
        ingest(single, _items(), config)
        ingest_on(client, pg, _items(), config, partition_size=4)
        assert snapshot(pg) == snapshot(single)
        assert ingest_on(client, pg, _items(), config).stored == []
    finally:
        pg.close()


def test_cli_ingest_on_scheduler(client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    single, dist = str(tmp_path / "single.db"), str(tmp_path / "dist.db")
    assert main(["ingest", str(EXAMPLE), "--no-progress", "--db", single]) == 0
    assert main(["ingest", str(EXAMPLE), "--no-progress", "--db", dist,
                 "--scheduler", client.scheduler.address, "--partition-size", "2"]) == 0
    assert "9 article(s) stored" in capsys.readouterr().err
    config = Config()
    assert snapshot(open_store(dist, config)) == snapshot(open_store(single, config))


def test_cli_ingest_dead_scheduler_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ingest", str(EXAMPLE), "--no-progress", "--db", str(tmp_path / "w.db"),
                 "--scheduler", "tcp://127.0.0.1:9", "--connect-timeout", "1"])
    err = capsys.readouterr().err
    assert code == 1 and err.strip().count("\n") == 0 and "no Dask scheduler answered" in err


def test_postgres_connection_lost_mid_ingest_then_rerun_completes(client: Any, pg_db: str) -> None:
    import psycopg

    from warta.errors import StoreError
    from warta.store.postgres import PostgresStore

    config = Config(annotators=(), ingest_batch=5)
    items = _items()
    store = open_store(pg_db, config)
    assert isinstance(store, PostgresStore)
    first = ingest_on(client, store, items[:20], config, partition_size=4)
    # The server ends this store's connection (a restart, a failover) before the next batch.
    with psycopg.connect(pg_db, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (store.conn.info.backend_pid,))
    with pytest.raises(StoreError):
        ingest_on(client, store, items, config, partition_size=4)
    again = open_store(pg_db, config)
    rest = ingest_on(client, again, items, config, partition_size=4)
    single = ingest(open_store(":memory:", config), items, config)
    assert sorted(first.stored + rest.stored) == sorted(single.stored)
    assert again.counts()["articles"] == len(single.stored)
    again.close()
