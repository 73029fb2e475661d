"""``warta cluster``: articles in, stories (ids, titles, member ids, near-duplicates) out.

Uses the same clusterer as ``warta digest`` (:mod:`warta.stories`) but writes no summaries, so it
is the fast way to see how a stream groups.  ``--format json`` prints
``{"stories": [{"id", "title", "articles", "duplicates", "topic"}], "skipped": [...]}``;
``--level topic`` groups one level up, stories linked into ongoing subjects
(:mod:`warta.stories.topics`): ``{"topics": [{"id", "title", "stories", "articles"}], "skipped"}``.
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
    p.add_argument("--level", choices=("story", "topic"), default="story",
                   help="group articles into stories (events, default) or topics (ongoing subjects)")
    p.add_argument("--topic-threshold", type=float, metavar="X",
                   help="score (0-1] a new story needs to link into a topic")
    p.add_argument("--topic-window-days", type=int, metavar="DAYS",
                   help="a topic without news for this many days takes no new stories (0: never closes)")
    p.add_argument("--embed", action="store_true",
                   help="link stories into topics across languages (needs pip install 'warta[embed]')")
    p.set_defaults(func=run)


def clusters_to_dict(
    articles: Sequence[Article], skipped: Sequence[Skipped], config: Config
) -> dict[str, Any]:
    """The ``warta cluster`` JSON: stories largest first (ties: earliest date, then id)."""
    stories = []
    for state, members in cluster_articles(articles, config):
        first = min((a.published for a in members if a.published), default=dt.date.max)
        title = headline(members) or members[0].id
        story: dict[str, Any] = {
            "id": state.id,
            "title": title,
            "articles": [a.id for a in members],
            "duplicates": [[a, b] for a, b in state.duplicates],
        }
        if state.topic is not None:
            story["topic"] = state.topic
        stories.append((len(members), first, state.id, story))
    stories.sort(key=lambda s: (-s[0], s[1], s[2]))
    return {
        "stories": [s[3] for s in stories],
        "skipped": [{"input": s.input, "reason": s.reason} for s in skipped],
    }


def topics_to_dict(stories: dict[str, Any]) -> dict[str, Any]:
    """``--level topic``: the stories of :func:`clusters_to_dict` grouped by topic, largest topic
    first (ties: the order of their largest stories); a topic's title is its largest story's."""
    topics: dict[str, dict[str, Any]] = {}
    for story in stories["stories"]:  # largest story first: it names its topic
        topic = topics.setdefault(story.get("topic", story["id"]), {
            "id": story.get("topic", story["id"]), "title": story["title"], "stories": [], "articles": [],
        })
        topic["stories"].append(story["id"])
        topic["articles"].extend(story["articles"])
    ranked = sorted(enumerate(topics.values()), key=lambda it: (-len(it[1]["articles"]), it[0]))
    return {"topics": [t for _, t in ranked], "skipped": stories["skipped"]}


def run(args: argparse.Namespace) -> int:
    """Run ``warta cluster``."""
    config = Config.from_mapping({
        **input_options(args),
        "story_threshold": args.story_threshold,
        "story_window_days": args.story_window_days,
        "topic_threshold": args.topic_threshold,
        "topic_window_days": args.topic_window_days,
        "topic_embed": args.embed or None,
        "story_topics": True,  # every story printed carries its topic id
    })
    bar = Progress("warta: reading", enabled=config.progress)
    try:
        articles, skipped = prepare_all(read_inputs(args.inputs, config, stdin=sys.stdin.buffer), config, bar)
    finally:
        bar.close()
    report_skipped(skipped, args.quiet)
    result = clusters_to_dict(articles, skipped, config)
    counts = f"{len(result['stories'])} story(ies)"
    if args.level == "topic":
        result = topics_to_dict(result)
        counts += f" in {len(result['topics'])} topic(s)"
    sys.stderr.write(f"warta: {len(articles)} article(s) read, {len(skipped)} skipped, {counts}\n")
    write_output(json.dumps(result, ensure_ascii=False, indent=2) + "\n", args.output)
    return EXIT_OK if articles else EXIT_NOTHING
