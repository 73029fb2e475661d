"""The incremental story clusterer: articles in publication order, each joins a story or starts one.

For each article (see :meth:`Clusterer.add`):

1. **Near-duplicates first**: an exact copy or a MinHash-LSH near-copy of a hot article
   (:mod:`.dedup`) joins that article's story and is recorded as a duplicate pair.
2. **Rank candidates**: the article's heaviest TF-IDF terms are looked up in an inverted index of
   the hot stories (:mod:`.index`): never all pairs.
3. **Join or new**: each candidate gets a score, the weighted mean of per-field cosines between
   the article and the story centroid (title, lead, body over stems; names; numbers; weights
   :data:`WEIGHTS`) minus a time-decay term ``time_penalty * gap_days / window_days``; the best
   candidate is joined when its score reaches ``threshold`` (calibrated on half of the ECB+
   topics, ``bench/cluster.py --calibrate``), else the article starts a new story.

4. **Topic**: a new story is linked into a topic (:mod:`.topics`), every article is added to
   its story's topic, and a story that grows to 3 and 10 articles has its topic checked again
   (topics may merge; the older id stays); this never changes which story an article joins.

IDF is incremental: document frequencies are updated as articles arrive, and an article's
vectors use the table as it is at its arrival (itself included), so the result never depends on
articles that come later.  A story stays "hot" while its newest article is at most
``window_days`` older than the newest dated article seen; cold stories leave the index and drop
their centroids, which keeps memory and per-article cost flat over an endless stream.

Dates: an undated article has no time term (gap 0) and can join any hot story.  Batch input
(:meth:`Clusterer.add_many`) is fed in publication order (undated last, ties by id), so it gives
exactly the result of calling :meth:`Clusterer.add` one by one in that order; feeding articles
out of order is allowed, but then the result follows the order given.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from operator import mul
from typing import Any

import numpy as np

from ..model import Article
from .dedup import DuplicateIndex
from .features import FIELDS, ArticleFeatures, extract
from .index import StoryIndex
from .topics import RECHECK_SIZES, TopicLinker, TopicState, embedding_fields
from .topics import WEIGHTS as TOPIC_WEIGHTS
from .vectors import SparseVec, accumulate, top_terms, weighted_cosine

#: Field weights in the join score (renormalised over the fields both sides have); chosen by
#: grid search on the odd ECB+ topics only (bench/cluster.py documents the procedure).
WEIGHTS: dict[str, float] = {"title": 0.2, "lead": 0.15, "body": 0.25, "names": 0.3, "numbers": 0.1}
#: Terms kept per field of an article vector (the heaviest ones): bounds memory per story.
MAX_TERMS: dict[str, int] = {"title": 30, "lead": 60, "body": 120, "names": 40, "numbers": 20}
#: Query terms an article looks up in the story index.
QUERY_TERMS = 25
#: Candidate stories scored in full per article.
MAX_CANDIDATES = 30
#: Version of the saved-state format (1: before topics, still loaded, its stories have no topic;
#: 2: topics without member stories, still loaded, members are added as stories grow).
STATE_VERSION = 3


@dataclass(frozen=True)
class Params:
    """The clusterer's knobs (``threshold`` and ``window_days`` come from :class:`Config`)."""

    threshold: float = 0.26
    window_days: int = 7
    time_penalty: float = 0.1
    #: The topic level (:mod:`.topics`): join score needed to link a new story into a topic,
    #: and how long a topic stays open without news (days; 0: forever).
    topic_threshold: float = 0.14
    topic_window_days: int = 365
    #: Give articles a multilingual embedding (``embed`` extra) so topics can span languages.
    embed: bool = False
    #: Keep the topic level at all (it costs about a third of the assignment time; a digest
    #: without ``--topics`` and the store do not need it).
    topics: bool = True


@dataclass(frozen=True)
class Assignment:
    """Where one article went: its story, and the article it duplicates (if any)."""

    article_id: str
    story_id: str
    duplicate_of: str | None = None
    #: The best candidate's join score (1.0 for a duplicate; for an article that started a new
    #: story, the score that fell short of the threshold, 0.0 when there was no candidate).
    score: float = 0.0


