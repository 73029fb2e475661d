"""The topic level: stories linked into ongoing subjects ("Syria civil war", "world oil price").

Stories are events (a 7-day window keeps two earthquakes apart); a reader following a subject
for months wants them grouped one level up.  The topic level is incremental, deterministic and
never changes story membership:

* when a story is **created**, its seed article is scored against the hot topics, retrieved
  through inverted indexes (never all pairs), two ways (:data:`LINK_MODE` ``"max"``): against
  each topic's centroid, and against the topic's member stories (the mean of the
  :data:`MEMBER_K` best-matching members' scores): a topic that drifted over months keeps its
  recent and its early stories reachable, where its centroid alone is diluted.  The story joins
  the topic with the best score when it reaches ``topic_threshold``, else it starts a new topic;
* when a story **grows** to :data:`RECHECK_SIZES` articles, it is re-indexed under its whole
  vectors and scored again against the other topics; a match above the threshold **merges** the
  two topics.  The merged topic keeps the older id; the younger id becomes an alias of it
  (:meth:`TopicLinker.resolve`), so an id already handed out still finds its topic, and
  ``Clusterer.stories`` reports each story's final topic id;
* a topic keeps at most :data:`MEMBER_CAP` member stories indexed (its largest, ties to the
  most recent), so the member index is bounded by the hot topics, not by every hot story;
* :data:`TOPIC_MERGE` (off: it lost on the tuning sets, docs/benchmarks.md 7b) also scores a
  re-checked story's whole topic against the other topics, so two halves of a subject that no
  single story bridges can merge (:data:`TOPIC_MERGE_SMALL`: only when one of them is small);
* every article that joins a story is added to its topic's centroid (the sum of the members'
  unit vectors per field: a big story weighs more), which is pruned to the :data:`MAX_TERMS`
  heaviest terms per field, so a topic of thousands of articles costs as much as a small one;
  member stories keep at most :data:`MEMBER_TERMS` terms per field;
* the score is a weighted mean of field cosines (:data:`WEIGHTS`: title, body and names; no
  numbers, no lead: those identify an event, not a subject) with no time penalty; a topic (and
  a member story) stays hot while its newest article is at most ``topic_window_days`` older than
  the newest dated article seen (0: forever);
* with the ``embed`` extra, articles carry a multilingual sentence embedding (:mod:`.embed`).
  A story whose language differs from a topic's main language is scored against that topic's
  centroid by the cosine of its embedding with the topic's embedding centroid, against its own
  threshold (:data:`EMBED_THRESHOLD`); the candidate with the largest margin over its threshold
  wins; member stories of another language are scored by the embedding the same way.  Within a
  language the TF-IDF score alone decides, so per-language results do not change with the
  extra.  Embeddings are retrieved through the same inverted index, under random-hyperplane LSH
  band keys (:func:`embedding_fields`): still no scan of all topics.

A topic id is the sha1 of its seed story's id (prefixed, so it never equals a story id).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import heapq
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .index import StoryIndex
from .vectors import SparseVec, accumulate, dot, prune, top_terms, weighted_cosine

#: Field weights of the topic score (tuned on the odd ECB+ topics' ``topic`` labels).
WEIGHTS: dict[str, float] = {"title": 0.2, "body": 0.5, "names": 0.3}
#: Embedding cosine (multilingual-e5-small) from which a story links into a topic of another
#: language; tuned like the threshold, on the odd ECB+ topics with the embedding score alone.
EMBED_THRESHOLD = 0.87
#: When True, the embedding score is used within a language too (only to tune
#: :data:`EMBED_THRESHOLD` on a one-language set).
EMBED_ALWAYS = False
#: LSH over embeddings: bands of random-hyperplane bits, each band one index key.
BANDS, BITS = 16, 6
#: Query weight of each LSH band key (small: shared words rank candidates first).
BAND_WEIGHT = 0.02
#: Terms kept per field of a topic centroid.
MAX_TERMS = 400
#: Query terms a seed article looks up in the topic index, and topics scored in full.
QUERY_TERMS = 30
MAX_CANDIDATES = 10
#: How a story is scored against a topic: ``"centroid"`` (the topic's centroid only),
#: ``"members"`` (the mean of its :data:`MEMBER_K` best-matching member stories) or ``"max"``
#: (the larger of the two).  Mode, k and :data:`RECHECK_SIZES` were chosen on the odd ECB+
#: topics and ML-Crisis ``es`` (the declared topic-parameter tuning sets, docs/benchmarks.md 7b).
LINK_MODE = "max"
MEMBER_K = 3
#: Member stories scored in full per lookup, and terms kept per field of a member's vector.
MEMBER_CANDIDATES = 30
MEMBER_TERMS = 60
#: Most member stories a topic keeps indexed (0: no cap): its largest stories, ties to the most
#: recent.  Bounds the member index by hot topics x cap instead of every hot story, which keeps
#: the per-article cost flat on a stream where a topic gathers thousands of stories.
MEMBER_CAP = 16
#: Story sizes (articles) at which a story's topic is checked again with the whole story: a
#: match above the threshold with another topic merges the two (the older id stays).
RECHECK_SIZES: tuple[int, ...] = (3, 10)
#: Added to the threshold when a re-check decides a merge.
MERGE_OFFSET = 0.0
#: Topic-to-topic merges: when a story re-check fires, the story's whole topic (its centroid)
#: is also scored against the other hot topics (their centroids, and the mean of their
#: :data:`TOPIC_MEMBER_K` best-matching member stories); at the threshold the two merge.  This
#: joins two halves of a subject that no single story bridges.
TOPIC_MERGE = False
TOPIC_MEMBER_K = 1
#: Added to the threshold for a topic-to-topic merge.
TOPIC_MERGE_OFFSET = 0.0
#: When > 0, a topic-to-topic merge needs one of the two topics to have at most this many articles.
TOPIC_MERGE_SMALL = 0
#: Topic sizes (articles) at which a topic is checked against the others as well (powers of
#: two from this value; 0: only on story re-checks): a topic grown from many one-article
#: stories never fires a story re-check.
TOPIC_CHECK_FROM = 0
_FIELDS = tuple(WEIGHTS)
_EMBED, _BANDS = "embedding", "bands"
_QUERY_WEIGHTS = {**WEIGHTS, _BANDS: BAND_WEIGHT}


@dataclass
class TopicState:
    """One topic: its stories (ids) and, while hot, its centroids."""

    id: str
    stories: list[str]
    articles: int = 0
    #: Articles per language (the main language decides how stories are scored).
    languages: dict[str, int] = field(default_factory=dict)
    last: dt.date | None = None
    hot: bool = True
    centroid: dict[str, SparseVec] = field(default_factory=dict)
    norm2: dict[str, float] = field(default_factory=dict)
    #: The id of the (older) topic this one was merged into; None while it stands on its own.
    merged_into: str | None = None


@dataclass
class _Member:
    """A story as the topic level sees it: its topic (number) and, while hot, its unit vectors."""

    topic: int
    last: dt.date | None = None
    vecs: dict[str, SparseVec] = field(default_factory=dict)
    #: Articles of the story so far (the largest members are kept under :data:`MEMBER_CAP`).
    articles: int = 0
    #: The seed article's language and unit embedding (``embed`` extra; None without it): a
    #: story of another language is scored against this member by the embedding.
    language: str = ""
    embedding: SparseVec | None = None


def topic_id_of(seed_story_id: str) -> str:
    """The topic id: sha1 of ``"topic:" + seed story id``, 16 hex digits."""
    return hashlib.sha1(("topic:" + seed_story_id).encode("utf-8")).hexdigest()[:16]


@functools.cache
def _hyperplanes(dim: int) -> np.ndarray:
    planes: np.ndarray = np.random.default_rng(20261122).standard_normal((BANDS * BITS, dim))
    return planes


def embedding_fields(embedding: np.ndarray) -> dict[str, SparseVec]:
    """A dense unit embedding as two sparse fields: ``embedding`` (dimension index -> value, so
    that the same centroid arithmetic serves it) and ``bands`` (its LSH band keys)."""
    bits = (_hyperplanes(len(embedding)) @ embedding.astype(np.float64)) > 0
    keys = {f"\0e{b}:" + "".join("1" if x else "0" for x in bits[b * BITS : (b + 1) * BITS]): 1.0
            for b in range(BANDS)}
    return {_EMBED: {str(i): float(v) for i, v in enumerate(embedding) if v}, _BANDS: keys}


def _main_language(topic: TopicState) -> str:
    return min(topic.languages.items(), key=lambda kv: (-kv[1], kv[0]))[0] if topic.languages else ""


class TopicLinker:
    """Links stories into topics (see the module doc)."""

    def __init__(self, threshold: float, window_days: int) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self._topics: list[TopicState] = []
        self._number: dict[str, int] = {}
        self._index = StoryIndex()
        self._heap: list[tuple[int, int]] = []
        self._today: dt.date | None = None
        # Member stories: story id -> number, their records, an index over the hot ones' vectors
        # and a heap of (last date, member number) to let them go cold.
        self._member_of: dict[str, int] = {}
        self._members: list[_Member] = []
        self._member_ids: list[str] = []
        self._member_index = StoryIndex()
        self._member_heap: list[tuple[int, int]] = []
        # Topic number -> its indexed member numbers (for MEMBER_CAP).
        self._indexed: dict[int, set[int]] = {}

    @property
    def topics(self) -> list[TopicState]:
        """Every topic so far that was not merged into another, in order of creation."""
        return [t for t in self._topics if t.merged_into is None]

    def resolve(self, topic_id: str) -> str:
        """The id ``topic_id`` stands for now: itself, or the topic it was merged into."""
        return self._topics[self._final(self._number[topic_id])].id

    def _final(self, t: int) -> int:
        while (into := self._topics[t].merged_into) is not None:
            t = self._number[into]
        return t

    def margin(self, vecs: dict[str, SparseVec], language: str, topic: TopicState) -> float:
        """How far a seed article's score against ``topic``'s centroid is above its threshold
        (see the module doc: TF-IDF within a language, the embedding across languages)."""
        if vecs.get(_EMBED) and topic.centroid.get(_EMBED) and (
            EMBED_ALWAYS or language != _main_language(topic)
        ):
            return weighted_cosine(vecs, topic.centroid, topic.norm2, {_EMBED: 1.0}) - EMBED_THRESHOLD
        return weighted_cosine(vecs, topic.centroid, topic.norm2, WEIGHTS) - self.threshold

    @staticmethod
    def query(vecs: dict[str, SparseVec]) -> dict[str, float]:
        """An article's topic-index query (and the terms its topic is indexed under)."""
        return top_terms(vecs, _QUERY_WEIGHTS, QUERY_TERMS)

    def _margins(self, vecs: dict[str, SparseVec], query: dict[str, float], language: str,
                 skip: int | None = None, k: int = 0) -> dict[int, float]:
        """Topic number -> margin over the threshold for every candidate topic but ``skip``
        (member scores: the mean of the ``k`` best, :data:`MEMBER_K` when 0)."""
        out: dict[int, float] = {}
        if LINK_MODE != "members":
            for t in self._index.candidates(query, MAX_CANDIDATES):
                if t != skip:
                    out[t] = self.margin(vecs, language, self._topics[t])
        if LINK_MODE != "centroid":
            scores: dict[int, list[float]] = {}
            for m in self._member_index.candidates(query, MEMBER_CANDIDATES):
                member = self._members[m]
                t = self._final(member.topic)
                if t != skip:
                    scores.setdefault(t, []).append(self._member_score(vecs, language, member))
            for t, sc in scores.items():
                best = heapq.nlargest(k or MEMBER_K, sc)
                m_margin = math.fsum(best) / len(best) - self.threshold
                out[t] = max(out.get(t, -math.inf), m_margin)
        return out

    def _member_score(self, vecs: dict[str, SparseVec], language: str, member: _Member) -> float:
        """A story's score against one member story: the TF-IDF score within a language; across
        languages (both embedded) the embedding cosine, shifted by the two thresholds' difference
        so that the member mean compares with the TF-IDF threshold."""
        emb = vecs.get(_EMBED)
        if emb and member.embedding and (EMBED_ALWAYS or language != member.language):
            return dot(emb, member.embedding) - EMBED_THRESHOLD + self.threshold
        return weighted_cosine(vecs, member.vecs, _UNIT, WEIGHTS)

    @staticmethod
    def _best(margins: dict[int, float]) -> int | None:
        """The topic with the largest non-negative margin (ties: the older topic)."""
        best = min(margins.items(), key=lambda kv: (-kv[1], kv[0]), default=None)
        return best[0] if best is not None and best[1] >= 0.0 else None

    def link(self, story_id: str, vecs: dict[str, SparseVec], query: dict[str, float],
             day: dt.date | None, language: str = "") -> str:
        """The topic of a new story whose seed article has ``vecs`` (and :meth:`query`): the
        best hot topic when its score reaches the threshold, else a new topic.  Call
        :meth:`add` for the seed too."""
        self._advance(day)
        best = self._best(self._margins(vecs, query, language))
        if best is None:
            best = len(self._topics)
            self._topics.append(TopicState(topic_id_of(story_id), []))
            self._number[self._topics[best].id] = best
        self._topics[best].stories.append(story_id)
        self._member_of[story_id] = len(self._members)
        self._members.append(_Member(best, language=language, embedding=vecs.get(_EMBED) or None))
        self._member_ids.append(story_id)
        self._set_member(story_id, vecs, query, day)
        return self._topics[best].id

    def _set_member(self, story_id: str, vecs: dict[str, SparseVec], query: dict[str, float],
                    day: dt.date | None) -> None:
        """(Re)index a member story under its current unit vectors."""
        m = self._member_of[story_id]
        member = self._members[m]
        member.vecs = {f: _pruned(vecs[f], MEMBER_TERMS) for f in _FIELDS if vecs.get(f)}
        self._member_index.remove(m)
        self._member_index.add(m, query)
        self._indexed.setdefault(self._final(member.topic), set()).add(m)
        # >=: a member dropped under the cap and indexed again needs a live heap entry.
        if day is not None and (member.last is None or day >= member.last):
            member.last = day
            heapq.heappush(self._member_heap, (day.toordinal(), m))

    def _cap(self, t: int) -> None:
        """Drop topic ``t``'s smallest (then oldest) indexed members beyond :data:`MEMBER_CAP`."""
        indexed = self._indexed.get(t)
        while MEMBER_CAP and indexed is not None and len(indexed) > MEMBER_CAP:
            m = min(indexed, key=self._member_rank)
            indexed.discard(m)  # here, not via the member's topic: t may be mid-merge
            self._drop_member(m)

    def _member_rank(self, m: int) -> tuple[int, int, int]:
        member = self._members[m]
        return member.articles, member.last.toordinal() if member.last else 0, m

    def _drop_member(self, m: int) -> None:
        """Member ``m`` leaves the member index (cold, or beyond its topic's cap)."""
        self._members[m].vecs, self._members[m].embedding = {}, None
        self._member_index.remove(m)
        indexed = self._indexed.get(self._final(self._members[m].topic))
        if indexed is not None:
            indexed.discard(m)

    def add(self, topic_id: str, story_id: str, vecs: dict[str, SparseVec], query: dict[str, float],
            day: dt.date | None, language: str = "") -> None:
        """Add one article (in ``language``) of story ``story_id`` of ``topic_id`` to that topic."""
        t = self._final(self._number[topic_id])
        topic = self._topics[t]
        topic.articles += 1
        topic.languages[language] = topic.languages.get(language, 0) + 1
        m = self._member_of.get(story_id)
        if m is None:  # a story of a state saved before members were kept
            m = self._member_of[story_id] = len(self._members)
            self._members.append(_Member(t))
            self._member_ids.append(story_id)
        member = self._members[m]
        member.articles += 1
        if day is not None and member.vecs and (member.last is None or day > member.last):
            member.last = day
            heapq.heappush(self._member_heap, (day.toordinal(), m))
        self._cap(t)
        if not topic.hot:
            return  # an article joined a story whose topic went cold: membership only
        accumulate(topic.centroid, topic.norm2, vecs, (*_FIELDS, _EMBED))
        prune(topic.centroid, topic.norm2, MAX_TERMS)
        if day is not None and (topic.last is None or day > topic.last):
            topic.last = day
            heapq.heappush(self._heap, (day.toordinal(), t))
        self._index.add(t, query)
        n = topic.articles
        if TOPIC_MERGE and TOPIC_CHECK_FROM and n >= TOPIC_CHECK_FROM and n & (n - 1) == 0:
            self._check_topic(t)

    def recheck(self, story_id: str, vecs: dict[str, SparseVec], query: dict[str, float],
                day: dt.date | None, language: str = "") -> None:
        """A story grew to one of :data:`RECHECK_SIZES`: index it under its whole unit vectors
        ``vecs`` and merge its topic with the best other hot topic that they reach."""
        m = self._member_of.get(story_id)
        if m is None:
            return
        t = self._final(self._members[m].topic)
        if not self._topics[t].hot:
            return
        self._set_member(story_id, vecs, query, day)
        self._cap(t)
        margins = self._margins(vecs, query, language, skip=t)
        other = self._best({u: m - MERGE_OFFSET for u, m in margins.items()})
        if other is not None:
            t = self._merge(min(t, other), max(t, other))
        if TOPIC_MERGE:
            self._check_topic(t)

    def _check_topic(self, t: int) -> None:
        """Score topic ``t`` as a whole (its unit centroid) against the other hot topics and
        merge it with the best one it reaches (see :data:`TOPIC_MERGE`)."""
        topic = self._topics[t]
        if not topic.hot or not topic.centroid:
            return
        vecs = {f: _scaled(cen, 1.0 / math.sqrt(topic.norm2[f]))
                for f, cen in topic.centroid.items() if topic.norm2.get(f, 0.0) > 0.0}
        language = _main_language(topic)
        margins = self._margins(vecs, self.query(vecs), language, skip=t, k=TOPIC_MEMBER_K)
        if TOPIC_MERGE_SMALL:
            # Only a small fragment is absorbed; two established subjects never merge this way.
            n = topic.articles
            margins = {u: m for u, m in margins.items()
                       if min(n, self._topics[u].articles) <= TOPIC_MERGE_SMALL}
        other = self._best({u: m - TOPIC_MERGE_OFFSET for u, m in margins.items()})
        if other is not None:
            self._merge(min(t, other), max(t, other))

    def _merge(self, keep: int, gone: int) -> int:
        """Merge topic ``gone`` into the older topic ``keep`` (whose id stays); returns ``keep``."""
        k, g = self._topics[keep], self._topics[gone]
        k.stories.extend(g.stories)
        k.articles += g.articles
        for lang, n in g.languages.items():
            k.languages[lang] = k.languages.get(lang, 0) + n
        for f, cen in g.centroid.items():
            kc = k.centroid.setdefault(f, {})
            for term, v in cen.items():
                kc[term] = kc.get(term, 0.0) + v
            k.norm2[f] = math.fsum(v * v for v in kc.values())
        prune(k.centroid, k.norm2, MAX_TERMS)
        if g.last is not None and (k.last is None or g.last > k.last):
            k.last = g.last
            heapq.heappush(self._heap, (g.last.toordinal(), keep))
        self._indexed.setdefault(keep, set()).update(self._indexed.pop(gone, set()))
        self._cap(keep)
        terms = self._index.terms_of(gone)
        self._index.remove(gone)
        self._index.add(keep, terms)
        g.stories, g.articles, g.languages = [], 0, {}
        g.hot, g.centroid, g.norm2, g.merged_into = False, {}, {}, k.id
        return keep

    def _advance(self, day: dt.date | None) -> None:
        if day is None or not self.window_days or (self._today is not None and day <= self._today):
            return
        self._today = day
        horizon = day.toordinal() - self.window_days
        while self._heap and self._heap[0][0] < horizon:
            last, t = heapq.heappop(self._heap)
            topic = self._topics[t]
            if not topic.hot or topic.last is None or topic.last.toordinal() != last:
                continue  # stale entry: the topic got a newer article since
            topic.hot = False
            topic.centroid, topic.norm2 = {}, {}
            self._index.remove(t)
        while self._member_heap and self._member_heap[0][0] < horizon:
            last, m = heapq.heappop(self._member_heap)
            member = self._members[m]
            if member.last is None or member.last.toordinal() != last or not member.vecs:
                continue
            self._drop_member(m)

    # -- saving and loading -------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The state as plain JSON-able data."""
        return {
            "threshold": self.threshold,
            "window_days": self.window_days,
            "today": self._today.isoformat() if self._today else None,
            "topics": [
                {
                    "id": t.id,
                    "stories": t.stories,
                    "articles": t.articles,
                    "languages": dict(sorted(t.languages.items())),
                    "last": t.last.isoformat() if t.last else None,
                    "hot": t.hot,
                    "centroid": _sorted_vecs(t.centroid),
                    "norm2": dict(sorted(t.norm2.items())),
                    "indexed": self._index.terms_of(i) if t.hot else [],
                    "merged_into": t.merged_into,
                }
                for i, t in enumerate(self._topics)
            ],
            "members": [
                {
                    "story": self._member_ids[m],
                    "topic": member.topic,
                    "last": member.last.isoformat() if member.last else None,
                    "vecs": _sorted_vecs(member.vecs),
                    "indexed": self._member_index.terms_of(m),
                    "articles": member.articles,
                    "language": member.language,
                    "embedding": dict(sorted(member.embedding.items())) if member.embedding else None,
                }
                for m, member in enumerate(self._members)
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TopicLinker:
        """Inverse of :meth:`to_dict` (a state saved without members gets them as stories grow)."""
        linker = cls(float(data["threshold"]), int(data["window_days"]))
        linker._today = _date(data["today"])
        for i, t in enumerate(data["topics"]):
            topic = TopicState(
                id=str(t["id"]),
                stories=[str(s) for s in t["stories"]],
                articles=int(t["articles"]),
                languages={str(k): int(v) for k, v in t["languages"].items()},
                last=_date(t["last"]),
                hot=bool(t["hot"]),
                centroid=_vecs(t["centroid"]),
                norm2={f: float(v) for f, v in t["norm2"].items()},
                merged_into=t.get("merged_into"),
            )
            linker._topics.append(topic)
            linker._number[topic.id] = i
            if topic.hot:
                linker._index.add(i, t["indexed"])
                if topic.last is not None:
                    heapq.heappush(linker._heap, (topic.last.toordinal(), i))
        for m, r in enumerate(data.get("members", [])):
            emb = r.get("embedding")
            member = _Member(int(r["topic"]), _date(r["last"]), _vecs(r["vecs"]), int(r.get("articles", 0)),
                             str(r.get("language", "")),
                             {str(k): float(v) for k, v in emb.items()} if emb else None)
            linker._members.append(member)
            linker._member_ids.append(str(r["story"]))
            linker._member_of[str(r["story"])] = m
            if member.vecs:
                linker._member_index.add(m, r["indexed"])
                linker._indexed.setdefault(linker._final(member.topic), set()).add(m)
                if member.last is not None:
                    heapq.heappush(linker._member_heap, (member.last.toordinal(), m))
        return linker


#: Member vectors are unit vectors: their squared norms, for :func:`weighted_cosine`.
_UNIT: dict[str, float] = dict.fromkeys(_FIELDS, 1.0)


def _pruned(vec: SparseVec, keep: int) -> SparseVec:
    """``vec``'s ``keep`` heaviest terms (ties by term), scaled back to unit length."""
    if len(vec) > keep:
        vec = dict(heapq.nsmallest(keep, vec.items(), key=lambda kv: (-kv[1], kv[0])))
    norm = math.sqrt(math.fsum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm > 0 else {}


def _scaled(vec: SparseVec, scale: float) -> SparseVec:
    return {t: v * scale for t, v in vec.items()}


def _sorted_vecs(vecs: dict[str, SparseVec]) -> dict[str, SparseVec]:
    return {f: dict(sorted(v.items())) for f, v in sorted(vecs.items())}


def _vecs(data: dict[str, dict[str, float]]) -> dict[str, SparseVec]:
    return {f: {str(k): float(v) for k, v in vec.items()} for f, vec in data.items()}


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
