"""The ``topic`` story key: the id of the topic (ongoing subject) the story is linked into.

JSON only (``warta digest --topics``): an id lets a consumer group stories by subject; Markdown
and HTML briefs show nothing for it (a bare id tells a reader nothing).
"""

from __future__ import annotations

from typing import Any

from ..model import Story
from .sections import Numbers, StorySection


def _json(story: Story) -> Any:
    return story.topic


def _nothing(story: Story, numbers: Numbers) -> list[str]:
    return []


SECTION = StorySection("topic", _json, _nothing, _nothing)
