"""Holidays whose date moves from year to year ("Idul Fitri 1438 H", "Lebaran 2017", "jelang Idul
Adha", "H-2 Lebaran", "hari kedua Lebaran", "sepuluh hari sebelum Lebaran").

Their days come from language data, never from a guess: ``lang/<code>/holidays.toml`` lists the
day of each holiday per year (with the source of the dates); the Christian feasts tied to Easter
are computed (Gregorian computus).  A holiday whose day is not known for its year keeps only the
year the text names, or no value at all.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ... import lang
from .grammar import Grammar
from .values import Found, State, rel_shift

if TYPE_CHECKING:  # recognize imports this module's plausibility check
    from .recognize import Hit

# How far from the reference date a bare "Lebaran" may be to be read as that year's (days).
_BARE_REACH = 200


@dataclass(frozen=True)
class HolidayTable:
    """One language's moving holidays: names, days per year and per Hijri year, Easter offsets."""

    names: dict[str, str]
    days: dict[str, dict[int, dt.date]]
    hijri: dict[str, dict[int, dt.date]]
    easter: dict[str, int]
    words: dict[str, list[str]]

    def key(self, name: str) -> str | None:
        """The holiday key of a matched name ("Hari Raya Idul Fitri" -> "eid_fitr")."""
        return self.names.get(" ".join(name.lower().split()))


@functools.cache
def holiday_table(language: str) -> HolidayTable:
    """The moving holidays of ``language`` (empty when it has no ``holidays.toml``)."""
    data = lang.load_if_code(language, "holidays")
    days: dict[str, dict[int, dt.date]] = {}
    hijri: dict[str, dict[int, dt.date]] = {}
    for key, entries in data.get("dates", {}).items():
        for entry in entries:
            day_text, _, hijri_year = entry.partition("/")
            day = dt.date.fromisoformat(day_text)
            days.setdefault(key, {})[day.year] = day
            if hijri_year:
                hijri.setdefault(key, {})[int(hijri_year)] = day
    return HolidayTable(data.get("names", {}), days, hijri, data.get("easter", {}), data.get("words", {}))


@functools.cache
def countdown_gap(language: str) -> re.Pattern[str]:
    """What may stand between a countdown day and its holiday ("H - 90 sebelum Idul Fitri",
    "H+10 Lebaran"): spaces and one before/after word of the language's holiday data."""
    words = holiday_table(language).words
    joins = "|".join(re.escape(x) for x in (*words.get("before", []), *words.get("after", []))) or "(?!)"
    return re.compile(rf"\s+(?:(?:{joins})\s+)?", re.IGNORECASE)


@functools.cache
def _countdown_before(language: str) -> re.Pattern[str]:
    # "H+10 Lebaran": a countdown day (its marker from the holiday data) right before the name.
    marks = "|".join(re.escape(x) for x in holiday_table(language).words.get("countdown", [])) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{marks})\s*[-−–+]\s*\d{{1,3}}\s*$")


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of ``year`` (Anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def day_in_year(t: HolidayTable, key: str, year: int) -> dt.date | None:
    """The holiday's day in a Gregorian year, or None when the table does not know it."""
    if key in t.easter:
        return easter_sunday(year) + dt.timedelta(days=t.easter[key]) if 1583 <= year <= 9999 else None
    return t.days.get(key, {}).get(year)


def nearest_day(t: HolidayTable, key: str, ref: dt.date) -> dt.date | None:
    """The holiday's known day nearest ``ref`` (a bare "Lebaran": this year's, or the one just
    past or coming), or None when none is known within about half a year."""
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := day_in_year(t, key, y))]
    best = min(options, key=lambda d: (abs((d - ref).days), d), default=None)
    return best if best is not None and abs((best - ref).days) <= _BARE_REACH else None


def holiday_day(hit: Hit, g: Grammar, st: State) -> tuple[dt.date | None, int | None]:
    """The day a holiday name of ``hit`` names (with its Hijri or Gregorian year, or "tahun
    ini/lalu"), and the Gregorian year when only that is known."""
    t = holiday_table(g.language)
    gd = hit.m.groupdict()
    key = t.key(gd.get("hname") or "")
    if key is None:
        return None, None
    if gd.get("hyear"):
        return t.hijri.get(key, {}).get(int(gd["hyear"])), None
    year: int | None = None
    if gd.get("year"):
        year = int(gd["year"])
    elif gd.get("yrel") and st.ref is not None:
        word = " ".join(gd["yrel"].lower().split())
        base = st.ref.year
        # "Lebaran tahun sebelumnya" after "Lebaran 2016": the year before the one last named.
        if word in g.words.get("chained", []) and re.match(r"\d{4}", st.last_value):
            base = int(st.last_value[:4])
        year = base + rel_shift(word, g)
    if year is not None:
        return day_in_year(t, key, year), year
    return (nearest_day(t, key, st.ref) if st.ref else None), None


def of_holiday(hit: Hit, g: Grammar, st: State) -> Found | None:
    """A moving holiday ("Idul Fitri 1438 H"), a day counted from one ("hari kedua Lebaran",
    "sepuluh hari sebelum Lebaran") or a countdown day ("H-2": from the holiday named right after
    it, else from the last one named; dropped when no holiday is named)."""
    gd = hit.m.groupdict()
    if hit.kind == "hday":
        base = st.clock_day or st.holiday
        if base is None:
            return None
        n = int(gd["hn"]) * (1 if gd["hsign"] == "+" else -1)
        return "DATE", (base + dt.timedelta(days=n)).isoformat(), "ok", None, None, None
    day, year = holiday_day(hit, g, st)
    if day is None:
        if year is not None:
            return (
                "DATE",
                str(year),
                "ok",
                "the holiday's day in that year is not in the holiday table",
                None,
                None,
            )
        return "DATE", "XXXX-XX-XX", "unresolved", "no known day for this holiday", None, None
    if hit.kind == "holoff":
        t = holiday_table(g.language)
        if gd.get("hord"):
            n = _count(gd["hord"], g) - 1  # "hari kedua Lebaran": the day after the holiday
        else:
            n = _count(gd["hon"], g) * (-1 if gd["hdir"].lower() in t.words.get("before", []) else 1)
        day = day + dt.timedelta(days=n)
    return "DATE", day.isoformat(), "ok", None, None, None


def _count(word: str, g: Grammar) -> int:
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    first = g.words.get("day_ordinals", [""])[0]
    if w == first:  # "pertama"
        return 1
    return int(g.lookup("numbers", w) or 0)


def plausible_holiday(m: re.Match[str], text: str, g: Grammar) -> bool:
    """Whether a bare holiday name is a date: capitalised, and with a year, "hari" before it,
    a lead word ("jelang", "libur", "sebelum") or a countdown ("H+10 Lebaran") before it;
    "arus mudik Lebaran" names the season's traffic."""
    gd = m.groupdict()
    name = gd.get("hname") or ""
    if gd.get("hyear") or gd.get("year") or gd.get("yrel"):
        return True  # "arus mudik lebaran 2017": with its year even a lower-case name is the day
    if not name[:1].isupper():
        return False
    # "hari Lebaran 2017", "Hari Raya Idul Fitri": the day word makes it the day
    if m.start("hname") > m.start() or " ".join(name.lower().split()).startswith("hari"):
        return True
    before = text[max(0, m.start() - 40) : m.start()]
    if _countdown_before(g.language).search(before):
        return True
    words = re.findall(r"[\w'’-]+", before)
    return bool(words) and words[-1].lower() in holiday_table(g.language).words.get("leads", [])
