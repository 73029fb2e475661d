"""The storage interface: what the ingest loop, the commands and the HTTP API need from a store.

SQLite (:mod:`warta.store.sqlite`, the default) and PostgreSQL (:mod:`warta.store.postgres`,
``--db postgresql://...``) implement the same :class:`Store` protocol.  Stories are returned as
the digest JSON contract's story object (``render.json.story_to_dict``) so every reader sees
exactly what ``digest`` would print.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..model import Article


@dataclass(frozen=True)
class StoredArticle:
    """A prepared article to store: its content-hash id is ``article.id``; ``alias`` is the id
    the input gave it (kept so ``GET /articles/{alias}`` works)."""

    article: Article
    alias: str
    story_id: str
    #: The search column of stemmed terms (:func:`warta.store.search.stems_text`) when it was
    #: computed elsewhere (the distributed ingest's workers); None: the store computes it.
    stems: str | None = None


@dataclass(frozen=True)
class StoredStory:
    """A story's brief as stored: the contract dict, the Markdown brief and list metadata."""

    id: str
    title: str
    data: dict[str, Any]
    markdown: str
    n_articles: int
    first_published: str | None
    last_published: str | None
    search_text: str
    #: Stemmed terms of title + search text (:func:`warta.store.search.stems_text`), computed
    #: with the brief (on a worker in a distributed ingest); None: the store computes them.
    stems: str | None = None


@dataclass
class StoryRow:
    """One line of the story list."""

    id: str
    title: str
    n_articles: int
    first_published: str | None
    last_published: str | None
    updated: int


@dataclass
class StoryPage:
    """One page of the story list."""

    stories: list[StoryRow]
    total: int
    page: int
    per_page: int
    query: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class Store(Protocol):
    """Everything Warta stores; each write method is one transaction."""

    path: str

    def transaction(self) -> AbstractContextManager[None]:
        """A write transaction; the reads of an ingest batch happen inside it."""
        ...

    def story_version(self, story_id: str) -> int | None:
        """A number that changes whenever the story's brief does (None: no such story)."""
        ...

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of these article ids are already stored."""
        ...

    def story_articles(self, story_id: str) -> list[Article]:
        """Every stored article of a story."""
        ...

    def load_state(self) -> bytes | None:
        """The story-assignment state blob (None before the first ingest)."""
        ...

    def commit_batch(self, articles: Sequence[StoredArticle], stories: Sequence[StoredStory],
                     state: bytes) -> None:
        """Store new articles, the briefs of the stories they changed and the new assignment
        state, all in one transaction (a crash leaves all of it or none of it)."""
        ...

    def get_story(self, story_id: str) -> StoredStory | None:
        """A story by id."""
        ...

    def list_stories(self, query: str | None, page: int, per_page: int) -> StoryPage:
        """Stories, most recent first; with ``query``, those whose brief or articles match."""
        ...

    def get_article(self, ref: str) -> dict[str, Any] | None:
        """An article by content id or by the id its input gave it (contract article dict plus
        ``alias`` and ``story``)."""
        ...

    def counts(self) -> dict[str, int]:
        """Numbers of stored articles and stories."""
        ...

    def close(self) -> None:
        """Release the connection(s)."""
        ...
