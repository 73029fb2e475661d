"""``warta ingest --workers N | --scheduler ADDR``: prepare and re-brief on a Dask cluster, write
the store from this process.

The store ingest loop (:func:`warta.store.ingest`) is the same as in the single-process run: this
module only gives it two Dask-backed steps,

* ``prepare``: clean, split, language, annotators and the clustering features
  (:func:`warta.stories.features.extract`, shipped pickled with the article), one task per
  partition of raw articles, at most ``window`` partitions in flight
  (:func:`.run.map_ordered`), results in input order;
* ``brief``: the briefs of the stories a batch touched, as tasks over groups of stories.

Everything that reads or writes the store (content-id dedup, story assignment with the stored
clusterer state over the precomputed features, the batch transaction) stays on the client, in
input order, so the stored articles, stories and briefs are those of a single-process ingest of
the same input, and a re-run stores nothing twice (known content ids are skipped before any task is sent).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..config import Config
from ..model import Article, RawArticle, Skipped
from ..store.assign import features_blob
from ..store.base import Store, StoredStory
from ..store.ingest import IngestReport, WithFeatures, brief_each, ingest, prepare_each
from ..store.search import stems_of
from .cluster import require_distributed
from .run import (
    BRIEF_ARTICLES,
    PARTITION_SIZE,
    STORY_BATCH,
    WINDOW_PER_WORKER,
    map_ordered,
    n_workers,
)

PrepareTask = Callable[[list[RawArticle], Config], list[Article | WithFeatures | str]]
BriefWork = list[tuple[str, list[Article], list[tuple[str, str]]]]


def prepare_articles(raws: list[RawArticle], config: Config) -> list[Article | WithFeatures | str]:
    """Task: each raw article prepared, with its clustering features (pickled) and its search
    stems, or the reason it was skipped.  Both are pure functions of the article; doing them here
    takes stemming and MinHash off the client, whose sequential part (story assignment, the
    store's writes) then only looks up and updates the clusterer state and writes rows."""
    return [r if isinstance(r, str)
            else WithFeatures(r, features_blob(r, config), stems_of(r))
            for r in prepare_each(raws, config)]


def ingest_on(
    client: Any,
    store: Store,
    items: Iterable[RawArticle | Skipped],
    config: Config,
    on_item: Callable[[str], None] | None = None,
    *,
    partition_size: int = PARTITION_SIZE,
    window: int | None = None,
    story_batch: int = STORY_BATCH,
    prepare: PrepareTask = prepare_articles,
) -> IngestReport:
    """:func:`warta.store.ingest` with preparation and briefs on the Dask ``client``'s cluster."""
    require_distributed()
    window = window or WINDOW_PER_WORKER * n_workers(client)

    def prepare_many(raws: Iterable[RawArticle]) -> Iterator[Article | WithFeatures | str]:
        return map_ordered(client, raws, prepare, config, partition_size=partition_size,
                           window=window)

    def brief_many(work: BriefWork) -> list[StoredStory]:
        return list(map_ordered(client, work, brief_each, config, partition_size=story_batch,
                                window=window, weight=lambda w: len(w[1]),
                                max_weight=BRIEF_ARTICLES))

    return ingest(store, items, config, on_item, prepare=prepare_many, brief=brief_many)
