"""The story timeline: dated source sentences, merged across sources, ordered by date.

Each sentence that states a date (day, month or year; not durations, weeks or "now") becomes a
candidate entry for each date it states (a coarser date contained in a more specific one of the
same sentence aside); a sentence with several dates gives each the clause around its date
(:mod:`.clauses`), still cited as (article, sentence).  Candidates of different articles with the same
date and similar words (content-term overlap) are one happening: one entry citing all of them,
its text the earliest source's sentence.  An entry is "planned" when every source dates it
after its own publication day (or, undated, says so with a future word: "akan", "will").
Articles without a publication date are first re-read against the story's other articles'
dates, so their year-less dates get a year.

A long story states more dates than a reader can use: dates are ranked (:func:`rank_dates`) by
how many sources state them, how often, and whether sources were published that day or the
day after (news reports a day's events that day or the next); dates more than a week before
the first publication or after the last one are background, ranked after the story's own.
The best dates are kept, at most ``MAX_ENTRIES`` entries (or ``max_dates`` dates when the
caller asks for a fixed number).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from .. import lang
from ..annotate.dates import tag_article
from ..config import Config
from ..model import Article, Citation, Sentence, Story, TimeExpression, TimelineEntry
from ..text import content_terms
from .clauses import clause_at

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
#: Content-term overlap (Jaccard) above which two same-date sentences tell one happening.
SAME_HAPPENING = 0.2
#: At most this many entries (those of the best-ranked dates kept), so a long story stays readable.
MAX_ENTRIES = 40
# Date ranking weights, tuned on ML-Crisis egypt + libya (es/fr/it), reported on syria + yemen
# (docs/benchmarks.md section 5): one per source stating the date, per further mention, per
# source published that day and per source published the next day (5.0 for a publication day
# since the fallback reads "ayer"/"hier"/"ieri": 26.00 vs 25.36 with 3.0 on the tune topics).
_W_SOURCE, _W_MENTION, _W_PUBLISHED, _W_NEXT_DAY = 1.0, 0.3, 5.0, 1.0
#: Dates more than this many days before the first publication are background: ranked last.
BACKGROUND_DAYS = 7


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
    return frozenset(lang.load_if_code(language, "time").get("future_markers", []))


def _candidates(article: Article) -> list[_Candidate]:
    """One candidate per sentence and date it states; a coarser date that a more specific one of
    the same sentence contains ("2022" beside "2022-01-13") is not a candidate of its own.  When
    a sentence dates several happenings, each candidate's text is the clause of its date."""
    dates: dict[int, dict[str, TimeExpression]] = {}
    for t in article.times:
        date = _date_of(t)
        if date is not None and 0 <= t.sentence < len(article.sentences):
            dates.setdefault(t.sentence, {}).setdefault(date, t)
    future = _future_words(article.language)
    out = []
    for i in sorted(dates):
        sentence = article.sentences[i]
        own = {d: t for d, t in dates[i].items() if not any(o != d and o.startswith(d) for o in dates[i])}
        for date in own:
            text = sentence.text
            if len(own) > 1:
                spans = {d: _span_in(sentence, x) for d, x in own.items()}
                here = spans[date]
                if here is not None:
                    others = [sp for d, sp in spans.items() if d != date and sp is not None]
                    text = clause_at(sentence.text, *here, article.language, others)
            if article.published is not None:
                planned = _after(date, article.published)
            else:
                planned = any(w in future for w in re.findall(r"\w+", text.lower()))
            terms = frozenset(content_terms(text, article.language))
            out.append(_Candidate(date, text, planned, Citation(article.id, i), terms))
    return out


def _span_in(sentence: Sentence, t: TimeExpression) -> tuple[int, int] | None:
    """``t``'s span relative to ``sentence`` (None when the sentence text does not hold it)."""
    start = t.start - sentence.start
    if sentence.text[start : start + len(t.text)] != t.text:
        start = sentence.text.find(t.text)
    return (start, start + len(t.text)) if start >= 0 else None


