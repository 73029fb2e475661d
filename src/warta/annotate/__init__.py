"""Annotate: per-article analyses (dates, entities, numbers, quotes), each a pure function of
one prepared article, so they can run anywhere (Dask later) and in any order.

Register an annotator under a name in :data:`ANNOTATORS`: a callable ``(article, config) ->
None`` that fills its own field of the article.  The pipeline runs them in registration order
after sentence splitting; ``Config.annotators`` picks a subset by name (``None`` runs all).
"""

from __future__ import annotations

from collections.abc import Callable

from ..config import Config
from ..errors import ConfigError
from ..model import Article

Annotator = Callable[[Article, Config], None]


#: The annotators the pipeline runs, by name, in order.
ANNOTATORS: dict[str, Annotator] = {}


def _register_annotators() -> None:
    # Dates first: facts read sentence dates.  Imported here to avoid an import cycle.
    from .dates.annotator import annotate_times
    from .entities import annotate_entities
    from .numbers import annotate_quantities
    from .quotes import annotate_quotes

    ANNOTATORS.update(
        dates=annotate_times,
        entities=annotate_entities,
        numbers=annotate_quantities,
        quotes=annotate_quotes,
    )


_register_annotators()


def selected(config: Config) -> list[Annotator]:
    """The annotators ``config`` asks for, in registration order; unknown names are refused."""
    if config.annotators is None:
        return list(ANNOTATORS.values())
    unknown = sorted(set(config.annotators) - set(ANNOTATORS))
    if unknown:
        raise ConfigError(
            f"unknown annotator(s): {', '.join(unknown)} (known: {', '.join(ANNOTATORS)})"
        )
    return [fn for name, fn in ANNOTATORS.items() if name in config.annotators]


def annotate(article: Article, config: Config) -> Article:
    """Run the selected annotators on ``article`` (in place) and return it."""
    for annotator in selected(config):
        annotator(article, config)
    return article
