"""Stories: incremental clustering of an article stream into events, with near-duplicates folded.

* :mod:`.features`: per-article field term counts (title, lead, body, names, numbers);
* :mod:`.index`: inverted index over hot stories (candidate retrieval, never all pairs);
* :mod:`.dedup`: exact and MinHash-LSH near-duplicates;
* :mod:`.clusterer`: :class:`Clusterer` (``add``, ``add_many``, ``stories``, save/load state).
* :mod:`.topics`: the level above: each new story linked into an ongoing topic (``topic`` ids);
* :mod:`.vectors`: sparse TF-IDF vectors and centroids shared by both levels;
* :mod:`.embed`: multilingual embeddings for cross-language topics (``embed`` extra).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..config import Config
from ..model import Article
from .clusterer import Assignment, Clusterer, Params, StoryState, publication_order, story_id_of

__all__ = [
    "Assignment",
    "Clusterer",
    "Params",
    "StoryState",
    "cluster_articles",
    "params_from_config",
    "publication_order",
    "story_id_of",
]


def params_from_config(config: Config) -> Params:
    """The clusterer knobs a :class:`Config` sets."""
    return Params(threshold=config.story_threshold, window_days=config.story_window_days,
                  topic_threshold=config.topic_threshold, topic_window_days=config.topic_window_days,
                  embed=config.topic_embed, topics=config.story_topics)


def cluster_articles(
    articles: Sequence[Article], config: Config
) -> list[tuple[StoryState, list[Article]]]:
    """Cluster ``articles`` (batch, publication order); each story with its member articles in
    publication order, stories in order of creation."""
    clusterer = Clusterer(params_from_config(config))
    clusterer.add_many(articles)
    by_id = {a.id: a for a in articles}
    return [(s, [by_id[a] for a in s.articles]) for s in clusterer.stories]
