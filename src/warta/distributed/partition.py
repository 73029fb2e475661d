"""Partitioned clustering (``warta digest --workers N --partition-days D``): articles split by
language and D-day time window, each partition clustered by its own
:class:`warta.stories.Clusterer` in a Dask task, then a merge step joins stories across the
window edges.

Merge: a story of window *k* can only continue a story of window *k-1* if that one is still
hot when the new story starts, i.e. if the new story's seed (first article) is dated within
``story_window_days`` of window *k*'s start.  For each such "edge" story, the merge task
reloads window *k-1*'s final clusterer state (:meth:`Clusterer.from_bytes`) and adds the seed's
features in publication order: if the seed joins an existing story of *k-1*, the two stories are
one.  Merges chain across windows (union-find over seeds).  Undated articles form their own
partition per language, after the last window, as the single run adds them last.  Every edge is
independent of the others, so edges are merged in parallel too.

This is NOT identical to the single-process clustering (docs/distributed.md): each partition has
its own IDF; only a story's seed is matched across an edge (a later member that would have pulled
the story into an older one is not); near-duplicates are found within a partition only; articles
of different languages never share a story.  bench/scale.py prints the BCubed F1 against the
exact run.  Only the public :mod:`warta.stories` API is used.
"""

from __future__ import annotations

import datetime as dt
import itertools
import pickle
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..errors import ConfigError
from ..stories import Clusterer, StoryState, params_from_config, story_id_of

#: (article id, publication date, pickled features) of one article of a partition.
Member = tuple[str, dt.date | None, bytes]


@dataclass
class PartStory:
    """One story of a partition: its members in publication order (the first is its seed)."""

    members: list[str]
    duplicates: list[tuple[str, str]]


@dataclass
class PartResult:
    """What a partition's task returns: its stories, the clusterer's final state (for the merge
    with the next window) and the pickled features of its edge stories' seeds."""

    stories: list[PartStory]
    state: bytes
    edge: list[bytes]


def _key(m: Member) -> tuple[dt.date, str]:
    return (m[1] or dt.date.max, m[0])


def cluster_partition(members: list[Member], config: Config, edge_until: dt.date | None) -> PartResult:
    """Task: cluster one partition in publication order; stories seeded on or before
    ``edge_until`` (all of them when None: the undated partition) are edge stories."""
    clusterer = Clusterer(params_from_config(config))
    members = sorted(members, key=_key)
    for _, _, feats in members:
        clusterer.add(pickle.loads(feats))
    by_id = {m[0]: m for m in members}
    stories = [PartStory(list(s.articles), list(s.duplicates)) for s in clusterer.stories]
    edge = []
    for s in stories:
        _, day, feats = by_id[s.members[0]]
        if edge_until is None or day is None or day <= edge_until:
            edge.append(feats)
    return PartResult(stories, clusterer.to_bytes(), edge)


def merge_edge(prev: PartResult, cur: PartResult) -> list[tuple[str, str]]:
    """Task: (seed of a story of ``cur``, seed of the ``prev`` story it continues) pairs."""
    clusterer = Clusterer.from_bytes(prev.state)
    seed_of = {story_id_of(s.members[0]): s.members[0] for s in prev.stories}
    out = []
    for blob in cur.edge:
        feats = pickle.loads(blob)
        joined = clusterer.add(feats).story_id
        if joined in seed_of:
            out.append((feats.id, seed_of[joined]))
    return out


def stories_of(result: PartResult) -> list[PartStory]:
    """Task: only the stories of a partition (its state and edge stay on the worker)."""
    return result.stories


def partition_key(language: str, published: dt.date | None, days: int) -> tuple[str, int]:
    """(language, window number); undated articles get the window after every dated one."""
    return (language, published.toordinal() // days if published is not None else 1 << 40)


def _find(parent: dict[str, str], x: str) -> str:
    while parent.get(x, x) != x:
        parent[x] = parent.get(parent[x], parent[x])  # path halving
        x = parent[x]
    return x


def cluster_partitioned(
    client: Any, articles: Sequence[tuple[str, dt.date | None, str, bytes]], config: Config,
    days: int,
) -> list[StoryState]:
    """Stories of ``articles`` ((id, date, language, pickled features)) clustered per language and
    ``days``-day window on the cluster, joined across window edges; each story's members in
    publication order, its id that of its seed (as in the single run)."""
    if days < 1:
        raise ConfigError("partition days must be positive")
    parts: dict[tuple[str, int], list[Member]] = defaultdict(list)
    for aid, day, lang, feats in articles:
        parts[partition_key(lang, day, days)].append((aid, day, feats))
    window = config.story_window_days
    futures: dict[tuple[str, int], Any] = {}
    for key in sorted(parts):
        lang, number = key
        until = (None if number == 1 << 40
                 else dt.date.fromordinal(max(number * days, 1)) + dt.timedelta(days=window))
        futures[key] = client.submit(cluster_partition, parts[key], config, until, pure=False)
    del parts
    keys = sorted(futures)
    edges = [client.submit(merge_edge, futures[a], futures[b], pure=False)
             for a, b in itertools.pairwise(keys) if a[0] == b[0]]
    story_lists = client.gather([client.submit(stories_of, futures[k], pure=False) for k in keys])
    parent: dict[str, str] = {}
    for pairs in client.gather(edges):
        for seed, older in pairs:
            parent[_find(parent, seed)] = _find(parent, older)
    for f in futures.values():
        f.release()
    day_of = {aid: day for aid, day, _, _ in articles}
    merged: dict[str, list[PartStory]] = defaultdict(list)
    for stories in story_lists:
        for s in stories:
            merged[_find(parent, s.members[0])].append(s)
    out = []
    for group in merged.values():
        members = sorted((a for s in group for a in s.members),
                         key=lambda a: (day_of[a] or dt.date.max, a))
        dups = [d for s in group for d in s.duplicates]
        out.append(StoryState(story_id_of(members[0]), members, duplicates=dups))
    return out
