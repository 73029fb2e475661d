"""HTML boilerplate-removal quality: Warta's pipeline vs trafilatura on the Scrapinghub benchmark.

Data: ``../shared/data/article_extraction_benchmark_scrapinghub`` (relative to the repository
root): 181 English news pages (``html/<id>.html.gz``) and ``ground-truth.json`` (id ->
``articleBody``).  The score is the benchmark's own (its ``evaluate.py``, reproduced here):

* text is tokenised with the regex ``\\w+`` (case kept), and compared as 4-token shingles; per
  page, TP/FP/FN are the shingle-count overlaps, normalised to sum to 1;
* precision is averaged over the pages with TP+FP > 0 (an empty output has no precision and is
  left out of that mean), recall over the pages with TP+FN > 0 (an empty output scores 0);
* F1 = 2PR/(P+R) of those two means (not the mean of per-page F1s);
* accuracy = share of pages whose token sequence equals the truth exactly;
* "±" is the bootstrap standard deviation (1,000 resamples, fixed seed).

In the same run, for every page, it computes

1. trafilatura: ``trafilatura.extract(html, include_comments=False)``, exactly as the benchmark's
   ``extractors/run_trafilatura.py`` does for the published figure (F1 0.958 for 2.0.0); the plain
   ``trafilatura.extract(html)`` (defaults, comments kept) is shown as a second row;
2. Warta: the page is written to ``<tmp>/<id>.html``, read with ``warta.ingest.read_inputs`` and
   ``warta.pipeline.prepare_article`` (default ``Config``), and the cleaned ``Article.body`` is
   scored.  A page Warta skips scores as empty output.  The text ingest handed to the cleaner
   (``RawArticle.text``) is scored too, to tell extraction losses from cleaning losses.

It prints both scores, their difference, per-page wins/losses, the pages where Warta loses most,
and for those the removed lines (``Article.removed``) that are article text, with their reasons.

Run from the repository root::

    .venv/bin/python bench/html_extract.py
    .venv/bin/python bench/html_extract.py --json
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from warta.model import RemovedLine

from _common import DATA_DIR, machine  # first: it moves HOME and caches to a temp folder

BENCH_DIR = DATA_DIR / "article_extraction_benchmark_scrapinghub"
#: Published F1 of trafilatura 2.0.0 on this benchmark (its README).
PUBLISHED_TRAFILATURA_F1 = 0.958
#: Per-page F1 differences smaller than this count as ties.
TIE = 0.01

# --- the benchmark's metric (scrapinghub/article-extraction-benchmark, evaluate.py) -----------

_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)

TpFpFn = tuple[float, float, float]


def tokenize(text: str | None) -> list[str]:
    """The benchmark's tokens: ``\\w+`` runs, case kept."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    """Counts of the n-token shingles of ``text`` (one shorter shingle when it has < n tokens)."""
    tokens = tokenize(text)
    out: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(tokens) - n + 1)):
        shingle = tuple(tokens[i : i + n])
        if shingle:
            out[shingle] += 1
    return out


def shingle_matching(true: str | None, pred: str | None) -> TpFpFn:
    """Normalised TP/FP/FN of the predicted shingles against the true ones."""
    ts, ps = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in set(ts) | set(ps):
        t, p = ts.get(key, 0), ps.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    s = tp + fp + fn
    if s > 0:
        return tp / s, fp / s, fn / s
    return tp, fp, fn


def precision_score(tp: float, fp: float, fn: float) -> float:
    """Per-page precision as the benchmark defines it."""
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    """Per-page recall as the benchmark defines it."""
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def page_f1(m: TpFpFn) -> float:
    """Per-page F1 (for ranking pages; the headline F1 is computed from mean P and mean R)."""
    p, r = precision_score(*m), recall_score(*m)
    return 2 * p * r / (p + r) if p + r else 0.0


