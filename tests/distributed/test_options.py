"""Memory per worker: one validated option of :class:`Config` (``worker_memory``), set by
``--memory-limit`` / ``--worker-memory`` and used for every local cluster."""

from __future__ import annotations

import argparse
from typing import Any

import pytest

from warta.cli import main
from warta.config import Config
from warta.distributed.cluster import DEBUG_LOG_LENGTH, ClusterSpec, open_client
from warta.distributed.options import add_options, config_options, spec_from_args
from warta.errors import ConfigError

from .inputs import EXAMPLE


@pytest.mark.parametrize("size", ["auto", "AUTO", "2GiB", "500MB", "1.5 GB", "3g", "2000000000"])
def test_memory_sizes_accepted(size: str) -> None:
    assert Config(worker_memory=size).worker_memory == size
    assert ClusterSpec(workers=1, memory_limit=size).memory_limit == size


@pytest.mark.parametrize("size", ["", "lots", "-1GB", "0", "0GiB", "2 GiB of RAM", "1e9", "GiB"])
def test_bad_memory_sizes_refused(size: str) -> None:
    with pytest.raises(ConfigError, match="worker_memory"):
        Config(worker_memory=size)
    with pytest.raises(ConfigError, match="memory_limit"):
        ClusterSpec(workers=1, memory_limit=size)
    with pytest.raises(ConfigError):
        Config.from_mapping({"worker_memory": size})


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    add_options(p)
    return p.parse_args(argv)


def test_cli_options_go_through_config() -> None:
    for flag in ("--memory-limit", "--worker-memory"):
        args = _parse(["--workers", "2", flag, "1GiB"])
        config = Config.from_mapping(config_options(args))
        spec = spec_from_args(args, config)
        assert config.worker_memory == "1GiB"
        assert spec == ClusterSpec(workers=2, memory_limit="1GiB")
    args = _parse([])
    config = Config.from_mapping(config_options(args))
    assert config.worker_memory == "auto" and spec_from_args(args, config) is None
    assert ClusterSpec.for_config(Config(worker_memory="3GiB"), scheduler="tcp://h:1").memory_limit == "3GiB"


def test_cli_bad_memory_is_a_usage_error_before_any_cluster(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("digest", "ingest"):
        assert main([command, str(EXAMPLE), "--workers", "1", "--memory-limit", "lots"]) == 2
        err = capsys.readouterr().err
        assert "worker_memory must be a size like 2GiB" in err and err.strip().count("\n") == 0


def test_local_workers_get_the_configured_limit_and_a_short_debug_log() -> None:
    spec = ClusterSpec.for_config(Config(worker_memory="700MiB"), workers=1)
    with open_client(spec) as client:
        client.wait_for_workers(1)
        limits: Any = [w["memory_limit"] for w in client.scheduler_info()["workers"].values()]
        # Dask's debug log of recent messages (each holding a task's arguments) stays short,
        # on the client's connection and on the in-process scheduler's connections to workers.
        comms = [client.scheduler_comm, *client.cluster.scheduler.stream_comms.values()]
        assert [c.recent_message_log.maxlen for c in comms] == [DEBUG_LOG_LENGTH] * 2
    assert limits == [700 * 2**20]
