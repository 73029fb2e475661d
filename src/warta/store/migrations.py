"""Named schema migrations, applied in order, each in its own transaction.

Append new migrations at the end; never edit or reorder an applied one.  ``PRAGMA
user_version`` holds how many have run, so a database written by a newer Warta (more
migrations than this one knows) is refused instead of being misread.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, list[str]]] = [
    (
        "0001_articles_stories",
        [
            """CREATE TABLE articles (
                id TEXT PRIMARY KEY,          -- content hash (store/ids.py)
                alias TEXT NOT NULL,          -- the id the input gave
                seq INTEGER NOT NULL UNIQUE,  -- arrival order
                published TEXT,               -- ISO date or NULL
                story_id TEXT NOT NULL,
                data TEXT NOT NULL            -- store/codec.py JSON
            )""",
            "CREATE INDEX articles_alias ON articles(alias)",
            "CREATE INDEX articles_story ON articles(story_id)",
            "CREATE INDEX articles_published ON articles(published)",
            """CREATE TABLE stories (
                id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                n_articles INTEGER NOT NULL,
                first_published TEXT,
                last_published TEXT,
                updated INTEGER NOT NULL,     -- batch that last changed the brief
                data TEXT NOT NULL,           -- the contract's story object (JSON)
                markdown TEXT NOT NULL
            )""",
            "CREATE INDEX stories_recent ON stories(last_published, updated)",
            "CREATE TABLE state (key TEXT PRIMARY KEY, value BLOB NOT NULL)",
        ],
    ),
    (
        "0002_search",
        [
            # Trigrams match inside words, so "ungsi" finds "mengungsi" and "pengungsian";
            # the ``stems`` column holds stemmed terms (" ungsi banjir ... ") for affix-free
            # whole-word matches (stores/sqlite.py builds the query).
            "CREATE VIRTUAL TABLE articles_fts USING fts5("
            "id UNINDEXED, title, body, stems, tokenize='trigram')",
            "CREATE VIRTUAL TABLE stories_fts USING fts5("
            "id UNINDEXED, title, summary, stems, tokenize='trigram')",
        ],
    ),
]
