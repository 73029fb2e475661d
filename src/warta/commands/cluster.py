"""``warta cluster``: articles in, stories (ids, titles, member ids, near-duplicates) out.

Uses the same clusterer as ``warta digest`` (:mod:`warta.stories`) but writes no summaries, so it
is the fast way to see how a stream groups.  ``--format json`` prints exactly
``{"stories": [{"id", "title", "articles", "duplicates"}], "skipped": [...]}``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import Any

from ..brief import headline
from ..config import Config
from ..ingest import read_inputs
from ..model import Article, Skipped
from ..pipeline import prepare_all
from ..progress import Progress
from ..stories import cluster_articles
from .common import EXIT_NOTHING, EXIT_OK, add_input_options, input_options, report_skipped, write_output


def register(sub: Any) -> None:
    """Add the ``cluster`` parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "cluster", help="group articles into stories (no briefs): ids, titles, near-duplicates"
    )
    add_input_options(p)
    p.add_argument("--format", "-f", choices=("json",), default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--story-threshold", type=float, metavar="X",
                   help="join score (0-1] needed to join a story")
    p.add_argument("--story-window-days", type=int, metavar="DAYS",
                   help="dated articles further apart than this never share a story")
    p.set_defaults(func=run)


def clusters_to_dict(
    articles: Sequence[Article], skipped: Sequence[Skipped], config: Config
) -> dict[str, Any]:
    """The ``warta cluster`` JSON: stories largest first (ties: earliest date, then id)."""
    stories = []
    for state, members in cluster_articles(articles, config):
        first = min((a.published for a in members if a.published), default=dt.date.max)
        title = headline(members) or members[0].id
        stories.append((len(members), first, state.id, {
            "id": state.id,
            "title": title,
            "articles": [a.id for a in members],
            "duplicates": [[a, b] for a, b in state.duplicates],
        }))
    stories.sort(key=lambda s: (-s[0], s[1], s[2]))
    return {
        "stories": [s[3] for s in stories],
        "skipped": [{"input": s.input, "reason": s.reason} for s in skipped],
    }


def run(args: argparse.Namespace) -> int:
    """Run ``warta cluster``."""
    config = Config.from_mapping({
        **input_options(args),
        "story_threshold": args.story_threshold,
        "story_window_days": args.story_window_days,
    })
    bar = Progress("warta: reading", enabled=config.progress)
    try:
        articles, skipped = prepare_all(read_inputs(args.inputs, config, stdin=sys.stdin.buffer), config, bar)
    finally:
        bar.close()
    report_skipped(skipped, args.quiet)
    result = clusters_to_dict(articles, skipped, config)
    sys.stderr.write(
        f"warta: {len(articles)} article(s) read, {len(skipped)} skipped, "
        f"{len(result['stories'])} story(ies)\n"
    )
    write_output(json.dumps(result, ensure_ascii=False, indent=2) + "\n", args.output)
    return EXIT_OK if articles else EXIT_NOTHING
