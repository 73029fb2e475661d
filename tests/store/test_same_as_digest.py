"""The store groups a batch exactly as ``warta digest`` groups the same files."""

from __future__ import annotations

import os
from pathlib import Path

from warta import Config, digest
from warta.ingest import read_inputs
from warta.store import ingest, open_store

REPO = Path(__file__).resolve().parent.parent.parent


def test_store_stories_equal_digest_stories(tmp_path: Path) -> None:
    old = Path.cwd()
    os.chdir(REPO)
    try:
        config = Config()
        stories = digest(["examples/banjir"], config).stories
        expected = sorted(sorted(a.id for a in s.articles) for s in stories)
        store = open_store(str(tmp_path / "w.db"), config)
        ingest(store, read_inputs(["examples/banjir"], config), config)
    finally:
        os.chdir(old)
    groups: dict[str, list[str]] = {}
    for given in (i for g in expected for i in g):
        row = store.get_article(given)  # found by the id the input gave
        assert row is not None, given
        groups.setdefault(row["story"], []).append(given)
    assert sorted(sorted(g) for g in groups.values()) == expected


def test_describe_never_shows_credentials() -> None:
    from warta.store import describe

    assert describe("postgresql://warta:s3cret@db.local:5432/news") == "postgresql://db.local:5432/news"
    assert describe("postgresql:///news?host=/tmp") == "postgresql:///news?host=/tmp"
    assert describe("./warta.db") == "./warta.db"
