"""The distributed batch pipeline: the same stages as :func:`warta.pipeline.digest`, spread over
a Dask cluster, with an identical result.

1. **Prepare** (clean, split, language, annotators) runs as one task per partition of
   ``partition_size`` raw articles; the raw articles are read lazily on the client and shipped
   as plain dataclasses (text only, cheap to pickle).
   The same task also extracts each article's clustering features
   (:func:`warta.stories.features.extract`: stemming, names, MinHash), a pure function of the
   article and the costlier half of clustering.
2. **Cluster** runs on the client: :meth:`warta.stories.Clusterer.add` over the precomputed
   features in publication order, exactly what :func:`warta.stories.cluster_articles` does in the
   single-process run.  The clusterer is sequential by design (each article sees the stories of
   the ones before it); without feature extraction it costs ~1 ms per article against ~10 ms
   of prepare (bench/scale.py measures both), so one client keeps up with several workers.
3. **Brief** (:func:`warta.brief.build_story`, a pure function of one story) runs as tasks over
   batches of stories; stories are then ordered with :func:`warta.brief.story_order`.

Skips and duplicate ids are resolved on the client in input order, exactly as
:func:`warta.pipeline.prepare_all` does, so the skipped list is the same too.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO

from .. import annotate, ingest
from ..brief import build_story, story_order
from ..config import Config
from ..errors import ConfigError, InputError
from ..model import Article, Digest, RawArticle, Skipped, Story
from ..pipeline import ProgressHook, prepare_article
from ..stories import Clusterer, StoryState, params_from_config
from ..stories.features import ArticleFeatures, extract
from .cluster import require_distributed

#: Raw articles per prepare task: large enough that task overhead (~1 ms) is small next to
#: ~10 ms of work per article, small enough to spread 1k articles over many workers.
PARTITION_SIZE = 100
#: Stories per brief task.
STORY_BATCH = 50
#: Times a task that raised is retried (a worker that dies is handled by the scheduler, which
#: reschedules its tasks elsewhere up to ``distributed.scheduler.allowed-failures`` times).
RETRIES = 2

#: One prepared article with its clustering features, or the reason it was skipped.
Prepared = tuple[Article, ArticleFeatures] | str
PrepareFn = Callable[[list[RawArticle], Config], list[Prepared]]


def prepare_partition(raws: list[RawArticle], config: Config) -> list[Prepared]:
    """Task: prepare each raw article and extract its clustering features; an InputError becomes
    its message (the skip reason)."""
    out: list[Prepared] = []
    for raw in raws:
        try:
            article = prepare_article(raw, config)
        except InputError as exc:
            out.append(str(exc))
        else:
            out.append((article, extract(article)))
    return out


def cluster_prepared(
    prepared: Sequence[tuple[Article, ArticleFeatures]], config: Config
) -> list[tuple[StoryState, list[Article]]]:
    """:func:`warta.stories.cluster_articles` over articles whose features are already extracted:
    the same publication order, the same :meth:`Clusterer.add` calls, so the same stories."""
    clusterer = Clusterer(params_from_config(config))
    ordered = sorted(prepared, key=lambda p: (p[0].published or dt.date.max, p[0].id))
    for _, feats in ordered:
        clusterer.add(feats)
    by_id = {a.id: a for a, _ in prepared}
    return [(s, [by_id[a] for a in s.articles]) for s in clusterer.stories]


def brief_batch(
    groups: list[tuple[list[Article], list[tuple[str, str]]]], config: Config
) -> list[Story]:
    """Task: the briefs of a batch of already-clustered stories, returned without their articles
    (the client has them: sending them back would double the traffic; :func:`_attach`)."""
    out = []
    for members, dups in groups:
        story = build_story(members, config, duplicates=dups)
        out.append(replace(story, articles=[]))
    return out


def _attach(story: Story, members: list[Article]) -> Story:
    # The order build_story gives its articles: publication order, undated last, ties by id.
    story.articles = sorted(members, key=lambda a: (a.published or dt.date.max, a.id))
    return story


@dataclass
class Timings:
    """Wall-clock seconds per phase of one distributed run (printed by bench/scale.py)."""

    prepare: float = 0.0
    cluster: float = 0.0
    brief: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)


def _batches(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def digest_on(
    client: Any,
    inputs: Sequence[str],
    config: Config | None = None,
    *,
    stdin: BinaryIO | None = None,
    on_item: ProgressHook | None = None,
    partition_size: int = PARTITION_SIZE,
    story_batch: int = STORY_BATCH,
    prepare: PrepareFn = prepare_partition,
    timings: Timings | None = None,
) -> Digest:
    """:func:`warta.pipeline.digest` on the Dask ``client``'s cluster; the same Digest."""
    config = config or Config()
    annotate.selected(config)  # refuse unknown annotator names before reading anything
    return digest_items(client, ingest.read_inputs(inputs, config, stdin=stdin), config,
                        on_item=on_item, partition_size=partition_size, story_batch=story_batch,
                        prepare=prepare, timings=timings)


