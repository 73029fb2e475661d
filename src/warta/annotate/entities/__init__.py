"""Named entities of an article: :func:`annotate_entities` fills ``Article.entities``.

:mod:`.tagger` has the CRF model (Indonesian) and the rule tagger (other languages);
:mod:`.features` the features both training and tagging use; :mod:`.conll` reads training data.
"""

from __future__ import annotations

from ...config import Config
from ...model import Article, Mention
from .tagger import find_entities, tag_tokens
from .tokens import tokenize

__all__ = ["annotate_entities", "find_entities", "sentence_mentions"]


def sentence_mentions(article: Article) -> list[Mention]:
    """Entity mentions of every sentence of ``article`` (offsets into the body)."""
    out: list[Mention] = []
    for index, sentence in enumerate(article.sentences):
        tokens = tokenize(sentence.text)
        for s, e, kind in tag_tokens(tokens, article.language):
            start = sentence.start + tokens[s].start
            end = sentence.start + tokens[e - 1].end
            out.append(Mention(article.body[start:end], start, end, kind, index))
    return out


def annotate_entities(article: Article, config: Config) -> None:
    """Annotator: fill ``article.entities``."""
    article.entities = sentence_mentions(article)
