"""Topic-level clustering quality: Warta's story -> topic linking vs agglomerative vs HDBSCAN.

The gold groups of ML-Crisis (a whole crisis), IndoTimex (months of one Kompas subject) and the
stance blogs (all posts on one figure and event) are *topics*, not events.  Same input and
systems as ``bench/cluster.py``, but:

* **warta**: :class:`warta.stories.Clusterer` as for events (its tuned story threshold and
  window), each article labelled with its story's **topic** (:mod:`warta.stories.topics`);
* **agglo** / **hdbscan**: as in ``bench/cluster.py``, agglo's distance threshold tuned for topics.

Tuning, in the same run: Warta's topic threshold and agglo's distance threshold are chosen by
grid search for the best BCubed F1 against the ``topic`` labels of the **odd-numbered ECB+
topics** (each ECB+ topic joins two similar events: a fair stand-in for a subject); every
reported number uses those values on data that was not tuned on.

    .venv/bin/python bench/cluster_topics.py     # needs: pip install -e '.[bench]'
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import platform
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from _common import DATA_DIR, indosum_raw_articles, require
from cluster import (
    Gold,
    Item,
    _distances,
    _grid,
    evaluation_sets,
    load_ecb,
    load_ml_crisis,
    prepare,
    print_rows,
    run_agglo,
    run_hdbscan,
    score_row,
    tune,
)
from warta.config import Config
from warta.model import Article
from warta.stories import Clusterer, Params, topics
from warta.stories.evaluate import bcubed
from warta.stories.features import ArticleFeatures

Prepared = tuple[list[Article], list[ArticleFeatures], Gold]
#: The merge offset of the "+ topic merges" row of the IndoSum glue check (the variant of
#: docs/benchmarks.md 7b that keeps the ECB+ tuning F1; not adopted: it loses on ML-Crisis es).
TOPIC_MERGE_OFFSET = 0.04


def run_topics(articles: Sequence[Article], feats: Sequence[ArticleFeatures], threshold: float,
               topic_window: int) -> dict[str, str]:
    """Article id -> topic id, the clusterer fed in publication order."""
    config = Config()
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published or dt.date.max, articles[i].id))
    c = Clusterer(Params(threshold=config.story_threshold, window_days=config.story_window_days,
                         topic_threshold=threshold, topic_window_days=topic_window))
    story = {feats[i].id: c.add(feats[i]).story_id for i in order}
    topic = {s.id: s.topic or s.id for s in c.stories}
    return {a: topic[s] for a, s in story.items()}


def _with_embed_threshold(e: float, arts: Sequence[Article], feats: Sequence[ArticleFeatures], t: float,
                          w: int) -> dict[str, str]:
    topics.EMBED_THRESHOLD = e
    return run_topics(arts, feats, t, w)


def load_indosum() -> list[Item]:
    """The IndoSum dev articles (a general Indonesian news stream), labelled by category."""
    path = require(DATA_DIR / "indosum_devfolds" / "indosum_dev_all_folds.jsonl", "IndoSum")
    with path.open(encoding="utf-8") as fh:
        category = {r["id"]: str(r["category"]) for r in map(json.loads, fh)}
    return [(raw, category[raw.id]) for raw in indosum_raw_articles()]


def glue_check(arts: Sequence[Article], feats: Sequence[ArticleFeatures], gold: Gold, window: int) -> None:
    """Does the topic level glue unrelated subjects?  IndoSum categories (headlines, sport,
    showbiz, tech, ...) are coarse, so a topic spanning more than two of them, and the category
    BCubed precision, flag glue; the biggest topics' most frequent names show what it joined."""
    threshold = Config().topic_threshold
    for label, merge in (("warta topic", False), ("warta topic + topic merges", True)):
        saved = topics.TOPIC_MERGE, topics.TOPIC_MERGE_OFFSET
        topics.TOPIC_MERGE, topics.TOPIC_MERGE_OFFSET = merge, TOPIC_MERGE_OFFSET
        try:
            pred = run_topics(arts, feats, threshold, window)
        finally:
            topics.TOPIC_MERGE, topics.TOPIC_MERGE_OFFSET = saved
        members: dict[str, list[str]] = {}
        for a, t in pred.items():
            members.setdefault(t, []).append(a)
        cats = {t: Counter(gold[a] for a in m) for t, m in members.items()}
        multi = [c for c in cats.values() if sum(c.values()) >= 2]
        names = {f.id: f.fields["names"] for f in feats}
        print(f"{label}: {len(members)} topics, {len(multi)} with >= 2 articles, "
              f"{sum(len(c) > 2 for c in multi)} spanning > 2 categories, category BCubed precision "
              f"{bcubed(pred, gold).precision:.3f}; biggest topics:")
        for t, m in sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:4]:
            top = Counter(n for a in m for n in set(names[a])).most_common(6)
            print(f"  {len(m):>4} articles {dict(cats[t].most_common(3))}: " + ", ".join(n for n, _ in top))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topic-window-days", type=int, default=Config().topic_window_days)
    ap.add_argument("--embed", action="store_true", help="add multilingual embeddings (embed extra)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--indosum", action="store_true",
                    help="only the glue check on the IndoSum general-news stream (topic threshold from "
                         "Config; with and without topic-to-topic merges)")
    ap.add_argument("--cache", type=Path, metavar="FILE",
                    help="keep the prepared sets in this pickle (made on the first run; the pipeline "
                         "is the slow part, and the clusterer is what changes between runs)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    print(f"# {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}", file=sys.stderr)
    w = args.topic_window_days

    cache: dict[str, Prepared] = {}
    if args.cache and args.cache.exists():
        with args.cache.open("rb") as fh:
            cache = pickle.load(fh)

    def prepared(name: str, load: Callable[[], list[Item]]) -> Prepared:
        key = f"{name}|embed={args.embed}"
        if key in cache:
            return cache[key]
        if name.startswith("ML-Crisis ") and "+" in name:
            # Articles are prepared one by one: a language mix is its languages' preparations
            # concatenated in load_ml_crisis's order (each language prepared once).
            parts = [prepared(f"ML-Crisis {lang}", lambda lang=lang: load_ml_crisis([lang]))
                     for lang in name.removeprefix("ML-Crisis ").split("+")]
            gold = {k: v for p in parts for k, v in p[2].items()}
            cache[key] = ([a for p in parts for a in p[0]], [f for p in parts for f in p[1]], gold)
            return cache[key]
        cache[key] = prepare(load(), undated=name.startswith("ECB+"), embed=args.embed)
        if args.cache:  # saved after every set: an interrupted run keeps what it prepared
            with args.cache.open("wb") as fh:
                pickle.dump(cache, fh)
        return cache[key]

    if args.indosum:
        arts, feats, gold = prepared("IndoSum", load_indosum)
        glue_check(arts, feats, gold, w)
        print(f"# total {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        return

    arts, feats, gold = prepared("ECB+ tuning topics (odd)", lambda: load_ecb(parity=1, label="topic"))
    dist = _distances(feats)
    w_t = tune("warta topic", lambda t: run_topics(arts, feats, t, w), gold, _grid(0.04, 0.60, 0.02))
    a_t = tune("agglo", lambda t: run_agglo(feats, t, dist), gold, _grid(0.30, 0.98, 0.02))
    if args.embed:
        # The cross-language embedding threshold, tuned the same way with the embedding score
        # used on every pair (ECB+ is English only).
        topics.EMBED_ALWAYS = True
        topics.EMBED_THRESHOLD = tune(
            "warta embedding", lambda e: _with_embed_threshold(e, arts, feats, w_t, w), gold,
            _grid(0.84, 0.94, 0.01))
        topics.EMBED_ALWAYS = False

    sets = evaluation_sets("ECB+ held-out topics (even)", "topic")
    # ML-Crisis es is the second tuning set of the topic-level parameters (link mode, member k,
    # re-check sizes; docs/benchmarks.md 7b): fr and it, alone and together, are held out.
    sets.insert(5, ("ML-Crisis fr+it", lambda: load_ml_crisis(["fr", "it"])))
    rows = []
    for name, load in sets:
        arts, feats, gold = prepared(name, load)
        dist = _distances(feats)
        preds: dict[str, dict[str, str]] = {"warta topic": run_topics(arts, feats, w_t, w)}
        preds["agglo"] = run_agglo(feats, a_t, dist)
        preds["hdbscan"] = run_hdbscan(feats, dist)
        for system, pred in preds.items():
            rows.append(score_row(name, system, pred, gold))
    if args.json:
        print(json.dumps({"warta_topic_threshold": w_t, "embed_threshold": topics.EMBED_THRESHOLD,
                          "agglo_threshold": a_t, "rows": rows}, indent=1))
        return
    print(f"warta topic threshold {w_t}, embedding threshold {topics.EMBED_THRESHOLD}, "
          f"agglo distance threshold {a_t} (tuned on odd ECB+ topic "
          f"labels); topic window {w} days; embeddings {'on' if args.embed else 'off'}")
    print_rows(rows)
    print(f"# total {time.perf_counter() - t0:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
