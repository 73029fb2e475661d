"""``store.assign``: precomputed features and the kept clusterer give exactly the assignments and
the state of the plain path (extract here, reload the state every batch)."""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import replace

import pytest

from tests.builders import article
from tests.distributed.inputs import synthetic
from warta.config import Config
from warta.errors import InputError
from warta.model import Article, RawArticle
from warta.pipeline import prepare_article
from warta.store.assign import ClustererCache, assign, features_blob
from warta.stories.features import extract

CONFIG = Config(annotators=("dates", "numbers"))


@pytest.fixture(scope="module")
def prepared() -> list[Article]:
    """~70 prepared articles over several weeks (stories go cold between batches), in
    publication order as the ingest loop sorts them, undated last."""
    out = []
    for raw in synthetic(70):
        if isinstance(raw, RawArticle):
            try:
                out.append(prepare_article(raw, CONFIG))
            except InputError:
                continue
    return sorted(out, key=lambda a: (a.published or dt.date.max, a.id))


def _batches(articles: list[Article], size: int) -> list[list[Article]]:
    return [articles[i:i + size] for i in range(0, len(articles), size)]


def test_precomputed_features_give_the_same_assignments_and_state(prepared: list[Article]) -> None:
    plain, state_a = [], None
    shipped, state_b = [], None
    for batch in _batches(prepared, 9):
        got, state_a, dups_a = assign(batch, state_a, CONFIG)
        plain.append((got, dups_a))
        blobs = {a.id: features_blob(a, CONFIG) for a in batch}
        got, state_b, dups_b = assign(batch, state_b, CONFIG, blobs)
        shipped.append((got, dups_b))
    assert shipped == plain and state_b == state_a
    assert len({x.story_id for got, _ in plain for x in got}) > 1


def test_features_that_do_not_fit_are_extracted_again(prepared: list[Article]) -> None:
    batch = prepared[:6]
    expected = assign(batch, None, CONFIG)
    other = extract(prepared[-1])  # another article's features under this one's id
    bad = {batch[0].id: pickle.dumps(other), batch[1].id: pickle.dumps("not features")}
    # Features with an embedding when the clusterer has none (another embed setting).
    import numpy as np

    feats = extract(batch[2])
    bad[batch[2].id] = pickle.dumps(replace(feats, embedding=np.ones(4)))
    assert assign(batch, None, CONFIG, bad) == expected


def test_kept_clusterer_continues_exactly_as_a_reloaded_one(prepared: list[Article]) -> None:
    cache = ClustererCache()
    state_a: bytes | None = None
    state_b: bytes | None = None
    for batch in _batches(prepared, 7):
        got_a, state_a, dups_a = assign(batch, state_a, CONFIG)
        got_b, state_b, dups_b = assign(batch, state_b, CONFIG, cache=cache)
        cache.confirm()
        assert (got_b, dups_b) == (got_a, dups_a)
        assert state_b == state_a


def test_cache_is_used_only_for_the_state_it_saved(prepared: list[Article]) -> None:
    cache = ClustererCache()
    _, state, _ = assign(prepared[:5], None, CONFIG, cache=cache)
    assert cache.take(state) is None  # offered, never confirmed (the commit failed)
    _, state, _ = assign(prepared[:5], None, CONFIG, cache=cache)
    cache.confirm()
    # Another writer's state: reloaded, not the kept clusterer.
    _, other, _ = assign(prepared[5:8], state, CONFIG)
    assert cache.take(other) is None
    assert cache.take(state) is None  # taken once only: the caller changes it
    assign(prepared[5:8], state, CONFIG, cache=cache)
    cache.confirm()
    assert cache.take(None) is None  # an empty store


def test_one_article_and_no_features() -> None:
    a = article(["Banjir melanda Jakarta pada Senin.", "Warga mengungsi."], id="x",
                published=dt.date(2024, 1, 2))
    got, state, dups = assign([a], None, CONFIG, {})
    assert [x.article_id for x in got] == ["x"] and state and list(dups.values()) == [[]]
