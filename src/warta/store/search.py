"""Turn a user's search words into an FTS5 query over the trigram index.

Indonesian affixes defeat prefix search (``pengungsi`` and ``mengungsi`` share no prefix), so a
query matches either the literal words (as a substring of title or body) or every one of its
stems as a whole stemmed word (``stems`` column: `` ungsi `` for both).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import text

if TYPE_CHECKING:
    from ..model import Article
    from .base import StoredArticle, StoredStory


def _quote(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def stems_text(title: str, body: str, language: str) -> str:
    """The ``stems`` column: stemmed content terms, space-delimited, with a space at each end
    so a quoted `` stem `` matches whole stems only."""
    return " " + " ".join(text.content_terms(f"{title}\n{body}", language)) + " "


def stems_of(article: Article) -> str:
    """An article's ``stems`` column (title and body)."""
    return stems_text(article.title or "", article.body, article.language)


def article_stems(item: StoredArticle) -> str:
    """The ``stems`` column of a stored article (precomputed, or computed now)."""
    return item.stems if item.stems is not None else stems_of(item.article)


def story_stems(story: StoredStory) -> str:
    """The ``stems`` column of a stored story's brief (precomputed, or computed now)."""
    if story.stems is not None:
        return story.stems
    return stems_text(story.title, story.search_text, str(story.data.get("language") or "id"))


def fts_query(query: str, columns: str = "title body", language: str = "id") -> str | None:
    """The FTS5 MATCH expression for ``query``, or None when nothing in it is searchable
    (the trigram index needs three characters).  ``columns`` are the table's text columns."""
    words = " ".join(query.split())
    parts: list[str] = []
    if len(words) >= 3:
        parts.append("({" + columns + "} : " + _quote(words) + ")")
    stems = sorted(set(text.content_terms(words, language)))
    # A stem is matched with its surrounding spaces, so it needs only 1 character of its own.
    if stems:
        parts.append("(stems : (" + " AND ".join(_quote(f" {s} ") for s in stems) + "))")
    return " OR ".join(parts) if parts else None
