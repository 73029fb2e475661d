"""Article date inference: when the cleaner found no publication date (metadata, header line,
dateline), take it from the dates the article's own text states.

Explicit full dates vote (a date in the first two sentences, where the dateline is, counts
double); the winner is the most-voted date, ties going to the latest (articles report the past).
Year-less dates ("Kamis (13/1)") get their year from the years the text mentions, read so that
the weekday agrees.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Sentence, TimeExpression
from .tagger import tag

_FULL = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Inferred:
    """An inferred publication date with the evidence (quoted text) and a confidence in 0-1."""

    date: dt.date
    evidence: str
    confidence: float


def _vote(times: Sequence[TimeExpression], sure: bool) -> Inferred | None:
    votes: Counter[dt.date] = Counter()
    first: dict[dt.date, TimeExpression] = {}
    for t in times:
        # Only dates the text states with digits (not "kemarin", whose value is the reference).
        if t.type not in ("DATE", "TIME") or not _FULL.match(t.value) or not re.search(r"\d", t.text):
            continue
        if t.status == "weekday_mismatch":
            continue
        d = dt.date.fromisoformat(t.value[:10])
        votes[d] += 2 if 0 <= t.sentence <= 1 else 1
        first.setdefault(d, t)
    if not votes:
        return None
    best = max(votes, key=lambda d: (votes[d], d))
    t = first[best]
    share = votes[best] / sum(votes.values())
    lead = 0 <= t.sentence <= 1
    confidence = round((0.5 + 0.3 * share + (0.15 if lead else 0.0)) * (1.0 if sure else 0.6), 2)
    where = f"sentence {t.sentence + 1}" if t.sentence >= 0 else "the text"
    return Inferred(best, f"date in the text: {t.text!r} ({where})", confidence)


def infer_published(body: str, language: str, sentences: Sequence[Sentence] = ()) -> Inferred | None:
    """The publication date the article's text implies, or None when it states no usable date."""
    times = tag(body, language, None, sentences)
    found = _vote(times, sure=True)
    if found is not None:
        return found
    years = [int(t.value) for t in times if t.type == "DATE" and re.fullmatch(r"(19|20)\d\d", t.value)]
    if not years:
        return None
    # Re-read the year-less dates against the middle of the latest year the text mentions.
    times = tag(body, language, dt.date(max(years), 7, 1), sentences)
    found = _vote([t for t in times if not re.search(r"(19|20)\d\d", t.text)], sure=False)
    if found is None:
        return None
    return Inferred(
        found.date, found.evidence + f"; year from the year {max(years)} in the text", found.confidence
    )
