"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one article per entry.

Parsed with lxml in recover mode (feeds in the wild have undefined entities, stray ``&`` and
truncated tails) with entity expansion and network access off.  Elements are matched by local
name so that namespace prefixes (``content:encoded``, ``dc:creator``, ``atom:link``) and
Atom/RSS 1.0 default namespaces all work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..model import RawArticle, Skipped
from .common import Item, Origin, normalize_language, one_line, parse_any_date
from .decode import normalize_text
from .html import Extracted, maybe_html_to_text

NOT_A_FEED = "XML is not an RSS or Atom feed"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: Fetches an entry's page when the feed only carries a teaser; ``None`` when that fails.
PageFetcher = Callable[[str], Extracted | None]


@dataclass
class FeedEntry:
    """One entry as the feed states it."""

    title: str | None = None
    link: str | None = None
    guid: str | None = None
    text: str = ""
    html: str | None = None
    published: dt.date | None = None
    author: str | None = None


@dataclass
class Feed:
    """A parsed feed: its own title and language, and its entries in document order."""

    title: str | None = None
    language: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)


def _etree() -> Any:
    """lxml's etree, imported on first use (lxml ships no type information)."""
    from lxml import etree  # type: ignore[import-untyped]

    return etree


def _local(el: Any) -> str:
    """Local name of an element (``{ns}name`` -> ``name``); "" for entities and comments."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _children(el: Any, *names: str) -> list[Any]:
    return [child for child in el if _local(child) in names]


def _first(el: Any, *names: str) -> Any | None:
    """The first child with one of ``names``, trying the names in order of preference."""
    for name in names:
        for child in el:
            if _local(child) == name:
                return child
    return None


def _text(el: Any | None) -> str | None:
    """All the text inside an element, whitespace collapsed; ``None`` when empty."""
    if el is None:
        return None
    value = " ".join("".join(el.itertext()).split())
    return value or None


def _content(el: Any | None) -> tuple[str, str | None]:
    """(plain text, markup or None) of an RSS description / Atom content or summary element."""
    if el is None:
        return "", None
    kind = (el.get("type") or "").lower()
    if kind in ("xhtml", "application/xhtml+xml") or (len(el) and not kind.startswith("text")):
        etree = _etree()
        # Inline XHTML (Atom) or raw HTML an RSS writer forgot to escape: serialise it back.
        markup = (el.text or "") + "".join(
            etree.tostring(child, encoding="unicode", method="html") for child in el
        )
        return maybe_html_to_text(markup), markup
    raw = "".join(el.itertext())
    if kind == "text":
        return normalize_text(raw).strip(), None
    text = maybe_html_to_text(raw)
    return text, raw if text != raw.strip() else None


def _atom_link(entry: Any) -> str | None:
    """The entry's ``rel="alternate"`` (or rel-less) link: the article page."""
    for link in _children(entry, "link"):
        href = (link.get("href") or "").strip()
        if href and link.get("rel", "alternate") == "alternate":
            return href
    return None


def _author(el: Any) -> str | None:
    node = _first(el, "author", "creator")
    if node is None:
        return None
    name = _first(node, "name")  # Atom <author><name>; RSS <author> is an e-mail string
    return _text(name if name is not None else node)


def _entry(item: Any, atom: bool) -> FeedEntry:
    """One RSS item or Atom entry."""
    content = _first(item, "encoded", "content")
    summary = _first(item, "summary", "description")
    text, markup = _content(content)
    summary_text, summary_markup = _content(summary)
    if len(summary_text) > len(text):
        # Some feeds put a bare teaser in <content> and the full text in <description>.
        text, markup = summary_text, summary_markup
    guid_el = _first(item, "guid", "id")
    guid = _text(guid_el)
    if atom:
        link = _atom_link(item)
    else:
        link = _text(_first(item, "link"))
        permalink = guid_el is not None and guid_el.get("isPermaLink", "true") != "false"
        if link is None and guid and permalink and guid.startswith("http"):
            link = guid
    published = None
    for name in ("pubDate", "published", "date", "issued", "updated", "modified"):
        published = parse_any_date(_text(_first(item, name)))
        if published is not None:
            break
    return FeedEntry(
        title=_text(_first(item, "title")),
        link=link,
        guid=guid,
        text=text,
        html=markup,
        published=published,
        author=_author(item),
    )


def parse_feed(data: bytes) -> Feed:
    """Parse RSS 2.0 / RSS 1.0 / Atom bytes (the XML declaration gives the encoding).
    Raises ``InputError`` for XML that is not a feed or cannot be parsed at all."""
    etree = _etree()
    parser = etree.XMLParser(
        recover=True,
        resolve_entities=False,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"cannot parse feed XML ({one_line(str(exc), 120)})") from None
    if root is None:
        raise InputError("cannot parse feed XML")
    name = _local(root)
    if name == "feed":
        channel, items, atom = root, _children(root, "entry"), True
    elif name in ("rss", "RDF"):
        channel = _first(root, "channel")
        if channel is None:
            raise InputError("RSS feed without a <channel>")
        # RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
        items, atom = _children(channel, "item") or _children(root, "item"), False
    else:
        raise InputError(NOT_A_FEED)
    language = normalize_language(_text(_first(channel, "language")) or root.get(_XML_LANG))
    return Feed(
        title=_text(_first(channel, "title")),
        language=language,
        entries=[_entry(item, atom) for item in items],
    )


#: Feed text shorter than this is taken to be a teaser worth replacing by the full page.
TEASER_CHARS = 400


def feed_articles(
    data: bytes, origin: Origin, fetch_page: PageFetcher | None = None
) -> Iterator[Item]:
    """Yield one article per feed entry (``format="feed"``).

    With ``fetch_page`` (feeds read from a URL), entries whose text is a teaser have their page
    fetched and extracted; the feed text stays when that fails or yields less.
    """
    feed = parse_feed(data)
    for n, entry in enumerate(feed.entries, start=1):
        label = entry.link or entry.guid or f"{origin.label}#{n}"
        text, markup, url = entry.text, entry.html, entry.link
        published, author = entry.published, entry.author
        if fetch_page is not None and entry.link and len(text) < TEASER_CHARS:
            page = fetch_page(entry.link)
            if page is not None and len(page.text) > len(text):
                text, url = page.text, page.url or entry.link
                published = published or page.published
                author = author or page.author
                markup = None  # the teaser markup no longer matches the text
        if not text.strip():
            yield Skipped(label, "feed entry has no text")
            continue
        yield RawArticle(
            id=label,
            text=text,
            format="feed",
            path=origin.path,
            url=url,
            html=markup,
            title=entry.title,
            source=feed.title,
            published=published,
            language=feed.language,
            author=author,
        )
