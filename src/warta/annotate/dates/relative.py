"""Relative expressions: weekdays and months without a year, "pekan lalu", "dua hari kemudian"."""

from __future__ import annotations

import datetime as dt
import re

from ...clean.headerdate import make_date
from .grammar import Grammar
from .recognize import Hit
from .values import (
    Found,
    State,
    add_months,
    future_context,
    larger_unit,
    nearest_year,
    night_shift,
    rel_shift,
    time_part,
    week,
)

_DATE_UNITS = {"D", "W", "M", "Q", "Y", "DE", "CE", "WINDU"}


def of_weekday(hit: Hit, g: Grammar, st: State, text: str) -> Found | None:
    """A weekday without a date ("Kamis", "Rabu lalu", "Selasa depan") against the reference."""
    gd = hit.m.groupdict()
    wd = g.weekdays[gd["wd"].lower()]
    ref = st.ref
    tp, zone = time_part(gd.get("tail") or "", g)
    kind = "TIME" if tp else "DATE"
    if ref is None:
        return kind, f"XXXX-WXX-{wd + 1}", "unresolved", None, zone, None
    if gd.get("wrel"):
        # "Senin pekan depan": Monday of next week; "Kamis pekan lalu": Thursday of last week
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=rel_shift(gd["wrel"], g))
        d = monday + dt.timedelta(days=wd)
        return kind, d.isoformat() + tp, "ok", None, zone, d
    shift = rel_shift(gd.get("rel") or gd.get("relp") or gd.get("rel2"), g)
    back = (ref.weekday() - wd) % 7
    if shift < 0:
        d = ref - dt.timedelta(days=back or 7)
    elif shift > 0 or (shift == 0 and future_context(text, hit.start, g)):
        d = ref + dt.timedelta(days=(wd - ref.weekday()) % 7 or (7 if shift > 0 else 0))
    else:
        # News tells what happened: a bare weekday is the latest such day up to the article date.
        d = ref - dt.timedelta(days=back)
    listed = _listed_weekday(hit, g, st, text, wd) if shift == 0 and not tp else None
    if listed is not None:
        d = listed
    elif shift == 0:
        # "akan bertemu pada Kamis (27/11) ... pertemuan Kamis": the day of that name the text
        # already gave (within a week of the article date) is the one meant.
        named = [x for x in st.seen_days if x.weekday() == wd and abs((x - ref).days) <= 6]
        if named:
            d = named[-1]
    return kind, d.isoformat() + tp, "ok", None, zone, d


# Inside "(Jumat, Selasa, Rabu, Kamis, dan Jumat)" after a list of dates: only weekday names,
# commas and a joining word stand between the bracket and the weekday.
_LIST_GAP = re.compile(r"[\w\s,’']*")


def _listed_weekday(hit: Hit, g: Grammar, st: State, text: str, wd: int) -> dt.date | None:
    """The day of a weekday restating a list of dates in brackets ("pada tanggal 23, 27 ... dan
    30 Juni 2017 (Jumat, Selasa, ... dan Jumat)"): the k-th such weekday of the bracket is the
    k-th listed day with that weekday."""
    bracket = text.rfind("(", max(0, hit.start - 80), hit.start)
    if bracket < 0 or not st.seen_days or not _LIST_GAP.fullmatch(text, bracket + 1, hit.start):
        return None
    words = re.findall(r"[\w’']+", text[bracket + 1 : hit.start].lower())
    joins = g.words.get("and_words", [])
    if any(w not in g.weekdays and w not in joins for w in words):
        return None
    # the list just before the bracket: the days named in the last few expressions
    recent = [x for x in st.seen_days[-10:] if abs((x - st.seen_days[-1]).days) <= 31]
    same = [x for x in recent if x.weekday() == wd]
    k = sum(1 for w in words if g.weekdays.get(w) == wd)
    return same[k] if k < len(same) else None


