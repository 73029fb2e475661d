"""The story's merged entities, in every output format."""

from __future__ import annotations

from html import escape
from typing import Any

from ..model import Story
from .markdown import md_escape
from .sections import Numbers, StorySection

#: Most entities listed in Markdown/HTML (JSON has all).
SHOWN = 25


def to_json(story: Story) -> list[dict[str, Any]]:
    """``[{"name", "type", "aliases", "articles"}]``."""
    return [
        {"name": e.name, "type": e.type, "aliases": list(e.aliases), "articles": list(e.articles)}
        for e in story.entities
    ]


def _label(story: Story, numbers: Numbers, i: int) -> tuple[str, str, str, str]:
    e = story.entities[i]
    arts = ", ".join(str(n) for n in sorted(numbers[a] for a in e.articles if a in numbers))
    return e.name, e.type, ", ".join(e.aliases), arts


def to_markdown(story: Story, numbers: Numbers) -> list[str]:
    """A bullet per entity: name (type) — aliases — source numbers."""
    if not story.entities:
        return []
    lines = ["", "### Entities", ""]
    for i in range(min(len(story.entities), SHOWN)):
        name, kind, aliases, arts = _label(story, numbers, i)
        extra = f" — also: {md_escape(aliases)}" if aliases else ""
        lines.append(f"- **{md_escape(name)}** ({kind}){extra} [{arts}]")
    return lines


def to_html(story: Story, numbers: Numbers) -> list[str]:
    """A list of entities."""
    if not story.entities:
        return []
    out = ["<h3>Entities</h3>", '<ul class="entities">']
    for i in range(min(len(story.entities), SHOWN)):
        name, kind, aliases, arts = _label(story, numbers, i)
        extra = f' <span class="aliases">also: {escape(aliases)}</span>' if aliases else ""
        out.append(f"<li><b>{escape(name)}</b> <span class=\"etype\">{escape(kind)}</span>{extra}"
                   f" <span class=\"src\">[{escape(arts)}]</span></li>")
    out.append("</ul>")
    return out


SECTION = StorySection("entities", to_json, to_markdown, to_html)
