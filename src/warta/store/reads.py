"""Reads that every SQL backend runs the same way (SQLite and PostgreSQL differ only in the
parameter placeholder): one implementation, mixed into each store class."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..config import Config
from ..model import Article
from ..render.json import article_to_dict
from .base import StoredStory
from .codec import article_from_json


class SQLReads:
    """Needs ``config``, ``_read(sql, params)`` and the backend's ``PLACEHOLDER`` ("?", "%s")."""

    PLACEHOLDER = "?"
    config: Config

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        raise NotImplementedError

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """``_read`` with ``?`` written for every parameter, whatever the backend uses."""
        return self._read(sql.replace("?", self.PLACEHOLDER), params)

    def story_articles(self, story_id: str) -> list[Article]:
        """Every stored article of a story, in arrival order."""
        rows = self._q("SELECT data FROM articles WHERE story_id = ? ORDER BY seq", (story_id,))
        return [article_from_json(r[0], self.config) for r in rows]

    def load_state(self) -> bytes | None:
        """The clusterer state blob."""
        rows = self._q("SELECT value FROM state WHERE key = 'assign'")
        return bytes(rows[0][0]) if rows else None

    def get_story(self, story_id: str) -> StoredStory | None:
        """A story by id."""
        rows = self._q(
            "SELECT id, title, data, markdown, n_articles, first_published, last_published "
            "FROM stories WHERE id = ?", (story_id,))
        if not rows:
            return None
        sid, title, data, md, n, first, last = rows[0]
        return StoredStory(sid, title, json.loads(data), md, n, first, last, "")

    def story_version(self, story_id: str) -> int | None:
        """The batch that last changed a story (a cache key for rendered pages)."""
        rows = self._q("SELECT updated FROM stories WHERE id = ?", (story_id,))
        return int(rows[0][0]) if rows else None

    def get_article(self, ref: str) -> dict[str, Any] | None:
        """An article by content id, else by the id its input gave (the first one stored)."""
        rows = self._q("SELECT data, alias, story_id FROM articles WHERE id = ?", (ref,))
        if not rows:
            rows = self._q("SELECT data, alias, story_id FROM articles WHERE alias = ? "
                           "ORDER BY seq LIMIT 1", (ref,))
        if not rows:
            return None
        data, alias, sid = rows[0]
        out = article_to_dict(article_from_json(data, self.config))
        out["alias"] = alias
        out["story"] = sid
        return out

    def counts(self) -> dict[str, int]:
        """Stored articles and stories."""
        return {
            "articles": int(self._q("SELECT count(*) FROM articles")[0][0]),
            "stories": int(self._q("SELECT count(*) FROM stories")[0][0]),
        }
