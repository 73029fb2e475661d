"""The story's quotes, with speakers and citations, in every output format."""

from __future__ import annotations

from html import escape
from typing import Any

from ..model import Citation, Story
from .html import cite_link
from .markdown import md_escape
from .sections import Numbers, StorySection

SHOWN = 20


def to_json(story: Story) -> list[dict[str, Any]]:
    """``[{"speaker", "text", "direct", "article", "sentence"}]``."""
    return [
        {"speaker": q.speaker, "text": q.text, "direct": q.direct, "article": q.article,
         "sentence": q.sentence}
        for q in story.quotes
    ]


def to_markdown(story: Story, numbers: Numbers) -> list[str]:
    """A bullet per quote: speaker: “text” [n:s] (indirect ones without quotation marks)."""
    if not story.quotes:
        return []
    lines = ["", "### Quotes", ""]
    for q in story.quotes[:SHOWN]:
        text = f"“{md_escape(q.text)}”" if q.direct else md_escape(q.text)
        who = md_escape(q.speaker) if q.speaker else "(unattributed)"
        lines.append(f"- {who}: {text} [{numbers[q.article]}:{q.sentence}]")
    return lines


def to_html(story: Story, numbers: Numbers) -> list[str]:
    """A list of quotes."""
    if not story.quotes:
        return []
    out = ["<h3>Quotes</h3>", '<ul class="quotes">']
    for q in story.quotes[:SHOWN]:
        text = f"“{escape(q.text)}”" if q.direct else escape(q.text)
        who = escape(q.speaker) if q.speaker else "(unattributed)"
        cite = cite_link(story, numbers, Citation(q.article, q.sentence))
        out.append(f"<li><b>{who}</b>: {text}{cite}</li>")
    out.append("</ul>")
    return out


SECTION = StorySection("quotes", to_json, to_markdown, to_html)
