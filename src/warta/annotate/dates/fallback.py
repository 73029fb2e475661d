"""Other languages: dateparser's ``search_dates`` (optional, slow to import, so imported lazily).

dateparser reads counts and durations as dates ("10 días" -> a date ten days ago, "2030" -> a
year), so only matches that carry a month name, a weekday name or a d/m/y shape are kept.
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


def _search_dates() -> Any:
    try:
        from dateparser.search import search_dates
    except ImportError as exc:  # pragma: no cover - dateparser is a declared dependency
        raise MissingExtraError(
            "dateparser is needed for this language: pip install 'dateparser>=1.2'"
        ) from exc
    return search_dates


def tag_with_dateparser(
    text: str, language: str, reference: dt.date | None, sentences: Sequence[Sentence] = ()
) -> list[TimeExpression]:
    """Dates dateparser finds in ``text`` (DATE, day granularity), with offsets into ``text``."""
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if reference is not None:
        settings["RELATIVE_BASE"] = dt.datetime(reference.year, reference.month, reference.day)
    try:
        found = _search_dates()(text, languages=[language], settings=settings) or []
    except Exception:  # dateparser raises on unknown language codes and odd inputs
        return []
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
        sent = bisect.bisect_right(starts, start) - 1 if starts else -1
        out.append(TimeExpression(phrase, start, start + len(phrase), "DATE", when.date().isoformat(), sent))
    return out
