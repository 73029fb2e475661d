"""Event clustering quality: Warta's clusterer vs TF-IDF + agglomerative vs HDBSCAN, side by side.

Data (``../shared/data``): ECB+ (English, gold event clusters, no dates), ML-Crisis (es/fr/it,
4 crises, dated), IndoTimex (Indonesian, 2 stories, dated), id_stance_blog_events (Indonesian
blog posts, 5 (figure, event) groups, undated).  Every article goes through the real pipeline
(``prepare_article``: clean, sentences) with its language given, then:

* **warta**: :class:`warta.stories.Clusterer` (publication order, time term on dated sets);
* **agglo**: scikit-learn ``AgglomerativeClustering`` (cosine, average linkage, one global
  ``distance_threshold``) on sublinear TF-IDF vectors of title + body stems (same terms as Warta);
* **hdbscan**: scikit-learn ``HDBSCAN`` (min_cluster_size=2, cosine distances) on those vectors;
  noise points count as singletons.

Tuning, in the same run: Warta's join threshold and agglo's distance threshold are chosen by grid
search for the best BCubed F1 on the **odd-numbered ECB+ topics** only; every reported number uses
those values on data that was not tuned on (even ECB+ topics and the other sets).

    .venv/bin/python bench/cluster.py            # needs: pip install -e '.[bench]'
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _common import DATA_DIR, require
from warta.config import Config
from warta.errors import InputError
from warta.model import Article, RawArticle
from warta.pipeline import prepare_article
from warta.stories import Clusterer, Params
from warta.stories.evaluate import bcubed
from warta.stories.features import ArticleFeatures, extract

Gold = dict[str, str]
Item = tuple[RawArticle, str]


def _jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluation_sets(ecb_name: str, ecb_label: str) -> list[tuple[str, Callable[[], list[Item]]]]:
    """The reported sets, each loaded on demand: the held-out ECB+ half with gold ``ecb_label``,
    ML-Crisis (all three languages, then each), IndoTimex and the stance blogs."""
    return [
        (ecb_name, lambda: load_ecb(parity=0, label=ecb_label)),
        ("ML-Crisis es+fr+it", lambda: load_ml_crisis(["es", "fr", "it"])),
        ("ML-Crisis es", lambda: load_ml_crisis(["es"])),
        ("ML-Crisis fr", lambda: load_ml_crisis(["fr"])),
        ("ML-Crisis it", lambda: load_ml_crisis(["it"])),
        ("IndoTimex", load_indotimex),
        ("id_stance_blog_events", load_stance),
    ]


def load_ecb(parity: int, label: str = "gold_event_cluster") -> list[Item]:
    """ECB+ documents of topics with ``topic % 2 == parity`` (1: tuning half, 0: held-out), gold
    ``label``: ``gold_event_cluster`` (events) or ``topic`` (two similar events: topic level)."""
    rows = _jsonl(require(DATA_DIR / "ecbplus_event_clusters" / "ecbplus_docs.jsonl", "ECB+"))
    out = []
    for r in rows:
        if int(str(r["topic"])) % 2 != parity:
            continue
        raw = RawArticle(id=str(r["doc_name"]), text=str(r["text"]), format="jsonl", language="en")
        out.append((raw, str(r[label])))
    return out


def _date(value: str) -> dt.date:
    y, m, d = (int(x) for x in value[:10].split("-"))
    return dt.date(y, m, d)


def load_ml_crisis(langs: Sequence[str]) -> list[Item]:
    out = []
    for lang in langs:
        rows = _jsonl(require(DATA_DIR / "ml_crisis_tls" / f"docs_{lang}.jsonl", "ML-Crisis"))
        for n, r in enumerate(rows):
            # doc_id repeats across crises; the line number is unique and says nothing of the gold.
            raw = RawArticle(id=f"{lang}:{n:04d}", text=str(r["text"]), format="jsonl", language=lang,
                             published=dt.date.fromisoformat(str(r["pub_date"])[:10]))
            out.append((raw, str(r["topic"])))
    return out


def load_indotimex() -> list[Item]:
    out = []
    for r in _jsonl(require(DATA_DIR / "indotimex_kompas" / "indotimex_kompas.jsonl", "IndoTimex")):
        raw = RawArticle(id=str(r["doc_id"]), text=str(r["text"]), format="jsonl", language="id",
                         title=str(r.get("title") or "") or None,
                         published=_date(str(r["dct"])))
        out.append((raw, str(r["kompas_topic_collection"])))
    return out


def load_stance() -> list[Item]:
    out = []
    for r in _jsonl(require(DATA_DIR / "id_stance_blog_events" / "id_stance_2018.jsonl", "stance blogs")):
        paragraphs = r["paragraphs"]
        assert isinstance(paragraphs, list)
        raw = RawArticle(id=str(r["id"]), text="\n\n".join(str(p) for p in paragraphs), format="jsonl",
                         language="id", title=str(r.get("title") or "") or None)
        out.append((raw, f"{r['target']}|{r['event']}"))
    return out


def prepare(
    items: Sequence[Item], undated: bool = False, embed: bool = False
) -> tuple[list[Article], list[ArticleFeatures], Gold]:
    """Run the pipeline; ``undated`` drops dates the cleaner found in the text (ECB+: time off);
    ``embed`` adds multilingual embeddings to the features (``embed`` extra)."""
    config = Config()
    articles, gold = [], {}
    for raw, label in items:
        try:
            article = prepare_article(raw, config)
        except InputError:
            continue
        if undated:
            article.published = None
        articles.append(article)
        gold[raw.id] = label
    return articles, [extract(a, embed=embed) for a in articles], gold


# -- systems ---------------------------------------------------------------------------------

def run_warta(articles: Sequence[Article], feats: Sequence[ArticleFeatures], threshold: float,
              window_days: int) -> dict[str, str]:
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published or dt.date.max, articles[i].id))
    c = Clusterer(Params(threshold=threshold, window_days=window_days))
    return {feats[i].id: c.add(feats[i]).story_id for i in order}


def _distances(feats: Sequence[ArticleFeatures]):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    docs = [list((f.fields["title"] + f.fields["body"]).elements()) for f in feats]
    m = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True).fit_transform(docs)
    return cosine_distances(m)


def run_agglo(feats: Sequence[ArticleFeatures], threshold: float, dist=None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from sklearn.cluster import AgglomerativeClustering

    if len(feats) < 2:
        return {f.id: "0" for f in feats}
    d = _distances(feats) if dist is None else dist
    labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                     distance_threshold=threshold).fit_predict(d)
    return {f.id: str(lab) for f, lab in zip(feats, labels, strict=True)}


def run_hdbscan(feats: Sequence[ArticleFeatures], dist=None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from sklearn.cluster import HDBSCAN

    d = _distances(feats) if dist is None else dist
    labels = HDBSCAN(min_cluster_size=2, metric="precomputed", copy=True).fit_predict(d)
    return {f.id: (str(lab) if lab >= 0 else f"noise:{f.id}") for f, lab in zip(feats, labels, strict=True)}


def ari(pred: dict[str, str], gold: Gold) -> float:
    from sklearn.metrics import adjusted_rand_score

    ids = sorted(gold)
    return float(adjusted_rand_score([gold[i] for i in ids], [pred[i] for i in ids]))


def _grid(lo: float, hi: float, step: float) -> list[float]:
    n = round((hi - lo) / step)
    return [round(lo + k * step, 4) for k in range(n + 1)]


def tune(name: str, run: Callable[[float], dict[str, str]], gold: Gold, grid: list[float]) -> float:
    """The grid value with the best BCubed F1 averaged with its two neighbours (a lucky spike on
    the tuning half should not decide), ties to the lower value."""
    f1 = [bcubed(run(t), gold).f1 for t in grid]
    smooth = [sum(f1[max(0, i - 1) : i + 2]) / len(f1[max(0, i - 1) : i + 2]) for i in range(len(f1))]
    i = max(range(len(grid)), key=lambda k: (smooth[k], -k))
    print(f"  tuned {name}: threshold {grid[i]} (tuning-half BCubed F1 {f1[i]:.3f}, "
          f"smoothed {smooth[i]:.3f})", file=sys.stderr)
    return grid[i]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--window-days", type=int, default=Config().story_window_days)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--both-ways", action="store_true",
                    help="ECB+ only: tune on the odd topics and report the even ones, then the "
                         "reverse, warta and agglo side by side (is 'above agglo' one noisy split?)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    print(f"# {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}", file=sys.stderr)
    if args.both_ways:
        both_ways(args.window_days, args.json)
        print(f"# total {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        return

    # Tuning: odd ECB+ topics only.
    arts, feats, gold = prepare(load_ecb(parity=1), undated=True)
    dist = _distances(feats)
    w_t = tune("warta", lambda t: run_warta(arts, feats, t, args.window_days), gold, _grid(0.10, 0.60, 0.02))
    a_t = tune("agglo", lambda t: run_agglo(feats, t, dist), gold, _grid(0.30, 0.98, 0.02))

    sets = evaluation_sets("ECB+ held-out (even topics)", "gold_event_cluster")
    rows = []
    for name, load in sets:
        arts, feats, gold = prepare(load(), undated=name.startswith("ECB+"))
        dist = _distances(feats)
        t = time.perf_counter()
        preds = {"warta": run_warta(arts, feats, w_t, args.window_days)}
        warta_s = time.perf_counter() - t
        if any(a.published for a in arts):
            preds["warta (no time)"] = run_warta(arts, feats, w_t, 10**6)
        preds["agglo"] = run_agglo(feats, a_t, dist)
        preds["hdbscan"] = run_hdbscan(feats, dist)
        for system, pred in preds.items():
            rows.append(score_row(name, system, pred, gold)
                        | {"warta_s": warta_s if system == "warta" else None})
    if args.json:
        print(json.dumps({"warta_threshold": w_t, "agglo_threshold": a_t, "rows": rows}, indent=1))
        return
    print(f"warta threshold {w_t}, agglo distance threshold {a_t} (tuned on odd ECB+ topics); "
          f"window {args.window_days} days")
    print_rows(rows)
    print(f"# total {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def both_ways(window_days: int, as_json: bool) -> None:
    """ECB+ event level tuned on each half and reported on the other, warta and agglo."""
    halves = {p: prepare(load_ecb(parity=p), undated=True) for p in (1, 0)}
    dists = {p: _distances(halves[p][1]) for p in halves}
    rows = []
    for tuned, reported in ((1, 0), (0, 1)):
        arts, feats, gold = halves[tuned]
        w_t = tune("warta", lambda t, a=arts, f=feats: run_warta(a, f, t, window_days), gold,
                   _grid(0.10, 0.60, 0.02))
        a_t = tune("agglo", lambda t, f=feats, d=dists[tuned]: run_agglo(f, t, d), gold,
                   _grid(0.30, 0.98, 0.02))
        arts, feats, gold = halves[reported]
        name = f"ECB+ {'even' if reported == 0 else 'odd'} (tuned on {'odd' if tuned else 'even'})"
        for system, thr, pred in (("warta", w_t, run_warta(arts, feats, w_t, window_days)),
                                  ("agglo", a_t, run_agglo(feats, a_t, dists[reported]))):
            rows.append(score_row(name, system, pred, gold) | {"threshold": thr})
    if as_json:
        print(json.dumps({"rows": rows}, indent=1))
        return
    print_rows(rows)
    print("thresholds: " + ", ".join(f"{r['set']} {r['system']} {r['threshold']}" for r in rows))


def score_row(name: str, system: str, pred: dict[str, str], gold: Gold) -> dict[str, object]:
    """One table row: BCubed P/R/F1 and ARI of ``pred`` against ``gold`` on set ``name``."""
    b = bcubed(pred, gold)
    return {"set": name, "system": system, "docs": len(gold), "gold": len(set(gold.values())),
            "clusters": len(set(pred.values())), "P": b.precision, "R": b.recall, "F1": b.f1,
            "ARI": ari(pred, gold)}


def print_rows(rows: Sequence[dict[str, Any]]) -> None:
    """The rows of :func:`score_row` as a plain-text table."""
    print(f"{'set':30} {'system':16} {'docs':>5} {'gold':>4} {'clus':>5} "
          f"{'P':>6} {'R':>6} {'F1':>6} {'ARI':>6}")
    for r in rows:
        print(f"{r['set']:30} {r['system']:16} {r['docs']:>5} {r['gold']:>4} {r['clusters']:>5} "
              f"{r['P']:6.3f} {r['R']:6.3f} {r['F1']:6.3f} {r['ARI']:6.3f}")


if __name__ == "__main__":
    main()
