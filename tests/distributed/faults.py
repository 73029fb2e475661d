"""Fault injection for the distributed tests (imported by the Dask workers, so a module)."""

from __future__ import annotations

import os
from pathlib import Path

from warta.config import Config
from warta.distributed.ingest import prepare_articles
from warta.distributed.run import Prepared, prepare_partition
from warta.model import Article, RawArticle
from warta.store.ingest import WithFeatures


def _die_first_time(marker: str) -> None:
    path = Path(marker)
    if not path.exists():
        path.write_text("killed")
        os._exit(1)  # the worker process dies mid-task, as on a crash or an OOM kill


def die_once(marker: str, raws: list[RawArticle], config: Config) -> list[Prepared]:
    """Kill the worker process running this task the first time (``marker`` records it)."""
    _die_first_time(marker)
    return prepare_partition(raws, config)


def die_once_ingest(marker: str, raws: list[RawArticle], config: Config
                    ) -> list[Article | WithFeatures | str]:
    """:func:`die_once` for the ingest's prepare task."""
    _die_first_time(marker)
    return prepare_articles(raws, config)


def die_always(raws: list[RawArticle], config: Config) -> list[Prepared]:
    """Kill every worker process that runs this task (the scheduler gives up: KilledWorker)."""
    os._exit(1)
