"""The per-article annotator: publication date inference (when missing) and ``Article.times``."""

from __future__ import annotations

import datetime as dt

from ...config import Config
from ...model import Article, TimeExpression
from .fallback import tag_with_dateparser
from .grammar import has_grammar
from .infer import infer_published
from .tagger import Hits, recognize, tag


def tag_article(
    article: Article, reference: dt.date | None, hits: Hits | None = None
) -> list[TimeExpression]:
    """The article body's temporal expressions, normalized against ``reference``."""
    if has_grammar(article.language):
        return tag(article.body, article.language, reference, article.sentences, hits)
    return tag_with_dateparser(article.body, article.language, reference, article.sentences)


def annotate_times(article: Article, config: Config) -> None:
    """Fill ``article.times``; infer ``article.published`` from the text when it is missing."""
    hits = recognize(article.body, article.language) if has_grammar(article.language) else None
    if article.published is None and hits is not None:
        found = infer_published(article.body, article.language, article.sentences, hits)
        if found is not None:
            article.published = found.date
            # The JSON contract has one evidence string: the confidence goes into it.
            article.published_evidence = f"inferred (confidence {found.confidence:.2f}): {found.evidence}"
            article.published_confidence = found.confidence
    article.times = tag_article(article, article.published, hits)
