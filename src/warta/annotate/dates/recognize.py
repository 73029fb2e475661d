"""Recognition: every shape of :mod:`.grammar` tried at its possible first words, the longest
non-overlapping matches kept, look-alikes (counts, fractions, "minggu" meaning week) dropped."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .grammar import Grammar, grammar
from .holidays import plausible_holiday
from .values import CLOCK, larger_unit


@dataclass(frozen=True)
class Hit:
    """One kept match: its shape (``kind``), span and the regex match for normalization."""

    kind: str
    start: int
    end: int
    m: re.Match[str]


#: What :func:`recognize` returns: the kept matches, to normalize against several references.
Hits = Sequence[Hit]


_WORD = re.compile(r"\w+")


def _starts(text: str, g: Grammar) -> list[tuple[int, str]]:
    """Where an expression can start: numbers ("#") and trigger words, with the word."""
    out = []
    triggers = g.triggers
    for m in _WORD.finditer(text):
        word = m.group()
        if word[0].isdigit():
            out.append((m.start(), "#"))
        elif (low := word.lower()) in triggers:
            out.append((m.start(), low))
    return out


def recognize(text: str, language: str) -> list[Hit]:
    """The expressions of ``text`` before normalization (reusable for several references)."""
    g = grammar(language)
    return select_hits(candidates(text, g))


def candidates(text: str, g: Grammar) -> list[tuple[int, int, int, str, re.Match[str]]]:
    found = []
    starts = _starts(text, g)
    names = document_numbers(text, g)
    for prio, (kind, regex) in enumerate(g.regexes):
        firsts = g.firsts.get(kind)
        for pos, word in starts:
            if firsts is not None and word not in firsts:
                continue
            m = regex.match(text, pos)
            if m is None:
                continue
            s, e = m.span()
            # A match may end in spaces or a comma from an optional part: trim it.
            while e > s and (text[e - 1] in " \t\r\n,." or (text[e - 1] == ")" and "(" not in text[s:e])):
                e -= 1
            if any(ns < e and s < ne for ns, ne in names):
                continue
            if e > s and _plausible(kind, m, g, text):
                found.append((s, e, prio, kind, m))
    return found


def select_hits(cands: list[tuple[int, int, int, str, re.Match[str]]]) -> list[Hit]:
    """Longest first (then shape priority, then position), without overlaps; in text order."""
    taken: list[Hit] = []
    used: list[tuple[int, int]] = []
    for s, e, _prio, kind, m in sorted(cands, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(e <= us or s >= ue for us, ue in used):
            used.append((s, e))
            taken.append(Hit(kind, s, e, m))
    return sorted(taken, key=lambda h: h.start)


def _words_around(text: str, start: int, end: int) -> tuple[str, str]:
    before = re.findall(r"[\w'’-]+", text[max(0, start - 30) : start])
    after = re.findall(r"[\w'’-]+", text[end : end + 30])
    return (before[-1].lower() if before else ""), (after[0].lower() if after else "")


def _plausible(kind: str, m: re.Match[str], g: Grammar, text: str) -> bool:
    """Reject look-alikes: counts, fractions, clock-like decimals, "minggu" meaning week."""
    gd = m.groupdict()
    w = g.words
    if kind in ("weekday", "month"):
        name = gd.get("wd") or gd.get("mon") or ""
        head = m.group().lower()
        has_word = any(head.startswith(x) for x in (*w.get("day_word", []), *w.get("month_word", [])))
        # Bare names must be capitalised: "Minggu" is Sunday, "minggu" a week, "may" a verb.
        if not has_word and not name[:1].isupper():
            return False
        prev = re.findall(r"[\w'’-]+", text[max(0, m.start() - 20) : m.start()])
        # "Jl Raya Pasar Minggu": a capitalised place word before the name makes it a place.
        if prev and prev[-1][:1].isupper() and prev[-1].lower() in w.get("place_before_day", []):
            return False
    if kind == "relunit":
        unit_word = gd.get("unit") or gd.get("unit2") or ""
        before = text[max(0, m.start() - 3) : m.start()].strip(" \t\"'“‘")
        mid_sentence = bool(before) and before[-1:] not in ".!?\n"
        # "Minggu lalu" mid-sentence is last Sunday (a day name is capitalised); "minggu lalu",
        # or a sentence-initial "Minggu lalu", is last week.
        if unit_word[:1].isupper() and unit_word.lower() in g.weekdays and mid_sentence:
            return False
    if kind == "semester" and not (gd.get("year") or gd.get("srel")):
        return m.group().split()[0].lower() in w.get("bare_half_year", [])
    if kind == "daylist":
        # "12 - 19 Juni", "23, 27, 28 dan 30 Juni": days rising to the closing date; "imbang 2 - 2,
        # 6 September" is a score
        joins = "|".join(re.escape(x) for x in w.get("day_list_joins", [])) or "(?!)"
        chained = re.match(rf"\d{{1,2}}(?:\s*(?:,|-|–|{joins})\s*\d{{1,2}})+", text[m.start("ld") :], re.I)
        listed = [int(x) for x in re.findall(r"\d+", chained.group())] if chained else []
        before_num = re.search(r"(\d{1,2})\s*[-–,]\s*$", text[max(0, m.start() - 6) : m.start()])
        scored = before_num is not None and int(before_num.group(1)) >= int(gd["ld"])
        return not scored and len(listed) >= 2 and all(a < b <= 31 for a, b in itertools.pairwise(listed))
    if kind == "setword":
        # "tumbuh 5 persen secara tahunan" compares with a year before, it is no recurrence
        before, _ = _words_around(text, m.start(), m.end())
        return before not in w.get("not_set_leads", [])
    if kind in ("mholiday", "holoff"):
        return plausible_holiday(m, text, g)
    if kind == "hday":  # "H-2" (two days before the holiday): the capital letter is the marker
        return m.group()[:1].isupper()
    if kind == "clock":
        # "sekitar pukul 09.00": the approximation belongs to the expression (TIMEX3 mod), the
        # marker that makes digits a time comes after it.
        t = m.group()[len(gd.get("capprox") or "") :].lower()
        has_marker = any(t.startswith(x) for x in w.get("time_word", [])) or bool(
            re.search(r"[ap]\.?\s?m\.?$|[a-z]{2,4}$", t)
        )
        return has_marker and _clock_ok(t)
    if kind == "yr" and not (gd.get("yw") or gd.get("edge") or gd.get("rel")):
        before, after = _words_around(text, m.start(), m.end())
        # "2030 personel" is a count; "2018. Kepala ..." is a year ending a sentence.
        if after in w.get("count_nouns", []) and re.match(r"\s+\w", text[m.end() :]):
            return False
        nxt = text[m.end() : m.end() + 2].strip()
        if before in ("rp", "us$", "$", "no", "nomor", "number") or nxt[:1].isdigit():
            return False
        if before in w.get("year_context", []) or not nxt[:1].isalnum():
            return True
        # A recent year followed by a word ("anggaran 2015 akan", "APBN-P 2014 hingga") is a
        # year too, unless a quantity word stands before it ("sebanyak 2015 ...").
        return 1950 <= int(gd["year"]) <= 2035 and before not in w.get("count_context", [])
    if kind == "pod" and " ".join(m.group().lower().split()) in w.get("signalled_parts_of_day", []):
        # "sejak siang hingga sore", "menjelang malam": a bare "pagi"/"malam" only after a signal
        before, _ = _words_around(text, m.start(), m.end())
        return before in w.get("part_of_day_signals", [])
    if kind == "anaphor":
        # "dalam jangka waktu itu" is "within that period", not a time
        before, _ = _words_around(text, m.start(), m.end())
        if before in w.get("period_words", []):
            return False
    if kind == "pastword":
        before, _ = _words_around(text, m.start(), m.end())
        opens = text[max(0, m.start() - 3) : m.start()].strip(" \t\"'“‘") in ("", ".", "!", "?")
        return before in w.get("past_word_leads", []) or (opens and m.group()[:1].isupper())
    if kind in ("span", "span2"):
        before, after = _words_around(text, m.start(), m.end())
        if before in ("rp", "us$", "$", "pukul", "jam"):
            return False
        # "kegiatan sehari-hari" (everyday) is no amount of time
        said = " ".join(m.group().lower().split())
        if said in w.get("not_durations", []) or re.match(r"-\w", text[m.end() : m.end() + 2]):
            return False
        if kind == "span2" and not larger_unit(
            g.lookup("units", gd["unit3"]), g.lookup("units", gd["unit5"])
        ):
            return False
    return True


def document_numbers(text: str, g: Grammar) -> list[tuple[int, int]]:
    """Spans of "Nomor 31 Tahun 1999" (a law's or decree's name): TimeML leaves expressions
    inside names unmarked, so nothing in them is a date or a duration."""
    marks = g.words.get("document_number", [])
    if not marks:
        return []
    years = "|".join(re.escape(y) for y in g.words.get("year_word", [])) or "(?!)"
    doc = "|".join(re.escape(x) for x in marks)
    pattern = rf"\b(?:{doc})\.?\s*\d+[a-z]?\s+(?:{years})\s+\d{{4}}\b"
    return [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]


def _clock_ok(t: str) -> bool:
    c = CLOCK.search(t)
    return bool(c) and int(c[1]) <= 24 and int(c[2] or 0) <= 59  # type: ignore[index]
