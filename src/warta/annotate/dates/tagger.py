"""Find temporal expressions in a text and normalize them against a reference date.

Recognition (:mod:`.recognize`) runs every shape of :mod:`.grammar` and keeps the longest
non-overlapping matches; filters drop what only looks like a date (a bare "2030" before
"personel", a lower-case "minggu" meaning "week", "10.50" without "pukul").  Normalization
(:mod:`.normalize`, :mod:`.explicit`, :mod:`.relative`, calendar arithmetic in :mod:`.values`)
walks the kept matches in text order, so "dua hari kemudian" / "hari itu" count from the last
date mentioned before.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

from ...model import Sentence, TimeExpression
from .grammar import grammar
from .normalize import normalize
from .recognize import Hits, candidates, recognize, select_hits
from .values import State

__all__ = ["Hits", "recognize", "tag"]


def tag(
    text: str,
    language: str,
    reference: dt.date | None,
    sentences: Sequence[Sentence] = (),
    hits: Hits | None = None,
) -> list[TimeExpression]:
    """Temporal expressions of ``text`` in text order, normalized against ``reference``.

    ``sentences`` (spans into ``text``) give each expression its sentence index and keep times
    ("pukul 10.00") with the date of their own sentence.  Without a reference date, relative
    expressions get status "unresolved" and year-less dates an "XXXX" year.  ``hits`` (from
    :func:`recognize` on the same text) skips recognition when normalizing again.
    """
    g = grammar(language)
    if hits is None:
        hits = select_hits(candidates(text, g))
    starts = [s.start for s in sentences]
    state = State(reference, reference)
    out: list[TimeExpression] = []
    for hit in hits:
        sent = bisect.bisect_right(starts, hit.start) - 1 if starts else -1
        found = normalize(hit, g, state, text, sent)
        if found is None:
            continue
        kind, value, status, note, zone, anchor = found
        if anchor is not None:
            state.anchor, state.anchor_sentence = anchor, sent
        out.append(
            TimeExpression(
                text[hit.start : hit.end], hit.start, hit.end, kind, value, sent, status, note, zone
            )
        )
    return out
