"""Fault injection for the distributed tests (imported by the Dask workers, so a module)."""

from __future__ import annotations

import os
from pathlib import Path

from warta.config import Config
from warta.distributed.run import Prepared, prepare_partition
from warta.model import RawArticle


def die_once(marker: str, raws: list[RawArticle], config: Config) -> list[Prepared]:
    """Kill the worker process running this task the first time (``marker`` records it)."""
    path = Path(marker)
    if not path.exists():
        path.write_text("killed")
        os._exit(1)  # the worker process dies mid-task, as on a crash or an OOM kill
    return prepare_partition(raws, config)
