"""``warta ingest``: add articles to the store; stories and briefs update incrementally."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..config import Config
from ..distributed.options import add_options as add_distributed_options
from ..distributed.options import config_options, spec_from_args
from ..ingest import read_inputs
from ..progress import Progress
from ..store import describe, ingest, open_store
from .common import EXIT_NOTHING, EXIT_OK, add_input_options, input_options, report_skipped


def add_db_option(p: argparse.ArgumentParser) -> None:
    """``--db FILE`` (every store command)."""
    p.add_argument("--db", metavar="FILE", default="warta.db",
                   help="the SQLite store (default: ./warta.db)")


def register(sub: Any) -> None:
    """Add the ``ingest`` parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "ingest", help="add articles to the store (stories and briefs update incrementally)"
    )
    add_input_options(p)
    add_db_option(p)
    p.add_argument("--batch", type=int, metavar="N", help="articles per commit (default 500)")
    add_distributed_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``warta ingest``."""
    config = Config.from_mapping({**input_options(args), "db": args.db, "ingest_batch": args.batch,
                                  **config_options(args)})
    store = open_store(config.db, config)
    bar = Progress("warta: ingesting", enabled=config.progress)
    try:
        items = read_inputs(args.inputs, config, stdin=sys.stdin.buffer)
        spec = spec_from_args(args, config)
        if spec is None:
            report = ingest(store, items, config, bar)
        else:
            # Prepare and briefs on the Dask cluster; the store is written from here.
            from ..distributed.cluster import open_client
            from ..distributed.ingest import ingest_on

            with open_client(spec) as client:
                report = ingest_on(client, store, items, config, bar,
                                   partition_size=args.partition_size)
    finally:
        bar.close()
        store.close()
    report_skipped(report.skipped, args.quiet)
    sys.stderr.write(
        f"warta: {len(report.stored)} article(s) stored, {len(report.duplicates)} already stored, "
        f"{len(report.skipped)} skipped, {len(report.stories)} story(ies) updated in {describe(config.db)}\n"
    )
    return EXIT_OK if report.stored or report.duplicates else EXIT_NOTHING
