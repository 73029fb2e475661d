"""Other languages: dateparser's ``search_dates`` (optional, slow to import, so imported lazily).

dateparser reads counts and durations as dates ("18 días" -> a date 18 days ago, "2030" -> a
year).  A match with digits is kept only when it has a d/m/y shape or letters (a month or day
name) *and* reads the same against a reference date one day later: a count of days moves with
the reference, "25 de enero" does not.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from ...errors import MissingExtraError
from ...model import Sentence, TimeExpression

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
        if not (_NUMERIC_DATE.search(phrase) or (_LETTERS.search(phrase) and re.search(r"\d", phrase))):
            continue  # a bare number or a lone word: too often a count or a false friend
        if not 1900 <= when.year <= 2100:
            continue
        again = dp.parse(phrase, languages=[language], settings=later)
        if again is None or again.date() != when.date():
            continue  # relative to the reference: a count of days, not a date
        phrase = _TRAILING_SHORT.sub("", phrase)  # "25 de enero de 2011 y": the "y" is not part of it
        sent = bisect.bisect_right(starts, start) - 1 if starts else -1
        out.append(TimeExpression(phrase, start, start + len(phrase), "DATE", when.date().isoformat(), sent))
    return out
