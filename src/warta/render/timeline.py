"""The "timeline" story section in JSON, Markdown and HTML (with an inline SVG chart).

``SECTION`` is registered in :data:`.sections.SECTIONS` by ``render/__init__.py``.  All text is
escaped; the chart uses no external resource.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from ..model import Story, TimelineEntry
from .html import cite_link
from .markdown import md_escape
from .sections import Numbers, StorySection


def timeline_to_json(story: Story) -> list[dict[str, Any]]:
    """``[{date, text, status, citations}]`` in date order (the contract's "timeline")."""
    return [
        {
            "date": e.date,
            "text": e.text,
            "status": e.status,
            "citations": [{"article": c.article, "sentence": c.sentence} for c in e.citations],
        }
        for e in story.timeline
    ]


def _label(e: TimelineEntry) -> str:
    return e.date + (" (planned)" if e.status == "planned" else "")


def timeline_to_markdown(story: Story, numbers: Numbers) -> list[str]:
    """A "Timeline" list: date, sentence, citation markers."""
    lines = ["", "### Timeline", ""]
    if not story.timeline:
        return [*lines, f"_{md_escape(story.timeline_note or 'no dated sentences')}_"]
    for e in story.timeline:
        marks = ", ".join(f"{numbers[c.article]}:{c.sentence}" for c in e.citations)
        lines.append(f"- **{_label(e)}** {md_escape(e.text)} [{marks}]")
    return lines


def _day(date: str) -> dt.date:
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _svg(entries: list[TimelineEntry]) -> str:
    """A horizontal axis with one dot per entry (planned: hollow), hover shows the text."""
    width, height, pad = 640, 56, 16
    days = [_day(e.date).toordinal() for e in entries]
    lo, hi = min(days), max(days)
    span = max(hi - lo, 1)
    parts = [
        f'<svg class="timeline-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="timeline from {escape(entries[0].date)} to {escape(entries[-1].date)}">',
        f'<line x1="{pad}" y1="28" x2="{width - pad}" y2="28" stroke="currentColor" stroke-opacity=".4"/>',
    ]
    for e, d in zip(entries, days, strict=True):
        x = pad + (width - 2 * pad) * (d - lo) / span
        fill = "none" if e.status == "planned" else "currentColor"
        r = 4 + min(len(e.citations), 4)
        parts.append(
            f'<circle cx="{x:.1f}" cy="28" r="{r}" fill="{fill}" stroke="currentColor">'
            f"<title>{escape(_label(e))}: {escape(e.text)}</title></circle>"
        )
    parts.append(
        f'<text x="{pad}" y="52" font-size="11" fill="currentColor">{escape(entries[0].date)}</text>'
    )
    parts.append(
        f'<text x="{width - pad}" y="52" font-size="11" text-anchor="end" '
        f'fill="currentColor">{escape(entries[-1].date)}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def timeline_to_html(story: Story, numbers: Numbers) -> list[str]:
    """A chart plus a list of dated, cited sentences."""
    out = ["<h3>Timeline</h3>"]
    if not story.timeline:
        return [*out, f'<p class="meta">{escape(story.timeline_note or "no dated sentences")}</p>']
    out.append(_svg(story.timeline))
    out.append('<ol class="timeline">')
    for e in story.timeline:
        marks = "".join(cite_link(story, numbers, c) for c in e.citations)
        out.append(
            f'<li class="{escape(e.status)}"><time datetime="{escape(e.date)}">'
            f"{escape(_label(e))}</time> {escape(e.text)}{marks}</li>"
        )
    out.append("</ol>")
    return out


SECTION = StorySection("timeline", timeline_to_json, timeline_to_markdown, timeline_to_html)
