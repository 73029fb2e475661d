"""A first story grouping: single-pass incremental clustering on TF-IDF centroids.

Articles are taken in publication order (undated ones last, then by id, so the result is
deterministic); each joins the most similar story still inside the time window when the cosine
between the article and the story centroid reaches ``Config.story_threshold``, else it starts a
new story.  Candidate stories come from an inverted index over the centroids' heaviest terms, so
the cost per article does not grow with the number of stories.  The stories issue replaces this
with a stronger, stateful clusterer; the interface (articles in, groups out) stays.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import text
from ..config import Config
from ..model import Article
from .vectors import SparseVec, add_into, cosine, idf_table, normalize, tfidf, top_terms

#: How many of a story centroid's terms are indexed for candidate retrieval.
INDEX_TERMS = 40
#: How many of an article's terms are looked up in that index.
QUERY_TERMS = 25
#: Sentences that make an article's "lead" field.
LEAD_SENTENCES = 3


@dataclass
class _Group:
    members: list[int] = field(default_factory=list)
    total: SparseVec = field(default_factory=dict)
    centroid: SparseVec = field(default_factory=dict)
    first: dt.date | None = None
    last: dt.date | None = None
    indexed: list[str] = field(default_factory=list)


def article_fields(article: Article) -> dict[str, list[str]]:
    """The term lists Warta compares articles on: title, lead, body and capitalised names."""
    sentences = [s.text for s in article.sentences]
    lead = " ".join(sentences[:LEAD_SENTENCES])
    lang = article.language
    return {
        "title": text.content_terms(article.title or "", lang),
        "lead": text.content_terms(lead, lang),
        "body": text.content_terms(" ".join(sentences), lang),
        "names": ["@" + n for n in text.name_terms(" ".join([article.title or "", lead]))],
    }


def article_vectors(articles: Sequence[Article]) -> list[SparseVec]:
    """One unit vector per article: the normalised sum of its per-field TF-IDF vectors."""
    per_article = [article_fields(a) for a in articles]
    names = ("title", "lead", "body", "names")
    idfs = {f: idf_table(p[f] for p in per_article) for f in names}
    vectors: list[SparseVec] = []
    for fields_ in per_article:
        acc: SparseVec = {}
        for f in names:
            idf, n = idfs[f]
            add_into(acc, tfidf(fields_[f], idf, default_idf=1.0 + n))
        vectors.append(normalize(acc))
    return vectors


def _date_gap(group: _Group, day: dt.date | None) -> int:
    if day is None or group.first is None or group.last is None:
        return 0
    if group.first <= day <= group.last:
        return 0
    return min(abs((day - group.first).days), abs((day - group.last).days))


def group_articles(articles: Sequence[Article], config: Config) -> list[list[Article]]:
    """Group articles into stories; each group is in publication order."""
    order = sorted(
        range(len(articles)),
        key=lambda i: (articles[i].published or dt.date.max, articles[i].id),
    )
    vectors = article_vectors(articles)
    groups: list[_Group] = []
    index: dict[str, set[int]] = defaultdict(set)
    for i in order:
        vec, day = vectors[i], articles[i].published
        candidates: set[int] = set()
        for term in top_terms(vec, QUERY_TERMS):
            candidates |= index.get(term, set())
        best, best_sim = -1, 0.0
        for g in sorted(candidates):
            group = groups[g]
            if _date_gap(group, day) > config.story_window_days:
                continue
            sim = cosine(vec, group.centroid)
            if sim > best_sim:
                best, best_sim = g, sim
        if best < 0 or best_sim < config.story_threshold:
            groups.append(_Group())
            best = len(groups) - 1
        group = groups[best]
        group.members.append(i)
        add_into(group.total, vec)
        group.centroid = normalize(group.total)
        if day is not None:
            group.first = day if group.first is None else min(group.first, day)
            group.last = day if group.last is None else max(group.last, day)
        for term in group.indexed:
            index[term].discard(best)
        group.indexed = top_terms(group.centroid, INDEX_TERMS)
        for term in group.indexed:
            index[term].add(best)
    return [[articles[i] for i in g.members] for g in groups]
