"""Article date inference: when the cleaner found no publication date (metadata, header line,
dateline), take it from the dates the article's own text states.

Explicit dates vote: a date written with its weekday ("Kamis (13/1/2022)", the shape of an
Indonesian dateline) counts three times, one in the first two sentences twice again; dates
older than the newest year the text mentions (history: "21 November 1945") do not vote.  The winner is the
most-voted date, ties going to the latest.  Year-less dates with a weekday ("Kamis (13/1)") get
the first year, from the newest year the text mentions on, in which the weekday agrees.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ...clean.headerdate import make_date
from ...model import Sentence, TimeExpression
from .grammar import grammar
from .tagger import Hits, tag

_FULL = re.compile(r"^\d{4}-\d{2}-\d{2}")
_YEARLESS = re.compile(r"^XXXX-(\d{2})-(\d{2})")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@dataclass(frozen=True)
class Inferred:
    """An inferred publication date with the evidence (quoted text) and a confidence in 0-1."""

    date: dt.date
    evidence: str
    confidence: float


def _weekday_of(t: TimeExpression, language: str) -> int | None:
    """The weekday the expression's text names (its first word), if any."""
    first = re.match(r"[^\W\d_]+(?:['’][^\W\d_]+)?", t.text)
    if not first:
        return None
    words = re.sub(r"^hari\s+", "", t.text.lower())
    name = re.match(r"[^\W\d_]+(?:['’][^\W\d_]+)?", words)
    return grammar(language).weekdays.get(name.group()) if name else None


def _weight(t: TimeExpression, language: str) -> int:
    return (3 if _weekday_of(t, language) is not None else 1) * (2 if 0 <= t.sentence <= 1 else 1)


def _vote(
    cands: Sequence[tuple[dt.date, TimeExpression]], language: str, sure: bool, newest: int
) -> Inferred | None:
    cands = [(d, t) for d, t in cands if d.year >= newest - 1]
    if not cands:
        return None
    votes: Counter[dt.date] = Counter()
    first: dict[dt.date, TimeExpression] = {}
    for d, t in cands:
        votes[d] += _weight(t, language)
        first.setdefault(d, t)
    best = max(votes, key=lambda d: (votes[d], d))
    t = first[best]
    share = votes[best] / sum(votes.values())
    strong = _weekday_of(t, language) is not None
    confidence = (0.4 + 0.3 * share + (0.2 if strong else 0.0)) * (1.0 if sure else 0.7)
    where = f"sentence {t.sentence + 1}" if t.sentence >= 0 else "the text"
    return Inferred(best, f"date in the text: {t.text!r} ({where})", round(confidence, 2))


def _year_for(month: int, day: int, weekday: int, hint: int) -> int | None:
    """The first year from ``hint`` on (up to 3 later, else 1 earlier) where the date falls on
    ``weekday``: news is written after the years it mentions, rarely long after."""
    for year in (hint, hint + 1, hint + 2, hint + 3, hint - 1):
        d = make_date(year, month, day)
        if d is not None and d.weekday() == weekday:
            return year
    return None


def infer_published(
    body: str, language: str, sentences: Sequence[Sentence] = (), hits: Hits | None = None
) -> Inferred | None:
    """The publication date the article's text implies, or None when it states no usable date.

    ``hits`` (from :func:`.tagger.recognize` on ``body``) saves recognizing the text again."""
    times = tag(body, language, None, sentences, hits)
    full: list[tuple[dt.date, TimeExpression]] = []
    for t in times:
        # Only dates the text writes with digits and a year, read without a reference date.
        if t.type in ("DATE", "TIME") and _FULL.match(t.value) and t.status == "ok":
            full.append((dt.date.fromisoformat(t.value[:10]), t))
    years = [int(y) for t in times if t.type == "DATE" for y in _YEAR.findall(t.value[:4])]
    if not years:
        return None
    hint = max(years)
    found = _vote(full, language, sure=True, newest=hint)
    if found is not None:
        return found
    guessed: list[tuple[dt.date, TimeExpression]] = []
    for t in times:
        m = _YEARLESS.match(t.value)
        weekday = _weekday_of(t, language) if m else None
        if m and weekday is not None:
            year = _year_for(int(m[1]), int(m[2]), weekday, hint)
            d = make_date(year, int(m[1]), int(m[2])) if year else None
            if d is not None:
                guessed.append((d, t))
    found = _vote(guessed, language, sure=False, newest=hint)
    if found is None:
        return None
    evidence = found.evidence + f"; year: the weekday agrees, the text mentions {hint}"
    return Inferred(found.date, evidence, found.confidence)
