"""The ONE place where the store calls story clustering (swap point for ``warta.stories``).

``assign(new, hot, state, config) -> (assignments, new_state)``.  Today it re-runs
:func:`warta.brief.group_articles` over the hot window (stored articles near the new ones in
time) plus the new articles, and keeps stored memberships stable: a new article joins the
stored story most of its group's stored members belong to, or starts a story whose id is
:func:`warta.brief.story_id` of its new members (the seed's hash; stable as the story grows).
The stateful ``warta.stories.Clusterer`` (``add(article) -> Assignment``, ``to_bytes`` /
``from_bytes``) replaces the body of this module; the state blob is stored by the caller in the
same transaction as the articles it covers.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..brief import group_articles, story_id
from ..config import Config
from ..model import Article


@dataclass(frozen=True)
class Assignment:
    """Where one new article went (same shape as ``warta.stories.Assignment``)."""

    article_id: str
    story_id: str
    duplicate_of: str | None = None


def assign(
    new: Sequence[Article],
    hot: Sequence[tuple[Article, str]],
    state: bytes | None,
    config: Config,
) -> tuple[list[Assignment], bytes]:
    """Story ids for ``new`` articles, given stored ``hot`` articles with their story ids."""
    stored = {a.id: sid for a, sid in hot}
    fresh = {a.id for a in new}
    groups = group_articles([*(a for a, _ in hot), *new], config)
    out: dict[str, Assignment] = {}
    for group in groups:
        new_members = [a for a in group if a.id in fresh]
        if not new_members:
            continue
        votes = Counter(stored[a.id] for a in group if a.id in stored)
        # Most stored members wins; ties go to the smaller id (deterministic).
        target = min(votes, key=lambda sid: (-votes[sid], sid)) if votes else story_id(new_members)
        for a in new_members:
            out[a.id] = Assignment(a.id, target)
    previous = json.loads(state) if state else {}
    new_state = {"adapter": "brief.grouping", "articles": int(previous.get("articles", 0)) + len(new)}
    return [out[a.id] for a in new], json.dumps(new_state).encode()
