"""The story headline: the most representative article title."""

from __future__ import annotations

from collections.abc import Sequence

from ..brief.grouping import article_vectors
from ..brief.vectors import add_into, cosine, normalize
from ..model import Article


def headline(articles: Sequence[Article]) -> str:
    """The title of the article closest to the story's centroid (ties: earliest in story
    order); ``""`` when no article has a title."""
    titled = [a for a in articles if a.title and a.title.strip()]
    if not titled:
        return ""
    vectors = article_vectors(titled)
    centroid: dict[str, float] = {}
    for v in vectors:
        add_into(centroid, v)
    centroid = normalize(centroid)
    best = max(range(len(titled)), key=lambda i: (cosine(vectors[i], centroid), -i))
    return (titled[best].title or "").strip()