@dataclass
class StoryState:
    """One story as the clusterer sees it: member ids and, while hot, its centroids."""

    id: str
    articles: list[str]
    first: dt.date | None = None
    last: dt.date | None = None
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    hot: bool = True
    #: Per field: the sum of the members' unit vectors, and that sum's squared norm.
    centroid: dict[str, SparseVec] = field(default_factory=dict)
    norm2: dict[str, float] = field(default_factory=dict)
    #: The id of the topic the story belongs to (:mod:`.topics`; None in states saved before).
    topic: str | None = None


#: The fields of a story's vectors that the topic level compares.
TOPIC_FIELDS = tuple(TOPIC_WEIGHTS)


def _unit(vec: SparseVec, norm2: float) -> SparseVec:
    scale = 1.0 / math.sqrt(norm2) if norm2 > 0 else 0.0
    return {t: v * scale for t, v in vec.items()}


class _TfTable(dict[int, float]):
    """Sublinear term frequency ``1 + log(count)``, computed once per count."""

    def __missing__(self, count: int) -> float:
        value = self[count] = 1.0 + math.log(count)
        return value


_TF = _TfTable()


def _vector(counts: Counter[str], keep: int, idf: dict[str, float]) -> SparseVec:
    """Unit sublinear-tf x idf vector of ``counts``, cut to its ``keep`` heaviest terms."""
    tf = _TF
    vec = {t: tf[c] * idf[t] for t, c in counts.items()}
    if len(vec) > keep:
        vec = dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
    values = vec.values()
    norm = math.sqrt(sum(map(mul, values, values)))
    return {t: v / norm for t, v in vec.items()} if norm > 0 else {}


def story_id_of(seed_article_id: str) -> str:
    """The story id: sha1 of its seed (first) article id, as :func:`warta.brief.story_id`."""
    return hashlib.sha1(seed_article_id.encode("utf-8")).hexdigest()[:16]


def publication_order(articles: Sequence[Article]) -> list[Article]:
    """Articles sorted by date (undated last), then id: the order stories are built in."""
    return sorted(articles, key=lambda a: (a.published or dt.date.max, a.id))


