"""Render a :class:`~warta.model.Digest` as JSON (the public contract), Markdown or HTML."""

from __future__ import annotations

from collections.abc import Callable

from ..config import Config
from ..errors import ConfigError
from ..model import Digest
from .html import render_html
from .json import digest_to_dict, render_json
from .markdown import render_markdown
from .sections import SECTIONS


def _register_sections() -> None:
    # The story sections, in the order a brief shows them after the summary.
    from . import duplicates, entities, facts, quotes, timeline, topic

    SECTIONS.extend(
        [timeline.SECTION, entities.SECTION, facts.SECTION, quotes.SECTION, duplicates.SECTION,
         topic.SECTION]
    )


_register_sections()

RENDERERS: dict[str, Callable[[Digest, Config], str]] = {
    "json": render_json,
    "md": render_markdown,
    "html": render_html,
}

__all__ = ["RENDERERS", "digest_to_dict", "render"]


def render(digest: Digest, config: Config) -> str:
    """The digest in ``config.format``."""
    try:
        renderer = RENDERERS[config.format]
    except KeyError:
        raise ConfigError(f"no renderer for format {config.format!r}") from None
    return renderer(digest, config)
