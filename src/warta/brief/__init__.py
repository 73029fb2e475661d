"""Brief: group prepared articles into stories and write each story's cited summary."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Sequence

from ..config import Config
from ..model import Article, Story
from ..stories import cluster_articles
from .grouping import article_vectors, group_articles
from .summary import summarize
from .vectors import add_into, cosine, normalize

__all__ = ["STORY_STAGES", "build_stories", "group_articles", "headline", "story_id", "summarize"]

#: Per-story stages run after the summary (timeline, entity merge, fact groups, ...): each is
#: ``(story, config) -> None`` and fills its own field of the story; a pure function of it.
STORY_STAGES: list[Callable[[Story, Config], None]] = []


def story_id(articles: Sequence[Article]) -> str:
    """A stable id derived from the story's seed: its first article in publication order
    (undated last, ties by id).  A story keeps its id as later articles join it, so an id in a
    URL or a database stays valid while the story grows."""
    seed = min(articles, key=lambda a: (a.published or dt.date.max, a.id))
    return hashlib.sha1(seed.id.encode("utf-8")).hexdigest()[:16]


def headline(articles: Sequence[Article]) -> str:
    """The title of the article closest to the story's centroid (the most representative)."""
    titled = [a for a in articles if a.title]
    if not titled:
        return ""
    vectors = article_vectors(titled)
    centroid: dict[str, float] = {}
    for v in vectors:
        add_into(centroid, v)
    centroid = normalize(centroid)
    best = max(range(len(titled)), key=lambda i: (cosine(vectors[i], centroid), -i))
    return titled[best].title or ""


def build_stories(articles: Sequence[Article], config: Config) -> list[Story]:
    """Stories with summaries, largest first (ties: earliest date, then id)."""
    stories: list[Story] = []
    for state, group in cluster_articles(articles, config):
        members = sorted(group, key=lambda a: (a.published or dt.date.max, a.id))
        summary = summarize(members, config)
        title = headline(members) or (summary[0].text if summary else members[0].id)
        language = Counter(a.language for a in members).most_common(1)[0][0]
        story = Story(story_id(members), title, language, members, summary, list(state.duplicates))
        for stage in STORY_STAGES:
            stage(story, config)
        stories.append(story)
    stories.sort(
        key=lambda s: (
            -len(s.articles),
            min((a.published for a in s.articles if a.published), default=dt.date.max),
            s.id,
        )
    )
    return stories