def aggregate(ms: list[TpFpFn]) -> dict[str, float]:
    """Mean precision, mean recall and their F1, exactly as ``evaluate.py`` does."""
    ps = [precision_score(*m) for m in ms if m[0] + m[1] > 0]
    rs = [recall_score(*m) for m in ms if m[0] + m[2] > 0]
    p = statistics.fmean(ps) if ps else 0.0
    r = statistics.fmean(rs) if rs else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(ms: list[TpFpFn], accuracies: list[float], n_bootstrap: int, seed: int = 0) -> dict[str, float]:
    """Headline metrics plus bootstrap standard deviations and the mean per-page F1."""
    out = aggregate(ms)
    out["accuracy"] = statistics.fmean(accuracies) if accuracies else 0.0
    out["mean_page_f1"] = statistics.fmean(page_f1(m) for m in ms) if ms else 0.0
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {}
    n = len(ms)
    for _ in range(n_bootstrap if n > 1 else 0):
        idx = [rng.randint(0, n - 1) for _ in range(n)]
        b = aggregate([ms[i] for i in idx])
        b["accuracy"] = statistics.fmean(accuracies[i] for i in idx)
        for key, value in b.items():
            samples.setdefault(key, []).append(value)
    for key, values in samples.items():
        out[f"{key}_std"] = statistics.stdev(values)
    return out


# --- running the systems ----------------------------------------------------------------------


@dataclass
class WartaPage:
    """What Warta's pipeline made of one page."""

    body: str = ""
    raw_text: str = ""
    skipped: str | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    articles: int = 0


def run_warta(path: Path) -> WartaPage:
    """``read_inputs([path])`` + ``prepare_article`` on the first article found."""
    from warta.config import Config
    from warta.errors import InputError
    from warta.ingest import read_inputs
    from warta.model import RawArticle, Skipped
    from warta.pipeline import prepare_article

    config = Config()
    page = WartaPage()
    first: RawArticle | None = None
    reasons: list[str] = []
    for item in read_inputs([str(path)], config):
        if isinstance(item, Skipped):
            reasons.append(f"ingest: {item.reason}")
        else:
            page.articles += 1
            if first is None:
                first = item
    if first is None:
        page.skipped = "; ".join(reasons) or "ingest yielded nothing"
        return page
    page.raw_text = first.text
    try:
        article = prepare_article(first, config)
    except InputError as exc:
        page.skipped = f"prepare: {exc}"
        return page
    except Exception as exc:
        page.skipped = f"prepare raised {type(exc).__name__}: {exc}"
        traceback.print_exc(file=sys.stderr)
        return page
    page.body = article.body
    page.removed = list(article.removed)
    return page


