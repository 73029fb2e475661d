"""Explicit dates (a day and a month number or name), checked against a stated weekday."""

from __future__ import annotations

import datetime as dt

from ...clean.headerdate import make_date
from .grammar import Grammar
from .recognize import Hit
from .values import Found, State, nearest_year, rel_shift, time_part

# How far from the article date a year-less date may move to another year to agree with its
# weekday (days).
_YEAR_BY_WEEKDAY = 270


def explicit(hit: Hit, g: Grammar, st: State, text: str) -> Found | None:
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
        if gd.get("yrel") and st.ref is not None:  # "22 Desember tahun lalu"
            year = st.ref.year + rel_shift(gd["yrel"], g)
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
        literal = nearest_year(ref, month, day)
        hint = st.year_hint
        if weekday is not None:
            # "Kamis (16/2)" in an August article: the nearest year whose 16/2 is a Thursday
            # (a weekday says which year more surely than nearness does), within about nine
            # months; further away a wrong weekday is likelier a slip ("Rabu (16/11)" for 15/11).
            agreeing = [
                d
                for y in (ref.year - 1, ref.year, ref.year + 1)
                if (d := make_date(y, month, day))
                and d.weekday() == weekday
                and abs((d - ref).days) <= _YEAR_BY_WEEKDAY
            ]
            if agreeing:
                literal = min(agreeing, key=lambda d: (abs((d - ref).days), d))
        elif hint is not None and hint[0] == st.sentence >= 0:
            literal = make_date(hint[1], month, day) or literal
        shift = rel_shift(gd.get("rel"), g)
        # "8 Maret lalu" is the last 8 March up to the reference, "8 Maret mendatang" the next.
        if literal is not None and shift and (literal - ref).days * shift < 0:
            literal = make_date(literal.year + shift, month, day) or literal
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
    # "Rabu dini hari (21/9)": the part of the day may stand before the date
    # "pukul 21.30 WIB Jumat (12/1)": or a time right before the weekday
    tp, zone = time_part(f"{gd.get('lead') or ''} {gd.get('wpod') or ''} {gd.get('tail') or ''}", g)
    value = chosen.isoformat() + tp
    return ("TIME" if tp else "DATE"), value, status, note, zone, chosen


def _weekday_reading(
    day: int, month: int, year: int | None, weekday: int, literal: dt.date | None, near: dt.date | None
) -> tuple[dt.date | None, str]:
    """The reading of a mismatched "Kamis (6/12)" that agrees with its weekday, nearest ``near``:
    another year (when none was written, or the article's own year next to a written one), day
    and month swapped, or the day within 3 days."""
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
        # A slip of a day or so in the number keeps the written month: "Jumat (2/7)" is not
        # Friday 30 June (the weekday is the slip there), "Rabu (16/11)" may be 15/11.
        near_days = (literal + dt.timedelta(days=k) for k in (-3, -2, -1, 1, 2, 3))
        options += [d for d in near_days if d.month == literal.month]
    if near and not year:
        # A month typo ("Senin (5/1)" written on 6 February for Monday 5/2; "Senin (27/8)" in
        # a 27 March article): the stated day in the article's own month.
        options += [d for d in (make_date(near.year, near.month, day),) if d]
    if year and near and year == near.year and literal and abs((literal - near).days) > 180:
        # "Minggu (31/12/2018)" written on 1 January 2018: the year the writer had not yet
        # changed (or changed too early), the same day a year before or after.
        options += [d for y in (year - 1, year + 1) if (d := make_date(y, month, day))]
    if year and near and abs(year - near.year) == 1:
        # A year typo ("Kamis (11/12/2013)" in a 2014 article): the written day in the article's year.
        options += [d for d in (make_date(near.year, month, day),) if d]
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
