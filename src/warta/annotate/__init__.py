"""Annotate: per-article analyses (dates, entities, numbers, quotes), each a pure function of
one prepared article, so they can run anywhere (Dask later) and in any order.

Register an annotator by appending it to :data:`ANNOTATORS`: a callable
``(article, config) -> None`` that fills its own field of the article.  The pipeline runs them
in list order after sentence splitting.
"""

from __future__ import annotations

from collections.abc import Callable

from ..config import Config
from ..model import Article

Annotator = Callable[[Article, Config], None]

from .dates import annotate_times  # noqa: E402  (needs Annotator's imports above)

#: The annotators the pipeline runs, in order.
ANNOTATORS: list[Annotator] = [annotate_times]


def annotate(article: Article, config: Config) -> Article:
    """Run every registered annotator on ``article`` (in place) and return it."""
    for annotator in ANNOTATORS:
        annotator(article, config)
    return article