def body_lines_removed(
    removed: list[RemovedLine], truth: str, min_tokens: int = 4, share: float = 0.5
) -> list[tuple[RemovedLine, float]]:
    """Removed lines that are article text: at least ``share`` of their shingles are in the truth.

    Returns (line, share of its shingles found in the truth), longest lines first.
    """
    true = shingles(truth)
    out: list[tuple[RemovedLine, float]] = []
    for line in removed:
        if len(tokenize(line.text)) < min_tokens:
            continue
        sh = shingles(line.text)
        total = sum(sh.values())
        hit = sum(min(c, true.get(k, 0)) for k, c in sh.items())
        if total and hit / total >= share:
            out.append((line, hit / total))
    out.sort(key=lambda x: -len(x[0].text))
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Extract every page with both systems, score them and collect the diagnostics."""
    import trafilatura

    load_start = [round(x, 2) for x in os.getloadavg()]
    truth: dict[str, dict[str, Any]] = json.loads(
        (BENCH_DIR / "ground-truth.json").read_text(encoding="utf-8")
    )
    ids = sorted(truth)
    if args.limit:
        ids = ids[: args.limit]
    htmls: dict[str, str] = {}
    for pid in ids:
        with gzip.open(BENCH_DIR / "html" / f"{pid}.html.gz", "rt", encoding="utf-8") as fh:
            htmls[pid] = fh.read()

    tmp = Path(tempfile.mkdtemp(prefix="warta-bench-html-"))
    try:
        paths = {}
        for pid in ids:
            paths[pid] = tmp / f"{pid}.html"
            paths[pid].write_text(htmls[pid], encoding="utf-8")

        # warm both systems up on one page so one-off loading is not timed
        trafilatura.extract(htmls[ids[0]], include_comments=False)
        run_warta(paths[ids[0]])

        traf: dict[str, str] = {}
        t0 = time.perf_counter()
        for pid in ids:
            traf[pid] = trafilatura.extract(htmls[pid], include_comments=False) or ""
        traf_s = time.perf_counter() - t0

        traf_default: dict[str, str] = {}
        t0 = time.perf_counter()
        for pid in ids:
            traf_default[pid] = trafilatura.extract(htmls[pid]) or ""
        traf_default_s = time.perf_counter() - t0

        warta: dict[str, WartaPage] = {}
        t0 = time.perf_counter()
        for pid in ids:
            warta[pid] = run_warta(paths[pid])
        warta_s = time.perf_counter() - t0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    def evaluate(outputs: dict[str, str]) -> tuple[dict[str, float], list[TpFpFn]]:
        ms, accs = [], []
        for pid in ids:
            true = truth[pid].get("articleBody", "")
            ms.append(shingle_matching(true, outputs[pid]))
            accs.append(float(tokenize(true) == tokenize(outputs[pid])))
        return score(ms, accs, args.bootstrap), ms

    traf_score, traf_ms = evaluate(traf)
    traf_default_score, _ = evaluate(traf_default)
    warta_score, warta_ms = evaluate({pid: warta[pid].body for pid in ids})
    raw_score, raw_ms = evaluate({pid: warta[pid].raw_text for pid in ids})

    pages: list[dict[str, Any]] = []
    for i, pid in enumerate(ids):
        wf, tf, rf = page_f1(warta_ms[i]), page_f1(traf_ms[i]), page_f1(raw_ms[i])
        pages.append(
            {
                "id": pid,
                "url": truth[pid].get("url"),
                "f1_warta": wf,
                "f1_trafilatura": tf,
                "f1_warta_ingest_text": rf,
                "delta": wf - tf,
                "skipped": warta[pid].skipped,
                "articles_from_page": warta[pid].articles,
            }
        )
    # Cleaning judged against its own input (the text ingest produced), over every page.
    clean_better = sum(1 for p in pages if p["f1_warta"] - p["f1_warta_ingest_text"] >= TIE)
    clean_worse = sum(1 for p in pages if p["f1_warta"] - p["f1_warta_ingest_text"] <= -TIE)
    # Removed lines that are really article text (most of their shingles are in the truth), by
    # reason: the cleaner's over-removal, with one example each.
    by_reason: dict[str, dict[str, Any]] = {}
    for pid in ids:
        page = warta[pid]
        body_ids = {id(r) for r, _ in body_lines_removed(page.removed, truth[pid].get("articleBody", ""))}
        for r in page.removed:
            entry = by_reason.setdefault(r.reason, {"removed": 0, "body_text": 0, "pages": 0, "examples": []})
            entry["removed"] += 1
            if id(r) in body_ids:
                entry["body_text"] += 1
                if len(entry["examples"]) < 3:
                    entry["examples"].append({"id": pid, "text": r.text})
        for reason in {r.reason for r in page.removed if id(r) in body_ids}:
            by_reason[reason]["pages"] += 1
    over_removal = sorted(by_reason.items(), key=lambda kv: (-kv[1]["body_text"], -kv[1]["removed"]))
    wins = sum(1 for p in pages if p["delta"] >= TIE)
    losses = sum(1 for p in pages if p["delta"] <= -TIE)
    worst = sorted(pages, key=lambda p: p["delta"])[: args.worst]
    for p in worst:
        if p["delta"] >= 0:
            break
        page = warta[p["id"]]
        true = truth[p["id"]].get("articleBody", "")
        over = body_lines_removed(page.removed, true)
        p["removed_total"] = len(page.removed)
        p["removed_reasons"] = Counter(r.reason for r in page.removed).most_common()
        p["body_text_removed"] = [
            {"line": r.line, "reason": r.reason, "in_truth": round(s, 2), "text": r.text} for r, s in over
        ]
        # Where the loss comes from: the cleaner took body text out, ingest's extraction already
        # missed it, or extra non-body text was kept (compared with trafilatura on the same page).
        i = ids.index(p["id"])
        wp, wr = precision_score(*warta_ms[i]), recall_score(*warta_ms[i])
        ip, ir = precision_score(*raw_ms[i]), recall_score(*raw_ms[i])
        tp_, tr_ = precision_score(*traf_ms[i]), recall_score(*traf_ms[i])
        p.update(
            precision_warta=wp,
            recall_warta=wr,
            precision_ingest=ip,
            recall_ingest=ir,
            precision_trafilatura=tp_,
            recall_trafilatura=tr_,
        )
        causes: list[str] = []
        if page.skipped:
            causes.append(f"skipped ({_clip(page.skipped, 60)})")
        else:
            if ir - wr > 0.05:
                causes.append(f"cleaning removed body text (recall {ir:.2f}->{wr:.2f})")
            if ir < tr_ - 0.05:
                causes.append(f"ingest text misses body text (recall {ir:.2f} vs {tr_:.2f})")
            if wp < tp_ - 0.05:
                causes.append(f"non-body text kept (precision {wp:.2f}, ingest {ip:.2f})")
        p["cause"] = "; ".join(causes) or "small differences"

    try:
        import warta as _w

        warta_version = _w.__version__
    except Exception:
        warta_version = "?"
    n = len(ids)
    skipped_reasons = Counter((warta[pid].skipped or "").split(":")[0] for pid in ids if warta[pid].skipped)
    return {
        "benchmark": "html_extract",
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "machine": machine(load_start),
        "data": f"../shared/data/{BENCH_DIR.relative_to(DATA_DIR)}",
        "pages": n,
        "trafilatura_version": trafilatura.__version__,
        "warta_version": warta_version,
        "published_trafilatura_2_0_0_f1": PUBLISHED_TRAFILATURA_F1,
        "trafilatura": {**traf_score, "seconds": traf_s, "pages_per_s": n / traf_s},
        "trafilatura_defaults": {
            **traf_default_score,
            "seconds": traf_default_s,
            "pages_per_s": n / traf_default_s,
        },
        "warta": {**warta_score, "seconds": warta_s, "pages_per_s": n / warta_s},
        "warta_ingest_text": raw_score,
        "f1_difference": warta_score["f1"] - traf_score["f1"],
        "tie_threshold": TIE,
        "wins": wins,
        "losses": losses,
        "ties": n - wins - losses,
        "warta_skipped_pages": sum(1 for pid in ids if warta[pid].skipped),
        "warta_skip_reasons": skipped_reasons.most_common(),
        "warta_removed_reasons": Counter(r.reason for pid in ids for r in warta[pid].removed).most_common(15),
        "cleaning_vs_ingest_text": {"better": clean_better, "worse": clean_worse},
        "removed_by_reason": dict(over_removal),
        "worst": worst,
    }



def _clip(text: str, width: int) -> str:
    """One line of at most ``width`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(r: dict[str, Any], show_removed: int) -> None:
    """The compact human-readable report."""
    m = r["machine"]
    print(f"Warta HTML extraction benchmark  {r['date']}")
    load = ", ".join(f"{x:.2f}" for x in m["load_average_at_start"])
    print(f"machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, load average at start {load}")
    print(
        f"data: {r['data']} ({r['pages']} pages); metric: the benchmark's evaluate.py "
        "(4-token shingles, P/R averaged over pages, F1 of the means)"
    )
    print()
    print(
        f"{'system':<40} {'F1':>13} {'precision':>9} {'recall':>7} {'accuracy':>8} "
        f"{'page F1':>7} {'pages/s':>8}"
    )

    def row(name: str, s: dict[str, Any]) -> None:
        rate = f"{s['pages_per_s']:>8.1f}" if "pages_per_s" in s else f"{'-':>8}"
        f1 = f"{s['f1']:.3f} ± {s.get('f1_std', 0.0):.3f}"
        print(
            f"{name:<40} {f1:>13} {s['precision']:>9.3f} {s['recall']:>7.3f} "
            f"{s['accuracy']:>8.3f} {s['mean_page_f1']:>7.3f} {rate}"
        )

    row(f"trafilatura {r['trafilatura_version']} (published settings)", r["trafilatura"])
    row(f"trafilatura {r['trafilatura_version']} (defaults)", r["trafilatura_defaults"])
    row(f"warta {r['warta_version']} (cleaned Article.body)", r["warta"])
    row("  warta ingest text (before cleaning)", r["warta_ingest_text"])
    print(f"published: trafilatura 2.0.0 F1 {r['published_trafilatura_2_0_0_f1']:.3f}")
    print("'page F1' = mean of per-page F1 (skipped pages count 0), not the benchmark's metric")
    print()
    diff = r["f1_difference"]
    verdict = "OK (not lower)" if diff >= 0 else f"LOWER by {-diff:.3f}"
    print(f"warta - trafilatura F1: {diff:+.3f}  -> {verdict}")
    print(
        f"per page (|ΔF1| < {r['tie_threshold']} is a tie): warta wins {r['wins']}, "
        f"loses {r['losses']}, ties {r['ties']}; warta skipped {r['warta_skipped_pages']} pages"
    )
    for reason, n in r["warta_skip_reasons"]:
        print(f"  skipped {n:>4}  {reason}")
    if r["warta_removed_reasons"]:
        reasons = ", ".join(f"{k} {v}" for k, v in r["warta_removed_reasons"])
        print(f"removed-line reasons over all pages: {reasons}")
    print()
    cv = r["cleaning_vs_ingest_text"]
    print(
        f"cleaning vs its own input (ingest text), per page: better {cv['better']}, "
        f"worse {cv['worse']}, ties {r['pages'] - cv['better'] - cv['worse']}"
    )
    flagged = [(k, v) for k, v in r["removed_by_reason"].items() if v["body_text"]]
    if flagged:
        print("removed lines that are article text (>= 50% of their shingles in the truth), by reason:")
        for reason, v in flagged:
            example = _clip(v["examples"][0]["text"], 70) if v["examples"] else ""
            print(
                f"  {reason:<18} {v['body_text']:>3} of {v['removed']:>3} removed lines "
                f"({v['pages']} pages)  e.g. {example}"
            )
    print()
    print(f"pages where warta loses most (of {r['pages']}):")
    print(f"{'id':<64} {'F1 warta':>8} {'F1 traf':>8} {'ingest':>7}  cause")
    for p in r["worst"]:
        if p["delta"] >= 0:
            break
        print(
            f"{p['id']:<64} {p['f1_warta']:>8.3f} {p['f1_trafilatura']:>8.3f} "
            f"{p['f1_warta_ingest_text']:>7.3f}  {p.get('cause', '')}"
        )
        for item in p.get("body_text_removed", [])[:show_removed]:
            print(f"    removed body text [{item['reason']}]: {_clip(item['text'], 100)}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument("--worst", type=int, default=10, help="how many losing pages to list")
    parser.add_argument(
        "--show-removed", type=int, default=3, help="removed body lines shown per losing page"
    )
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    parser.add_argument("--check", action="store_true", help="exit 1 when Warta's F1 is below trafilatura's")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be >= 1")
    if not (BENCH_DIR / "ground-truth.json").is_file():
        sys.exit(
            f"bench/html_extract.py: benchmark data not found: {BENCH_DIR}\n"
            "It lives in ../shared/data beside the repository (dev and CI machines only)."
        )
    result = run(args)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print_table(result, args.show_removed)
    if args.check and result["f1_difference"] < 0:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
