"""``warta search``: find stories in the store (full-text, affix-tolerant for Indonesian)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..config import Config
from ..store import open_store
from .common import EXIT_NOTHING, EXIT_OK
from .ingest import add_db_option


def register(sub: Any) -> None:
    """Add the ``search`` parser."""
    p: argparse.ArgumentParser = sub.add_parser("search", help="search the stored stories")
    p.add_argument("query", metavar="QUERY", help="words to find (in titles, bodies and briefs)")
    add_db_option(p)
    p.add_argument("--limit", type=int, default=20, metavar="N", help="most stories shown")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print one line per matching story: id, dates, number of articles, title."""
    config = Config.from_mapping({"db": args.db})
    store = open_store(config.db, config, readonly=True)
    try:
        page = store.list_stories(args.query, 1, max(args.limit, 1))
    finally:
        store.close()
    for row in page.stories:
        span = row.last_published or "undated"
        sys.stdout.write(f"{row.id}\t{span}\t{row.n_articles}\t{row.title}\n")
    sys.stderr.write(f"warta: {page.total} story(ies) match {args.query!r}\n")
    return EXIT_OK if page.total else EXIT_NOTHING
