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

Client memory: a prepared article comes back as a :class:`Packed` (its id, date and two pickled
blobs) and stays pickled on the client until the end: an unpickled Article is ~13 KB and its
features (term counters) ~26 KB, against ~6 KB + ~2.5 KB pickled.  Features are unpickled one at
a time as the clusterer takes them; articles are shipped still pickled to the brief tasks and
unpickled only to attach them to the final Digest.
"""

from __future__ import annotations

import datetime as dt
import pickle
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO, NamedTuple, TypeVar

from .. import annotate, ingest
from ..brief import build_story, story_order
from ..config import Config
from ..errors import ConfigError, InputError
from ..model import Article, Digest, RawArticle, Skipped, Story
from ..pipeline import ProgressHook, prepare_article
from ..store.assign import features_blob
from ..stories import Clusterer, StoryState, params_from_config
from ..stories.features import ArticleFeatures
from .cluster import ClusterError, require_distributed

#: Raw articles per prepare task: large enough that task overhead (~1 ms) is small next to
#: ~10 ms of work per article, small enough to spread 1k articles over many workers.
PARTITION_SIZE = 100
#: Stories per brief task, and at most this many articles in one (a big story goes alone): a
#: batch of 50 stories holding one story of thousands of articles killed 2 GiB workers at 100k.
STORY_BATCH = 50
BRIEF_ARTICLES = 500
#: Partitions in flight per worker: enough to keep every worker busy while the client does its
#: part, few enough that the client (and a LocalCluster's in-process scheduler, which holds the
#: arguments of every submitted task) holds a bounded number of articles.
WINDOW_PER_WORKER = 3
#: Times a task that raised is retried (a worker that dies is handled by the scheduler, which
#: reschedules its tasks elsewhere up to ``distributed.scheduler.allowed-failures`` times).
RETRIES = 2

T = TypeVar("T")
R = TypeVar("R")


class Packed(NamedTuple):
    """A prepared article as the client keeps it: what ordering needs, the rest pickled."""

    id: str
    published: dt.date | None
    language: str
    article: bytes
    features: bytes


#: One prepared article, or the reason it was skipped.
Prepared = Packed | str
PrepareFn = Callable[[list[RawArticle], Config], list[Prepared]]


def _dumps(obj: Any) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


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
            out.append(Packed(article.id, article.published, article.language, _dumps(article),
                              features_blob(article, config)))
    return out


def publication_key(p: Packed) -> tuple[dt.date, str]:
    """The order :func:`warta.stories.cluster_articles` adds articles in (undated last, by id)."""
    return (p.published or dt.date.max, p.id)


def cluster_packed(
    prepared: Sequence[Packed], config: Config, marks: list[float] | None = None
) -> list[tuple[StoryState, list[bytes]]]:
    """:func:`warta.stories.cluster_articles` over articles whose features are already extracted:
    the same publication order, the same :meth:`Clusterer.add` calls, so the same stories.
    Each story comes with its members' pickled articles.  ``marks`` (if given) receives this
    process's CPU clock at each tenth of the articles (bench/scale.py's flatness check: CPU
    time, unlike wall time, does not move with the other load on the machine)."""
    clusterer = Clusterer(params_from_config(config))
    ordered = sorted(prepared, key=publication_key)
    tenth = max(len(ordered) // 10, 1)
    for i, p in enumerate(ordered, start=1):
        feats: ArticleFeatures = pickle.loads(p.features)
        clusterer.add(feats)
        if marks is not None and i % tenth == 0:
            marks.append(time.process_time())
    by_id = {p.id: p.article for p in prepared}
    return [(s, [by_id[a] for a in s.articles]) for s in clusterer.stories]


def brief_batch(
    groups: list[tuple[list[bytes], list[tuple[str, str]]]], config: Config
) -> list[Story]:
    """Task: the briefs of a batch of already-clustered stories (members pickled), returned
    without their articles (the client has them: sending them back would double the traffic)."""
    out = []
    for members, dups in groups:
        story = build_story([pickle.loads(m) for m in members], config, duplicates=dups)
        out.append(replace(story, articles=[]))
    return out


def _attach(story: Story, members: list[bytes]) -> Story:
    articles: list[Article] = [pickle.loads(m) for m in members]
    # The order build_story gives its articles: publication order, undated last, ties by id.
    story.articles = sorted(articles, key=lambda a: (a.published or dt.date.max, a.id))
    return story


@dataclass
class Timings:
    """Wall-clock seconds per phase of one distributed run (printed by bench/scale.py)."""

    prepare: float = 0.0
    cluster: float = 0.0
    brief: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)
    #: Wall clock (perf_counter) after every ``mark_every`` articles prepared (0: no marks); the
    #: client's CPU clock (process_time) at the start of clustering and after each tenth.
    mark_every: int = 0
    prepare_marks: list[float] = field(default_factory=list)
    cluster_marks: list[float] = field(default_factory=list)


def batches(items: Iterable[T], size: int, weight: Callable[[T], int] | None = None,
            max_weight: int = 0) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily; with ``weight``, a
    list is also closed once its total weight reaches ``max_weight`` (an item heavier than that
    gets a list of its own)."""
    batch: list[T] = []
    total = 0
    for item in items:
        w = weight(item) if weight is not None else 0
        if batch and weight is not None and total + w > max_weight:
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += w
        if len(batch) >= size:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def n_workers(client: Any) -> int:
    """Workers the client's cluster has now (at least 1)."""
    return max(len(client.scheduler_info().get("workers", {})), 1)


