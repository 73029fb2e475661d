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
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping, Sequence

from ..config import Config
from ..model import Article
from ..stories import Assignment, Clusterer, params_from_config
from ..stories.features import ArticleFeatures, extract

__all__ = ["Assignment", "assign", "features_blob"]


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
) -> tuple[list[Assignment], bytes, dict[str, list[tuple[str, str]]]]:
    """Story assignments for ``new`` articles, the clusterer's new state, and the near-duplicate
    pairs of every story they joined.

    ``new`` is added in the order given: the caller sorts it into publication order with the
    ids the inputs gave as tie-break (not the content hashes), so that the store groups a batch
    exactly as ``warta digest`` groups the same files.  ``features`` maps article ids to their
    pickled features (:func:`features_blob`); articles without are extracted here.
    """
    clusterer = Clusterer.from_bytes(state) if state else Clusterer(params_from_config(config))
    # A state saved under other settings keeps them: clustering must not change mid-stream.
    blobs = features or {}
    # One article's features unpickled at a time: they are dropped once added.
    by_id = {x.article_id: x
             for x in (clusterer.add(_input(a, blobs.get(a.id), clusterer)) for a in new)}
    touched = {x.story_id for x in by_id.values()}
    duplicates = {s.id: list(s.duplicates) for s in clusterer.stories if s.id in touched}
    return [by_id[a.id] for a in new], clusterer.to_bytes(), duplicates
