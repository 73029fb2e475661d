"""Brief: group prepared articles into stories and write each story's cited summary."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Sequence

from ..config import Config
from ..model import Article, Story
from .grouping import group_articles
from .summary import headline, summarize
from .timeline import build_timeline

__all__ = ["STORY_STAGES", "build_stories", "build_story", "group_articles", "story_id", "summarize"]

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


def _headline(articles: Sequence[Article]) -> str:
    """The most representative article title of the story (see :func:`warta.summarize.headline`)."""
    return headline(articles)


def build_stories(articles: Sequence[Article], config: Config) -> list[Story]:
    """Stories with summaries, largest first (ties: earliest date, then id)."""
    stories: list[Story] = []
    for group in group_articles(articles, config):
        members = sorted(group, key=lambda a: (a.published or dt.date.max, a.id))
        summary = summarize(members, config)
        title = _headline(members) or (summary[0].text if summary else members[0].id)
        language = Counter(a.language for a in members).most_common(1)[0][0]
        story = Story(story_id(members), title, language, members, summary)
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


def build_story(members: Sequence[Article], config: Config, sid: str | None = None) -> Story:
    """The brief of one already-grouped story (the store re-briefs only stories that changed).

    Same steps as :func:`build_stories` per group; ``sid`` keeps an id assigned earlier.
    """
    ordered = sorted(members, key=lambda a: (a.published or dt.date.max, a.id))
    summary = summarize(ordered, config)
    title = _headline(ordered) or (summary[0].text if summary else ordered[0].id)
    language = Counter(a.language for a in ordered).most_common(1)[0][0]
    story = Story(sid or story_id(ordered), title, language, ordered, summary)
    for stage in STORY_STAGES:
        stage(story, config)
    return story
