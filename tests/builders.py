"""Small builders for test articles (so tests state only what matters to them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from warta.model import Article, RawArticle, Sentence


def raw_article(
    text: str = "Judul berita\nIsi berita yang cukup panjang untuk satu kalimat.",
    *,
    id: str = "a1",
    format: str = "txt",
    **fields: Any,
) -> RawArticle:
    """A RawArticle as an ingest reader would produce it."""
    return RawArticle(id=id, text=text, format=format, **fields)


def article(
    sentences: list[str],
    *,
    id: str = "a1",
    language: str = "id",
    title: str | None = "Judul",
    source: str | None = None,
    published: dt.date | None = None,
    **fields: Any,
) -> Article:
    """A prepared Article whose body is ``sentences`` (one paragraph each) with correct spans."""
    body = "\n".join(sentences)
    spans: list[Sentence] = []
    offset = 0
    for i, s in enumerate(sentences):
        spans.append(Sentence(s, offset, offset + len(s), i))
        offset += len(s) + 1
    return Article(
        id=id, body=body, language=language, title=title, source=source, published=published,
        sentences=spans, **fields,
    )
