"""Read a whole document held in memory (stdin, a URL body, a small file) by its kind."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..errors import InputError
from ..model import RawArticle
from .common import SINGLE_ARTICLE_KINDS, Item, Kind, Origin, too_large
from .decode import decode_bytes, decode_text, html_declared_charset, normalize_text
from .feed import PageFetcher, feed_articles
from .jsonl import iter_json, iter_jsonl


def check_size(size: int, kind: Kind, config: Config, what: str) -> None:
    """Raise ``InputError`` when ``size`` bytes is over the limit for this kind of document."""
    if kind in SINGLE_ARTICLE_KINDS:
        if size > config.max_article_bytes:
            raise InputError(too_large(size, config.max_article_bytes, "max_article_bytes", what))
    elif size > config.max_file_bytes:
        raise InputError(too_large(size, config.max_file_bytes, "max_file_bytes", what))


def decode_document(data: bytes, declared: str | None = None, *, html: bool = False) -> str:
    """Decode a whole document; ``InputError("empty file")`` when it holds only whitespace.

    For HTML the page's own ``<meta charset>`` counts as a declaration when the caller has none.
    """
    if html and declared is None:
        declared = html_declared_charset(data)
    text = decode_bytes(data, declared)
    if not text.strip():
        raise InputError("empty file")
    return normalize_text(text)


def read_document(
    data: bytes,
    kind: Kind,
    origin: Origin,
    *,
    declared: str | None = None,
    single_format: str | None = None,
    fetch_page: PageFetcher | None = None,
) -> Iterator[Item]:
    """Yield the articles of one in-memory document of a known ``kind``.

    ``single_format`` overrides ``RawArticle.format`` of txt/html documents (``"url"`` for
    pages fetched from the web).  Size limits are the caller's job (it knows the size first).
    """
    if not data or data.isspace():
        raise InputError("empty file")
    if kind == "txt":
        text = decode_document(data, declared)
        yield RawArticle(
            id=origin.label,
            text=text,
            format=single_format or "txt",
            path=origin.path,
            url=origin.url,
        )
    elif kind == "html":
        from .html import html_article

        markup = decode_document(data, declared, html=True)
        yield html_article(markup, origin, single_format or "html")
    elif kind == "jsonl":
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16/32: lines are not b"\n"-split
            yield from iter_jsonl(decode_text(data).split("\n"), origin)
        else:
            yield from iter_jsonl(data.splitlines(), origin)
    elif kind == "json":
        yield from iter_json(data, origin)
    else:
        yield from feed_articles(data, origin, fetch_page)
