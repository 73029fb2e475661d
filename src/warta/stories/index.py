"""Candidate retrieval: an inverted index from terms to the hot stories that contain them.

A story is indexed under the heaviest terms of its members (at most :data:`MAX_STORY_TERMS`);
an article looks up its own heaviest terms.  Posting lists longer than :data:`MAX_POSTING` are
not read (such a term is in too many hot stories to tell them apart), so the cost of a lookup is
bounded by ``query terms x MAX_POSTING`` whatever the number of stories: the per-article cost
stays flat as stories accumulate; cold stories leave the index (:meth:`StoryIndex.remove`).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable

#: Most terms one story is indexed under.
MAX_STORY_TERMS = 300
#: Posting lists longer than this are skipped at query time.
MAX_POSTING = 2_000


class StoryIndex:
    """term -> set of story numbers, over hot stories only."""

    def __init__(self) -> None:
        self._postings: dict[str, set[int]] = defaultdict(set)
        self._terms: dict[int, set[str]] = {}

    def add(self, story: int, terms: Iterable[str]) -> None:
        """Index ``story`` under ``terms`` too (up to :data:`MAX_STORY_TERMS` terms in all)."""
        have = self._terms.setdefault(story, set())
        for term in terms:
            if len(have) >= MAX_STORY_TERMS:
                break
            if term not in have:
                have.add(term)
                self._postings[term].add(story)

    def remove(self, story: int) -> None:
        """Take ``story`` out of the index (it went cold)."""
        for term in self._terms.pop(story, set()):
            posting = self._postings.get(term)
            if posting is not None:
                posting.discard(story)
                if not posting:
                    del self._postings[term]

    def candidates(self, query: dict[str, float], limit: int) -> list[int]:
        """Up to ``limit`` stories sharing the most query weight, best first (ties: lower number)."""
        score: dict[int, float] = defaultdict(float)
        for term, weight in query.items():
            posting = self._postings.get(term)
            if posting is None or len(posting) > MAX_POSTING:
                continue
            for story in posting:
                score[story] += weight
        # nsmallest, not a full sort: thousands of stories can share a query term, ``limit`` is
        # tens (same order as sorted()[:limit]: the key is a total order, numbers are unique).
        return [s for s, _ in heapq.nsmallest(limit, score.items(), key=_best_first)]

    def terms_of(self, story: int) -> list[str]:
        """The terms ``story`` is indexed under, sorted (for saving state)."""
        return sorted(self._terms.get(story, set()))

    def __len__(self) -> int:
        return len(self._terms)


def _best_first(kv: tuple[int, float]) -> tuple[float, int]:
    return (-kv[1], kv[0])