def of_month(hit: Hit, g: Grammar, st: State, text: str) -> Found | None:
    """A month name, with a year or placed in the year nearest the reference."""
    gd = hit.m.groupdict()
    month = g.months[gd["mon"].lower()]
    if gd.get("year"):
        return "DATE", f"{int(gd['year'])}-{month:02d}", "ok", None, None, None
    ref = st.ref
    if ref is None:
        return "DATE", f"XXXX-{month:02d}", "unresolved", None, None, None
    if gd.get("yrel"):  # "Januari tahun ini"
        return "DATE", f"{ref.year + rel_shift(gd['yrel'], g)}-{month:02d}", "ok", None, None, None
    shift = rel_shift(gd.get("rel") or gd.get("relp"), g)
    year = ref.year
    if shift < 0 and month >= ref.month:
        year -= 1
    elif (shift > 0 or (shift == 0 and future_context(text, hit.start, g))) and month < ref.month:
        year += 1
    elif shift == 0:
        # A bare month is the nearest one ("pengiriman Januari" written in December is next
        # year's); on a tie, the past one (news reports what happened).
        year = min(
            (ref.year - 1, ref.year, ref.year + 1),
            key=lambda y: (abs((y - ref.year) * 12 + month - ref.month), y),
        )
    return "DATE", f"{year}-{month:02d}", "ok", None, None, None


