"""``warta digest``: articles in, stories with cited briefs out."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..config import FORMATS, Config
from ..distributed.options import add_options as add_distributed_options
from ..distributed.options import add_partition_option, config_options, spec_from_args
from ..errors import ConfigError
from ..model import Digest
from ..pipeline import digest
from ..progress import Progress
from ..render import render
from .common import (
    EXIT_NOTHING,
    EXIT_OK,
    add_input_options,
    input_options,
    report_skipped,
    write_output,
)


def register(sub: Any) -> None:
    """Add the ``digest`` parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "digest", help="group articles into stories and write cited briefs"
    )
    add_input_options(p)
    p.add_argument("--format", "-f", choices=FORMATS, default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--explain", "-v", action="store_true",
                   help="show which lines the cleaner removed and why (stderr, and in the output)")
    p.add_argument("--summary-sentences", type=int, metavar="K", help="sentences per summary")
    p.add_argument("--story-threshold", type=float, metavar="X",
                   help="similarity (0-1] needed to join a story")
    p.add_argument("--topics", action="store_true",
                   help="add each story's topic id (stories linked into ongoing subjects)")
    add_distributed_options(p)
    add_partition_option(p)
    p.set_defaults(func=run)


def _explain(result: Digest) -> None:
    for story in result.stories:
        for a in story.articles:
            for r in a.removed:
                sys.stderr.write(f"warta: {a.id}: line {r.line + 1} removed ({r.reason}): {r.text}\n")


def run(args: argparse.Namespace) -> int:
    """Run ``warta digest``."""
    config = Config.from_mapping({
        **input_options(args),
        "format": args.format,
        "summary_sentences": args.summary_sentences,
        "story_threshold": args.story_threshold,
        "explain": args.explain,
        "story_topics": args.topics or None,
        **config_options(args),
    })
    bar = Progress("warta: reading", enabled=config.progress)
    try:
        spec = spec_from_args(args, config)
        if spec is None and args.partition_days is not None:
            raise ConfigError("--partition-days needs --workers or --scheduler")
        if spec is None:
            result = digest(args.inputs, config, stdin=sys.stdin.buffer, on_item=bar)
        else:
            from ..distributed.cluster import open_client
            from ..distributed.run import digest_on

            with open_client(spec) as client:
                result = digest_on(client, args.inputs, config, stdin=sys.stdin.buffer, on_item=bar,
                                   partition_size=args.partition_size,
                                   partition_days=args.partition_days)
    finally:
        bar.close()
    report_skipped(result.skipped, args.quiet)
    if config.explain:
        _explain(result)
    sys.stderr.write(
        f"warta: {result.articles_read} article(s) read, {len(result.skipped)} skipped, "
        f"{len(result.stories)} story(ies)\n"
    )
    write_output(render(result, config), args.output)
    return EXIT_OK if result.articles_read else EXIT_NOTHING
