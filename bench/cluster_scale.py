"""Scaling run of the story clusterer over a synthetic stream built from IndoSum.

The IndoSum dev articles (3,463 unique) are prepared once with the real pipeline; a stream of N
articles cycles over them, each copy re-dated across months (copy k of an article is moved
``k * 37`` days later, spread inside a day range of 2016-08..) and lightly perturbed (one
sentence dropped at random, seeded), with id ``<id>#<k>``.  For each size the run prints:

* **features/s**: :func:`warta.stories.features.extract` (stemming with PySastrawi, cached);
* **assign/s**: :meth:`Clusterer.add` on the precomputed features (index, dedup, scoring, and
  the topic level: linking each new story into a topic);
* stories, the most hot stories at any time, and the process's peak RSS (each size runs in a fresh child
  process, so the peak is that size's own).

Bounded: ``--budget SECONDS`` per size; a size that would exceed it is not run, and the line says
so with an extrapolation from the largest measured size, clearly labelled.

    .venv/bin/python bench/cluster_scale.py --sizes 1000 10000 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from dataclasses import replace

from _common import indosum_raw_articles
from warta.config import Config
from warta.errors import InputError
from warta.model import Article
from warta.pipeline import prepare_article
from warta.stories import Clusterer, Params
from warta.stories.features import extract

BASE = dt.date(2016, 8, 1)


def _unique_articles(limit: int) -> list[Article]:
    out: list[Article] = []
    config = Config(language="id")
    for raw in indosum_raw_articles():
        try:
            out.append(prepare_article(raw, config))
        except InputError:
            continue
        if len(out) >= limit:
            break
    return out


def _plan(base: list[Article], n: int) -> list[tuple[dt.date, str, int, int]]:
    """The stream as (date, id, base index, copy number), in publication order."""
    out = []
    for i in range(n):
        a, k = base[i % len(base)], i // len(base)
        day = (a.published or BASE) + dt.timedelta(days=37 * k)
        out.append((day, a.id if k == 0 else f"{a.id}#{k}", i % len(base), k))
    out.sort()
    return out


def _make(base: list[Article], entry: tuple[dt.date, str, int, int], rng: random.Random) -> Article:
    """One stream article, built when it is fed (so the benchmark holds no stream in memory)."""
    day, new_id, j, k = entry
    a = base[j]
    if k == 0:
        return a
    sents = list(a.sentences)
    if len(sents) > 1:
        del sents[rng.randrange(len(sents))]
    return replace(a, id=new_id, sentences=sents, published=day)


def run_one(n: int, topics: bool) -> dict[str, float]:
    t = time.perf_counter()
    base = _unique_articles(n)
    prep_s = time.perf_counter() - t
    plan = _plan(base, n)
    rng = random.Random(13)
    c = Clusterer(Params(threshold=Config().story_threshold, window_days=Config().story_window_days,
                         topics=topics))
    feat_s = assign_s = lap_s = assign_cpu = 0.0
    laps: list[float] = []
    hot_max = 0
    tenth = max(1, n // 10)
    for i, entry in enumerate(plan, 1):
        a = _make(base, entry, rng)
        t0 = time.perf_counter()
        f = extract(a)
        t1, c1 = time.perf_counter(), time.process_time()
        c.add(f)
        t2 = time.perf_counter()
        # CPU time too: wall clock on a shared machine measures the other sessions' load; the
        # tenths are CPU time for the same reason.
        cpu = time.process_time() - c1
        assign_cpu += cpu
        feat_s += t1 - t0
        assign_s += t2 - t1
        lap_s += cpu
        hot_max = max(hot_max, c.hot_stories)
        if i % tenth == 0:
            laps.append(lap_s / tenth * 1000)
            lap_s = 0.0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": n, "unique": len(base), "prepare_s": prep_s, "features_per_s": n / feat_s,
            "assign_per_s": n / assign_s, "assign_per_cpu_s": n / max(assign_cpu, 1e-9),
            "stories": len(c.stories), "hot": c.hot_stories,
            "hot_max": hot_max, "topics": len(c.topics), "peak_rss_mb": rss, "ms_per_article_by_tenth": laps,
            "assign_s": assign_s, "features_s": feat_s}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--budget", type=float, default=600.0, help="seconds allowed per size")
    ap.add_argument("--topics", action="store_true",
                    help="keep the topic level too (as `warta cluster` and `digest --topics` do; "
                         "a plain digest and the store run without it)")
    ap.add_argument("--both", action="store_true",
                    help="run each size with the topic level off, then on (side by side, same run)")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.topics)))
        return
    print(f"# {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, "
          f"topic level {'off and on' if args.both else 'on' if args.topics else 'off'}")
    print(f"{'articles':>9} {'level':>6} {'features/s':>11} {'assign/s':>9} {'CPU':>6} {'stories':>8} "
          f"{'hot max':>8} {'topics':>7} {'peak MB':>8} {'load':>5}  "
          "assign CPU ms/article per tenth of the stream")
    last: dict[bool, dict[str, float]] = {}
    for n in args.sizes:
        for topics in (False, True) if args.both else (args.topics,):
            level = "topics" if topics else "events"
            if (prev := last.get(topics)) is not None:
                per = (prev["features_s"] + prev["assign_s"]) / prev["n"]
                est = per * n + prev["prepare_s"]
                if est > args.budget:
                    print(f"{n:>9} {level:>6} not run: estimated {est:.0f} s > budget {args.budget:.0f} s; "
                          f"EXTRAPOLATED from {prev['n']:.0f}: ~{prev['features_per_s']:.0f} features/s, "
                          f"~{prev['assign_per_s']:.0f} assign/s if per-article cost stays flat")
                    continue
            child = [sys.executable, __file__, "--child", str(n)] + (["--topics"] if topics else [])
            out = subprocess.run(child, capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            laps = " ".join(f"{x:.2f}" for x in r["ms_per_article_by_tenth"])
            print(f"{n:>9} {level:>6} {r['features_per_s']:>11.0f} {r['assign_per_s']:>9.0f} "
                  f"{r['assign_per_cpu_s']:>6.0f} {r['stories']:>8} {r['hot_max']:>8} "
                  f"{r['topics'] if topics else '-':>7} {r['peak_rss_mb']:>8.0f} "
                  f"{os.getloadavg()[0]:>5.1f}  {laps}", flush=True)
            last[topics] = r


if __name__ == "__main__":
    main()
