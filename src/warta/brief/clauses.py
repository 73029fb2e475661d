"""The clause of a sentence that holds a date expression, for timeline entries.

A sentence that dates several happenings ("Hujan turun Senin (10/1) dan banjir datang Kamis
(13/1).") gives one timeline entry per date; each entry's text is the clause around its own
date expression, cut at a comma, semicolon or a clause link word ("dan", "sedangkan"; lang
``time.toml`` ``clause_links``).  The clause is always a piece of the source sentence, never
rewritten; when the cut would leave too little (a fronted "Pada Kamis (13/1), ..."), the next
piece joins it, and when nothing sensible remains the whole sentence is kept.
"""

from __future__ import annotations

import functools
import re

from .. import lang

#: A clause must have at least this many words besides the date expression to stand alone.
MIN_CLAUSE_WORDS = 2


@functools.cache
def _boundary(language: str) -> re.Pattern[str]:
    links = (
        lang.load(language, "time").get("clause_links", []) if re.fullmatch(r"[a-z]{2,3}", language) else []
    )
    words = "|".join(re.escape(w) for w in sorted(links, key=len, reverse=True))
    if not words:
        return re.compile(r"[;,](?!\d)\s*")
    # A comma/semicolon (not inside a number: "2,5") with the link word after it, or a link word.
    return re.compile(rf"[;,](?!\d)(?:\s*(?:{words})\b)?\s*|\s(?:{words})\s", re.IGNORECASE)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def clause_at(sentence: str, start: int, end: int, language: str) -> str:
    """The clause of ``sentence`` holding ``sentence[start:end]`` (a substring of it, stripped);
    the whole sentence when it has no clause boundary or the clause would be too short."""
    if not (0 <= start < end <= len(sentence)):
        return sentence
    cuts = [(m.start(), m.end()) for m in _boundary(language).finditer(sentence)]
    # Boundaries inside the expression ("Kamis, 13 Januari") do not cut it.
    cuts = [(s, e) for s, e in cuts if e <= start or s >= end]
    left = max((e for s, e in cuts if e <= start), default=0)
    rights = sorted(s for s, e in cuts if s >= end)
    expr_words = _words(sentence[start:end])
    for right in [*rights, len(sentence)]:
        clause = sentence[left:right]
        if _words(clause) - expr_words >= MIN_CLAUSE_WORDS:
            break
    else:
        return sentence
    clause = clause.strip(" \t\r\n,;")
    return clause if clause else sentence
