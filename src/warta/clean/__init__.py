"""Clean: remove boilerplate lines, take metadata from credit lines, datelines and headers.

STUB: the cleaning helper replaces this.
"""

from __future__ import annotations

from ..errors import InputError
from ..model import Article, RawArticle


def clean_article(raw: RawArticle, language: str) -> Article:
    """Return the cleaned article; raise InputError when no body text is left."""
    lines = [ln.strip() for ln in raw.text.splitlines() if ln.strip()]
    title = raw.title
    if title is None and raw.format == "txt" and lines:
        title = lines.pop(0)
    if not lines:
        raise InputError("empty after cleaning")
    return Article(
        id=raw.id, body="\n".join(lines), language=language, path=raw.path, url=raw.url,
        title=title, source=raw.source, published=raw.published, extra=dict(raw.extra),
    )
