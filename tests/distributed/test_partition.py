"""Partitioned clustering (``--partition-days``): per language and time window in parallel, then a
merge across window edges; every article in exactly one story, bounded disagreement."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import pytest

from tests.builders import raw_article
from warta.cli import main
from warta.config import Config
from warta.distributed.partition import cluster_partition, merge_edge, partition_key
from warta.distributed.run import digest_items
from warta.errors import ConfigError
from warta.model import Digest, RawArticle, Skipped
from warta.pipeline import prepare_article
from warta.stories.evaluate import bcubed
from warta.stories.features import extract

from .inputs import EXAMPLE, synthetic

FLOOD = ("Banjir bandang melanda Desa Sukamaju di Kabupaten Garut pada Senin pagi. "
         "Ratusan warga Sukamaju mengungsi ke balai desa setelah Sungai Cimanuk meluap. "
         "BPBD Garut mengerahkan perahu karet untuk mengevakuasi warga Sukamaju.")
FIRE = ("Kebakaran hebat menghanguskan Pasar Kembang di Kota Surabaya pada Rabu malam. "
        "Petugas pemadam kebakaran Surabaya memadamkan api selama lima jam. "
        "Ratusan kios pedagang Pasar Kembang habis terbakar.")


def _assign(d: Digest) -> dict[str, str]:
    return {a.id: s.id for s in d.stories for a in s.articles}


def _flood(i: int, day: dt.date) -> RawArticle:
    return raw_article(FLOOD.replace("Senin", ["Senin", "Selasa", "Rabu"][i % 3]),
                       id=f"flood{i}", published=day, title="Banjir bandang di Sukamaju")


def test_one_window_is_the_exact_clustering(client: Any) -> None:
    items = [i for i in synthetic(40) if not isinstance(i, RawArticle) or i.id != "english"]
    config = Config(annotators=())
    exact = digest_items(client, items, config, partition_size=6)
    parted = digest_items(client, items, config, partition_size=6, partition_days=100_000)
    assert _assign(parted) == _assign(exact)
    assert [s.id for s in parted.stories] == [s.id for s in exact.stories]


def test_story_across_a_window_edge_is_joined(client: Any) -> None:
    config = Config(annotators=())
    days = 5
    # Two reports of one flood two days apart, on both sides of a window edge, plus a fire.
    first = dt.date.fromordinal(1000 * days - 1)
    items: list[RawArticle | Skipped] = [
        _flood(0, first), _flood(1, first + dt.timedelta(days=2)),
        raw_article(FIRE, id="fire", published=first + dt.timedelta(days=1), title="Kebakaran"),
    ]
    assert partition_key("id", first, days) != partition_key("id", first + dt.timedelta(days=2), days)
    exact = digest_items(client, items, config)
    parted = digest_items(client, items, config, partition_days=days)
    assert _assign(parted) == _assign(exact)
    assert _assign(parted)["flood0"] == _assign(parted)["flood1"] != _assign(parted)["fire"]
    # Without the merge step, the two windows would hold two flood stories.
    feats = [extract(prepare_article(r, config)) for r in items if isinstance(r, RawArticle)]
    blob = {f.id: (f.id, f.published, pickle.dumps(f)) for f in feats}
    edge_until = first + dt.timedelta(days=1 + config.story_window_days)
    old = cluster_partition([blob["flood0"]], config, None)
    new = cluster_partition([blob["flood1"], blob["fire"]], config, edge_until)
    assert len(old.stories) == 1 and len(new.stories) == 2
    assert merge_edge(old, new) == [("flood1", "flood0")]


def test_synthetic_every_article_once_and_close_to_exact(client: Any) -> None:
    items = synthetic(60)  # undated articles, an English one, skips and a duplicate id included
    config = Config(annotators=())
    exact = digest_items(client, items, config, partition_size=7)
    for days in (3, 9, 30):
        parted = digest_items(client, items, config, partition_size=7, partition_days=days)
        ids = [a.id for s in parted.stories for a in s.articles]
        assert len(ids) == len(set(ids)) == exact.articles_read
        assert parted.skipped == exact.skipped
        assert bcubed(_assign(parted), _assign(exact)).f1 > 0.8, days
        for s in parted.stories:  # a story's id is its seed's, as in the exact run
            dated = sorted((a.published or dt.date.max, a.id) for a in s.articles)
            assert s.articles[0].id == dated[0][1]


def test_bad_partition_days(client: Any, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ConfigError):
        digest_items(client, [], Config(), partition_days=0)
    assert main(["digest", str(EXAMPLE), "--partition-days", "7", "--no-progress"]) == 2
    assert "--partition-days needs --workers" in capsys.readouterr().err
