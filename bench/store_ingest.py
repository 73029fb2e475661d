"""Store throughput: ``warta ingest`` into SQLite vs PostgreSQL, single process vs Dask workers,
and search latency (SQLite FTS5 vs PostgreSQL tsvector + GIN), side by side in one run.

Input: the first ``--n`` unique IndoSum dev articles (CC BY-SA 4.0; throughput only, no tuning),
language forced to ``id``, annotators ``--annotators``.  PostgreSQL is a throw-away server started
by ``tests/store/pgserver.py`` (initdb + pg_ctl on a Unix socket, ``fsync=off`` as in the tests:
durability costs are not measured, for either backend SQLite runs with its defaults: WAL,
synchronous=NORMAL).  Each configuration ingests into a fresh database, in the order given by
``--runs``, after an untimed warm-up ingest of 50 articles; articles/s is wall clock, CPU
ms/article counts this process (and the Dask workers), not the PostgreSQL server, whose CPU is
printed apart; *client CPU* is this process alone (with Dask: the sequential part, store work and
story assignment, plus the in-process scheduler).  A run named ``BACKEND-Wc`` is the distributed
ingest with the clustering features extracted on the client (the path before they moved to the
workers), for a side-by-side comparison.  Then every store answers ten searches (QUERIES, five
times each): median ms.

``--stream``: the input is bench/scale.py's synthetic stream (IndoSum cycled, re-dated and
perturbed, so ``--n`` can exceed the 3,463 unique articles), generated lazily while it is
ingested, as a reader streaming files would; the client's RSS (current, not peak) is printed at
each tenth of the stream, to see whether it grows with the stream.

    .venv/bin/python bench/store_ingest.py --n 2000 --annotators dates,numbers
    .venv/bin/python bench/store_ingest.py --stream --n 10000 --runs sqlite-2 --no-search
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from _common import REPO, indosum_raw_articles
from warta.config import Config
from warta.model import Article, RawArticle, Skipped
from warta.store import Store, ingest, open_store
from warta.store.ingest import prepare_each

sys.path.insert(0, str(REPO))
from tests.store.pgserver import pg_server  # a test helper: the same server setup

QUERIES = ["banjir", "presiden", "mengungsi", "pertandingan sepak bola", "harga minyak",
           "gempa bumi", "pemilihan gubernur", "jakarta", "korupsi", "timnas"]


def _cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _server_cpu_s(url: str) -> float:
    """CPU seconds used so far by the PostgreSQL server's processes (their /proc stat)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        pid = int(conn.execute("SELECT pg_backend_pid()").fetchone()[0])  # type: ignore[index]
        # The backend's parent is the postmaster (read while the backend exists).
        ppid = int(Path(f"/proc/{pid}/stat").read_text().split(")")[1].split()[1])
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    for d in Path("/proc").iterdir():
        try:
            fields = (d / "stat").read_text().split(")")[1].split()
        except (OSError, IndexError):
            continue
        if d.name == str(ppid) or fields[1] == str(ppid):
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _rss_mb() -> float:
    """This process's resident memory now (MB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def prepare_plain(raws: list[RawArticle], config: Config) -> list[Article | str]:
    """The distributed ingest's prepare task before the features moved to the workers: Articles
    only, so the client's story assignment extracts every article's features itself."""
    return list(prepare_each(raws, config))


def _fresh_pg(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.replace("/postgres?", f"/{name}?")


def run_one(kind: str, workers: int, items: Iterable[RawArticle | Skipped], n_items: int,
            config: Config, target: str, client_features: bool = False) -> tuple[dict[str, Any], Store]:
    """Ingest ``items`` into ``target``; timings, and the client's RSS at each tenth."""
    store = open_store(target, config)
    rss: list[float] = []
    tenth, count = max(n_items // 10, 1), 0

    def on_item(_: str) -> None:
        nonlocal count
        count += 1
        if count % tenth == 0:
            rss.append(_rss_mb())

    c0, t0 = _cpu_s(), time.perf_counter()
    if workers == 0:
        report = ingest(store, items, config, on_item)
        client = cpu = _cpu_s() - c0
    else:
        from warta.distributed.cluster import ClusterSpec, open_client
        from warta.distributed.ingest import ingest_on, prepare_articles

        prepare: Callable[..., Any] = prepare_plain if client_features else prepare_articles
        with open_client(ClusterSpec(workers=workers, memory_limit="2GiB")) as dask:
            dask.wait_for_workers(workers)
            w0 = sum(dask.run(_cpu_s).values())
            c0, t0 = _cpu_s(), time.perf_counter()
            report = ingest_on(dask, store, items, config, on_item, prepare=prepare)
            client = _cpu_s() - c0
            cpu = client + sum(dask.run(_cpu_s).values()) - w0
    wall = time.perf_counter() - t0
    n = len(report.stored)
    return {"kind": kind, "workers": workers, "stored": n, "stories": store.counts()["stories"],
            "art_s": n / wall, "cpu_ms": cpu * 1000 / max(n, 1),
            "client_ms": client * 1000 / max(n, 1), "wall_s": wall, "rss": rss}, store


def search_ms(store: Store, repeat: int = 5) -> tuple[float, int]:
    """Median ms of one search over QUERIES (each run ``repeat`` times), and the hits found."""
    times, hits = [], 0
    for q in QUERIES:
        for i in range(repeat):
            t = time.perf_counter()
            page = store.list_stories(q, 1, 20)
            times.append(time.perf_counter() - t)
            hits += page.total if i == 0 else 0
    return statistics.median(times) * 1000, hits


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--annotators", default="dates,numbers")
    ap.add_argument("--runs", nargs="+", default=["sqlite-0", "postgres-0", "sqlite-2", "postgres-2"],
                    help="BACKEND-WORKERS[c] (0: single process; c: features extracted on the client)")
    ap.add_argument("--stream", action="store_true",
                    help="bench/scale.py's synthetic stream, generated lazily (any --n)")
    ap.add_argument("--ordered", action="store_true",
                    help="with --stream: in publication order (as a day's feed arrives)")
    ap.add_argument("--no-search", action="store_true", help="skip the search timings")
    args = ap.parse_args()
    names = () if args.annotators == "none" else tuple(args.annotators.split(","))
    config = Config(language="id", annotators=names, progress=False)
    if args.stream:
        from scale import stream

        def make_items() -> Iterable[RawArticle | Skipped]:
            return stream(args.n, ordered=args.ordered)
        n_items = args.n
    else:
        fixed: list[RawArticle | Skipped] = list(indosum_raw_articles(args.n))

        def make_items() -> Iterable[RawArticle | Skipped]:
            return fixed
        n_items = len(fixed)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=REPO).stdout.strip()
    print(f"# {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, commit {commit}, Python "
          f"{platform.python_version()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, "
          f"{n_items} IndoSum articles{' (stream)' if args.stream else ''}"
          f"{' in publication order' if args.ordered else ''}, "
          f"annotators={args.annotators}, batch {config.ingest_batch}")
    print(f"{'store':>9} {'workers':>7} {'art/s':>6} {'CPU ms/art':>10} {'client CPU ms/art':>17} "
          f"{'server CPU ms/art':>17} {'stored':>6} {'stories':>7} {'client MB':>9} "
          f"{'search ms':>9} {'hits':>5}")
    rss_lines = []
    with tempfile.TemporaryDirectory(prefix="warta-store-bench-") as tmp, pg_server() as server:
        if server is None:
            sys.exit("PostgreSQL (initdb, pg_ctl) is not installed")
        # Warm-up (language data, stemmer and model loading), not timed.
        warm = open_store(str(Path(tmp) / "warm.db"), config)
        ingest(warm, list(indosum_raw_articles(50)), config)
        warm.close()
        for i, spec in enumerate(args.runs):
            kind, workers = spec.split("-")
            client_features = workers.endswith("c")
            workers = workers.rstrip("c")
            if kind == "sqlite":
                target, s0 = str(Path(tmp) / f"{i}.db"), 0.0
            else:
                target = _fresh_pg(server, f"b{i}")
                s0 = _server_cpu_s(server)
            r, store = run_one(kind, int(workers), make_items(), n_items, config, target,
                               client_features)
            server_ms = ((_server_cpu_s(server) - s0) * 1000 / max(r["stored"], 1)
                         if kind == "postgres" else 0.0)
            ms, hits = (0.0, 0) if args.no_search else search_ms(store)
            store.close()
            label = workers + ("c" if client_features else "")
            print(f"{kind:>9} {label:>7} {r['art_s']:>6.1f} {r['cpu_ms']:>10.2f} {r['client_ms']:>17.2f} "
                  f"{server_ms:>17.2f} {r['stored']:>6} {r['stories']:>7} {max(r['rss'], default=0):>9.0f} "
                  f"{ms:>9.2f} {hits:>5}", flush=True)
            rss_lines.append(f"{kind:>9} {label:>7} " + " ".join(f"{v:6.0f}" for v in r["rss"]))
    print(f"# load at the end {os.getloadavg()[0]:.2f}\n# client RSS (MB) at each tenth of the input")
    print("\n".join(rss_lines))


if __name__ == "__main__":
    main()
