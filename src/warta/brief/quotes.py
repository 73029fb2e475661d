"""Story quotes: every article's quotes, speakers resolved to the story's merged entities."""

from __future__ import annotations

from ..config import Config
from ..model import Story, StoryQuote
from .entities import entity_lookup, person_names, resolve


def quotes_stage(story: Story, config: Config) -> None:
    """Story stage: fill ``story.quotes`` in article order, then text order."""
    lookup = entity_lookup(story.entities)
    persons = person_names(story.entities)
    story.quotes = [
        StoryQuote(resolve(q.speaker, lookup, a.language, persons), q.text, q.direct, a.id, q.sentence)
        for a in story.articles
        for q in a.quotes
    ]
