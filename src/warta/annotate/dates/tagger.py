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
import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from ...model import Sentence, TimeExpression
from .grammar import Grammar, grammar
from .normalize import normalize
from .recognize import Hit, Hits, candidates, recognize, select_hits
from .values import State

# What may stand between a time and the date it belongs to ("pukul 05.30 WIB, sehari
# sebelumnya", "pukul 7:55 WIB, Jumat (5/12/2014)"): a comma and spaces; a word there
# ("tengah hari, setelah sehari sebelumnya") starts another happening.
_TIME_DATE_GAP = re.compile(r"[ \t]*,?[ \t]*")
# Shapes that name their day (a written date, a weekday) rather than count it from another.
_NAMED_DAYS = frozenset({"wdnum", "dmy", "mdy", "numdate", "iso", "paren", "weekday"})
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Relative expressions a quotation counts from the day it was said ("hari ini", "kemarin",
# "pekan lalu", "dua hari lalu").
_SPEECH_RELATIVE = frozenset({"offset", "podrel", "relunit", "span"})
_QUOTES = re.compile('["“”]')
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")

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
    for i, hit in enumerate(hits):
        sent = bisect.bisect_right(starts, hit.start) - 1 if starts else -1
        state.clock_day = None
        if hit.kind in ("clock", "pod"):
            state.clock_day = _day_after(hits[i + 1] if i + 1 < len(hits) else None, hit, g, state, text)
            if state.clock_day is None and sent >= 0 and state.anchor_sentence != sent:
                # "lepas landas pukul 05.35 WIB dan hilang kontak pukul 06.17 WIB, Minggu
                # (28/12)": with no date before it in its sentence, a time takes the day the
                # sentence names later.
                end = starts[sent + 1] if sent + 1 < len(starts) else len(text)
                later = [h for h in hits[i + 1 :] if h.start < end and h.kind in _NAMED_DAYS][:1]
                state.clock_day = _day_of(later[0], g, state, text) if later else None
            if not state.anchor_named and state.anchor_sentence != sent:
                # A day only counted ("kemarin", "sehari sebelumnya") in an earlier sentence does
                # not date "pukul 10.14 WIB": that is the article's day; a named day does.
                state.anchor = reference
        state.sentence = sent
        said_on = _quote_day(i, hits, g, state, text) if hit.kind in _SPEECH_RELATIVE else None
        if said_on is not None:
            # '"Kemarin gunung berangin," ujar Ang, Rabu (24/5).': the quote's "kemarin" counts
            # from the day it was said, not from the publication date.
            found = normalize(hit, g, dataclasses.replace(state, ref=said_on), text, sent)
        else:
            found = normalize(hit, g, state, text, sent)
        if found is None:
            continue
        kind, value, status, note, zone, anchor = found
        if hit.kind == "relunit" and re.fullmatch(r"\d{4}", value):
            state.year_hint = (sent, int(value))
        if anchor is not None:
            state.anchor, state.anchor_sentence = anchor, sent
            state.anchor_named = hit.kind in _NAMED_DAYS
        if status == "ok" and re.match(r"\d{4}", value):
            state.last_value = value
            if _DAY_VALUE.match(value):
                state.seen_days.append(dt.date.fromisoformat(value[:10]))
        out.append(
            TimeExpression(
                text[hit.start : hit.end], hit.start, hit.end, kind, value, sent, status, note, zone
            )
        )
    return out


def _quote_day(i: int, hits: Hits, g: Grammar, state: State, text: str) -> dt.date | None:
    """The day a quotation was said when ``hits[i]`` stands inside one and the attribution
    after it names a day other than the reference ('"...," kata Firman kemarin.')."""
    hit = hits[i]
    para_start = max(text.rfind("\n", 0, hit.start) + 1, 0)
    if len(_QUOTES.findall(text, para_start, hit.start)) % 2 == 0:
        return None  # not inside a quotation
    close = _QUOTES.search(text, hit.end)
    if close is None or "\n" in text[hit.end : close.start()]:
        return None
    # The attribution: the clause after the closing quote, up to the end of its sentence.
    end = _SENTENCE_END.search(text, close.end())
    limit = end.start() if end else len(text)
    for later in hits[i + 1 :]:
        if later.start >= limit:
            break
        if later.start > close.start() and later.kind in (*_NAMED_DAYS, "offset"):
            day = _day_of(later, g, state, text)
            return day if day is not None and day != state.ref else None
    return None


def _day_after(nxt: Hit | None, hit: Hit, g: Grammar, state: State, text: str) -> dt.date | None:
    """The day of a date right after a time ("pukul 05.30 WIB, sehari sebelumnya"), read with
    the state as it is before the time (the time and its date are one happening)."""
    if nxt is None or nxt.kind in ("clock", "pod"):
        return None
    if not _TIME_DATE_GAP.fullmatch(text, hit.end, nxt.start):
        return None
    return _day_of(nxt, g, state, text)


def _day_of(hit: Hit, g: Grammar, state: State, text: str) -> dt.date | None:
    """The day ``hit`` names, read with a copy of the state (nothing is moved)."""
    found = normalize(hit, g, dataclasses.replace(state, seen_days=list(state.seen_days)), text, -1)
    if found is None or found[2] != "ok" or not _DAY_VALUE.match(found[1]):
        return None
    return dt.date.fromisoformat(found[1][:10])