def digest_items(
    client: Any,
    items: Iterable[RawArticle | Skipped],
    config: Config,
    *,
    on_item: ProgressHook | None = None,
    partition_size: int = PARTITION_SIZE,
    story_batch: int = STORY_BATCH,
    prepare: PrepareFn = prepare_partition,
    timings: Timings | None = None,
) -> Digest:
    """The distributed pipeline over already-read items (readers' output, or a benchmark's)."""
    distributed = require_distributed()
    if partition_size < 1 or story_batch < 1:
        raise ConfigError("partition_size and story_batch must be positive")
    timings = timings if timings is not None else Timings()
    t0 = time.perf_counter()
    # Input order is kept: each entry is a Skipped, or (partition, position) of a raw article.
    order: list[Skipped | tuple[int, int, RawArticle]] = []
    futures: list[Any] = []
    pending: list[RawArticle] = []

    def flush() -> None:
        futures.append(client.submit(prepare, list(pending), config, retries=RETRIES, pure=False))
        pending.clear()

    for item in items:
        if isinstance(item, Skipped):
            order.append(item)
            continue
        order.append((len(futures), len(pending), item))
        pending.append(item)
        if len(pending) >= partition_size:
            flush()
    if pending:
        flush()
    results: list[list[Prepared]] = [[] for _ in futures]
    index = {f.key: i for i, f in enumerate(futures)}
    for fut in distributed.as_completed(futures):
        i = index[fut.key]
        results[i] = fut.result()
        fut.release()
        if on_item is not None:
            for _ in results[i]:
                on_item(f"partition {i}")
    # Resolve skips and duplicate ids in input order, exactly as pipeline.prepare_all does.
    prepared: list[tuple[Article, ArticleFeatures]] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    for entry in order:
        if isinstance(entry, Skipped):
            skipped.append(entry)
            continue
        part, pos, raw = entry
        label = raw.path or raw.url or raw.id
        result = results[part][pos]
        if raw.id in seen:
            skipped.append(Skipped(label, f"duplicate article id {raw.id!r}"))
        elif isinstance(result, str):
            skipped.append(Skipped(label, result))
        else:
            prepared.append(result)
            seen[raw.id] = label
    del results, order
    t1 = time.perf_counter()
    groups = cluster_prepared(prepared, config)
    n_read = len(prepared)
    del prepared  # the features (term counters, ~10 KB an article) are not needed any more
    t2 = time.perf_counter()
    work = [(members, list(state.duplicates)) for state, members in groups]
    brief_futures = [
        client.submit(brief_batch, batch, config, retries=RETRIES, pure=False)
        for batch in _batches(work, story_batch)
    ]
    stories: list[Story] = []
    for batch_result in client.gather(brief_futures):
        stories.extend(batch_result)
    stories = [_attach(story, members) for story, (members, _) in zip(stories, work, strict=True)]
    stories.sort(key=story_order)
    t3 = time.perf_counter()
    timings.prepare, timings.cluster, timings.brief = t1 - t0, t2 - t1, t3 - t2
    return Digest(stories=stories, skipped=skipped, articles_read=n_read)
