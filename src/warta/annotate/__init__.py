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


#: The annotators the pipeline runs, in order.
ANNOTATORS: list[Annotator] = []


def _register_annotators() -> None:
    # Dates first: facts read sentence dates.  Imported here to avoid an import cycle.
    from .dates.annotator import annotate_times
    from .entities import annotate_entities
    from .numbers import annotate_quantities
    from .quotes import annotate_quotes

    ANNOTATORS.extend([annotate_times, annotate_entities, annotate_quantities, annotate_quotes])


_register_annotators()


def annotate(article: Article, config: Config) -> Article:
    """Run every registered annotator on ``article`` (in place) and return it."""
    for annotator in ANNOTATORS:
        annotator(article, config)
    return article
