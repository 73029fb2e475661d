"""The ``duplicates`` story section: near-duplicate article pairs (syndicated copies, rewrites).

JSON: ``[[original id, copy id], ...]``, absent when the story has none.  Markdown/HTML: one line
naming the sources by their numbers, so a reader sees that [1] and [3] are one report.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..model import Story
from .sections import Numbers, StorySection


def _json(story: Story) -> Any:
    return [[a, b] for a, b in story.duplicates] or None


def _pairs(story: Story, numbers: Numbers) -> list[str]:
    return [f"[{numbers[b]}] copies [{numbers[a]}]" for a, b in story.duplicates
            if a in numbers and b in numbers]


def _markdown(story: Story, numbers: Numbers) -> list[str]:
    pairs = _pairs(story, numbers)
    return ["", "Near-duplicates: " + "; ".join(pairs)] if pairs else []


def _html(story: Story, numbers: Numbers) -> list[str]:
    pairs = _pairs(story, numbers)
    return [f'<p class="duplicates">Near-duplicates: {escape("; ".join(pairs))}</p>'] if pairs else []


SECTION = StorySection("duplicates", _json, _markdown, _html)
