"""The article store: articles, their stories and briefs, kept between runs.

``open_store(path, config)`` opens (creating and migrating) a store; :func:`ingest` adds
articles incrementally.  :class:`Store` is the interface a PostgreSQL backend would implement.
"""

from __future__ import annotations

from ..config import Config
from .base import Store, StoredStory, StoryPage, StoryRow
from .ingest import IngestReport, ingest
from .sqlite import SQLiteStore

__all__ = ["IngestReport", "SQLiteStore", "Store", "StoredStory", "StoryPage", "StoryRow",
           "ingest", "open_store"]


def open_store(path: str, config: Config | None = None, *, readonly: bool = False) -> SQLiteStore:
    """Open the store at ``path`` (an SQLite file, created when missing)."""
    return SQLiteStore(path, config, readonly=readonly)
