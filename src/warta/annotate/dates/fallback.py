"""Other languages: dateparser's ``search_dates`` (optional, slow to import, so imported lazily).

dateparser reads counts and durations as dates ("18 días" -> a date 18 days ago, "2030" -> a
year).  A match with digits is kept only when it has a d/m/y shape or letters (a month or day
name) *and* reads the same against a reference date one day later: a count of days moves with
the reference, "25 de enero" does not.  Words dateparser's own locale data lists for "yesterday",
"today", "last week"... ("ayer", "hier", "ieri", "la semana pasada") are kept too, resolved
against the reference (day, ISO week, month or year), and so are weekday names after an
article or preposition ("el lunes", "depuis lundi").
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Sequence
from typing import Any

from ...errors import MissingExtraError
from ...model import Sentence, TimeExpression
from .values import add_months, week

_NUMERIC_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}")
_LETTERS = re.compile(r"[^\W\d_]{3,}")


def _dateparser() -> Any:
    try:
        import dateparser
        import dateparser.search
    except ImportError as exc:  # pragma: no cover - dateparser is a declared dependency
        raise MissingExtraError(
            "dateparser is needed for this language: pip install 'dateparser>=1.2'"
        ) from exc
    return dateparser


_TRAILING_SHORT = re.compile(r"(?:\s+[^\W\d_]{1,2})+$")
_RELATIVE_KEY = re.compile(r"(in )?(\d) (day|week|month|year)( ago)?")
# Spanish "la mañana" is "the morning" as often as "tomorrow".
_AMBIGUOUS = frozenset({"mañana"})
# Before a weekday name these make it a day ("el lunes", "depuis lundi", "dal lunedì").
_DAY_LEAD = frozenset(
    {"el", "del", "desde", "hasta", "este", "le", "ce", "depuis", "dès", "il", "lo", "dal", "da", "di"}
    | {"entro"}
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@functools.cache
def _locale_words(language: str) -> tuple[dict[str, tuple[str, int]], frozenset[str]]:
    """dateparser's words for ``language``: relative phrases -> (unit, signed count), and the
    full weekday names."""
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(language).info
    except Exception:  # an unknown language: no words
        return {}, frozenset()
    relative: dict[str, tuple[str, int]] = {}
    for key, words in info.get("relative-type", {}).items():
        m = _RELATIVE_KEY.fullmatch(key)
        if m:
            for w in words:
                if len(w) >= 3 and w.lower() not in _AMBIGUOUS:
                    relative[w.lower()] = (m[3], -int(m[2]) if m[4] else int(m[2]))
    days = frozenset(w.lower() for d in _WEEKDAYS for w in info.get(d, []) if len(w) >= 4)
    return relative, days


def _relative_value(reference: dt.date, unit: str, n: int) -> str:
    if unit == "day":
        return (reference + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return week(reference + dt.timedelta(weeks=n))
    if unit == "month":
        return add_months(reference, n).isoformat()[:7]
    return str(reference.year + n)


def tag_with_dateparser(
    text: str, language: str, reference: dt.date | None, sentences: Sequence[Sentence] = ()
) -> list[TimeExpression]:
    """Dates dateparser finds in ``text`` (DATE, day granularity), with offsets into ``text``."""
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if reference is not None:
        settings["RELATIVE_BASE"] = dt.datetime(reference.year, reference.month, reference.day)
    dp = _dateparser()
    try:
        found = dp.search.search_dates(text, languages=[language], settings=settings) or []
    except Exception:  # dateparser raises on unknown language codes and odd inputs
        return []
    later = dict(
        settings, RELATIVE_BASE=settings.get("RELATIVE_BASE", dt.datetime(2000, 1, 1)) + dt.timedelta(days=1)
    )
    starts = [s.start for s in sentences]
    out: list[TimeExpression] = []
    pos = 0
    for phrase, when in found:
        start = text.find(phrase, pos)
        if start < 0:
            continue
        pos = start + len(phrase)
        sent = bisect.bisect_right(starts, start) - 1 if starts else -1
        relative, days = _locale_words(language)
        head = phrase.split(",")[0].rstrip()  # "hier, après": dateparser runs on past the comma
        if " ".join(head.lower().split()) in relative:
            phrase = head
        low = " ".join(phrase.lower().split())
        lead = re.findall(r"[^\W\d_]+", text[max(0, start - 12) : start].lower())[-1:]
        if reference is not None and low in relative:
            value = _relative_value(reference, *relative[low])
        elif low in days and lead and lead[0] in _DAY_LEAD:
            value = when.date().isoformat()
        else:
            value = ""
        if value:
            out.append(TimeExpression(phrase, start, start + len(phrase), "DATE", value, sent))
            continue
        if not (_NUMERIC_DATE.search(phrase) or (_LETTERS.search(phrase) and re.search(r"\d", phrase))):
            continue  # a bare number or a lone word: too often a count or a false friend
        if not 1900 <= when.year <= 2100:
            continue
        again = dp.parse(phrase, languages=[language], settings=later)
        if again is None or again.date() != when.date():
            continue  # relative to the reference: a count of days, not a date
        phrase = _TRAILING_SHORT.sub("", phrase)  # "25 de enero de 2011 y": the "y" is not part of it
        out.append(TimeExpression(phrase, start, start + len(phrase), "DATE", when.date().isoformat(), sent))
    return out
