"""Per-article features the clusterer compares: term counts per field, and a dedup fingerprint.

Fields (all lower-cased; words stemmed through :func:`warta.text.content_terms`):

* ``title``: content terms of the title;
* ``lead``: content terms of the first :data:`LEAD_SENTENCES` sentences;
* ``body``: content terms of the whole body (numbers excluded: they have their own field);
* ``names``: capitalised-name spans of title + body (:func:`warta.text.name_terms`), an entity
  proxy until real entities exist (an ``entities`` list in ``Article.extra`` is used when an
  annotator has filled it);
* ``numbers``: numeric tokens of title + body (``2.000``, ``13/1/2022``, ``8501``).

Names and numbers are language-neutral, which lets articles in different languages about the
same event share some signal even without embeddings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .. import text
from ..model import Article
from . import dedup

#: Sentences that make an article's "lead" field.
LEAD_SENTENCES = 3
#: The comparison fields, in a fixed order.
FIELDS = ("title", "lead", "body", "names", "numbers")

_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ArticleFeatures:
    """What the clusterer needs of one article (the article itself is not kept)."""

    id: str
    language: str
    published: dt.date | None
    title: str
    fields: dict[str, Counter[str]]
    #: Hash of the body's lower-cased words (exact copies) and MinHash values of its shingles
    #: (near-copies; None for very short bodies): see :mod:`.dedup`.
    exact_key: str
    minhash: np.ndarray | None
    #: A unit multilingual sentence embedding of title + lead (``embed`` extra, :mod:`.embed`);
    #: None without it.  Only the topic level uses it.
    embedding: np.ndarray | None = None


def _entity_names(article: Article) -> list[str] | None:
    """Names from a NER annotator (``Article.extra["entities"]``: dicts with ``text``), if any."""
    entities = article.extra.get("entities")
    if not isinstance(entities, list) or not entities:
        return None
    out = [str(e.get("text", "")).lower() for e in entities if isinstance(e, dict)]
    return [n for n in out if n] or None


def extract(article: Article, embed: bool = False) -> ArticleFeatures:
    """The features of one prepared article (sentences already split); ``embed`` adds the
    multilingual embedding of title + lead (needs the ``embed`` extra, :mod:`.embed`)."""
    lang = article.language
    sentences = [s.text for s in article.sentences]
    title = article.title or ""
    body = " ".join(sentences)
    lead = " ".join(sentences[:LEAD_SENTENCES])
    # Terms per sentence, once: no token spans a space, so the lead's and the body's terms are
    # concatenations of these (the same lists content_terms gives on the joined text).
    per_sentence = [text.content_terms(s, lang) for s in sentences]
    body_terms = [t for terms in per_sentence for t in terms]
    lead_terms = [t for terms in per_sentence[:LEAD_SENTENCES] for t in terms]
    title_terms = text.content_terms(title, lang)
    numeric = {t for t in (*body_terms, *title_terms) if _NUMBER.fullmatch(t)}
    numbers = [t for t in body_terms if t in numeric] + [t for t in title_terms if t in numeric]
    names = _entity_names(article) or text.name_terms(title + "\n" + body)
    fields = {
        "title": Counter(t for t in title_terms if t not in numeric),
        "lead": Counter(t for t in lead_terms if t not in numeric),
        "body": Counter(t for t in body_terms if t not in numeric),
        "names": Counter(names),
        # Years and small counts ("2", "10") are everywhere; keep numbers that can identify.
        "numbers": Counter(n for n in numbers if len(n) >= 3 and not _is_year(n)),
    }
    words = tuple(w.lower() for w in _WORD.findall(body))
    embedding = None
    if embed:
        from .embed import embed_text

        embedding = embed_text((title + "\n" + lead).strip())
    return ArticleFeatures(article.id, lang, article.published, title, fields,
                           dedup.exact_key(words), dedup.fingerprint(words), embedding)


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2100
