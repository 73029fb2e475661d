"""Publication dates: header lines ("Sabtu, 08 Januari 2022 - 05:06 WIB") and dateline sentences.

Month and weekday names come from ``lang/<code>/calendar.toml``; the shapes of a date (day
month year, month day year, d/m/y, ISO) are the same in the languages Warta reads.  Numeric
dates are read day first (d/m/y, as in Indonesian and most of the world); impossible dates
(31/2) are rejected.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .rules import FLAGS, Rules

_TIME = (
    r"(?P<time>\s*(?:[,|•·-]|–|—)?\s*(?:pukul|jam|at)?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
    r"\s*(?:[ap]\.?m\.?)?\s*(?:wib|wita|wit|utc|gmt|[a-z]{2,4}t|[+-]\d{2}:?\d{2})?)?"
)
_QUOTE = re.compile(r"['’]")
_ISO_TIME = r"(?:t\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"


@dataclass(frozen=True)
class DatePatterns:
    """Compiled date regexes for one set of month and weekday names."""

    header: re.Pattern[str]
    sentence: re.Pattern[str]


def _alternation(names: dict[str, int]) -> str:
    keys = sorted(names, key=len, reverse=True)
    return "|".join(_QUOTE.sub("['’]", re.escape(k)) for k in keys)


@functools.cache
def _patterns(months_key: tuple[str, ...], weekdays_key: tuple[str, ...]) -> DatePatterns:
    months = _alternation(dict.fromkeys(months_key, 0)) or "(?!)"
    weekdays = _alternation(dict.fromkeys(weekdays_key, 0)) or "(?!)"
    date = (
        rf"(?:(?P<d1>\d{{1,2}})\s*(?P<m1>{months})\b\.?\s*,?\s*(?P<y1>\d{{4}})"
        rf"|(?P<m2>{months})\b\.?\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y2>\d{{4}})"
        r"|(?P<d3>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m3>\d{1,2})\s*(?P=sep)\s*(?P<y3>\d{4}|\d{2})"
        rf"|(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}}){_ISO_TIME})"
    )
    # The prefix is a label ("Diperbarui", "Updated:") or the site's name ("Harian X, ...").
    header = (
        r"(?P<prefix>(?:[^\W\d_][\w.'’]*\s*){1,4}[:,]?\s*)??"
        rf"(?:(?P<wd>{weekdays})\b\.?\s*,?\s*)?{date}{_TIME}\s*\.?"
    )
    sentence = (
        rf"\b(?P<wd>{weekdays})\b\s*,?\s*\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})"
        r"\s*/\s*(?P<y>\d{4}|\d{2})\s*\)"
    )
    return DatePatterns(re.compile(header, FLAGS), re.compile(sentence, FLAGS))


def patterns_for(rules: Rules) -> DatePatterns:
    """Date regexes built from the calendar names of ``rules`` (cached)."""
    return _patterns(tuple(sorted(rules.months)), tuple(sorted(rules.weekdays)))


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """``date(year, month, day)``, or None for an impossible or implausible date."""
    if year < 100:
        year += 2000
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def header_date(line: str, rules: Rules, *, strict: bool) -> dt.date | None:
    """The date when the whole ``line`` is a date header, else None.

    See :func:`header_date_and_prefix`, which also returns the words before the date.
    """
    found = header_date_and_prefix(line, rules, strict=strict)
    return found[0] if found else None


def header_date_and_prefix(
    line: str, rules: Rules, *, strict: bool
) -> tuple[dt.date, str | None] | None:
    """``(date, prefix)`` when the whole ``line`` is a date header, else None.

    ``prefix`` is what stands before the weekday/date ("Diperbarui", "Harian Embun Pagi"), or
    None.  A prefix ending in a comma names the site in print-style headers.

    With ``strict`` (inside the body), a bare date ("Senin, 10 Januari 2022") is not enough: the
    line must also carry a time or a label word ("Diperbarui", "Updated"), so that dated
    sub-headings of a timeline stay in the body.
    """
    if len(line) > 80 or not any(c.isdigit() for c in line):
        return None
    m = patterns_for(rules).header.fullmatch(line)
    if m is None:
        return None
    g = m.groupdict()
    if strict and not g["time"]:
        prefix = (g["prefix"] or "").strip(" :").lower()
        if not prefix or all(w in rules.weekdays for w in prefix.split()):
            return None
    if g["d1"]:
        date = make_date(int(g["y1"]), rules.months[g["m1"].lower()], int(g["d1"]))
    elif g["m2"]:
        date = make_date(int(g["y2"]), rules.months[g["m2"].lower()], int(g["d2"]))
    elif g["d3"]:
        date = make_date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    else:
        date = make_date(int(g["y4"]), int(g["m4"]), int(g["d4"]))
    if date is None:
        return None
    prefix = (g["prefix"] or "").strip() or None
    return date, prefix


def sentence_date(text: str, rules: Rules) -> tuple[dt.date, str] | None:
    """A "Kamis (13/1/2022)" date in a dateline sentence, with the matched text; else None."""
    if "(" not in text:
        return None
    for m in patterns_for(rules).sentence.finditer(text):
        date = make_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if date is not None:
            shown = f"{m['wd']} ({int(m['d'])}/{int(m['m'])}/{m['y']})"
            return date, shown
    return None
