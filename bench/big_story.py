"""One very large story: time and peak memory of ``build_story`` on N IndoSum articles forced
into a single story (a big event followed by hundreds of outlets).

    .venv/bin/python bench/big_story.py --sizes 100 500 2000

Each size runs in a fresh child process; articles are prepared first (all annotators), outside
the clock.  *first s*: the first ``build_story`` (PySastrawi's word cache cold for the summary
terms); *warm s*: a second call on the same story; *peak MB*: tracemalloc's peak during the first
call (Python and numpy allocations); *RSS MB*: the child's peak RSS, prepared articles included.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc

import _common  # noqa: F401  (moves HOME to a temp dir before warta is imported)
from _common import indosum_raw_articles, machine


def run_one(n: int) -> dict[str, float]:
    from warta.brief import build_story
    from warta.config import Config
    from warta.errors import InputError
    from warta.pipeline import prepare_article

    config = Config()
    articles = []
    for raw in indosum_raw_articles(n):
        try:
            articles.append(prepare_article(raw, config))
        except InputError:
            continue
    tracemalloc.start()
    t = time.perf_counter()
    story = build_story(articles, config)
    first = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    t = time.perf_counter()
    build_story(articles, config)
    warm = time.perf_counter() - t
    return {"articles": len(articles), "sentences": sum(len(a.sentences) for a in articles),
            "first_s": first, "warm_s": warm, "peak_mb": peak / 1e6,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "summary": len(story.summary), "entities": len(story.entities),
            "timeline": len(story.timeline)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000])
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child)))
        return
    print(f"# {json.dumps(machine(list(os.getloadavg())))}")
    print(f"{'articles':>9} {'sentences':>10} {'first s':>8} {'warm s':>7} {'peak MB':>8} {'RSS MB':>7} "
          f"{'summary':>8} {'entities':>9} {'timeline':>9}")
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True,
                             text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['articles']:>9} {r['sentences']:>10} {r['first_s']:>8.1f} {r['warm_s']:>7.1f} "
              f"{r['peak_mb']:>8.0f} {r['rss_mb']:>7.0f} {r['summary']:>8} {r['entities']:>9} "
              f"{r['timeline']:>9}", flush=True)


if __name__ == "__main__":
    main()
