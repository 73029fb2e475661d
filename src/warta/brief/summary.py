"""The story summary lives in :mod:`warta.summarize`; this keeps ``brief.summarize`` working.

The import is deferred because :mod:`warta.summarize` itself uses ``brief.vectors`` and
``brief.grouping`` (importing it here at module level would be circular).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..config import Config
from ..model import Article, SummarySentence


def summarize(
    articles: Sequence[Article],
    config: Config,
    duplicates: Iterable[tuple[str, str]] | None = None,
) -> list[SummarySentence]:
    """See :func:`warta.summarize.summarize`."""
    from ..summarize import summarize as _summarize

    return _summarize(articles, config, duplicates)


def headline(articles: Sequence[Article]) -> str:
    """See :func:`warta.summarize.headline`."""
    from ..summarize import headline as _headline

    return _headline(articles)
