"""Independent sources: near-duplicate articles (wire copies, syndicated reposts) count once.

Support for a sentence is "how many *independent* outlets report it", so articles that are
copies of each other are merged into one source group first.  The pairs come from the caller
(e.g. MinHash near-duplicates found upstream); when none are given, a cheap fallback merges
articles whose sentence sets overlap by more than :data:`OVERLAP`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Article

#: Share of the smaller article's sentences found verbatim in the other: above it, one source.
OVERLAP = 0.8


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def overlap_pairs(articles: Sequence[Article]) -> list[tuple[str, str]]:
    """Pairs of article ids whose normalised sentence sets overlap by more than ``OVERLAP``."""
    sets = [{_key(s.text) for s in a.sentences} for a in articles]
    pairs: list[tuple[str, str]] = []
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            small = min(len(sets[i]), len(sets[j]))
            if small and len(sets[i] & sets[j]) / small > OVERLAP:
                pairs.append((articles[i].id, articles[j].id))
    return pairs


def source_groups(
    articles: Sequence[Article], duplicates: Iterable[tuple[str, str]] | None = None
) -> list[int]:
    """For each article, the index of its source group (groups numbered in article order).

    ``duplicates`` are pairs of near-duplicate article ids; ``None`` uses :func:`overlap_pairs`.
    Pairs naming unknown ids are ignored.
    """
    index = {a.id: i for i, a in enumerate(articles)}
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = overlap_pairs(articles) if duplicates is None else duplicates
    for a, b in pairs:
        if a in index and b in index:
            ra, rb = find(index[a]), find(index[b])
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)  # the earlier article names the group
    numbering: dict[int, int] = {}
    return [numbering.setdefault(find(i), len(numbering)) for i in range(len(articles))]
