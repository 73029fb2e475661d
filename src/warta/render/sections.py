"""Story sections that later stages add to every output format (timeline, entities, facts, ...).

A feature registers one :class:`StorySection` in :data:`SECTIONS`; the JSON, Markdown and HTML
renderers call it for every story.  ``to_json`` returning None leaves the key out (the contract:
a key is absent until its feature exists, never present-but-empty because of that).
``numbers`` maps article id -> the 1-based source number shown in the brief, for citations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Story

Numbers = dict[str, int]


@dataclass(frozen=True)
class StorySection:
    """One section of a story brief, in every format."""

    key: str
    to_json: Callable[[Story], Any]
    to_markdown: Callable[[Story, Numbers], list[str]]
    to_html: Callable[[Story, Numbers], list[str]]


#: Sections in the order they appear in a brief (after the summary).
SECTIONS: list[StorySection] = []
