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
from .holidays import countdown_gap
from .normalize import normalize
from .recognize import Hit, Hits, candidates, recognize, select_hits
from .said import QUOTES, in_quote, is_attribution, speech_cues
from .values import State

# What may stand between a time and the date it belongs to ("pukul 05.30 WIB, sehari
# sebelumnya", "pukul 7:55 WIB, Jumat (5/12/2014)"): a comma and spaces; a word there
# ("tengah hari, setelah sehari sebelumnya") starts another happening.
_TIME_DATE_GAP = re.compile(r"[ \t]*,?[ \t]*")
# "hari kedua pencarian, Senin (29/12)": the day of an event, its noun, then the date.
_NTH_DATE_GAP = re.compile(r"(?:[ \t]+\w+)?[ \t]*,[ \t]*|[ \t]*\(?")
# Shapes that name their day (a written date, a weekday) rather than count it from another.
_NAMED_DAYS = frozenset({"wdnum", "dmy", "mdy", "numdate", "iso", "paren", "weekday"})
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Relative expressions a quotation counts from the day it was said ("hari ini", "kemarin",
# "pekan lalu", "dua hari lalu").
_SPEECH_RELATIVE = frozenset({"offset", "podrel", "relunit", "span"})
# A bare time with no happening dated before it takes the day of the last statement only when
# that day is this near the reference (days).
_ANCHOR_REACH = 7
# How many days an article's publication date may lag the day it was written (IndoSum's dates
# are often the next day's, UTC).
_WRITING_LAG = 2
# Holiday shapes: "H-2" counts from the last one named.
_HOLIDAYS = frozenset({"mholiday", "holiday"})
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
    verbs = speech_cues(g.language)
    said = [_said_on(h, text, sentences, starts, verbs) for h in hits]
    first = _normalize_all(text, g, reference, hits, said, starts, None)
    written = _writing_day(first, hits, said, reference)
    return first if written is None else _normalize_all(text, g, reference, hits, said, starts, written)


def _normalize_all(
    text: str,
    g: Grammar,
    reference: dt.date | None,
    hits: Hits,
    said: list[bool],
    starts: list[int],
    written: dt.date | None,
) -> list[TimeExpression]:
    """One pass over the hits in text order; ``written`` (see :func:`_writing_day`) is the day
    the narration's relative words count from when it is not the reference."""
    state = State(reference, reference)
    out: list[TimeExpression] = []
    for i, hit in enumerate(hits):
        sent = bisect.bisect_right(starts, hit.start) - 1 if starts else -1
        state.clock_day = None
        if hit.kind in ("clock", "pod"):
            state.clock_day = _clock_day(i, hits, said, sent, starts, g, state, text)
            if not state.anchor_named and state.anchor_sentence != sent:
                # A day only counted ("kemarin", "sehari sebelumnya") in an earlier sentence does
                # not date "pukul 10.14 WIB": that is the article's day; a named day does.
                state.anchor = reference
        elif hit.kind == "nthday":
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            if nxt and nxt.kind in _NAMED_DAYS and _NTH_DATE_GAP.fullmatch(text, hit.end, nxt.start):
                state.clock_day = _day_of(nxt, g, state, text)
        elif hit.kind == "daylist":
            nxt = next((h for h in hits[i + 1 :] if h.kind in ("dmy", "mdy")), None)
            state.clock_day = _day_of(nxt, g, state, text) if nxt else None
        elif hit.kind == "hday":
            # "H - 90 sebelum Idul Fitri", "H+10 Lebaran": counted from the holiday named after it
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            if (
                nxt
                and nxt.kind in _HOLIDAYS
                and countdown_gap(g.language).fullmatch(text, hit.end, nxt.start)
            ):
                state.clock_day = _day_of(nxt, g, state, text)
            elif state.holiday is None:
                # "H-10 sampai dengan H+10 Lebaran": no holiday named before, the one its sentence names
                end = _sentence_end(sent, starts, text)
                later = next((h for h in hits[i + 1 :] if h.start < end and h.kind in _HOLIDAYS), None)
                state.clock_day = _day_of(later, g, state, text) if later else None
        state.sentence = sent
        said_on = _quote_day(i, hits, g, state, text) if hit.kind in _SPEECH_RELATIVE else None
        if said_on is None and written is not None and hit.kind in _SPEECH_RELATIVE:
            # Written the day before it was published: "hari ini"/"kemarin" of the narration
            # count from the day of the statements it reports.
            said_on = written
        if said_on is not None:
            # '"Kemarin gunung berangin," ujar Ang, Rabu (24/5).': the quote's "kemarin" counts
            # from the day it was said, not from the publication date.
            found = normalize(hit, g, dataclasses.replace(state, ref=said_on), text, sent)
        elif said[i] and hit.kind == "weekday" and reference is not None:
            # "kata Suardi, di Padang, Kamis.": a statement was made by the publication day, so a
            # bare weekday of one is not the coming day of that name the text named ("digelar 20
            # hingga 23 Oktober")
            past = [d for d in state.seen_days if d <= reference]
            found = normalize(hit, g, dataclasses.replace(state, seen_days=past), text, sent)
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
            if said[i]:
                # The day of a statement dates the speaker's "hari ini", not the happening.
                state.speech_day = anchor
            else:
                state.sentence_day = (anchor, sent)
                # A speaker's counted day ('"Hari ini kita melanjutkan pencarian"') is not the
                # day being told; a named one ('"... pada Kamis siang hari"') may be.
                quoted = in_quote(text, hit.start)
                if state.anchor_named or not quoted:
                    state.event = (anchor, sent, state.anchor_named)
        if hit.kind in _HOLIDAYS and status == "ok" and _DAY_VALUE.match(value):
            state.holiday = dt.date.fromisoformat(value[:10])
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


def _writing_day(
    found: list[TimeExpression], hits: Hits, said: list[bool], ref: dt.date | None
) -> dt.date | None:
    """The day an article was written when its publication date is a day or two later: the
    last day it names for a statement ("kata Ketut ..., Rabu (13/12)" in an article dated 14
    December), when no day the text names is later.  None when the statements are of the
    publication day (the usual case) or the text names no statement day."""
    if ref is None:
        return None
    by_start = {h.start: (h.kind, s) for h, s in zip(hits, said, strict=True)}
    days: list[tuple[dt.date, bool]] = []
    for t in found:
        kind, stated = by_start.get(t.start, ("", False))
        if kind in _NAMED_DAYS and t.status != "unresolved" and _DAY_VALUE.match(t.value):
            days.append((dt.date.fromisoformat(t.value[:10]), stated))
    stated_days = [d for d, s in days if s]
    if not stated_days:
        return None
    last = max(stated_days)
    if not 1 <= (ref - last).days <= _WRITING_LAG or any(d > last for d, _ in days):
        return None
    return last


def _clock_day(
    i: int, hits: Hits, said: list[bool], sent: int, starts: list[int], g: Grammar, state: State, text: str
) -> dt.date | None:
    """The day of a bare time ("pukul 17.30", "menjelang petang"), first found of: the date right
    after it; a day named before it in its sentence; a day its sentence names later for a
    happening; the last day named for a happening (not for a statement, not inside a quotation)
    when recent; a day its sentence names later for a statement; the reference when a happening
    was dated otherwise; the last day of a statement when recent; the reference."""
    hit = hits[i]
    day = _day_after(hits[i + 1] if i + 1 < len(hits) else None, hit, g, state, text)
    if day is not None:
        return day
    if state.sentence_day is not None and state.sentence_day[1] == sent >= 0:
        return state.sentence_day[0]  # '"... pada Senin (21/8/2017), sekitar pukul 03.00 Wita"'
    event_day, event_sentence, event_named = state.event or (None, -1, True)
    ref = state.ref
    if event_day is not None and event_sentence == sent:
        return event_day
    # "lepas landas pukul 05.35 WIB dan hilang kontak pukul 06.17 WIB, Minggu (28/12)": with no
    # date before it in its sentence, a time takes the day the sentence names later.
    later = _later_days(i, hits, said, sent, starts, text)
    if later[0] is not None:
        return _day_of(later[0], g, state, text)
    # A day only counted ("kemarin") in an earlier sentence does not date "pukul 10.14 WIB".
    if event_day is not None and event_named:
        return event_day
    # A statement's day dates a time of its sentence only when no happening was dated before
    # ('Banjir pada Minggu (26/3). "Sejak pukul 17.30 ...," kata Rina, Senin (27/3)': Sunday).
    if later[1] is not None:
        return _day_of(later[1], g, state, text)
    if event_day is not None:
        return ref
    # With no happening dated, the day of the last statement is the day the news tells ('"...,"
    # kata Febri, Selasa (19/12). ... Abun keluar sekitar pukul 19.30 WIB'), else the article's.
    if state.speech_day is not None and _recent(state.speech_day, ref):
        return state.speech_day
    return ref


def _later_days(
    i: int, hits: Hits, said: list[bool], sent: int, starts: list[int], text: str
) -> tuple[Hit | None, Hit | None]:
    """The first named day after ``hits[i]`` in its sentence that dates a happening, and the
    first that dates a statement."""
    found: list[Hit | None] = [None, None]
    if sent < 0:
        return None, None
    end = _sentence_end(sent, starts, text)
    for j in range(i + 1, len(hits)):
        if hits[j].start >= end:
            break
        if hits[j].kind in _NAMED_DAYS and found[int(said[j])] is None:
            found[int(said[j])] = hits[j]
    return found[0], found[1]


def _sentence_end(sent: int, starts: list[int], text: str) -> int:
    """Where sentence ``sent`` ends: the next one's start (the text's end for the last, or when
    the hit lies in no sentence)."""
    return starts[sent + 1] if 0 <= sent < len(starts) - 1 else len(text)


def _recent(day: dt.date, ref: dt.date | None) -> bool:
    return ref is None or abs((ref - day).days) <= _ANCHOR_REACH


def _quote_day(i: int, hits: Hits, g: Grammar, state: State, text: str) -> dt.date | None:
    """The day a quotation was said when ``hits[i]`` stands inside one and the attribution
    after it names a day other than the reference ('"...," kata Firman kemarin.')."""
    hit = hits[i]
    if not in_quote(text, hit.start):
        return None
    close = QUOTES.search(text, hit.end)
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
    # No day in its own attribution: the day the text last gave for a statement ("Budiono,
    # Senin menuturkan ... '"Hari ini kita melanjutkan pencarian," kata Budiono').
    return state.speech_day if state.speech_day != state.ref else None


def _said_on(
    hit: Hit, text: str, sentences: Sequence[Sentence], starts: list[int], verbs: frozenset[str]
) -> bool:
    """Whether ``hit`` is a named day that dates a statement (see :func:`.said.is_attribution`)."""
    if hit.kind not in _NAMED_DAYS and hit.kind != "offset":
        return False
    if starts:
        k = bisect.bisect_right(starts, hit.start) - 1
        s_start = sentences[k].start if k >= 0 else 0
        s_end = sentences[k].end if k >= 0 else len(text)
    else:
        s_start = max(text.rfind(". ", 0, hit.start) + 2, text.rfind("\n", 0, hit.start) + 1, 0)
        found = _SENTENCE_END.search(text, hit.end)
        s_end = found.start() if found else len(text)
    return is_attribution(text, hit.start, hit.end, s_start, s_end, verbs)


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
