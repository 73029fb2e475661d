"""The distributed pipeline gives the single-process result: same stories, briefs and skips."""

from __future__ import annotations

import functools
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.builders import raw_article
from warta.brief import build_stories
from warta.cli import main
from warta.config import Config
from warta.distributed.cluster import ClusterError, ClusterSpec, open_client, require_distributed
from warta.distributed.run import Timings, digest_items, digest_on
from warta.errors import ConfigError, MissingExtraError
from warta.model import Digest, RawArticle, Skipped
from warta.pipeline import digest, prepare_all
from warta.render import render

from .faults import die_once
from .inputs import EXAMPLE, synthetic


def _single(items: list[RawArticle | Skipped], config: Config) -> Digest:
    articles, skipped = prepare_all(items, config)
    return Digest(stories=build_stories(articles, config), skipped=skipped, articles_read=len(articles))


def test_example_identical_to_single_process(client: Any) -> None:
    for fmt in ("json", "md"):
        config = Config(format=fmt)
        single = digest([str(EXAMPLE)], config)
        timings = Timings()
        dist = digest_on(client, [str(EXAMPLE)], config, partition_size=2, timings=timings)
        assert render(dist, config) == render(single, config)
        assert dist.articles_read == single.articles_read == 9
        assert timings.prepare > 0 and timings.cluster > 0


def test_synthetic_identical_including_skips(client: Any) -> None:
    items = synthetic()
    config = Config(annotators=("dates", "entities"))
    single = _single(items, config)
    dist = digest_items(client, items, config, partition_size=7, story_batch=3)
    assert dist.skipped == single.skipped
    assert any("duplicate article id" in s.reason for s in dist.skipped)
    assert [s.id for s in dist.stories] == [s.id for s in single.stories]
    assert render(dist, config) == render(single, config)
    assert len(dist.stories) > 1


def test_topics_identical_to_single_process(client: Any) -> None:
    config = Config(format="json", story_topics=True)
    single = digest([str(EXAMPLE)], config)
    dist = digest_on(client, [str(EXAMPLE)], config, partition_size=2)
    assert all(s.topic for s in dist.stories)
    assert render(dist, config) == render(single, config)


def test_empty_and_all_skipped(client: Any) -> None:
    config = Config()
    assert digest_items(client, [], config).stories == []
    bad: list[RawArticle | Skipped] = [Skipped("x", "unreadable"), raw_article("", id="e")]
    out = digest_items(client, bad, config)
    assert out.articles_read == 0 and out.stories == []
    assert [s.input for s in out.skipped] == ["x", "e"]


def test_worker_killed_mid_run_loses_and_duplicates_nothing(client: Any, tmp_path: Path) -> None:
    items = synthetic(30)
    config = Config(annotators=())
    single = _single(items, config)
    crash = functools.partial(die_once, str(tmp_path / "killed"))
    dist = digest_items(client, items, config, partition_size=10, prepare=crash)
    assert (tmp_path / "killed").exists()  # a worker really died
    assert render(dist, config) == render(single, config)
    ids = [a.id for s in dist.stories for a in s.articles]
    assert len(ids) == len(set(ids)) == single.articles_read


def test_bad_options() -> None:
    with pytest.raises(ConfigError):
        digest_items(None, [], Config(), partition_size=0)
    with pytest.raises(ConfigError):
        ClusterSpec()
    with pytest.raises(ConfigError):
        ClusterSpec(workers=2, scheduler="tcp://h:1")
    with pytest.raises(ConfigError):
        ClusterSpec(workers=0)
    with pytest.raises(ConfigError):
        ClusterSpec(scheduler="localhost")


def test_scheduler_that_does_not_answer_fails_fast() -> None:
    started = time.monotonic()
    with pytest.raises(ClusterError, match="no Dask scheduler answered"), \
            open_client(ClusterSpec(scheduler="tcp://127.0.0.1:9", connect_timeout=1)):
        pass
    assert time.monotonic() - started < 15


def test_cli_dead_scheduler_one_line_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["digest", str(EXAMPLE), "--no-progress", "--scheduler", "tcp://127.0.0.1:9",
                 "--connect-timeout", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip().count("\n") == 0 and "no Dask scheduler answered" in err


def test_cli_bad_scheduler_address_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", str(EXAMPLE), "--scheduler", "localhost"]) == 2
    assert "tcp://HOST:PORT" in capsys.readouterr().err


def test_cli_scheduler_gives_single_output(client: Any, tmp_path: Path) -> None:
    single, dist = tmp_path / "single.json", tmp_path / "dist.json"
    assert main(["digest", str(EXAMPLE), "--no-progress", "-o", str(single)]) == 0
    assert main(["digest", str(EXAMPLE), "--no-progress", "--scheduler", client.scheduler.address,
                 "-o", str(dist)]) == 0
    assert dist.read_text() == single.read_text()


def test_missing_extra_names_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'warta\[dask\]'"):
        require_distributed()


def test_batches_by_count_and_weight() -> None:
    from warta.distributed.run import batches

    assert list(batches(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(batches([], 3)) == []
    # A heavy item goes alone; a batch closes before its weight would pass the limit.
    sizes = [1, 1, 9, 2, 2, 2, 1]
    assert list(batches(sizes, 10, lambda w: w, 4)) == [[1, 1], [9], [2, 2], [2, 1]]


def test_task_that_kills_every_worker_is_one_clear_error() -> None:
    import dask

    from .faults import die_always

    # Its own one-worker cluster that gives up on the first death: with the shared cluster and
    # Dask's default of 3 retries, the nannies' restarts under a heavily loaded machine could
    # leave the scheduler waiting for workers long enough to stall the suite.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            open_client(ClusterSpec(workers=1, memory_limit="1GiB")) as client:
        with pytest.raises(ClusterError, match="killed every worker"):
            digest_items(client, synthetic(5), Config(annotators=()), prepare=die_always)
        # The cluster is still usable afterwards (the nanny restarted the worker).
        client.wait_for_workers(1, timeout=300)
        assert digest_items(client, [raw_article(id="ok")], Config(annotators=())).articles_read == 1
