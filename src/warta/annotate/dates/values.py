"""Calendar arithmetic and the state normalization carries from one expression to the next."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ...clean.headerdate import make_date
from .grammar import Grammar

CLOCK = re.compile(r"(\d{1,2})(?:[.:](\d{2}))?(?:\s*([ap])\.?\s?m\.?)?", re.I)

#: (type, value, status, note, zone offset, new anchor date) of one normalized expression.
Found = tuple[str, str, str, str | None, str | None, dt.date | None]


@dataclass
class State:
    """What normalization carries from one expression to the next."""

    ref: dt.date | None
    anchor: dt.date | None
    anchor_sentence: int = -1
    #: The anchor was named (a date, a weekday), not counted ("kemarin"): it dates the bare
    #: times of later sentences too.
    anchor_named: bool = True
    #: The day of the date right after a time ("pukul 05.30 WIB, sehari sebelumnya").
    clock_day: dt.date | None = None
    #: The last resolved value ("2012"): "setahun sebelumnya" counts from it.
    last_value: str = ""
    #: Days mentioned so far: a later bare weekday is the same day ("pertemuan Kamis").
    seen_days: list[dt.date] = field(default_factory=list)
    #: The sentence being normalized, and (sentence, year) of the last relative year named
    #: ("tahun lalu"): "terjadi tahun lalu ... pada 14 Juli" is 14 July of that year.
    sentence: int = -1
    year_hint: tuple[int, int] | None = None
    #: The day the text last gave for a statement ("kata Rina, Senin (27/3)"): a quotation
    #: without a day of its own counts its "hari ini" from it.
    speech_day: dt.date | None = None
    #: The last day named for a happening (not a statement, not inside a quotation), its
    #: sentence and whether it was named (not counted): it dates later bare times.
    event: tuple[dt.date, int, bool] | None = None
    #: The last day (not of a statement) and its sentence, inside a quotation or not.
    sentence_day: tuple[dt.date, int] | None = None
    #: The day of the last holiday named ("Lebaran 2017"): "H-2" counts from it.
    holiday: dt.date | None = None


def time_part(tail: str, g: Grammar) -> tuple[str, str | None]:
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
        c = CLOCK.search(t)
        if c:
            hh, mi = int(c[1]), int(c[2] or 0)
            if c[3] and c[3].lower() == "p" and hh < 12:
                hh += 12
            elif hh < 12 and _afternoon(t[c.end() :], hh, g):
                hh += 12  # "pukul 6.00 malam", "pukul 3 sore": a 12-hour clock
            if hh <= 24 and mi <= 59:
                return f"T{hh:02d}:{mi:02d}", zone
    for name, code in sorted(g.words.get("parts_of_day", {}).items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", t):
            return f"T{code}", zone
    return "", zone


def night_shift(said: str, g: Grammar) -> int:
    """-1 for "tadi malam" (said in the day, it is the night before), else 0."""
    return -1 if " ".join(said.lower().split()) in g.words.get("previous_night", []) else 0


def _afternoon(after: str, hour: int, g: Grammar) -> bool:
    """Whether the part of the day after a 12-hour clock makes it p.m.: "6 malam" 18:00, "11
    malam" 23:00, "3 sore" 15:00, "1 siang" 13:00; "2 malam" and "2 dini hari" stay 02:00."""
    for name, code in sorted(g.words.get("parts_of_day", {}).items(), key=lambda kv: -len(kv[0])):
        if re.match(rf"\s*{re.escape(name)}(?!\w)", after):
            return (
                (code in ("AF", "EV") and hour >= 1)
                or (code == "NI" and hour >= 5)
                or (code == "MI" and hour <= 5)
            )
    return False


def future_context(text: str, start: int, g: Grammar) -> bool:
    """Whether a future marker ("akan", "dijadwalkan") stands in the few words before ``start``."""
    words = re.findall(r"[\w'’-]+", text[max(0, start - 60) : start].lower())[-6:]
    return any(x in g.words.get("future_markers", []) for x in words)


def nearest_year(ref: dt.date, month: int, day: int) -> dt.date | None:
    """The date with this month and day nearest ``ref`` (previous, same or next year)."""
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := make_date(y, month, day))]
    return min(options, key=lambda d: (abs((d - ref).days), d)) if options else None


def add_months(d: dt.date, months: int) -> dt.date:
    """``d`` moved by ``months`` calendar months (the day clipped to the month's length)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        found = make_date(year, month, day)
        if found:
            return found
    return d


def week(d: dt.date) -> str:
    """The ISO week of ``d`` as a TIMEX3 value ("2014-W52")."""
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


#: Duration units from the largest down: a compound duration names them in this order.
_UNIT_ORDER = ("CE", "DE", "Y", "M", "W", "D", "H", "MIN", "S")


def larger_unit(first: object, second: object) -> bool:
    """Whether ``first`` is a larger duration unit than ``second`` ("Y" before "M")."""
    order = _UNIT_ORDER
    return first in order and second in order and order.index(first) < order.index(second)


def rel_shift(word: str | None, g: Grammar) -> int:
    """-1 for a "last" modifier ("lalu"), +1 for a "next" one ("depan"), else 0."""
    if not word:
        return 0
    w = " ".join(word.lower().split())
    if w in g.words.get("last", []):
        return -1
    if w in g.words.get("next", []) or w in g.words.get("next_tails", []):
        return 1
    return 0
