"""Store ingest throughput and a bounded HTTP load run on loopback, with baselines side by side.

1. Ingest (each step one fresh CLI process, wall clock): the first ``--articles`` IndoSum
   dev-fold articles (deduplicated by id, dated by ``date_utc_from_id``) go into a fresh store
   with ``warta ingest`` (commit per batch, incremental stories, FTS index) -- articles/s; side
   by side, ``warta digest`` (the in-memory pipeline, no store) on the same records, and a
   re-ingest of the same file (every article already stored).
2. Load: ``warta serve`` on that store in a subprocess; ``--concurrency`` threads with keep-alive
   ``http.client`` connections send ``--requests`` GETs (story pages and story JSON, round robin)
   and stop by themselves after ``--seconds``: requests/s, p50/p99 latency, errors.  Baseline:
   Python's ``http.server`` serving the same responses saved as static files, same client.  A
   third, smaller run hits the list and search pages (``/?q=...``, ``/stories?page=``).

Run from the repository root (needs the serve extra)::

    .venv/bin/python bench/serve_load.py [--articles 2000] [--requests 20000] [--seconds 60]
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from _common import DATA_DIR, REPO, require  # first: it moves HOME and caches to a temp folder

INDOSUM = DATA_DIR / "indosum_devfolds" / "indosum_dev_all_folds.jsonl"


def load_records(limit: int) -> list[dict[str, Any]]:
    """IndoSum rows as Warta JSONL records with a publication date."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    with require(INDOSUM, "IndoSum dev folds").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in seen:
                continue
            seen.add(row["id"])
            out.append({
                "id": row["id"],
                "text": "\n".join(" ".join(s) for s in row["paragraphs"]),
                "source": row.get("source"),
                "url": row.get("source_url"),
                "published": (row.get("date_utc_from_id") or "")[:10] or None,
            })
            if len(out) >= limit:
                break
    return out


def _timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def bench_ingest(records: list[dict[str, Any]], db: Path, tmp: Path) -> dict[str, Any]:
    """Store ingest vs the in-memory pipeline on the same records, each a fresh CLI process
    (same cold start: language data and stemmer caches are built inside the timing for both)."""
    from warta.store import open_store

    path = tmp / "indosum.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    warta = [sys.executable, "-m", "warta"]
    quiet = ["--no-progress", "--quiet"]
    memory_s = _timed([*warta, "digest", str(path), "-o", str(tmp / "digest.json"), *quiet])
    n_memory = len(json.loads((tmp / "digest.json").read_text(encoding="utf-8"))["stories"])
    store_s = _timed([*warta, "ingest", str(path), "--db", str(db), *quiet])
    again_s = _timed([*warta, "ingest", str(path), "--db", str(db), *quiet])
    store = open_store(str(db))
    counts = store.counts()
    store.close()
    return {
        "articles": len(records), "stored": counts["articles"],
        "store_stories": counts["stories"], "memory_stories": n_memory,
        "store_per_s": counts["articles"] / store_s, "store_s": store_s,
        "memory_per_s": counts["articles"] / memory_s, "memory_s": memory_s,
        "reingest_per_s": counts["articles"] / again_s,
        "db_mib": sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20,
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(port: int, path: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server on port {port} did not come up")


def load(port: int, paths: list[str], total: int, seconds: float, concurrency: int) -> dict[str, Any]:
    """GET ``paths`` round robin until ``total`` requests or ``seconds`` have passed."""
    counter = itertools.count()
    lock = threading.Lock()
    latencies: list[float] = []
    errors = [0]
    deadline = time.monotonic() + seconds

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        bad = 0
        while time.monotonic() < deadline:
            with lock:
                i = next(counter)
            if i >= total:
                break
            t = time.perf_counter()
            try:
                conn.request("GET", paths[i % len(paths)])
                resp = conn.getresponse()
                resp.read()
                if resp.status != 200:
                    bad += 1
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append(time.perf_counter() - t)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.perf_counter() - start
    latencies.sort()
    n = len(latencies)
    return {
        "requests": n, "seconds": elapsed, "rps": n / elapsed, "errors": errors[0],
        "p50_ms": 1000 * statistics.median(latencies) if n else 0.0,
        "p99_ms": 1000 * latencies[min(n - 1, int(n * 0.99))] if n else 0.0,
    }


def fetch(port: int, path: str) -> bytes:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    return conn.getresponse().read()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--requests", type=int, default=20_000)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--stories", type=int, default=50, help="distinct stories in the URL mix")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    out: dict[str, Any] = {"load_average_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="warta-serve-bench-") as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "bench.db"
        out["ingest"] = bench_ingest(load_records(args.articles), db, tmp)

        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "warta", "serve", "--db", str(db), "--port", str(port)],
            cwd=REPO, stderr=subprocess.DEVNULL)
        static = tmp / "static"
        try:
            wait_up(port, "/stories")
            ids: list[str] = []
            page = 1
            while len(ids) < args.stories:
                batch = json.loads(fetch(port, f"/stories?page={page}"))["stories"]
                if not batch:
                    break
                ids += [s["id"] for s in batch]
                page += 1
            ids = ids[: args.stories]
            paths = [p for sid in ids for p in (f"/stories/{sid}.html", f"/stories/{sid}")]
            for p in paths:  # warm the page cache, and save the static copies for the baseline
                target = static / p.lstrip("/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(fetch(port, p))
            out["warta"] = load(port, paths, args.requests, args.seconds, args.concurrency)
            lists = ["/?q=banjir", "/?q=pengungsi", "/stories?page=1", "/stories?page=3",
                     "/stories?q=jakarta", "/"]
            out["warta_lists"] = load(port, lists, args.requests // 4, args.seconds / 4, args.concurrency)
        finally:
            server.terminate()
            server.wait(timeout=10)

        port = free_port()
        baseline = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
             "--directory", str(static)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_up(port, paths[0])
            out["static_baseline"] = load(port, paths, args.requests, args.seconds, args.concurrency)
        finally:
            baseline.terminate()
            baseline.wait(timeout=10)
    out["load_average_after"] = os.getloadavg()

    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    ing = out["ingest"]
    print(f"ingest of {ing['articles']} IndoSum articles ({ing['stored']} stored), "
          "wall clock of one CLI run each")
    print(f"  warta ingest into the store : {ing['store_per_s']:8.1f} articles/s "
          f"({ing['store_s']:.1f} s, {ing['store_stories']} stories, db {ing['db_mib']:.1f} MiB)")
    print(f"  in-memory digest (baseline) : {ing['memory_per_s']:8.1f} articles/s "
          f"({ing['memory_s']:.1f} s, {ing['memory_stories']} stories)  "
          f"ratio store/memory {ing['store_per_s'] / ing['memory_per_s']:.2f}")
    print(f"  re-ingest (all known)       : {ing['reingest_per_s']:8.1f} articles/s")
    print(f"load on loopback, concurrency {args.concurrency}, "
          f"<= {args.requests} requests / {args.seconds:.0f} s")
    for key, label in (("warta", "warta serve: story pages+JSON"),
                       ("static_baseline", "http.server static copies  "),
                       ("warta_lists", "warta serve: list/search    ")):
        r = out[key]
        print(f"  {label}: {r['requests']:6d} req in {r['seconds']:5.1f} s = {r['rps']:7.1f} req/s, "
              f"p50 {r['p50_ms']:6.1f} ms, p99 {r['p99_ms']:7.1f} ms, errors {r['errors']}")
    print(f"  ratio warta/static: {out['warta']['rps'] / out['static_baseline']['rps']:.2f}")
    print(f"load average before {out['load_average_before']}, after {out['load_average_after']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