class Clusterer:
    """Incremental, deterministic story clustering with savable state."""

    def __init__(self, params: Params | None = None) -> None:
        self.params = params or Params()
        self._df: Counter[str] = Counter()
        self._n = 0
        self._stories: list[StoryState] = []
        self._story_of: dict[str, int] = {}
        self._index = StoryIndex()
        self._dups = DuplicateIndex()
        self._heap: list[tuple[int, int]] = []  # (last date ordinal, story number), lazy
        self._today: dt.date | None = None
        self._topics = TopicLinker(self.params.topic_threshold, self.params.topic_window_days)

    # -- public API ---------------------------------------------------------------------------

    def add(self, article: Article | ArticleFeatures) -> Assignment:
        """Assign one article (or its precomputed features) to a story; returns where it went."""
        feats = article if isinstance(article, ArticleFeatures) else extract(article, self.params.embed)
        if feats.id in self._story_of:
            # The same id twice: keep the first assignment (ids name articles).
            s = self._stories[self._story_of[feats.id]]
            return Assignment(feats.id, s.id, None, 1.0)
        self._advance(feats.published)
        self._n += 1
        terms = {t for f in FIELDS for t in feats.fields[f]}
        self._df.update(terms)
        # Smoothed idf log((1 + n) / (1 + df)) + 1, once per distinct term of the article.
        n1, df, log = 1 + self._n, self._df, math.log
        idf = {t: log(n1 / (1 + df[t])) + 1.0 for t in terms}
        vecs = {f: _vector(feats.fields[f], MAX_TERMS[f], idf) for f in FIELDS}
        query = self._query(vecs)
        original, key, values = self._dups.find(feats.exact_key, feats.minhash)
        duplicate_of: str | None = None
        best: int | None
        score: float
        if original is not None and original in self._story_of:
            best, score, duplicate_of = self._story_of[original], 1.0, original
        else:
            best, score = self._best_story(vecs, query, feats.published)
            if best is not None and score < self.params.threshold:
                best = None
        if feats.embedding is not None:
            vecs.update(embedding_fields(feats.embedding))
        topics = self.params.topics
        topic_query = self._topics.query(vecs) if topics else None
        if best is None:
            best = len(self._stories)
            sid = story_id_of(feats.id)
            topic = (self._topics.link(sid, vecs, topic_query, feats.published, feats.language)
                     if topic_query is not None else None)
            self._stories.append(StoryState(sid, [], topic=topic))
            score = max(score, 0.0)
        story = self._stories[best]
        if story.topic is not None and topic_query is not None:
            self._topics.add(story.topic, story.id, vecs, topic_query, feats.published, feats.language)
        story.articles.append(feats.id)
        if duplicate_of is not None:
            story.duplicates.append((duplicate_of, feats.id))
        self._story_of[feats.id] = best
        self._update(best, vecs, query, feats.published)
        self._dups.add(feats.id, key, values, self._n)
        if story.topic is not None and topics and len(story.articles) in RECHECK_SIZES:
            # The story grew: check its topic again with the whole story (topics may merge).
            unit = {f: _unit(story.centroid[f], story.norm2[f]) for f in TOPIC_FIELDS if f in story.centroid}
            self._topics.recheck(story.id, unit, TopicLinker.query(unit), feats.published, feats.language)
        return Assignment(feats.id, story.id, duplicate_of, score)

    def add_many(self, articles: Sequence[Article]) -> list[Assignment]:
        """Assign many articles in publication order (see the module doc); returns that order."""
        return [self.add(a) for a in publication_order(articles)]

    @property
    def stories(self) -> list[StoryState]:
        """Every story so far (hot and cold), in order of creation; ``topic`` is the story's
        topic id now (a topic merged into an older one answers with the older id)."""
        for s in self._stories:
            if s.topic is not None:
                s.topic = self._topics.resolve(s.topic)
        return list(self._stories)

    def story_of(self, article_id: str) -> str | None:
        """The id of the story ``article_id`` was assigned to (None if never seen)."""
        i = self._story_of.get(article_id)
        return None if i is None else self._stories[i].id

    @property
    def topics(self) -> list[TopicState]:
        """Every topic so far (stories linked into ongoing subjects), in order of creation."""
        return self._topics.topics

    @property
    def hot_stories(self) -> int:
        """How many stories are inside the time window now."""
        return len(self._index)

    # -- scoring ------------------------------------------------------------------------------

    def _query(self, vecs: dict[str, SparseVec]) -> dict[str, float]:
        return top_terms(vecs, WEIGHTS, QUERY_TERMS)

    def score(self, vecs: dict[str, SparseVec], story: StoryState, day: dt.date | None) -> float:
        """Weighted mean of field cosines minus the time-decay term."""
        return self._score(vecs, story, self._gap(story, day))

    def _score(self, vecs: dict[str, SparseVec], story: StoryState, gap: int) -> float:
        sim = weighted_cosine(vecs, story.centroid, story.norm2, WEIGHTS)
        if sim == 0.0:
            return 0.0
        if gap and self.params.window_days:
            sim -= self.params.time_penalty * min(gap, self.params.window_days) / self.params.window_days
        return sim

    @staticmethod
    def _gap(story: StoryState, day: dt.date | None) -> int:
        if day is None or story.first is None or story.last is None:
            return 0
        if story.first <= day <= story.last:
            return 0
        return min(abs((day - story.first).days), abs((day - story.last).days))

    def _best_story(
        self, vecs: dict[str, SparseVec], query: dict[str, float], day: dt.date | None
    ) -> tuple[int | None, float]:
        best: int | None = None
        best_score = -1.0
        window = self.params.window_days
        for s in self._index.candidates(query, MAX_CANDIDATES):
            story = self._stories[s]
            # _gap() inlined (the hot loop).
            first, last = story.first, story.last
            if day is None or first is None or last is None or first <= day <= last:
                gap = 0
            else:
                gap = min(abs((day - first).days), abs((day - last).days))
                if gap > window:
                    continue
            sc = self._score(vecs, story, gap)
            if sc > best_score or (sc == best_score and best is not None and s < best):
                best, best_score = s, sc
        return best, best_score

    # -- state updates ------------------------------------------------------------------------

    def _update(
        self, s: int, vecs: dict[str, SparseVec], query: dict[str, float], day: dt.date | None
    ) -> None:
        story = self._stories[s]
        accumulate(story.centroid, story.norm2, vecs, FIELDS)
        if day is not None:
            story.first = day if story.first is None else min(story.first, day)
            story.last = day if story.last is None else max(story.last, day)
            heapq.heappush(self._heap, (story.last.toordinal(), s))
        self._index.add(s, query)

    def _advance(self, day: dt.date | None) -> None:
        """Move the clock to ``day`` and let stories that fell out of the window go cold."""
        if day is None or (self._today is not None and day <= self._today):
            return
        self._today = day
        horizon = day.toordinal() - self.params.window_days
        while self._heap and self._heap[0][0] < horizon:
            last, s = heapq.heappop(self._heap)
            story = self._stories[s]
            if not story.hot or story.last is None or story.last.toordinal() != last:
                continue  # a stale heap entry: the story got a newer article since
            self._cool(s)

    def _cool(self, s: int) -> None:
        story = self._stories[s]
        story.hot = False
        story.centroid, story.norm2 = {}, {}
        self._index.remove(s)
        for a in story.articles:
            self._dups.remove(a)

    # -- saving and loading -------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The whole state as plain JSON-able data (see :meth:`from_dict`)."""
        return {
            "version": STATE_VERSION,
            "params": asdict(self.params),
            "n": self._n,
            "today": self._today.isoformat() if self._today else None,
            "df": dict(sorted(self._df.items())),
            "stories": [
                {
                    "id": s.id,
                    "articles": s.articles,
                    "first": s.first.isoformat() if s.first else None,
                    "last": s.last.isoformat() if s.last else None,
                    "duplicates": [list(p) for p in s.duplicates],
                    "hot": s.hot,
                    "centroid": {f: dict(sorted(v.items())) for f, v in sorted(s.centroid.items())},
                    "norm2": dict(sorted(s.norm2.items())),
                    "indexed": self._index.terms_of(i) if s.hot else [],
                    "topic": self._topics.resolve(s.topic) if s.topic else None,
                }
                for i, s in enumerate(self._stories)
            ],
            "fingerprints": [list(e) for e in self._dups.entries()],
            "topics": self._topics.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Clusterer:
        """Rebuild a clusterer saved by :meth:`to_dict`; it continues exactly where it stopped."""
        if data.get("version") not in (1, 2, STATE_VERSION):
            raise ValueError(f"unsupported clusterer state version {data.get('version')!r}")
        c = cls(Params(**data["params"]))
        if "topics" in data:
            c._topics = TopicLinker.from_dict(data["topics"])
        c._n = int(data["n"])
        c._today = dt.date.fromisoformat(data["today"]) if data["today"] else None
        c._df = Counter({str(k): int(v) for k, v in data["df"].items()})
        for i, s in enumerate(data["stories"]):
            story = StoryState(
                id=s["id"],
                articles=list(s["articles"]),
                first=dt.date.fromisoformat(s["first"]) if s["first"] else None,
                last=dt.date.fromisoformat(s["last"]) if s["last"] else None,
                duplicates=[(str(a), str(b)) for a, b in s["duplicates"]],
                hot=bool(s["hot"]),
                centroid={f: {str(t): float(v) for t, v in vec.items()} for f, vec in s["centroid"].items()},
                norm2={f: float(v) for f, v in s["norm2"].items()},
                topic=s.get("topic"),
            )
            c._stories.append(story)
            for a in story.articles:
                c._story_of[a] = i
            if story.hot:
                c._index.add(i, s["indexed"])
                if story.last is not None:
                    heapq.heappush(c._heap, (story.last.toordinal(), i))
        for article_id, key, values, order in data["fingerprints"]:
            arr = None if values is None else np.array(values, dtype=np.uint64)
            c._dups.add(article_id, key, arr, int(order))
        return c

    def to_bytes(self) -> bytes:
        """:meth:`to_dict` as compact UTF-8 JSON."""
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Clusterer:
        """Inverse of :meth:`to_bytes`."""
        return cls.from_dict(json.loads(data.decode("utf-8")))


def cluster(articles: Iterable[Article], params: Params | None = None) -> Clusterer:
    """Cluster ``articles`` in publication order with a fresh clusterer and return it."""
    c = Clusterer(params)
    c.add_many(list(articles))
    return c