def of_relunit(hit: Hit, g: Grammar, st: State) -> Found | None:
    """A unit with this/last/next ("pekan lalu", "tahun ini") as the unit containing the day."""
    gd = hit.m.groupdict()
    unit = g.lookup("units", gd.get("unit") or gd.get("unit2") or "")
    if unit not in _DATE_UNITS:
        return None
    ref = st.ref
    shift = rel_shift(gd.get("rel") or gd.get("relp"), g)
    if ref is None:
        value = "PAST_REF" if shift < 0 else "FUTURE_REF" if shift > 0 else "PRESENT_REF"
        return "DATE", value, "unresolved", None, None, None
    if unit == "D":
        unit_word = gd.get("unit") or gd.get("unit2") or ""
        code = g.lookup("parts_of_day", unit_word)
        d = ref + dt.timedelta(days=shift + (night_shift(hit.m.group(), g) if code else 0))
        if code:  # "tadi malam", "malam ini": a part of the day, a time
            return "TIME", f"{d.isoformat()}T{code}", "ok", None, None, d
        return "DATE", d.isoformat(), "ok", None, None, d
    if unit == "W":
        return "DATE", week(ref + dt.timedelta(weeks=shift)), "ok", None, None, None
    if unit == "M":
        return "DATE", add_months(ref, shift).isoformat()[:7], "ok", None, None, None
    if unit == "Y":
        return "DATE", str(ref.year + shift), "ok", None, None, None
    if unit == "Q":  # "kuartal lalu": the quarter before the reference's
        year, q = divmod((ref.month - 1) // 3 + shift, 4)
        return "DATE", f"{ref.year + year}-Q{q + 1}", "ok", None, None, None
    if unit == "DE":
        return "DATE", str(ref.year // 10 + shift)[:3], "ok", None, None, None
    return "DATE", str(ref.year // 100 + shift), "ok", None, None, None


def _amount(word: str, g: Grammar) -> float | None:
    w = " ".join(word.lower().split())
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", w):
        return float(w.replace(".", ""))  # "1.000 tahun": a dot before three digits groups thousands
    if re.fullmatch(r"[\d.,]+", w):
        try:
            return float(w.replace(",", "."))
        except ValueError:
            return None
    n = g.lookup("numbers", w)
    return float(n) if n is not None else None


def of_span(hit: Hit, g: Grammar, st: State) -> Found | None:
    """An amount of a unit: a duration ("tiga hari") or, with a direction, a date
    ("dua hari lalu"; "sehari sebelumnya" counts from the last date mentioned)."""
    gd = hit.m.groupdict()
    if gd.get("one"):
        amount: float | None = 1.0
        unit = g.lookup("units", gd["one"][len(g.words.get("one_prefix", "")) :])
    else:
        amount = _amount(gd["n"], g)
        if amount is not None and gd.get("mult"):
            amount *= int(gd["mult"])
        if amount is not None and gd.get("half"):
            amount += 0.5
        unit = g.lookup("units", gd["unit3"])
    if unit is None:
        return None
    n_txt = "X" if amount is None else (str(int(amount)) if amount == int(amount) else str(amount))
    direction = " ".join((gd.get("dir") or "").lower().split())
    # "lima tahun terakhir", "dua tahun ke depan": the last / next N years, a duration (TimeML).
    if direction in g.words.get("duration_tails", []):
        direction = ""
    # "tiga kuartal sebelumnya": the quarters before, an amount of time (no day to count to)
    if not direction or unit == "Q":
        if unit in ("H", "MIN", "S"):
            return "DURATION", f"PT{n_txt}{'M' if unit == 'MIN' else unit}", "ok", None, None, None
        code = {"DE": "DE", "CE": "CE", "WINDU": "Y"}.get(unit, unit)
        if unit == "WINDU" and amount is not None:
            n_txt = str(int(amount * 8))
        return "DURATION", f"P{n_txt}{code}", "ok", None, None, None
    if unit in ("H", "MIN", "S"):
        # "empat menit kemudian": the clock it points to is not known, the amount is (TIMEX3
        # DURATION; "later" is a signal).
        return "DURATION", f"PT{n_txt}{'M' if unit == 'MIN' else unit}", "ok", None, None, None
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
        return "DATE", d.isoformat() if chained else week(d), "ok", None, None, d if chained else None
    if unit == "M":
        d = add_months(base, k)
        return (
            "DATE",
            d.isoformat() if chained else d.isoformat()[:7],
            "ok",
            None,
            None,
            d if chained else None,
        )
    # "Pada 2012 ... dibanding setahun sebelumnya": a year counts from the last year mentioned.
    year = int(st.last_value[:4]) if chained and st.last_value[:4].isdigit() else base.year
    return "DATE", str(year + k), "ok", None, None, None


def compound_units(hit: Hit, g: Grammar) -> tuple[str, str] | None:
    """The two units of "satu tahun enam bulan" when the second is the smaller, else None."""
    gd = hit.m.groupdict()
    u1, u2 = g.lookup("units", gd["unit3"]), g.lookup("units", gd["unit5"])
    return (u1, u2) if larger_unit(u1, u2) else None


def of_compound(hit: Hit, g: Grammar) -> Found | None:
    """ "satu tahun enam bulan" -> P1Y6M, "2 jam 30 menit" -> PT2H30M (TIMEX3 DURATION)."""
    units = compound_units(hit, g)
    gd = hit.m.groupdict()
    a, b = _amount(gd["n"], g), _amount(gd["n2"], g)
    if units is None or a is None or b is None:
        return None
    out, in_time = "P", False
    for n, u in ((a, units[0]), (b, units[1])):
        if u in ("H", "MIN", "S") and not in_time:
            out, in_time = out + "T", True
        txt = str(int(n)) if n == int(n) else str(n)
        out += txt + {"MIN": "M"}.get(u, u)
    return "DURATION", out, "ok", None, None, None


def of_dayonly(hit: Hit, st: State) -> Found | None:
    """ "tanggal 10" (a day of the article's month) or "tanggal 31/12" (the nearest such date)."""
    gd = hit.m.groupdict()
    day = int(gd["dd"])
    month = int(gd["mm"]) if gd.get("mm") else None
    if make_date(2000, month or 1, day) is None:
        return None  # "tanggal 31/2", "tanggal 35": impossible in every year
    ref = st.ref
    if ref is None:
        shown = f"{month:02d}" if month else "XX"
        return "DATE", f"XXXX-{shown}-{day:02d}", "unresolved", None, None, None
    found = nearest_year(ref, month, day) if month else make_date(ref.year, ref.month, day)
    if found is None:
        return None  # "tanggal 31" in a 30-day month
    note = None if month else "a day of the article's month"
    return "DATE", found.isoformat(), "ok", note, None, found
