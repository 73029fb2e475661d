"""A Markdown brief: per story, the cited summary, then the sources it cites."""

from __future__ import annotations

import re

from ..config import Config
from ..model import Digest, Story, independent_sources
from .sections import SECTIONS

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    """Escape Markdown (and inline-HTML) syntax so article text shows as written."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _story(story: Story, explain: bool) -> list[str]:
    number = {a.id: n for n, a in enumerate(story.articles, start=1)}
    lines = [f"## {md_escape(story.title)}", ""]
    dates = sorted(a.published for a in story.articles if a.published)
    meta = [f"{len(story.articles)} article(s)", f"language: {story.language}"]
    if dates:
        span = dates[0].isoformat()
        span += f" – {dates[-1].isoformat()}" if dates[-1] != dates[0] else ""
        meta.append(span)
    lines += [" · ".join(meta), "", "### Summary", ""]
    for s in story.summary:
        marks = ", ".join(f"{number[c.article]}:{c.sentence}" for c in s.citations)
        sources = independent_sources(story, s.citations)
        extra = f" — {sources} sources" if sources > 1 else ""
        lines.append(f"- {md_escape(s.text)} [{marks}]{extra}")
    for section in SECTIONS:
        lines += section.to_markdown(story, number)
    lines += ["", "### Sources", ""]
    for a in story.articles:
        bits = [md_escape(a.title or a.id)]
        if a.source:
            bits.append(md_escape(a.source))
        if a.published:
            bits.append(a.published.isoformat())
        lines.append(f"{number[a.id]}. {' · '.join(bits)} ({md_escape(a.id)})")
        if explain:
            for r in a.removed:
                lines.append(f"   - removed line {r.line} ({r.reason}): {md_escape(r.text)}")
    lines.append("")
    return lines


def render_markdown(digest: Digest, config: Config) -> str:
    """The digest as Markdown; citation markers are ``[source number:sentence index]``."""
    lines = ["# Warta brief", ""]
    if not digest.stories:
        lines += ["No stories: no article could be read.", ""]
    for story in digest.stories:
        lines += _story(story, config.explain)
    if digest.skipped:
        lines += ["## Skipped inputs", ""]
        lines += [f"- {md_escape(s.input)}: {md_escape(s.reason)}" for s in digest.skipped]
        lines.append("")
    return "\n".join(lines)
