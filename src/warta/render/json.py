"""The public JSON contract (schema: ``warta/schema/digest.schema.json``)."""

from __future__ import annotations

import json
from typing import Any

from ..config import Config
from ..model import Article, Digest, Story
from .sections import SECTIONS


def article_to_dict(article: Article, explain: bool = False) -> dict[str, Any]:
    """One article of a story as the contract shows it."""
    out: dict[str, Any] = {
        "id": article.id,
        "path": article.path,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "published_evidence": article.published_evidence,
        "language": article.language,
        "writer": article.writer,
        "editor": article.editor,
        "sentences": [s.text for s in article.sentences],
    }
    if explain:
        out["removed"] = [
            {"line": r.line, "text": r.text, "reason": r.reason} for r in article.removed
        ]
    return out


def story_to_dict(story: Story, explain: bool = False) -> dict[str, Any]:
    """One story as the contract shows it, plus the keys of the registered sections."""
    out: dict[str, Any] = {
        "id": story.id,
        "title": story.title,
        "language": story.language,
        "articles": [article_to_dict(a, explain) for a in story.articles],
        "summary": [
            {
                "text": s.text,
                "citations": [{"article": c.article, "sentence": c.sentence} for c in s.citations],
            }
            for s in story.summary
        ],
    }
    for section in SECTIONS:
        value = section.to_json(story)
        if value is not None:
            out[section.key] = value
    return out


def digest_to_dict(digest: Digest, explain: bool = False) -> dict[str, Any]:
    """The whole digest as the contract shows it (``warta_version`` names the contract)."""
    from .. import SCHEMA_VERSION, __version__

    return {
        "warta_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "stories": [story_to_dict(s, explain) for s in digest.stories],
        "skipped": [{"input": s.input, "reason": s.reason} for s in digest.skipped],
    }


def render_json(digest: Digest, config: Config) -> str:
    """Pretty, UTF-8 (not ASCII-escaped), key order as in the contract."""
    return json.dumps(digest_to_dict(digest, config.explain), ensure_ascii=False, indent=2) + "\n"
