"""Scaling run of the story clusterer over a synthetic stream built from IndoSum.

The IndoSum dev articles (3,463 unique) are prepared once with the real pipeline; a stream of N
articles cycles over them, each copy re-dated across months (copy k of an article is moved
``k * 37`` days later, spread inside a day range of 2016-08..) and lightly perturbed (one
sentence dropped at random, seeded), with id ``<id>#<k>``.  For each size the run prints:

* **features/s**: :func:`warta.stories.features.extract` (stemming with PySastrawi, cached);
* **assign/s**: :meth:`Clusterer.add` on the precomputed features (index, dedup, scoring);
* hot stories at the end, stories, and the process's peak RSS (each size runs in a fresh child
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

from _common import DATA_DIR, require
from warta.config import Config
from warta.errors import InputError
from warta.model import Article, RawArticle
from warta.pipeline import prepare_article
from warta.stories import Clusterer, Params
from warta.stories.features import extract

BASE = dt.date(2016, 8, 1)


def _unique_articles(limit: int) -> list[Article]:
    path = require(DATA_DIR / "indosum_devfolds" / "indosum_dev_all_folds.jsonl", "IndoSum")
    seen: set[str] = set()
    out: list[Article] = []
    config = Config(language="id")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in seen:
                continue
            seen.add(r["id"])
            text = "\n\n".join(" ".join(p) for p in r["paragraphs"])
            day = dt.date.fromisoformat(r["date_utc_from_id"][:10])
            raw = RawArticle(id=r["id"], text=text, format="jsonl", language="id", published=day,
                             source=r.get("source"))
            try:
                out.append(prepare_article(raw, config))
            except InputError:
                continue
            if len(out) >= limit:
                break
    return out


def _stream(base: list[Article], n: int) -> list[Article]:
    rng = random.Random(13)
    out = []
    for i in range(n):
        a = base[i % len(base)]
        k = i // len(base)
        if k == 0:
            out.append(a)
            continue
        sents = list(a.sentences)
        if len(sents) > 1:
            del sents[rng.randrange(len(sents))]
        day = (a.published or BASE) + dt.timedelta(days=37 * k)
        out.append(replace(a, id=f"{a.id}#{k}", sentences=sents, published=day))
    return out


def run_one(n: int) -> dict[str, float]:
    t = time.perf_counter()
    base = _unique_articles(n)
    prep_s = time.perf_counter() - t
    stream = _stream(base, n)
    stream.sort(key=lambda a: (a.published or dt.date.max, a.id))
    t = time.perf_counter()
    feats = [extract(a) for a in stream]
    feat_s = time.perf_counter() - t
    c = Clusterer(Params(threshold=Config().story_threshold, window_days=Config().story_window_days))
    t = time.perf_counter()
    lap = t
    laps: list[float] = []
    for i, f in enumerate(feats, 1):
        c.add(f)
        if i % max(1, n // 10) == 0:
            now = time.perf_counter()
            laps.append((now - lap) / max(1, n // 10) * 1000)
            lap = now
    assign_s = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": n, "unique": len(base), "prepare_s": prep_s, "features_per_s": n / feat_s,
            "assign_per_s": n / assign_s, "stories": len(c.stories), "hot": c.hot_stories,
            "peak_rss_mb": rss, "ms_per_article_by_tenth": laps, "assign_s": assign_s, "features_s": feat_s}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--budget", type=float, default=600.0, help="seconds allowed per size")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child)))
        return
    print(f"# {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    print(f"{'articles':>9} {'features/s':>11} {'assign/s':>9} {'stories':>8} {'hot':>6} {'peak MB':>8}  "
          "assign ms/article per tenth of the stream")
    last: dict[str, float] | None = None
    for n in args.sizes:
        if last is not None:
            per = (last["features_s"] + last["assign_s"]) / last["n"]
            est = per * n + last["prepare_s"]
            if est > args.budget:
                print(f"{n:>9} not run: estimated {est:.0f} s > budget {args.budget:.0f} s; "
                      f"EXTRAPOLATED from {last['n']:.0f}: ~{last['features_per_s']:.0f} features/s, "
                      f"~{last['assign_per_s']:.0f} assign/s if per-article cost stays flat")
                continue
        out = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True, text=True,
                             check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        laps = " ".join(f"{x:.2f}" for x in r["ms_per_article_by_tenth"])
        print(f"{n:>9} {r['features_per_s']:>11.0f} {r['assign_per_s']:>9.0f} {r['stories']:>8} "
              f"{r['hot']:>6} {r['peak_rss_mb']:>8.0f}  {laps}", flush=True)
        last = r


if __name__ == "__main__":
    main()
