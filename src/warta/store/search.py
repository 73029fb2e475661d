"""Turn a user's search words into an FTS5 query over the trigram index.

Indonesian affixes defeat prefix search (``pengungsi`` and ``mengungsi`` share no prefix), so a
query matches either the literal words (as a substring of title or body) or every one of its
stems as a whole stemmed word (``stems`` column: `` ungsi `` for both).
"""

from __future__ import annotations

from .. import text


def _quote(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def stems_text(title: str, body: str, language: str) -> str:
    """The ``stems`` column: stemmed content terms, space-delimited, with a space at each end
    so a quoted `` stem `` matches whole stems only."""
    return " " + " ".join(text.content_terms(f"{title}\n{body}", language)) + " "


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
