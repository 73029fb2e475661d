"""The ``--workers`` / ``--scheduler`` options (no Dask import: the CLI parser stays fast)."""

from __future__ import annotations

import argparse

from ..config import Config
from .cluster import ClusterSpec


def add_options(p: argparse.ArgumentParser) -> None:
    """Add the distributed-run options to a subcommand's parser."""
    g = p.add_argument_group("distributed run (needs pip install 'warta[dask]')")
    where = g.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, metavar="N",
                       help="run on a local Dask cluster of N worker processes")
    where.add_argument("--scheduler", metavar="ADDR",
                       help="run on an existing Dask cluster (tcp://HOST:PORT)")
    g.add_argument("--memory-limit", "--worker-memory", dest="memory_limit", metavar="SIZE",
                   help="memory per local worker, e.g. 2GiB; a worker above 95%% of it is "
                        "restarted and its tasks rerun (default: auto, RAM / workers)")
    g.add_argument("--connect-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="give up on a scheduler that does not answer within this time")
    g.add_argument("--partition-size", type=int, default=100, metavar="N",
                   help="raw articles per prepare task")


def config_options(args: argparse.Namespace) -> dict[str, object]:
    """The options of this group that live in :class:`Config` (for ``Config.from_mapping``)."""
    return {"worker_memory": args.memory_limit}


def spec_from_args(args: argparse.Namespace, config: Config) -> ClusterSpec | None:
    """The cluster the options ask for (memory per worker from ``config``, validated there),
    or None for the single-process run."""
    if args.workers is None and args.scheduler is None:
        return None
    return ClusterSpec.for_config(config, workers=args.workers, scheduler=args.scheduler,
                                  connect_timeout=args.connect_timeout)


def add_partition_option(p: argparse.ArgumentParser) -> None:
    """``--partition-days`` (``digest`` only: the store's clustering is incremental)."""
    p.add_argument("--partition-days", type=int, metavar="D",
                   help="with --workers/--scheduler: cluster per language and D-day window in "
                        "parallel, then join stories across window edges (faster for big batches, "
                        "not identical to the default exact clustering: docs/distributed.md)")
