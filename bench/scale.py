"""Cost curves of the distributed pipeline: single process vs a Dask LocalCluster of 1 and 2 workers.

Input: a synthetic stream built from the IndoSum dev articles (3,463 unique; CC BY-SA 4.0): the
stream cycles over them, copy k of an article is re-dated ``k * 37`` days later and perturbed
(one sentence dropped at random, seeded), with id ``<id>#<k>`` (the generator of
bench/cluster_scale.py, at the raw-article level here because prepare is what gets distributed).

Each (size, mode) runs in a fresh child process, so its peak memory is its own:

* ``single``: :func:`warta.pipeline.prepare_all` + :func:`warta.brief.build_stories`, timed per phase;
* ``dask-W``: :func:`warta.distributed.run.digest_items` on a LocalCluster of W worker processes
  (threads_per_worker=1, memory limit 3 GiB); cluster start-up is timed apart and not counted in articles/s;
* ``dask-Wp``: the same with partitioned clustering (``--partition-days``, default 30: per
  language and 30-day window, stories joined across window edges; not exact, hence the BCubed).

Printed per run: articles/s end to end, CPU ms per article (client + workers: unlike wall time it
does not move with other load on the shared machine), wall ms/article of prepare, cluster (on
the client) and brief, peak RSS of the client and of the largest worker; then, for each
distributed run, the BCubed F1
between its clustering and the single-process one and the share of stories whose brief (the
story's JSON) is byte-identical; and ms per article in each tenth of the stream (flatness).
The stream is generated lazily inside the clock (~20 us an article).  Bounded: ``--budget
SECONDS`` per run, estimated from the previous size; a run over it is not done and the line says so.

Long modes can run as separate commands and still be compared: ``--keep DIR`` keeps each run's
clustering and brief hashes (``DIR/MODE-N.json``, and its printed numbers in
``DIR/MODE-N.result.json``); ``--compare DIR`` takes the ``single`` run of the same size from
such a folder when this command does not run it; ``--agreement A.json B.json`` prints the
agreement of two kept runs without running anything.

    .venv/bin/python bench/scale.py --sizes 1000 10000 --annotators dates,entities,numbers,quotes
    .venv/bin/python bench/scale.py --sizes 100000 --modes single --keep runs/
    .venv/bin/python bench/scale.py --sizes 100000 --modes dask-2 --keep runs/ --compare runs/
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from _common import indosum_raw_articles
from warta.brief import build_story, story_order
from warta.config import Config
from warta.model import Digest, RawArticle, Skipped
from warta.pipeline import prepare_all
from warta.render.json import story_to_dict
from warta.stories import cluster_articles
from warta.stories.evaluate import bcubed

BASE = dt.date(2016, 8, 1)


def _base() -> list[RawArticle]:
    return indosum_raw_articles()


def stream(n: int, seed: int = 13, ordered: bool = False) -> Iterator[RawArticle | Skipped]:
    """``n`` raw articles: IndoSum cycled, re-dated by 37 days per copy, one sentence dropped.
    ``ordered``: the same articles in publication order (as a day's feed arrives; by default
    they come in IndoSum's order, whose dates jump back and forth over 18 months)."""
    base = _base()
    rng = random.Random(seed)
    order: Iterator[int] = iter(range(n))
    if ordered:
        order = iter(sorted(range(n), key=lambda i: (
            (base[i % len(base)].published or BASE) + dt.timedelta(days=37 * (i // len(base))), i)))
    for i in order:
        r, k = base[i % len(base)], i // len(base)
        if k == 0:
            yield r
            continue
        paras = r.text.split("\n\n")
        sents = [s for p in paras for s in p.split(" . ")]
        if len(sents) > 2:
            del sents[rng.randrange(1, len(sents))]
        yield replace(r, id=f"{r.id}#{k}", text=" . ".join(sents),
                      published=(r.published or BASE) + dt.timedelta(days=37 * k))


def _marked(
    items: Iterator[RawArticle | Skipped], n: int, marks: list[float]
) -> Iterator[RawArticle | Skipped]:
    """``items``, appending the CPU clock to ``marks`` at the start and after each tenth has been
    consumed (in the single-process run an item is consumed when the previous one is prepared)."""
    tenth = max(n // 10, 1)
    marks.append(time.process_time())
    for i, item in enumerate(items, start=1):
        yield item
        if i % tenth == 0:
            marks.append(time.process_time())


def _tenths(marks: list[float], n: int) -> list[float]:
    """ms per article in each tenth of the stream, from the clock at the start and each tenth."""
    k = 1000 / max(n // 10, 1)
    return [(b - a) * k for a, b in itertools.pairwise(marks[:11])]


def _cpu_s() -> float:
    """CPU seconds (user + system) of this process so far."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(mode: str, n: int, config: Config, out_dir: Path, partition_days: int) -> dict[str, Any]:
    """One run (fresh process): timings, peaks, and files with its clustering and brief hashes."""
    # Generated lazily inside the clock (~20 us an article): holding 300k raw articles would
    # add ~1.5 GB to the client's peak that a real reader streaming files does not have.
    marks: list[float] = []
    items = stream(n)
    res: dict[str, Any] = {"mode": mode, "n": n, "startup_s": 0.0, "worker_peak_mb": 0.0}
    if mode == "single":
        c0, t0 = _cpu_s(), time.perf_counter()
        articles, skipped = prepare_all(_marked(items, n, marks), config)
        t1 = time.perf_counter()
        res["prep_tenths"] = _tenths(marks, n)
        groups = cluster_articles(articles, config)
        t2 = time.perf_counter()
        stories = [build_story(g, config, duplicates=s.duplicates) for s, g in groups]
        stories.sort(key=story_order)
        t3 = time.perf_counter()
        digest = Digest(stories=stories, skipped=skipped, articles_read=len(articles))
        res.update(prepare_s=t1 - t0, cluster_s=t2 - t1, brief_s=t3 - t2, total_s=t3 - t0,
                   cpu_s=_cpu_s() - c0)
    else:
        from warta.distributed.cluster import ClusterSpec, open_client
        from warta.distributed.run import Timings, digest_items

        workers = int(mode.split("-")[1].rstrip("p"))
        days = partition_days if mode.endswith("p") else None
        ts = time.perf_counter()
        with open_client(ClusterSpec(workers=workers, memory_limit="3GiB")) as client:
            client.wait_for_workers(workers)
            res["startup_s"] = time.perf_counter() - ts
            timings = Timings(mark_every=max(n // 10, 1))
            w0 = sum(client.run(_cpu_s).values())
            c0, t0 = _cpu_s(), time.perf_counter()
            digest = digest_items(client, items, config, timings=timings, partition_days=days)
            res.update(prepare_s=timings.prepare, cluster_s=timings.cluster, brief_s=timings.brief,
                       total_s=time.perf_counter() - t0)
            # CPU of the client plus every worker (the nannies and scheduler, a few %, not counted).
            res["cpu_s"] = _cpu_s() - c0 + sum(client.run(_cpu_s).values()) - w0
            res["prep_tenths"] = _tenths([t0, *timings.prepare_marks], n)
            res["clust_tenths"] = _tenths(timings.cluster_marks, n)
            res["worker_peak_mb"] = max(client.run(_worker_rss_mb).values())
    res["client_peak_mb"] = _rss_mb()
    res["articles"] = digest.articles_read
    res["stories"] = len(digest.stories)
    # Story by story (the JSON contract's story object, as render_json writes it): one
    # rendered document of 300k articles would dominate the peak memory being measured.
    assign = {a.id: s.id for s in digest.stories for a in s.articles}
    briefs = {s.id: hashlib.sha1(json.dumps(story_to_dict(s), sort_keys=True).encode()).hexdigest()
              for s in digest.stories}
    path = out_dir / f"{mode}-{n}.json"
    path.write_text(json.dumps({"assign": assign, "briefs": briefs}))
    res["file"] = str(path)
    return res


def agreement(reference: Path, other: Path) -> tuple[float, float, int, int]:
    """BCubed F1 of ``other``'s clustering against ``reference``'s, the share of
    ``reference``'s stories whose brief hash ``other`` has identically, and both story counts."""
    a = json.loads(reference.read_text())
    b = json.loads(other.read_text())
    if set(a["assign"]) != set(b["assign"]):
        raise SystemExit(f"{reference} and {other} cluster different articles (not the same stream)")
    f1 = bcubed(b["assign"], a["assign"]).f1
    same = sum(b["briefs"].get(k) == v for k, v in a["briefs"].items()) / max(len(a["briefs"]), 1)
    return f1, same, len(a["briefs"]), len(b["briefs"])


def _reference(n: int, runs: dict[str, dict[str, Any]], saved: list[Path]) -> Path | None:
    """The single-process run of size ``n``: this command's, or one kept in a --compare folder."""
    if "single" in runs:
        return Path(runs["single"]["file"])
    for folder in saved:
        path = folder / f"single-{n}.json"
        if path.exists():
            return path
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--modes", nargs="+", default=["single", "dask-1", "dask-2"])
    ap.add_argument("--annotators", default="dates,entities,numbers,quotes",
                    help="annotators to run ('none' for clean + split only)")
    ap.add_argument("--budget", type=float, default=600.0, help="seconds allowed per run")
    ap.add_argument("--partition-days", type=int, default=30,
                    help="window of the partitioned modes (dask-Wp: W workers, --partition-days)")
    ap.add_argument("--keep", type=Path, metavar="DIR",
                    help="keep each run's clustering and brief hashes in DIR (MODE-N.json)")
    ap.add_argument("--compare", type=Path, nargs="+", default=[], metavar="DIR",
                    help="folders of kept runs: agreement against their single run of the same size")
    ap.add_argument("--agreement", type=Path, nargs=2, metavar=("REFERENCE", "OTHER"),
                    help="print the agreement of two kept runs (MODE-N.json files) and exit")
    ap.add_argument("--child", nargs=3, metavar=("MODE", "N", "DIR"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.agreement:
        f1, same, n_ref, n_other = agreement(*args.agreement)
        print(f"BCubed F1 {f1:.4f}, identical briefs {same:.2%} ({n_ref} stories in "
              f"{args.agreement[0].name}, {n_other} in {args.agreement[1].name})")
        return
    names = () if args.annotators == "none" else tuple(args.annotators.split(","))
    config = Config(language="id", annotators=names)
    if args.child:
        mode, n, folder = args.child
        print(json.dumps(child(mode, int(n), config, Path(folder), args.partition_days)))
        return
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout
    print(f"# {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, commit {commit.strip()}, Python "
          f"{platform.python_version()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, "
          f"annotators={args.annotators}, partition days (dask-Wp modes) {args.partition_days}")
    print(f"{'articles':>8} {'mode':>7} {'art/s':>6} {'CPU ms':>6} {'prep ms':>8} {'clust ms':>8} "
          f"{'brief ms':>8} {'stories':>7} {'client MB':>9} {'worker MB':>9} {'start s':>7}"
          "  vs single: BCubed F1, same briefs")
    with tempfile.TemporaryDirectory(prefix="warta-scale-") as tmp:
        folder = str(args.keep or tmp)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        last: dict[str, dict[str, Any]] = {}
        tenths: list[tuple[int, str, dict[str, Any]]] = []
        for n in args.sizes:
            runs: dict[str, dict[str, Any]] = {}
            for mode in args.modes:
                prev = last.get(mode)
                if prev is not None and prev["total_s"] / prev["n"] * n > args.budget:
                    print(f"{n:>8} {mode:>7} not run: estimated {prev['total_s'] / prev['n'] * n:.0f} s > "
                          f"budget {args.budget:.0f} s (per-article cost of the {prev['n']} run)", flush=True)
                    continue
                out = subprocess.run([sys.executable, __file__, "--annotators", args.annotators,
                                      "--partition-days", str(args.partition_days),
                                      "--child", mode, str(n), folder],
                                     capture_output=True, text=True)
                if out.returncode != 0:  # say why, and go on with the other runs
                    tail = " | ".join(out.stderr.strip().splitlines()[-3:])
                    print(f"{n:>8} {mode:>7} failed (exit {out.returncode}): {tail}", flush=True)
                    continue
                r = json.loads(out.stdout.strip().splitlines()[-1])
                runs[mode] = last[mode] = r
                if args.keep:
                    (args.keep / f"{mode}-{n}.result.json").write_text(json.dumps(r))
                agree = ""
                ref = _reference(n, runs, args.compare) if mode != "single" else None
                if ref is not None:
                    f1, same, _, _ = agreement(ref, Path(r["file"]))
                    agree = f"  {f1:.4f}, {same:.2%}" + ("" if "single" in runs else f" ({ref})")
                k = 1000 / r["n"]
                print(f"{n:>8} {mode:>7} {r['articles'] / r['total_s']:>6.0f} {r['cpu_s'] * k:>6.2f} "
                      f"{r['prepare_s'] * k:>8.2f} "
                      f"{r['cluster_s'] * k:>8.2f} {r['brief_s'] * k:>8.2f} {r['stories']:>7} "
                      f"{r['client_peak_mb']:>9.0f} {r['worker_peak_mb']:>9.0f} {r['startup_s']:>7.1f}"
                      f"{agree}",
                      flush=True)
                tenths.append((n, mode, r))
        print("\nms per article in each tenth of the stream: single 'prep_' = CPU of prepare; dask "
              "'prep_' = wall clock of prepare (workers), 'clust' = client CPU of clustering")
        for n, mode, r in tenths:
            for key in ("prep_tenths", "clust_tenths"):
                if r.get(key):
                    print(f"{n:>8} {mode:>7} {key[:5]:>5} " + " ".join(f"{v:6.2f}" for v in r[key]))


if __name__ == "__main__":
    main()
