"""HTML -> article text and metadata (trafilatura), plus a light HTML-to-text for feed snippets.

trafilatura is imported lazily: it takes a noticeable fraction of a second to import and a run
over plain text or JSONL never needs it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from ..errors import InputError
from ..model import RawArticle
from .common import Origin, normalize_language, one_line, parse_any_date
from .decode import normalize_text

NO_TEXT = "no article text found in HTML"

_HTML_LANG = re.compile(r"""<html[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)


@dataclass
class Extracted:
    """What extraction found in one page."""

    text: str
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None


def _str(value: Any) -> str | None:
    """A non-empty stripped string, or ``None``."""
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return None


def extract_html(markup: str, url: str | None = None) -> Extracted:
    """Extract the main text and metadata of a news page.  Raises ``InputError`` when the page
    has no article text.

    ``favor_recall``: the cleaner removes leftover boilerplate lines better than extraction can
    decide about them, and a lost paragraph cannot be recovered later.  Tables are kept: some
    sites lay the article out in a table (``bench/html_extract.py``: F1 0.959 -> 0.963 with them).
    """
    import trafilatura  # lazy, see the module docstring

    try:
        doc = trafilatura.bare_extraction(
            markup,
            url=url,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            with_metadata=True,
        )
    except Exception as exc:  # lxml/trafilatura raise assorted errors on malformed markup
        raise InputError(f"{NO_TEXT} ({one_line(type(exc).__name__ + ': ' + str(exc), 120)})") from exc
    meta: dict[str, Any] = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    text = normalize_text(meta.get("text") or "").strip()
    if not text:
        raise InputError(NO_TEXT)
    match = _HTML_LANG.search(markup[:4096])
    return Extracted(
        text=text,
        title=_str(meta.get("title")),
        source=_str(meta.get("sitename")) or _str(meta.get("hostname")),
        published=parse_any_date(_str(meta.get("date"))),
        author=_str(meta.get("author")),
        url=_str(meta.get("url")) or url,
        language=normalize_language(match[1]) if match else None,
    )


def html_article(markup: str, origin: Origin, fmt: str = "html") -> RawArticle:
    """A RawArticle from an HTML page.  Raises ``InputError`` when the page has no article."""
    found = extract_html(markup, origin.url)
    return RawArticle(
        id=origin.label,
        text=found.text,
        format=fmt,
        path=origin.path,
        url=found.url or origin.url,
        html=markup,
        title=found.title,
        source=found.source,
        published=found.published,
        language=found.language,
        author=found.author,
    )


# fmt: off
_BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "blockquote", "section", "article", "header", "footer", "pre", "hr", "figure",
    "figcaption", "dd", "dt", "dl", "address", "aside", "main", "nav",
})
# fmt: on
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "head"})


_SPACE = re.compile(r"\s+")


class _TextParser(HTMLParser):
    """Collects text, breaking lines at block elements and dropping scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            # Source line breaks inside a paragraph are just spaces in HTML; only block
            # boundaries (added as "\n" above) break lines.
            self.parts.append(_SPACE.sub(" ", data))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary): one line per block, spaces collapsed.

    Not trafilatura: snippets are too short for its boilerplate heuristics, which may drop them.
    """
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return normalize_text("\n".join(line for line in lines if line))


_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


def maybe_html_to_text(value: str) -> str:
    """:func:`html_to_text` when ``value`` contains tags or entities, else ``value`` normalised
    (plain feed text keeps its own line breaks)."""
    if _TAG.search(value) or "&" in value:
        return html_to_text(value)
    return normalize_text(value).strip()
