"""Subcommands of the ``warta`` CLI, one module each.  Add a command: write
``commands/<name>.py`` with ``register(subparsers)`` and list it here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import cluster, dates, digest, entities, ingest, search, serve, summarize

COMMANDS: list[Callable[[Any], None]] = [
    digest.register,
    cluster.register,
    summarize.register,
    dates.register,
    entities.register,
    ingest.register,
    serve.register,
    search.register,
]
