"""The ONE place where the store calls story clustering.

``assign(new, state, config) -> (assignments, new_state, duplicates)``: the stateful
:class:`warta.stories.Clusterer` is loaded from the stored state blob (or started fresh), the
new articles are added in publication order, and the new state is returned for the caller to
store in the same transaction as the articles it covers.  A story's id is the clusterer's
(``story_id_of`` its seed article), so it stays stable as the story grows; ``duplicates`` maps
each story touched to its near-duplicate article pairs, for its brief.

``features`` optionally gives articles' clustering features already extracted elsewhere (the
distributed ingest extracts them on the Dask workers, as ``digest --workers`` does): the
client then only does the index lookups and state updates, not the stemming and MinHash.

``cache`` (a :class:`ClustererCache`, one per ingest run) keeps the clusterer of the last
committed batch in memory: rebuilding it from the stored state each batch costs time in
proportion to everything stored so far (the state lists every article), so without it the
per-article cost of a long ingest grows with the stream.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping, Sequence

from ..config import Config
from ..model import Article
from ..stories import Assignment, Clusterer, params_from_config
from ..stories.features import ArticleFeatures, extract

__all__ = ["Assignment", "ClustererCache", "assign", "features_blob"]


class ClustererCache:
    """The clusterer of the last batch an ingest run committed, with a digest of the state it
    saved.  The next batch reuses it when the store's state is still exactly those bytes (no
    other writer came between); otherwise the state is loaded, as without a cache.  The result
    is the same either way: a clusterer rebuilt from its state continues exactly where it
    stopped (``Clusterer.from_bytes``; tested)."""

    def __init__(self) -> None:
        self._kept: tuple[bytes, Clusterer] | None = None
        self._offered: tuple[bytes, Clusterer] | None = None

    def take(self, state: bytes | None) -> Clusterer | None:
        """The kept clusterer if ``state`` is the one it saved (it is handed over: the caller
        changes it), else None."""
        kept, self._kept, self._offered = self._kept, None, None
        if kept is None or state is None or hashlib.sha1(state).digest() != kept[0]:
            return None
        return kept[1]

    def offer(self, clusterer: Clusterer, state: bytes) -> None:
        """``clusterer`` saved ``state``; kept once the caller :meth:`confirm` s the commit."""
        self._offered = (hashlib.sha1(state).digest(), clusterer)

    def confirm(self) -> None:
        """The offered state was committed: keep its clusterer for the next batch."""
        if self._offered is not None:
            self._kept, self._offered = self._offered, None


def features_blob(article: Article, config: Config) -> bytes:
    """``article``'s clustering features, pickled (what a worker ships back with the article:
    ~2.5 KB against ~26 KB of unpickled term counters on the client)."""
    feats = extract(article, params_from_config(config).embed)
    return pickle.dumps(feats, protocol=pickle.HIGHEST_PROTOCOL)


def _input(article: Article, blob: bytes | None, clusterer: Clusterer) -> Article | ArticleFeatures:
    """What to give ``clusterer.add``: the precomputed features when they fit, else the article."""
    if blob is None:
        return article
    feats = pickle.loads(blob)
    # Features extracted with another embedding setting than the (stored) clusterer's own
    # parameters would change the topic level: extract them again, as the clusterer would.
    if (not isinstance(feats, ArticleFeatures) or feats.id != article.id
            or (feats.embedding is not None) != clusterer.params.embed):
        return article
    return feats


def assign(
    new: Sequence[Article], state: bytes | None, config: Config,
    features: Mapping[str, bytes] | None = None,
    cache: ClustererCache | None = None,
) -> tuple[list[Assignment], bytes, dict[str, list[tuple[str, str]]]]:
    """Story assignments for ``new`` articles, the clusterer's new state, and the near-duplicate
    pairs of every story they joined.

    ``new`` is added in the order given: the caller sorts it into publication order with the
    ids the inputs gave as tie-break (not the content hashes), so that the store groups a batch
    exactly as ``warta digest`` groups the same files.  ``features`` maps article ids to their
    pickled features (:func:`features_blob`); articles without are extracted here.  With a
    ``cache``, the caller calls its ``confirm()`` once the returned state is committed.
    """
    clusterer = cache.take(state) if cache is not None else None
    if clusterer is None:
        clusterer = Clusterer.from_bytes(state) if state else Clusterer(params_from_config(config))
    # A state saved under other settings keeps them: clustering must not change mid-stream.
    blobs = features or {}
    # One article's features unpickled at a time: they are dropped once added.
    by_id = {x.article_id: x
             for x in (clusterer.add(_input(a, blobs.get(a.id), clusterer)) for a in new)}
    touched = {x.story_id for x in by_id.values()}
    duplicates = {s.id: list(s.duplicates) for s in clusterer.stories if s.id in touched}
    saved = clusterer.to_bytes()
    if cache is not None:
        cache.offer(clusterer, saved)
    return [by_id[a.id] for a in new], saved, duplicates
