"""Find temporal expressions in a text and normalize them against a reference date.

Recognition runs every shape of :mod:`.grammar` and keeps the longest non-overlapping matches;
filters then drop what only looks like a date (a bare "2030" before "personel", a lower-case
"minggu" meaning "week", "10.50" without "pukul").  Normalization walks the kept matches in
text order, so "dua hari kemudian" / "hari itu" count from the last date mentioned before.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...clean.headerdate import make_date
from ...model import Sentence, TimeExpression
from .grammar import Grammar, grammar

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_CLOCK = re.compile(r"(\d{1,2})(?:[.:](\d{2}))?(?:\s*([ap])\.?\s?m\.?)?", re.I)
_DATE_UNITS = {"D", "W", "M", "Y", "DE", "CE", "WINDU"}


@dataclass(frozen=True)
class _Hit:
    kind: str
    start: int
    end: int
    m: re.Match[str]


#: What :func:`recognize` returns: the kept matches, to normalize against several references.
Hits = Sequence[_Hit]


@dataclass
class _State:
    """What normalization carries from one expression to the next."""

    ref: dt.date | None
    anchor: dt.date | None
    anchor_sentence: int = -1


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
        hits = _select(_candidates(text, g))
    starts = [s.start for s in sentences]
    state = _State(reference, reference)
    out: list[TimeExpression] = []
    for hit in hits:
        sent = bisect.bisect_right(starts, hit.start) - 1 if starts else -1
        found = _normalize(hit, g, state, text, sent)
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


def recognize(text: str, language: str) -> list[_Hit]:
    """The expressions of ``text`` before normalization (reusable for several references)."""
    g = grammar(language)
    return _select(_candidates(text, g))


def _candidates(text: str, g: Grammar) -> list[tuple[int, int, int, str, re.Match[str]]]:
    found = []
    starts = _starts(text, g)
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
            if e > s and _plausible(kind, m, g, text):
                found.append((s, e, prio, kind, m))
    return found


def _select(cands: list[tuple[int, int, int, str, re.Match[str]]]) -> list[_Hit]:
    """Longest first (then shape priority, then position), without overlaps; in text order."""
    taken: list[_Hit] = []
    used: list[tuple[int, int]] = []
    for s, e, _prio, kind, m in sorted(cands, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(e <= us or s >= ue for us, ue in used):
            used.append((s, e))
            taken.append(_Hit(kind, s, e, m))
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
    if kind == "relunit":
        unit_word = gd.get("unit") or gd.get("unit2") or ""
        before = text[max(0, m.start() - 3) : m.start()].strip(" \t\"'“‘")
        mid_sentence = bool(before) and before[-1:] not in ".!?\n"
        # "Minggu lalu" mid-sentence is last Sunday (a day name is capitalised); "minggu lalu",
        # or a sentence-initial "Minggu lalu", is last week.
        if unit_word[:1].isupper() and unit_word.lower() in g.weekdays and mid_sentence:
            return False
    if kind == "clock":
        t = m.group().lower()
        has_marker = any(t.startswith(x) for x in w.get("time_word", [])) or bool(
            re.search(r"[ap]\.?\s?m\.?$|[a-z]{2,4}$", t)
        )
        return has_marker and _clock_ok(t)
    if kind == "yr" and not (gd.get("yw") or gd.get("edge") or gd.get("rel")):
        before, after = _words_around(text, m.start(), m.end())
        if after in w.get("count_nouns", []):
            return False
        nxt = text[m.end() : m.end() + 2].strip()
        if before in ("rp", "us$", "$", "no", "nomor", "number") or nxt[:1].isdigit():
            return False
        return before in w.get("year_context", []) or not nxt[:1].isalnum()
    if kind == "span":
        before, after = _words_around(text, m.start(), m.end())
        if before in ("rp", "us$", "$", "pukul", "jam"):
            return False
    return True


def _clock_ok(t: str) -> bool:
    c = _CLOCK.search(t)
    return bool(c) and int(c[1]) <= 24 and int(c[2] or 0) <= 59  # type: ignore[index]


def _time_part(tail: str, g: Grammar) -> tuple[str, str | None]:
    """ "T06:18" / "TMO" and the zone offset from the time text after a date ("" when none)."""
    t = tail.lower()
    zone = None
    for name, offset in sorted(g.words.get("zones", {}).items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<![a-z]){re.escape(name)}$", t.strip()):
            zone = offset
            t = t.strip()[: -len(name)]
            break
    digits = re.search(r"\d", t)
    if digits:
        c = _CLOCK.search(t)
        if c:
            hh, mi = int(c[1]), int(c[2] or 0)
            if c[3] and c[3].lower() == "p" and hh < 12:
                hh += 12
            if hh <= 24 and mi <= 59:
                return f"T{hh:02d}:{mi:02d}", zone
    for name, code in sorted(g.words.get("parts_of_day", {}).items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", t):
            return f"T{code}", zone
    return "", zone


def _future_context(text: str, start: int, g: Grammar) -> bool:
    words = re.findall(r"[\w'’-]+", text[max(0, start - 60) : start].lower())[-6:]
    return any(x in g.words.get("future_markers", []) for x in words)


def _nearest_year(ref: dt.date, month: int, day: int) -> dt.date | None:
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := make_date(y, month, day))]
    return min(options, key=lambda d: (abs((d - ref).days), d)) if options else None


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        found = make_date(year, month, day)
        if found:
            return found
    return d


def _week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


_Found = tuple[str, str, str, str | None, str | None, dt.date | None]


def _normalize(hit: _Hit, g: Grammar, st: _State, text: str, sent: int) -> _Found | None:
    """(type, value, status, note, zone, new anchor date) for one match, or None to drop it."""
    gd = hit.m.groupdict()
    kind = hit.kind
    ref = st.ref
    if kind in ("wdnum", "dmy", "mdy", "numdate", "iso", "paren"):
        return _explicit(hit, g, st, text)
    if kind == "offset":
        n = g.lookup("day_offsets", gd["off"])
        if n is None:
            return None
        if ref is None:
            return (
                "DATE",
                "PAST_REF" if n < 0 else "FUTURE_REF" if n > 0 else "PRESENT_REF",
                "unresolved",
                None,
                None,
                None,
            )
        d = ref + dt.timedelta(days=n)
        tp, zone = _time_part(gd.get("tail") or "", g)
        return ("TIME" if tp else "DATE"), d.isoformat() + tp, "ok", None, zone, d
    if kind == "podrel":
        tp, zone = _time_part(hit.m.group(), g)
        if ref is None:
            return "TIME", "PRESENT_REF", "unresolved", None, zone, None
        return "TIME", ref.isoformat() + tp, "ok", None, zone, None
    if kind == "clock":
        tp, zone = _time_part(hit.m.group(), g)
        # A bare time belongs to the day last mentioned ("Kamis (13/1) ... Pukul 05.30 WIB, air
        # datang"), else to the publication day.
        base = st.anchor or ref
        if base is None:
            return "TIME", "XXXX-XX-XX" + tp, "unresolved", None, zone, None
        return "TIME", base.isoformat() + tp, "ok", None, zone, None
    if kind == "weekday":
        return _weekday(hit, g, st, text)
    if kind == "month":
        return _month(hit, g, st, text)
    if kind == "relunit":
        return _relunit(hit, g, st)
    if kind == "span":
        return _span(hit, g, st)
    if kind == "vdur":
        return "DURATION", g.lookup("vague_durations", hit.m.group()) or "PXX", "ok", None, None, None
    if kind == "every":
        if gd.get("eunit"):
            u = g.lookup("units", gd["eunit"])
            return "SET", f"P1{u}" if u not in ("H", "MIN", "S") else f"PT1{u[0]}", "ok", None, None, None
        return "SET", f"XXXX-WXX-{g.weekdays[gd['wd'].lower()] + 1}", "ok", None, None, None
    if kind == "quarter":
        q = gd["q"].lower()
        n = _ROMAN.get(q) or g.lookup("ordinals", q) or int(q)
        year = (
            int(gd["year"]) if gd.get("year") else (ref.year + _rel_shift(gd.get("qrel"), g) if ref else None)
        )
        return "DATE", f"{year if year else 'XXXX'}-Q{n}", "ok" if year else "unresolved", None, None, None
    if kind == "weekend":
        shift = _rel_shift(gd.get("rel"), g)
        if ref is None:
            return "DATE", "XXXX-WXX-WE", "unresolved", None, None, None
        return "DATE", _week(ref + dt.timedelta(weeks=shift)) + "-WE", "ok", None, None, None
    if kind == "season":
        code = (
            next(
                (
                    c
                    for k, c in g.words.get("seasons", {}).items()
                    if hit.m.group().lower().startswith(k.split()[0])
                    and k in " ".join(hit.m.group().lower().split())
                ),
                None,
            )
            or "XX"
        )
        year = int(gd["year"]) if gd.get("year") else (ref.year if ref else None)
        return "DATE", f"{year or 'XXXX'}-{code}", "ok" if year else "unresolved", None, None, None
    if kind == "vdate":
        return "DATE", g.lookup("vague_dates", hit.m.group()) or "PAST_REF", "ok", None, None, None
    if kind == "holiday":
        mmdd = g.lookup("holidays", hit.m.group())
        if not mmdd or not hit.m.group()[:1].isupper():
            return None
        month, day = (int(x) for x in mmdd.split("-"))
        hd = _nearest_year(ref, month, day) if ref else None
        return (
            "DATE",
            hd.isoformat() if hd else f"XXXX-{mmdd}",
            "ok" if hd else "unresolved",
            None,
            None,
            None,
        )
    if kind == "edgeunit":
        unit = g.lookup("units", gd["unit4"])
        if ref is None or unit not in ("W", "M", "Y"):
            return None
        value = {"W": _week(ref), "M": ref.isoformat()[:7], "Y": str(ref.year)}[unit]
        return "DATE", value, "ok", None, None, None
    if kind == "present":
        return "DATE", "PRESENT_REF", "ok", None, None, None
    if kind == "anaphor":
        if st.anchor is None:
            return "DATE", "PAST_REF", "unresolved", None, None, None
        return "DATE", st.anchor.isoformat(), "ok", "the date mentioned before", None, None
    if kind == "decade":
        return "DATE", gd["dec"], "ok", None, None, None
    if kind == "yr":
        # "2014 lalu" is "back in 2014": the modifier does not move a written year.
        return "DATE", str(int(gd["year"])), "ok", None, None, None
    return None


def _rel_shift(word: str | None, g: Grammar) -> int:
    if not word:
        return 0
    w = " ".join(word.lower().split())
    if w in g.words.get("last", []):
        return -1
    if w in g.words.get("next", []):
        return 1
    return 0


def _explicit(hit: _Hit, g: Grammar, st: _State, text: str) -> _Found | None:
    """Dates with a day and month number or name, checked against a stated weekday."""
    gd = hit.m.groupdict()
    kind = hit.kind
    year: int | None = None
    if kind == "wdnum":
        day, month = int(gd["d"]), int(gd["m"])
        year = int(gd["y"]) if gd.get("y") else None
    elif kind in ("dmy", "mdy"):
        day, month = int(gd["day"]), g.months[gd["mon"].lower().rstrip(".")]
        year = int(gd["year"]) if gd.get("year") else None
    elif kind == "numdate":
        day, month, year = int(gd["d2"]), int(gd["m2"]), int(gd["y2"])
    elif kind == "iso":
        day, month, year = int(gd["d3"]), int(gd["m3"]), int(gd["y3"])
    else:
        day, month = int(gd["d4"]), int(gd["m4"])
    if year is not None and year < 100:
        year += 2000
    wd_name = gd.get("wd")
    weekday = g.weekdays.get(wd_name.lower()) if wd_name else None
    ref = st.ref
    if year is not None:
        literal = make_date(year, month, day)
    elif ref is not None:
        literal = _nearest_year(ref, month, day)
    else:
        literal = None
        if not (1 <= month <= 12 and 1 <= day <= 31) or make_date(2000, month, day) is None:
            return None  # "31/2": impossible in every year
    status, note = "ok", None
    chosen = literal
    if weekday is not None and (literal is None or literal.weekday() != weekday):
        chosen, note = _weekday_reading(day, month, year, weekday, literal, ref or st.anchor)
        status = "weekday_mismatch"
    if chosen is None:
        if literal is None and year is None and ref is None:
            return "DATE", f"XXXX-{month:02d}-{day:02d}", "unresolved", None, None, None
        return None
    tp, zone = _time_part(gd.get("tail") or "", g)
    value = chosen.isoformat() + tp
    return ("TIME" if tp else "DATE"), value, status, note, zone, chosen


def _weekday_reading(
    day: int, month: int, year: int | None, weekday: int, literal: dt.date | None, near: dt.date | None
) -> tuple[dt.date | None, str]:
    """The reading of a mismatched "Kamis (6/12)" that agrees with its weekday, nearest ``near``:
    another year (when none was written), day and month swapped, or the day within 3 days."""
    names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    base = literal or near
    years = [year] if year else ([base.year - 1, base.year, base.year + 1] if base else [])
    options: list[dt.date] = []
    for y in years:
        # The written reading, day and month swapped, and a one-digit typo in the day (14 for 24).
        options += [
            d
            for d in (
                make_date(y, month, day),
                make_date(y, day, month),
                make_date(y, month, day + 10),
                make_date(y, month, day - 10),
            )
            if d
        ]
    if literal:
        options += [literal + dt.timedelta(days=k) for k in (-3, -2, -1, 1, 2, 3)]
    agreeing = [d for d in options if d.weekday() == weekday]
    said = f"{day}/{month}" + (f"/{year}" if year else "")
    if not agreeing:
        return literal, f"stated weekday {names[weekday]} does not match {said}; no reading agrees"
    target = near or literal or agreeing[0]
    best = min(agreeing, key=lambda d: (abs((d - target).days), d))
    if literal is None:
        return best, f"read as {best.isoformat()}, the {names[weekday]} nearest the article date"
    return best, (
        f"stated weekday {names[weekday]} does not match {literal.isoformat()} "
        f"({names[literal.weekday()]}); read as {best.isoformat()}"
    )


def _weekday(hit: _Hit, g: Grammar, st: _State, text: str) -> _Found | None:
    gd = hit.m.groupdict()
    wd = g.weekdays[gd["wd"].lower()]
    ref = st.ref
    tp, zone = _time_part(gd.get("tail") or "", g)
    kind = "TIME" if tp else "DATE"
    if ref is None:
        return kind, f"XXXX-WXX-{wd + 1}", "unresolved", None, zone, None
    shift = _rel_shift(gd.get("rel") or gd.get("relp"), g)
    back = (ref.weekday() - wd) % 7
    if shift < 0:
        d = ref - dt.timedelta(days=back or 7)
    elif shift > 0 or (shift == 0 and _future_context(text, hit.start, g)):
        d = ref + dt.timedelta(days=(wd - ref.weekday()) % 7 or (7 if shift > 0 else 0))
    else:
        # News tells what happened: a bare weekday is the latest such day up to the article date.
        d = ref - dt.timedelta(days=back)
    return kind, d.isoformat() + tp, "ok", None, zone, d


def _month(hit: _Hit, g: Grammar, st: _State, text: str) -> _Found | None:
    gd = hit.m.groupdict()
    month = g.months[gd["mon"].lower()]
    if gd.get("year"):
        return "DATE", f"{int(gd['year'])}-{month:02d}", "ok", None, None, None
    ref = st.ref
    if ref is None:
        return "DATE", f"XXXX-{month:02d}", "unresolved", None, None, None
    shift = _rel_shift(gd.get("rel") or gd.get("relp"), g)
    year = ref.year
    if shift < 0 and month >= ref.month:
        year -= 1
    elif (shift > 0 or (shift == 0 and _future_context(text, hit.start, g))) and month < ref.month:
        year += 1
    elif shift == 0:
        # A bare month is the nearest one ("pengiriman Januari" written in December is next
        # year's); on a tie, the past one (news reports what happened).
        year = min(
            (ref.year - 1, ref.year, ref.year + 1),
            key=lambda y: (abs((y - ref.year) * 12 + month - ref.month), y),
        )
    return "DATE", f"{year}-{month:02d}", "ok", None, None, None


def _relunit(hit: _Hit, g: Grammar, st: _State) -> _Found | None:
    gd = hit.m.groupdict()
    unit = g.lookup("units", gd.get("unit") or gd.get("unit2") or "")
    if unit not in _DATE_UNITS:
        return None
    ref = st.ref
    shift = _rel_shift(gd.get("rel") or gd.get("relp"), g)
    if ref is None:
        value = "PAST_REF" if shift < 0 else "FUTURE_REF" if shift > 0 else "PRESENT_REF"
        return "DATE", value, "unresolved", None, None, None
    if unit == "D":
        d = ref + dt.timedelta(days=shift)
        return "DATE", d.isoformat(), "ok", None, None, d
    if unit == "W":
        return "DATE", _week(ref + dt.timedelta(weeks=shift)), "ok", None, None, None
    if unit == "M":
        return "DATE", _add_months(ref, shift).isoformat()[:7], "ok", None, None, None
    if unit == "Y":
        return "DATE", str(ref.year + shift), "ok", None, None, None
    if unit == "DE":
        return "DATE", str(ref.year // 10 + shift)[:3], "ok", None, None, None
    return "DATE", str(ref.year // 100 + shift), "ok", None, None, None


def _amount(word: str, g: Grammar) -> float | None:
    w = " ".join(word.lower().split())
    if re.fullmatch(r"[\d.,]+", w):
        try:
            return float(w.replace(",", "."))
        except ValueError:
            return None
    n = g.lookup("numbers", w)
    return float(n) if n is not None else None


def _span(hit: _Hit, g: Grammar, st: _State) -> _Found | None:
    gd = hit.m.groupdict()
    if gd.get("one"):
        amount: float | None = 1.0
        unit = g.lookup("units", gd["one"][len(g.words.get("one_prefix", "")) :])
    else:
        amount = _amount(gd["n"], g)
        unit = g.lookup("units", gd["unit3"])
    if unit is None:
        return None
    n_txt = "X" if amount is None else (str(int(amount)) if amount == int(amount) else str(amount))
    direction = " ".join((gd.get("dir") or "").lower().split())
    if not direction:
        if unit in ("H", "MIN", "S"):
            return "DURATION", f"PT{n_txt}{'M' if unit == 'MIN' else unit}", "ok", None, None, None
        code = {"DE": "DE", "CE": "CE", "WINDU": "Y"}.get(unit, unit)
        if unit == "WINDU" and amount is not None:
            n_txt = str(int(amount * 8))
        return "DURATION", f"P{n_txt}{code}", "ok", None, None, None
    chained = direction in g.words.get("chained", [])
    back = direction in g.words.get("ago", [])
    base = st.anchor if chained else st.ref
    if base is None or amount is None or unit not in ("D", "W", "M", "Y"):
        return (
            "DATE",
            "PAST_REF" if back else "FUTURE_REF",
            "unresolved" if base is None else "ok",
            None,
            None,
            None,
        )
    k = -int(amount) if back else int(amount)
    if unit == "D":
        d = base + dt.timedelta(days=k)
        return "DATE", d.isoformat(), "ok", None, None, d
    if unit == "W":
        d = base + dt.timedelta(weeks=k)
        return "DATE", d.isoformat() if chained else _week(d), "ok", None, None, d if chained else None
    if unit == "M":
        d = _add_months(base, k)
        return (
            "DATE",
            d.isoformat() if chained else d.isoformat()[:7],
            "ok",
            None,
            None,
            d if chained else None,
        )
    return "DATE", str(base.year + k), "ok", None, None, None
