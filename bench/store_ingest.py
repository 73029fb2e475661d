"""Store throughput: ``warta ingest`` into SQLite vs PostgreSQL, single process vs Dask workers,
and search latency (SQLite FTS5 vs PostgreSQL tsvector + GIN), side by side in one run.

Input: the first ``--n`` unique IndoSum dev articles (CC BY-SA 4.0; throughput only, no tuning),
language forced to ``id``, annotators ``--annotators``.  PostgreSQL is a throw-away server started
by ``tests/store/pgserver.py`` (initdb + pg_ctl on a Unix socket, ``fsync=off`` as in the tests:
durability costs are not measured, for either backend SQLite runs with its defaults: WAL,
synchronous=NORMAL).  Each configuration ingests into a fresh database, in the order given by
``--runs``, after an untimed warm-up ingest of 50 articles; articles/s is wall clock, CPU
ms/article counts this process (and the Dask workers), not the PostgreSQL server, whose CPU is
printed apart.  Then every store answers ten searches (QUERIES, five times each): median ms.

    .venv/bin/python bench/store_ingest.py --n 2000 --annotators dates,numbers
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
from pathlib import Path
from typing import Any

from _common import REPO, indosum_raw_articles
from warta.config import Config
from warta.model import RawArticle, Skipped
from warta.store import Store, ingest, open_store

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


def _fresh_pg(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.replace("/postgres?", f"/{name}?")


def run_one(kind: str, workers: int, items: list[RawArticle | Skipped], config: Config,
            target: str) -> tuple[dict[str, Any], Store]:
    """Ingest ``items`` into ``target``; timings."""
    store = open_store(target, config)
    c0, t0 = _cpu_s(), time.perf_counter()
    if workers == 0:
        report = ingest(store, items, config)
        cpu = _cpu_s() - c0
    else:
        from warta.distributed.cluster import ClusterSpec, open_client
        from warta.distributed.ingest import ingest_on

        with open_client(ClusterSpec(workers=workers, memory_limit="2GiB")) as client:
            client.wait_for_workers(workers)
            w0 = sum(client.run(_cpu_s).values())
            c0, t0 = _cpu_s(), time.perf_counter()
            report = ingest_on(client, store, items, config)
            cpu = _cpu_s() - c0 + sum(client.run(_cpu_s).values()) - w0
    wall = time.perf_counter() - t0
    n = len(report.stored)
    return {"kind": kind, "workers": workers, "stored": n, "stories": store.counts()["stories"],
            "art_s": n / wall, "cpu_ms": cpu * 1000 / max(n, 1), "wall_s": wall}, store


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
                    help="BACKEND-WORKERS (0: single process)")
    args = ap.parse_args()
    names = () if args.annotators == "none" else tuple(args.annotators.split(","))
    config = Config(language="id", annotators=names, progress=False)
    items: list[RawArticle | Skipped] = list(indosum_raw_articles(args.n))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=REPO).stdout.strip()
    print(f"# {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, commit {commit}, Python "
          f"{platform.python_version()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, "
          f"{len(items)} IndoSum articles, annotators={args.annotators}, batch {config.ingest_batch}")
    print(f"{'store':>9} {'workers':>7} {'art/s':>6} {'CPU ms/art':>10} {'server CPU ms/art':>17} "
          f"{'stored':>6} {'stories':>7} {'search ms':>9} {'hits':>5}")
    with tempfile.TemporaryDirectory(prefix="warta-store-bench-") as tmp, pg_server() as server:
        if server is None:
            sys.exit("PostgreSQL (initdb, pg_ctl) is not installed")
        # Warm-up (language data, stemmer and model loading), not timed.
        warm = open_store(str(Path(tmp) / "warm.db"), config)
        ingest(warm, items[:50], config)
        warm.close()
        for i, spec in enumerate(args.runs):
            kind, workers = spec.split("-")
            if kind == "sqlite":
                target, s0 = str(Path(tmp) / f"{i}.db"), 0.0
            else:
                target = _fresh_pg(server, f"b{i}")
                s0 = _server_cpu_s(server)
            r, store = run_one(kind, int(workers), items, config, target)
            server_ms = ((_server_cpu_s(server) - s0) * 1000 / max(r["stored"], 1)
                         if kind == "postgres" else 0.0)
            ms, hits = search_ms(store)
            store.close()
            print(f"{kind:>9} {workers:>7} {r['art_s']:>6.1f} {r['cpu_ms']:>10.2f} {server_ms:>17.2f} "
                  f"{r['stored']:>6} {r['stories']:>7} {ms:>9.2f} {hits:>5}", flush=True)
    print(f"# load at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
