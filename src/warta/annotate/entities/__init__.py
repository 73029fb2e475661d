"""Named entities of an article: :func:`annotate_entities` fills ``Article.entities``.

:mod:`.tagger` has the CRF model (Indonesian) and the rule tagger (other languages);
:mod:`.features` the features both training and tagging use; :mod:`.conll` reads training data.
"""

from __future__ import annotations

from ...config import Config
from ...model import Article, Mention
from .office import split_jurisdiction
from .tagger import find_entities, tag_sentences
from .tokens import tokenize

__all__ = ["annotate_entities", "find_entities", "sentence_mentions"]


def sentence_mentions(article: Article, model: str = "crf") -> list[Mention]:
    """Entity mentions of every sentence of ``article`` (offsets into the body); ``model``:
    ``crf`` or ``contextual`` (``Config.ner_model``)."""
    found: list[tuple[int, int, str]] = []
    sentence_of: dict[int, int] = {}
    tokenized = [tokenize(sentence.text) for sentence in article.sentences]
    tagged = tag_sentences(tokenized, article.language, model)
    for index, (sentence, tokens) in enumerate(zip(article.sentences, tokenized, strict=True)):
        for s, e, kind in tagged[index]:
            start = sentence.start + tokens[s].start
            found.append((start, sentence.start + tokens[e - 1].end, kind))
            sentence_of[start] = index
    out: list[Mention] = []
    for start, end, kind in split_jurisdiction(found, article.body, article.language):
        # A split part lies inside its original span: same sentence as the nearest start before.
        index = sentence_of.get(start, -1)
        if index < 0:
            index = sentence_of[max(k for k in sentence_of if k <= start)]
        out.append(Mention(article.body[start:end], start, end, kind, index))
    return out


def annotate_entities(article: Article, config: Config) -> None:
    """Annotator: fill ``article.entities``."""
    article.entities = sentence_mentions(article, config.ner_model)