def rank_dates(story: Story, background: bool = True) -> list[str]:
    """The dates the story's sentences state, best first: scored by sources stating them (and
    further mentions) and by sources published that day or the next.  Background dates (more
    than ``BACKGROUND_DAYS`` before the first publication, or after the last) come after the
    others, or are left out when ``background`` is false."""
    score: dict[str, float] = {}
    for a in story.articles:
        seen: set[str] = set()
        for t in a.times:
            date = _date_of(t)
            if date is None:
                continue
            score[date] = score.get(date, 0.0) + (_W_MENTION if date in seen else _W_SOURCE)
            seen.add(date)
    for a in story.articles:
        if a.published is not None:
            for day, w in ((a.published, _W_PUBLISHED), (a.published - dt.timedelta(days=1), _W_NEXT_DAY)):
                if day.isoformat() in score:
                    score[day.isoformat()] += w
    published = [a.published for a in story.articles if a.published]
    first = (min(published) - dt.timedelta(days=BACKGROUND_DAYS)).isoformat() if published else ""
    last = max(published).isoformat() if published else "9999"

    def outside(d: str) -> bool:
        return d < first[: len(d)] or d > last[: len(d)]

    # Days before months and years (a day tells the reader more); then by score, then earlier.
    kept = score if background else [d for d in score if not outside(d)]
    return sorted(kept, key=lambda d: (outside(d), len(d) < 10, -score[d], d))


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= SAME_HAPPENING


def _keep_best(
    groups: list[list[_Candidate]], ranked: list[str], max_dates: int | None
) -> list[list[_Candidate]]:
    """The groups of the best-ranked dates: ``max_dates`` dates, or up to ``MAX_ENTRIES`` entries."""
    by_date: dict[str, list[list[_Candidate]]] = {}
    for g in groups:
        by_date.setdefault(g[0].date, []).append(g)
    kept: list[list[_Candidate]] = []
    for n, date in enumerate(d for d in ranked if d in by_date):
        if max_dates is not None and n >= max_dates:
            break
        # The most cited happening of a date first, so a full cap keeps it.
        for g in sorted(by_date[date], key=lambda g: -len(g)):
            if max_dates is None and len(kept) >= MAX_ENTRIES:
                return kept
            kept.append(g)
    return kept


def build_timeline(story: Story, config: Config, max_dates: int | None = None) -> None:
    """Fill ``story.timeline`` (and ``story.timeline_note`` when it stays empty).

    ``max_dates`` keeps the entries of that many best-ranked dates of the story's own period
    (a timeline of a given length, as timeline summarization is evaluated; background dates
    left out); by default up to ``MAX_ENTRIES`` entries, background dates ranked last."""
    dated = [a.published for a in story.articles if a.published]
    if dated:
        middle = sorted(dated)[len(dated) // 2]
        for a in story.articles:
            if a.published is None:
                a.times = tag_article(a, middle)
    groups: list[list[_Candidate]] = []
    # Only groups of the same date can take a candidate: indexed, so long stories stay linear.
    by_date: dict[str, list[list[_Candidate]]] = defaultdict(list)
    for article in story.articles:
        for c in _candidates(article):
            home = next(
                (
                    g
                    for g in by_date[c.date]
                    if all(m.citation.article != c.citation.article for m in g)
                    and _similar(g[0].terms, c.terms)
                ),
                None,
            )
            if home is None:
                groups.append([c])
                by_date[c.date].append(groups[-1])
            else:
                home.append(c)
    stated = bool(groups)
    groups = _keep_best(groups, rank_dates(story, background=max_dates is None), max_dates)
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
    if not story.timeline and stated:
        story.timeline_note = "no dated sentences within the story's period (only background dates)"
    elif not story.timeline:
        story.timeline_note = "no dated sentences: the articles state no dates" + (
            "" if dated else " and have no publication date"
        )
    else:
        story.timeline_note = None