def map_ordered(
    client: Any,
    items: Iterable[T],
    fn: Callable[[list[T], Config], list[R]],
    config: Config,
    *,
    partition_size: int = PARTITION_SIZE,
    window: int = 8,
    weight: Callable[[T], int] | None = None,
    max_weight: int = 0,
) -> Iterator[R]:
    """``fn`` over partitions of ``items`` as Dask tasks, its results yielded one per item in
    input order.  At most ``window`` partitions are in flight, so a stream of any length uses
    bounded memory; a partition whose worker died is recomputed by the scheduler and its
    results still come out once, in place (they are collected by future, not by arrival)."""
    if partition_size < 1 or window < 1:
        raise ConfigError("partition_size and window must be positive")
    inflight: deque[Any] = deque()

    killed_worker = require_distributed().KilledWorker

    def drain(limit: int) -> Iterator[R]:
        while len(inflight) > limit:
            fut = inflight.popleft()
            try:
                results: list[R] = fut.result()
            except killed_worker as exc:
                # The scheduler gave up on a task that killed every worker it ran on (out of
                # memory, a crash): one clear line instead of Dask's traceback.
                raise ClusterError(
                    f"a {getattr(fn, '__name__', 'task')} task killed every worker that ran it "
                    "(out of memory? give the workers more with --memory-limit)") from exc
            fut.release()
            yield from results

    for part in batches(items, partition_size, weight, max_weight):
        inflight.append(client.submit(fn, part, config, retries=RETRIES, pure=False))
        yield from drain(window - 1)
    yield from drain(0)


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
    partition_days: int | None = None,
) -> Digest:
    """:func:`warta.pipeline.digest` on the Dask ``client``'s cluster; the same Digest (with
    ``partition_days``, clustering is partitioned: :mod:`.partition`, not identical)."""
    config = config or Config()
    annotate.selected(config)  # refuse unknown annotator names before reading anything
    return digest_items(client, ingest.read_inputs(inputs, config, stdin=stdin), config,
                        on_item=on_item, partition_size=partition_size, story_batch=story_batch,
                        prepare=prepare, timings=timings, partition_days=partition_days)


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
    partition_days: int | None = None,
    window: int | None = None,
) -> Digest:
    """The distributed pipeline over already-read items (readers' output, or a benchmark's).
    ``partition_days``: cluster per language and window of that many days, in parallel, then
    join stories across window edges (:mod:`.partition`) instead of the exact client-side run."""
    require_distributed()
    if partition_size < 1 or story_batch < 1 or (partition_days is not None and partition_days < 1):
        raise ConfigError("partition_size, story_batch and partition_days must be positive")
    timings = timings if timings is not None else Timings()
    window = window or WINDOW_PER_WORKER * n_workers(client)
    t0 = time.perf_counter()
    # Input order is kept: each entry is a Skipped, or (id, label) of a raw article sent to a
    # task (not the article itself: its text is not needed on the client any more).
    order: deque[Skipped | tuple[str, str]] = deque()

    def raws() -> Iterator[RawArticle]:
        for item in items:
            if isinstance(item, Skipped):
                order.append(item)
                continue
            order.append((item.id, item.path or item.url or item.id))
            yield item

    # Resolve skips and duplicate ids in input order, exactly as pipeline.prepare_all does.
    # At most ``window`` partitions are in flight: with a LocalCluster the scheduler lives in
    # this process and holds the arguments of every submitted task.
    prepared: list[Packed] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    prepared_results = map_ordered(client, raws(), prepare, config,
                                   partition_size=partition_size, window=window)
    for done, result in enumerate(prepared_results, start=1):
        entry = order.popleft()
        while isinstance(entry, Skipped):
            skipped.append(entry)
            entry = order.popleft()
        raw_id, label = entry
        if raw_id in seen:
            skipped.append(Skipped(label, f"duplicate article id {raw_id!r}"))
        elif isinstance(result, str):
            skipped.append(Skipped(label, result))
        else:
            prepared.append(result)
            seen[raw_id] = label
        if timings.mark_every and done % timings.mark_every == 0:
            timings.prepare_marks.append(time.perf_counter())
        if on_item is not None:
            on_item(raw_id)
    skipped.extend(e for e in order if isinstance(e, Skipped))
    order.clear()
    t1 = time.perf_counter()
    timings.cluster_marks.append(time.process_time())
    if partition_days is None:
        groups = cluster_packed(prepared, config, timings.cluster_marks)
    else:
        from .partition import cluster_partitioned

        states = cluster_partitioned(
            client, [(p.id, p.published, p.language, p.features) for p in prepared], config,
            partition_days)
        blobs = {p.id: p.article for p in prepared}
        groups = [(s, [blobs[a] for a in s.articles]) for s in states]
        del blobs
    n_read = len(prepared)
    del prepared  # the pickled features are not needed any more
    t2 = time.perf_counter()
    # Briefs as tasks, at most ``window`` batches in flight; each story's pickled members are
    # dropped as soon as they are attached unpickled.
    members_of = [members for _, members in groups]
    work = ((members, list(state.duplicates)) for state, members in groups)
    stories: list[Story] = []
    briefs = map_ordered(client, work, brief_batch, config, partition_size=story_batch,
                         window=window, weight=lambda w: len(w[0]), max_weight=BRIEF_ARTICLES)
    for i, story in enumerate(briefs):
        if config.story_topics:  # as build_stories does: the clusterer's topic, when asked
            story.topic = groups[i][0].topic
        stories.append(_attach(story, members_of[i]))
        members_of[i] = []
        groups[i] = (groups[i][0], [])
    del groups, members_of
    stories.sort(key=story_order)
    t3 = time.perf_counter()
    timings.prepare, timings.cluster, timings.brief = t1 - t0, t2 - t1, t3 - t2
    return Digest(stories=stories, skipped=skipped, articles_read=n_read)
