"""Brief: group prepared articles into stories and write each story's cited summary."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Sequence

from ..config import Config
from ..model import Article, Story
from ..stories import cluster_articles
from .grouping import group_articles
from .summary import headline, summarize
from .timeline import build_timeline

__all__ = [
    "STORY_STAGES", "build_stories", "build_story", "group_articles", "headline", "story_id",
    "story_order", "summarize",
]

#: Per-story stages run after the summary (timeline, entity merge, fact groups, ...): each is
#: ``(story, config) -> None`` and fills its own field of the story; a pure function of it.
STORY_STAGES: list[Callable[[Story, Config], None]] = []


def _register_stages() -> None:
    # Entities before facts and quotes: those resolve names against the merged entities.
    from .entities import entities_stage
    from .facts import facts_stage
    from .quotes import quotes_stage

    STORY_STAGES.extend([build_timeline, entities_stage, facts_stage, quotes_stage])


_register_stages()


def story_id(articles: Sequence[Article]) -> str:
    """A stable id derived from the story's seed: its first article in publication order
    (undated last, ties by id).  A story keeps its id as later articles join it, so an id in a
    URL or a database stays valid while the story grows."""
    seed = min(articles, key=lambda a: (a.published or dt.date.max, a.id))
    return hashlib.sha1(seed.id.encode("utf-8")).hexdigest()[:16]


def build_stories(articles: Sequence[Article], config: Config) -> list[Story]:
    """Stories with briefs, largest first (ties: earliest date, then id)."""
    stories = []
    for state, group in cluster_articles(articles, config):
        story = build_story(group, config, duplicates=state.duplicates)
        if config.story_topics:
            story.topic = state.topic
        stories.append(story)
    stories.sort(key=story_order)
    return stories


def story_order(story: Story) -> tuple[int, dt.date, str]:
    """Sort key of the digest's stories: largest first, ties by earliest date, then id (shared
    with the distributed run, so both order stories the same way)."""
    return (
        -len(story.articles),
        min((a.published for a in story.articles if a.published), default=dt.date.max),
        story.id,
    )


def build_story(
    members: Sequence[Article],
    config: Config,
    sid: str | None = None,
    duplicates: Sequence[tuple[str, str]] = (),
) -> Story:
    """The brief of one already-grouped story (the store re-briefs only stories that changed).

    ``sid`` keeps an id assigned earlier; ``duplicates`` are near-duplicate article pairs, which
    the summary counts as one source.
    """
    ordered = sorted(members, key=lambda a: (a.published or dt.date.max, a.id))
    pairs = [(a, b) for a, b in duplicates]
    summary = summarize(ordered, config, duplicates=pairs or None)
    title = headline(ordered) or (summary[0].text if summary else ordered[0].id)
    language = Counter(a.language for a in ordered).most_common(1)[0][0]
    story = Story(
        id=sid or story_id(ordered),
        title=title,
        language=language,
        articles=ordered,
        summary=summary,
        duplicates=pairs,
    )
    for stage in STORY_STAGES:
        stage(story, config)
    return story
