"""The story timeline: dated source sentences, merged across sources, ordered by date.

Each sentence that states a date (day, month or year; not durations, weeks or "now") becomes a
candidate entry dated by its most specific date.  Candidates of different articles with the same
date and similar words (content-term overlap) are one happening: one entry citing all of them,
its text the earliest source's sentence.  An entry is "planned" when every source dates it
after its own publication day (or, undated, says so with a future word: "akan", "will").
Articles without a publication date are first re-read against the story's other articles'
dates, so their year-less dates get a year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .. import lang
from ..annotate.dates import tag_article
from ..config import Config
from ..model import Article, Citation, Story, TimeExpression, TimelineEntry
from ..text import content_terms

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
#: Content-term overlap (Jaccard) above which two same-date sentences tell one happening.
SAME_HAPPENING = 0.2
#: At most this many entries (the most cited kept), so a long story stays readable.
MAX_ENTRIES = 40


@dataclass
class _Candidate:
    date: str
    text: str
    planned: bool
    citation: Citation
    terms: frozenset[str]


def _date_of(t: TimeExpression) -> str | None:
    if t.type not in ("DATE", "TIME") or t.status == "unresolved":
        return None
    value = t.value.split("T")[0]
    return value if _DATE.match(value) else None


def _after(date: str, published: dt.date) -> bool:
    """Whether ``date`` (at its own granularity) lies after the publication day."""
    return date > published.isoformat()[: len(date)]


def _future_words(language: str) -> frozenset[str]:
    words = (
        lang.load(language, "time").get("future_markers", []) if re.fullmatch(r"[a-z]{2,3}", language) else []
    )
    return frozenset(words)


def _candidates(article: Article) -> list[_Candidate]:
    best: dict[int, str] = {}
    for t in article.times:
        date = _date_of(t)
        if (
            date is not None
            and 0 <= t.sentence < len(article.sentences)
            and len(date) > len(best.get(t.sentence, ""))
        ):
            best[t.sentence] = date
    future = _future_words(article.language)
    out = []
    for i in sorted(best):
        text = article.sentences[i].text
        if article.published is not None:
            planned = _after(best[i], article.published)
        else:
            planned = any(w in future for w in re.findall(r"\w+", text.lower()))
        terms = frozenset(content_terms(text, article.language))
        out.append(_Candidate(best[i], text, planned, Citation(article.id, i), terms))
    return out


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= SAME_HAPPENING


def build_timeline(story: Story, config: Config) -> None:
    """Fill ``story.timeline`` (and ``story.timeline_note`` when it stays empty)."""
    dated = [a.published for a in story.articles if a.published]
    if dated:
        middle = sorted(dated)[len(dated) // 2]
        for a in story.articles:
            if a.published is None:
                a.times = tag_article(a, middle)
    groups: list[list[_Candidate]] = []
    for article in story.articles:
        for c in _candidates(article):
            home = next(
                (
                    g
                    for g in groups
                    if g[0].date == c.date
                    and all(m.citation.article != c.citation.article for m in g)
                    and _similar(g[0].terms, c.terms)
                ),
                None,
            )
            if home is None:
                groups.append([c])
            else:
                home.append(c)
    if len(groups) > MAX_ENTRIES:
        groups = sorted(groups, key=lambda g: -len(g))[:MAX_ENTRIES]
    groups.sort(key=lambda g: (g[0].date, -len(g), g[0].citation.article, g[0].citation.sentence))
    story.timeline = [
        TimelineEntry(
            g[0].date,
            g[0].text,
            "planned" if all(m.planned for m in g) else "happened",
            tuple(m.citation for m in g),
        )
        for g in groups
    ]
    if not story.timeline:
        story.timeline_note = "no dated sentences: the articles state no dates" + (
            "" if dated else " and have no publication date"
        )
    else:
        story.timeline_note = None
