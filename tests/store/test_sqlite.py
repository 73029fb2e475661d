"""The SQLite store: idempotent ingest, incremental stories, search, migrations, bad files."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from tests.builders import raw_article
from warta.config import Config
from warta.errors import StoreError
from warta.ingest import read_inputs
from warta.model import RawArticle
from warta.store import ingest, open_store
from warta.store.ids import content_id
from warta.store.migrations import MIGRATIONS

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = str(REPO / "examples" / "banjir")


def _raw(i: int, text: str, day: int = 1, **kw: object) -> RawArticle:
    return raw_article(text, id=f"r{i}", format="jsonl",
                       published=dt.date(2024, 3, day), **kw)  # type: ignore[arg-type]


FLOOD = ("Banjir bandang melanda Desa Sukamaju\n"
         "Banjir bandang melanda Desa Sukamaju di Kabupaten Garut pada Senin malam. "
         "Sebanyak 2.300 warga mengungsi ke balai desa setelah sungai meluap. "
         "Petugas BPBD Garut masih mendata kerugian akibat banjir.")
FIRE = ("Kebakaran hanguskan Pasar Kembang\n"
        "Kebakaran besar menghanguskan ratusan kios di Pasar Kembang Margaluyu pada Rabu pagi. "
        "Pemadam kebakaran mengerahkan dua belas mobil untuk memadamkan api. "
        "Kerugian pedagang ditaksir mencapai empat miliar rupiah.")


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "w.db")


def test_example_ingest_is_idempotent(db: str) -> None:
    config = Config()
    store = open_store(db, config)
    first = ingest(store, read_inputs([EXAMPLE], config), config)
    assert len(first.stored) == 9 and not first.duplicates
    counts = store.counts()
    again = ingest(store, read_inputs([EXAMPLE], config), config)
    assert again.stored == [] and len(again.duplicates) == 9 and again.stories == set()
    assert store.counts() == counts
    # The same text under another id is the same article (content hash).
    text = (REPO / "examples" / "banjir" / "nusaraya.txt").read_text(encoding="utf-8")
    renamed = ingest(store, [raw_article(text, id="other-name")], config)
    assert renamed.stored == [] and len(renamed.duplicates) == 1


def test_stories_grow_incrementally_and_keep_their_ids(db: str) -> None:
    config = Config()
    store = open_store(db, config)
    r1 = ingest(store, [_raw(1, FLOOD, 4), _raw(2, FIRE, 5)], config)
    assert len(r1.stories) == 2
    flood_story = store.get_article("r1")["story"]  # type: ignore[index]
    fire_story = store.get_article("r2")["story"]  # type: ignore[index]
    fire_version = store.story_version(fire_story)
    follow = FLOOD.replace("Senin malam", "Senin malam lalu").replace("2.300", "2.450")
    r2 = ingest(store, [_raw(3, follow, 5)], config)
    # Only the flood story changed: its brief was recomputed, the fire story's was not.
    assert r2.stories == {flood_story}
    assert store.story_version(fire_story) == fire_version
    assert store.get_article("r3")["story"] == flood_story  # type: ignore[index]
    story = store.get_story(flood_story)
    assert story is not None and story.n_articles == 2
    assert {a["id"] for a in story.data["articles"]} == {content_id(_raw(1, FLOOD)),
                                                         content_id(_raw(3, follow))}
    for s in story.data["summary"]:
        for c in s["citations"]:  # provenance survives the store
            art = next(a for a in story.data["articles"] if a["id"] == c["article"])
            assert art["sentences"][c["sentence"]] == s["text"] or len(s["citations"]) > 1


def test_search_is_affix_tolerant(db: str) -> None:
    config = Config()
    store = open_store(db, config)
    ingest(store, [_raw(1, FLOOD), _raw(2, FIRE, 20)], config)
    flood_story = store.get_article("r1")["story"]  # type: ignore[index]
    assert "pengungsi" not in FLOOD.lower()
    for q in ("pengungsi", "mengungsi", "banjir", "Sukamaju", "BANJIR bandang"):
        page = store.list_stories(q, 1, 20)
        assert [r.id for r in page.stories] == [flood_story], q
    assert store.list_stories("kebakaran", 1, 20).total == 1
    assert store.list_stories("tsunami", 1, 20).total == 0
    assert store.list_stories("a", 1, 20).total == 0  # too short for any index: no crash
    assert store.list_stories('"; DROP TABLE', 1, 20).total == 0  # quotes are escaped
    # Recency: newest publication first.
    newest = store.list_stories(None, 1, 20).stories[0]
    assert newest.title.startswith("Kebakaran")


def test_bad_input_is_skipped_and_reported(db: str) -> None:
    config = Config()
    store = open_store(db, config)
    report = ingest(store, [raw_article("   \n ", id="empty"), _raw(1, FLOOD)], config)
    assert len(report.stored) == 1
    assert [s.input for s in report.skipped] == ["empty"]


def test_migrations_are_recorded(db: str) -> None:
    open_store(db).close()
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_newer_schema_is_refused(db: str) -> None:
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this Warta supports"):
        open_store(db)


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a Warta database"):
        open_store(str(bad))


def test_read_only_database_refuses_writes(db: str) -> None:
    config = Config()
    ingest(open_store(db, config), [_raw(1, FLOOD)], config)
    store = open_store(db, config, readonly=True)
    assert store.counts()["articles"] == 1  # reads work
    with pytest.raises(StoreError, match="read-only"):
        ingest(store, [_raw(2, FIRE)], config)


def test_read_only_file_is_opened_read_only(db: str) -> None:
    config = Config()
    ingest(open_store(db, config), [_raw(1, FLOOD)], config)
    os.chmod(db, 0o444)
    try:
        store = open_store(db, config)
        if not store.readonly:  # root ignores file modes: nothing to check here
            pytest.skip("running as root: file permissions are not enforced")
        with pytest.raises(StoreError, match="read-only"):
            ingest(store, [_raw(2, FIRE)], config)
    finally:
        os.chmod(db, 0o644)


def test_locked_database_gives_a_clear_error(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import warta.store.sqlite as backend

    config = Config()
    open_store(db, config).close()
    monkeypatch.setattr(backend, "BUSY_TIMEOUT_MS", 100)
    store = open_store(db, config)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with pytest.raises(StoreError, match="locked"):
            ingest(store, [_raw(1, FLOOD)], config)
    finally:
        other.execute("ROLLBACK")
    assert ingest(store, [_raw(1, FLOOD)], config).stored  # and works once it is free


def test_article_lookup_by_alias_and_id(db: str) -> None:
    config = Config()
    store = open_store(db, config)
    ingest(store, [_raw(7, FLOOD)], config)
    by_alias = store.get_article("r7")
    assert by_alias is not None and by_alias["alias"] == "r7"
    assert store.get_article(by_alias["id"]) == by_alias
    assert store.get_article("nope") is None


def test_repeat_after_its_batch_was_committed_is_a_duplicate(db: str) -> None:
    """The ingest forgets committed ids (the store answers for them): a copy arriving batches
    later is still reported as a duplicate, never stored twice; a copy of an article that could
    not be prepared is reported as a duplicate of it, as before."""
    config = Config(ingest_batch=2)
    items: list[RawArticle] = [_raw(i, f"{FLOOD} Laporan nomor {i}.", day=1 + i) for i in range(7)]
    items.insert(1, raw_article("", id="empty"))
    items.append(_raw(90, f"{FLOOD} Laporan nomor 0.", day=9))  # the first article's text again
    items.append(raw_article("", id="empty"))  # the unpreparable one again
    store = open_store(db, config)
    report = ingest(store, items, config)
    assert len(report.stored) == len(set(report.stored)) == 7
    assert report.duplicates == [("r90", report.stored[0]), ("empty", content_id(items[1]))]
    assert [s.input for s in report.skipped] == ["empty"]
    assert store.counts()["articles"] == 7
