"""The clause of a sentence that holds a date expression, for timeline entries.

A sentence that dates several happenings ("Hujan turun Senin (10/1) dan banjir datang Kamis
(13/1).") gives one timeline entry per date; each entry's text is the clause around its own
date expression, cut at a comma, semicolon or a clause link word ("dan", "sedangkan"; lang
``time.toml`` ``clause_links``) that lies *between* two of the sentence's date expressions
(a "dan" joining two nouns elsewhere in the sentence does not cut it).  The clause is always a
piece of the source sentence, never rewritten; when it would be too short (a fronted "Pada
Kamis (13/1), ..."), the whole sentence is kept.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .. import lang

#: A clause must have at least this many words besides the date expression to stand alone.
MIN_CLAUSE_WORDS = 2


@functools.cache
def _boundary(language: str) -> re.Pattern[str]:
    links = lang.load_if_code(language, "time").get("clause_links", [])
    words = "|".join(re.escape(w) for w in sorted(links, key=len, reverse=True))
    if not words:
        return re.compile(r"[;,](?!\d)\s*")
    # A comma/semicolon (not inside a number: "2,5") with the link word after it, or a link word.
    return re.compile(rf"[;,](?!\d)(?:\s*(?:{words})\b)?\s*|\s(?:{words})\s", re.IGNORECASE)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def clause_at(
    sentence: str, start: int, end: int, language: str, others: Sequence[tuple[int, int]] = ()
) -> str:
    """The clause of ``sentence`` holding ``sentence[start:end]`` (a substring of it, stripped).

    The sentence is only cut between this expression and the ``others`` (the spans of its other
    date expressions): at the boundary nearest this one on each side; without another
    expression on a side, the clause runs to the sentence's edge.  The whole sentence is kept
    when the clause would have fewer than ``MIN_CLAUSE_WORDS`` words besides the expression."""
    if not (0 <= start < end <= len(sentence)):
        return sentence
    before = max((e for s, e in others if e <= start), default=None)
    after = min((s for s, e in others if s >= end), default=None)
    cuts = [(m.start(), m.end()) for m in _boundary(language).finditer(sentence)]
    # Possible clause edges, nearest the expression first (the sentence's edge when no other
    # expression lies on that side, or no boundary between them).
    lefts = [0]
    if before is not None:
        lefts = sorted((e for s, e in cuts if s >= before and e <= start), reverse=True) or [0]
    rights = [len(sentence)]
    if after is not None:
        rights = sorted(s for s, e in cuts if s >= end and e <= after) or [len(sentence)]
    expr_words = _words(sentence[start:end])
    # The nearest clause with enough words; a fronted date ("Pada Kamis (13/1), banjir ...")
    # takes the piece after its comma.
    for left in lefts:
        for right in rights:
            clause = sentence[left:right]
            if _words(clause) - expr_words >= MIN_CLAUSE_WORDS:
                return clause.strip(" \t\r\n,;") or sentence
    return sentence
