"""The article store: articles, their stories and briefs, kept between runs.

``open_store(path, config)`` opens (creating and migrating) a store; :func:`ingest` adds
articles incrementally.  :class:`Store` is the interface both backends (SQLite, PostgreSQL) implement.
"""

from __future__ import annotations

from ..config import Config
from .base import Store, StoredStory, StoryPage, StoryRow
from .ingest import IngestReport, ingest
from .sqlite import SQLiteStore

__all__ = ["IngestReport", "SQLiteStore", "Store", "StoredStory", "StoryPage", "StoryRow", "describe",
           "ingest", "open_store"]


def describe(path: str) -> str:
    """``path`` fit to print: a database URL without its credentials (never show a password)."""
    if "://" not in path:
        return path
    scheme, rest = path.split("://", 1)
    return f"{scheme}://{rest.split('@', 1)[-1]}"


def open_store(path: str, config: Config | None = None, *, readonly: bool = False) -> Store:
    """Open the store at ``path``: an SQLite file (created when missing), or a
    ``postgresql://`` URL (needs ``pip install 'warta[postgres]'``)."""
    if path.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(path, config, readonly=readonly)
    return SQLiteStore(path, config, readonly=readonly)
