"""Group a story's head counts into comparable facts and label each group.

Two quantities are comparable when they count the same thing (same head noun, same event word
when both have one; a generic head like "orang" needs an event).  Each value becomes an interval
by its qualifier ("lebih dari 2.000" = [2000, 3000], "sekitar 2.000" = [1800, 2200],
"hampir 10.000" = [8000, 10000], "ribuan" = [1000, 9999]).  A group is ``agree`` when all
intervals overlap, ``update`` when they do not but every clash is between values holding on
different dates, else ``disagree``.  Single values form
no group (nothing to compare); one article's repeated value is one value.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..annotate.numbers import fact_key
from ..config import Config
from ..model import Article, FactGroup, FactValue, Quantity, Story
from .entities import entity_lookup, person_names, resolve

APPROX = 0.1  # "sekitar"/"about" allows +-10 %
OVER = 1.5  # "lebih dari X"/"at least X" allows up to 1.5 X
CHANGED = 0.1  # between dates, values more than 10 % apart are an update even when compatible


def sentence_date(article: Article, sentence_index: int) -> dt.date | None:
    """The date a sentence's facts hold for.

    Hook for the time annotations (issue 5, ``Article.times``): once sentences carry resolved
    dates, return the sentence's own date here.  Until then: the article's publication date.
    """
    times = getattr(article, "times", None)
    if times:
        for t in times:
            if getattr(t, "sentence", None) == sentence_index:
                value = getattr(t, "date", None) or getattr(t, "value", None)
                if isinstance(value, dt.date):
                    return value
    return article.published


def interval(q: Quantity) -> tuple[float, float]:
    """The values a quantity allows, given its qualifier."""
    v = q.value
    kind = q.qualifier_kind
    if kind == "range" and q.high is not None:
        return (min(v, q.high), max(v, q.high))
    if kind == "approx":
        return (v * (1 - APPROX), v * (1 + APPROX))
    if kind == "over":
        # Outlets round down to a round number: "lebih dari 2.000" is not 9.000.
        return (v, v * OVER)
    if kind == "under":
        return (v * 0.8, v)
    if kind == "upto":
        return (0.0, v)
    if kind == "vague":
        return (v, v * 10 - 1)
    return (v, v)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _dated_apart(a: tuple[Quantity, dt.date | None], b: tuple[Quantity, dt.date | None]) -> bool:
    return a[1] is not None and b[1] is not None and a[1] != b[1]


def status(items: list[tuple[Quantity, dt.date | None]]) -> str:
    """agree | update | disagree for a group of comparable values.

    A clash (intervals that cannot both hold) on one date, or undated, is a disagreement; clashes
    only between different dates are an update.  Values that fit each other's qualifiers but
    moved by more than :data:`CHANGED` between dates ("sedikitnya 2.000" on Thursday, "hampir
    3.000" on Saturday) are an update too: the figure grew, nobody contradicted anybody.
    """
    pairs = [(a, b) for i, a in enumerate(items) for b in items[i + 1:]]
    clashes = [(a, b) for a, b in pairs if not _overlap(interval(a[0]), interval(b[0]))]
    if any(not _dated_apart(a, b) for a, b in clashes):
        return "disagree"
    if clashes:
        return "update"
    moved = any(
        _dated_apart(a, b)
        and abs(a[0].value - b[0].value) > CHANGED * max(abs(a[0].value), abs(b[0].value))
        for a, b in pairs
    )
    return "update" if moved else "agree"


def group_facts(articles: list[Article], lookup: dict[str, str] | None = None,
                language: str = "id", persons: frozenset[str] = frozenset()) -> list[FactGroup]:
    """Fact groups of a story: values from at least two articles about one thing."""
    lookup = lookup or {}
    by_key: dict[str, list[tuple[Article, Quantity]]] = defaultdict(list)
    for a in articles:
        seen: set[tuple[str, float]] = set()
        for q in a.quantities:
            key = fact_key(q, a.language)
            if key is None or (key, q.value) in seen:
                continue
            seen.add((key, q.value))
            by_key[key].append((a, q))
    groups: list[FactGroup] = []
    for key, members in by_key.items():
        if len({a.id for a, _ in members}) < 2:
            continue
        members.sort(key=lambda m: (m[0].published or dt.date.max, m[0].id, m[1].sentence, m[1].start))
        dated = [(q, sentence_date(a, q.sentence)) for a, q in members]
        values = tuple(
            FactValue(
                value=q.value, text=q.text, qualifier=q.qualifier, article=a.id, sentence=q.sentence,
                as_of=d, attributed_to=resolve(q.attributed_to, lookup, language, persons),
            )
            for (a, q), (_, d) in zip(members, dated, strict=True)
        )
        groups.append(FactGroup(key, status(dated), values))
    order = {"disagree": 0, "update": 1, "agree": 2}
    groups.sort(key=lambda g: (order[g.status], -len(g.values), g.quantity))
    return groups


def facts_stage(story: Story, config: Config) -> None:
    """Story stage: fill ``story.facts`` (after the entity stage, to resolve attributions)."""
    story.facts = group_facts(story.articles, entity_lookup(story.entities), story.language,
                              person_names(story.entities))
