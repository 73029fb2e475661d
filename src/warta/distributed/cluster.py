"""Client setup: a ``LocalCluster`` on this machine or a connection to an existing scheduler."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from ..config import Config, check_memory_size
from ..errors import ConfigError, MissingExtraError, WartaError

INSTALL_HINT = "pip install 'warta[dask]'"
#: Messages Dask keeps per connection for debugging (``distributed.admin.low-level-log-length``,
#: default 1000; every message under 1 MB).  A ``compute-task`` message holds the task's
#: arguments (a partition of articles, a batch of stories), so with the default the client (which
#: also runs a LocalCluster's scheduler) kept the last ~1000 partitions it sent per connection:
#: ~35 KB more client memory per article until ~1000 tasks, up to GBs (docs/benchmarks.md 9f).
DEBUG_LOG_LENGTH = 20


class ClusterError(WartaError):
    """The Dask cluster cannot be reached or started (the CLI prints one line, exit 1)."""


@dataclass(frozen=True)
class ClusterSpec:
    """Where the work runs: ``workers`` local processes, or an existing ``scheduler`` address."""

    workers: int | None = None
    scheduler: str | None = None
    #: Memory limit per local worker (Dask syntax: "2GiB", "500MB", "auto"); a worker above 95 %
    #: of it is restarted by its nanny and its tasks rescheduled.
    memory_limit: str = "auto"
    #: Seconds to wait for a scheduler before giving up (no hang on a dead address).
    connect_timeout: float = 10.0

    def __post_init__(self) -> None:
        if (self.workers is None) == (self.scheduler is None):
            raise ConfigError("give exactly one of workers (a local cluster) or scheduler (an address)")
        if self.workers is not None and not 1 <= self.workers <= 256:
            raise ConfigError("workers must be between 1 and 256")
        if self.scheduler is not None and "://" not in self.scheduler:
            raise ConfigError(f"scheduler must be an address like tcp://HOST:PORT, not {self.scheduler!r}")
        if not self.connect_timeout > 0:
            raise ConfigError("connect_timeout must be positive")
        check_memory_size("memory_limit", self.memory_limit)

    @classmethod
    def for_config(cls, config: Config, *, workers: int | None = None, scheduler: str | None = None,
                   connect_timeout: float = 10.0) -> ClusterSpec:
        """The cluster of a run with ``config``: its ``worker_memory`` per local worker."""
        return cls(workers=workers, scheduler=scheduler, memory_limit=config.worker_memory,
                   connect_timeout=connect_timeout)


def require_distributed() -> ModuleType:
    """``dask.distributed``, or :class:`MissingExtraError` naming the install command."""
    try:
        import distributed
    except ImportError as exc:  # pragma: no cover - the test environment has the extra
        raise MissingExtraError(
            f"the distributed pipeline needs Dask: {INSTALL_HINT}"
        ) from exc
    return distributed


@contextmanager
def open_client(spec: ClusterSpec) -> Iterator[Any]:
    """A ``distributed.Client`` for ``spec``, closed (with its local cluster) on exit."""
    require_distributed()
    import dask

    # For the client's whole life: connections opened later (a restarted worker) read it too.
    with (dask.config.set({"distributed.admin.low-level-log-length": DEBUG_LOG_LENGTH}),
          _open_client(spec) as client):
        yield client


@contextmanager
def _open_client(spec: ClusterSpec) -> Iterator[Any]:
    distributed = require_distributed()
    if spec.workers is not None:
        try:
            # Processes, one thread each: NER and cleaning are pure Python (the GIL would
            # serialise threads); the nanny restarts a worker that dies or exceeds its memory.
            cluster = distributed.LocalCluster(
                n_workers=spec.workers, threads_per_worker=1, processes=True,
                memory_limit=spec.memory_limit, dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        except (ValueError, TypeError) as exc:
            raise ConfigError(f"cannot start a local Dask cluster: {exc}") from exc
        try:
            client = distributed.Client(cluster)
            try:
                yield client
            finally:
                client.close()
        finally:
            cluster.close()
        return
    try:
        client = distributed.Client(spec.scheduler, timeout=spec.connect_timeout)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(
            f"no Dask scheduler answered at {spec.scheduler} within {spec.connect_timeout:g} s"
        ) from exc
    except ValueError as exc:
        raise ConfigError(f"bad scheduler address {spec.scheduler!r}: {exc}") from exc
    try:
        yield client
    finally:
        client.close()
