"""Time benchmark: temporal tagging (IndoTimex) and article date inference (IndoSum), with
baselines run side by side in the same command.

1. IndoTimex (``../shared/data/indotimex_kompas``): the 25 ``test_gold`` Kompas articles with
   gold TIMEX3 (offsets into ``text``, normalized values), publication date ``dct`` as the
   reference.  Warta's tagger vs ``dateparser.search.search_dates`` (languages=["id"],
   RELATIVE_BASE=dct): recognition P/R/F1 strict (same span) and overlap (one-to-one, any
   overlap), type accuracy and normalization (value equal) over the overlap matches, and
   normalization F1 (a hit must overlap and carry the gold value).  dateparser only returns
   datetimes, so its value is compared leniently: its date cut to the gold value's length.
   ``--show-dev`` prints Warta's tags on the 50 development docs (no gold) for tuning by eye;
   ``--dev-errors REF.jsonl`` lists, on the same docs, where Warta differs from a reference
   annotation of them (boundaries, missed, extra, values).
2. IndoSum (``../shared/data/indosum_devfolds``, fold 05 = held out): the date is hidden and
   inferred from the text; exact / within one day against ``date_utc_from_id``, both as UTC and
   as local WIB (UTC+7) date.  Baseline: the latest full date the text states, found by
   dateparser.search_dates.  ``--indosum-limit`` bounds the sample (dateparser is slow).
3. ML-Crisis (``../shared/data/ml_crisis_tls``, es/fr/it, dateparser serves these languages):
   per (language, topic) a story of ``--mlcrisis-docs`` evenly spaced articles; date F1 of its
   timeline built with K dates (K = the reference timeline's date count) beside the K
   most-mentioned dates of the same articles.  Ranking tuned on egypt + libya, held out:
   syria + yemen (means printed per part).

Run from the repository root::

    .venv/bin/python bench/dates.py
    .venv/bin/python bench/dates.py --show-dev | less
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import Any

from _common import DATA_DIR, REPO, require  # first: it moves HOME and caches to a temp folder

INDOTIMEX = DATA_DIR / "indotimex_kompas" / "indotimex_kompas.jsonl"
INDOSUM = DATA_DIR / "indosum_devfolds" / "indosum_dev_all_folds.jsonl"
MLCRISIS = DATA_DIR / "ml_crisis_tls"
# Hand-made TIMEX3 gold (spans, types, values) for the 50 IndoTimex dev docs: offsets only, no
# text; how it was made is in bench/data/README.md.
DEV_GOLD = REPO / "bench" / "data" / "indotimex_dev_gold.jsonl"
# Independent hand-made TIMEX3 gold for 23 IndoSum train-fold event articles (accidents, disasters,
# crimes, courts, flights, elections), written before Warta was run on them: bench/data/README.md.
NEWS_GOLD = REPO / "bench" / "data" / "indosum_timex_dev_gold.jsonl"
# A third, blind gold aimed at values: 27 train-fold accident/disaster/search-and-rescue articles,
# many at a year or month boundary (``--news-gold`` picks it): bench/data/README.md.
NEWS_GOLD2 = REPO / "bench" / "data" / "indosum_timex_dev2_gold.jsonl"
# A fourth, blind gold of other genres: holidays and mudik, economy periods, court/KPK, sports
# schedules (``--news-gold dev3``): bench/data/README.md.
NEWS_GOLD3 = REPO / "bench" / "data" / "indosum_timex_dev3_gold.jsonl"
NEWS_GOLDS = {"dev2": NEWS_GOLD2, "dev3": NEWS_GOLD3}

Span = tuple[int, int, str, str]  # start, end, type, value
# ML-Crisis: the timeline's date ranking was tuned on these topics and is reported on the others.
TOPICS_TUNE = ("egypt", "libya")
TOPICS_HELD_OUT = ("syria", "yemen")


def _dct(value: str) -> dt.date:
    y, m, d = (int(x) for x in value.split("-"))  # some dct values are not zero-padded
    return dt.date(y, m, d)


def _rows(path: Any) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def warta_spans(text: str, dct: dt.date) -> list[Span]:
    """Warta's tags, with the sentences the pipeline and ``warta dates`` pass too."""
    from warta.annotate.dates import tag
    from warta.text import split_sentences

    return [(t.start, t.end, t.type, t.value) for t in tag(text, "id", dct, split_sentences(text, "id"))]


def dateparser_spans(text: str, dct: dt.date) -> list[Span]:
    from dateparser.search import search_dates

    base = dt.datetime(dct.year, dct.month, dct.day)
    found = search_dates(text, languages=["id"], settings={"RELATIVE_BASE": base}) or []
    out: list[Span] = []
    pos = 0
    for phrase, when in found:
        start = text.find(phrase, pos)
        if start < 0:
            continue
        pos = start + len(phrase)
        out.append((start, start + len(phrase), "DATE", when.date().isoformat()))
    return out


def _value_ok(pred: str, gold: str, lenient: bool) -> bool:
    if pred == gold:
        return True
    return lenient and bool(re.fullmatch(r"\d{4}(-\d{2}){0,2}", gold)) and pred[: len(gold)] == gold


def score(gold: Sequence[Sequence[Span]], pred: Sequence[Sequence[Span]], lenient: bool) -> dict[str, float]:
    """Strict/overlap P/R/F1, type and value accuracy over overlap matches, normalization F1."""
    n_gold = sum(len(g) for g in gold)
    n_pred = sum(len(p) for p in pred)
    strict = overlap = type_ok = value_ok = 0
    for g_doc, p_doc in zip(gold, pred, strict=True):
        used: set[int] = set()
        for gs, ge, gt, gv in g_doc:
            if any((ps, pe) == (gs, ge) for ps, pe, _, _ in p_doc):
                strict += 1
            for i, (ps, pe, pt, pv) in enumerate(p_doc):
                if i not in used and ps < ge and gs < pe:
                    used.add(i)
                    overlap += 1
                    type_ok += pt == gt
                    value_ok += _value_ok(pv, gv, lenient)
                    break

    def prf(hit: int) -> tuple[float, float, float]:
        p = hit / n_pred if n_pred else 0.0
        r = hit / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = prf(strict)
    op, orr, of = prf(overlap)
    np_, nr, nf = prf(value_ok)
    return {
        "gold": n_gold,
        "pred": n_pred,
        "strict_p": sp,
        "strict_r": sr,
        "strict_f1": sf,
        "overlap_p": op,
        "overlap_r": orr,
        "overlap_f1": of,
        "type_acc": type_ok / overlap if overlap else 0.0,
        "norm_acc": value_ok / overlap if overlap else 0.0,
        "norm_p": np_,
        "norm_r": nr,
        "norm_f1": nf,
    }


def _reference(path: Any) -> dict[str, list[Span]]:
    """A reference annotation of the dev docs: one row per doc (``doc_id``, ``timex3``: a list of
    ``start``, ``end``, ``type``, ``value``) or one row per expression (``doc_id``, ``start``,
    ``end``, ``type``[, ``value``]).  Only the docs it names are scored."""
    ref: dict[str, list[Span]] = {}
    for x in _rows(path):
        spans = ref.setdefault(x["doc_id"], [])
        for t in x.get("timex3", [x] if "start" in x else []):
            spans.append((t["start"], t["end"], t["type"], t.get("value", "")))
    return ref


def _dev_errors(rows: list[dict[str, Any]], reference: Any) -> None:
    """Dev docs against a reference (see ``_reference``; by default the hand-made dev gold): the
    score, then the differences (``_list_errors``)."""
    ref = _reference(reference)
    dev = [r for r in rows if r["split"] != "test_gold" and r["doc_id"] in ref]
    _list_errors(dev, [ref[r["doc_id"]] for r in dev])


def _list_errors(docs: list[dict[str, Any]], gold: list[list[Span]]) -> None:
    """Warta's score on ``docs`` (``doc_id``, ``text``, ``dct``), then per doc the boundary
    differences, the reference spans missed, the extra predictions and (where the reference has
    values) the value differences."""
    pred = [warta_spans(r["text"], _dct(r["dct"])) for r in docs]
    sc = score(gold, pred, lenient=False)
    print(" ".join(f"{k} {100 * v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in sc.items()))
    for r, g_doc, p_doc in zip(docs, gold, pred, strict=True):
        text = r["text"]

        def show(s: int, e: int, text: str = text) -> str:
            return repr(text[s:e])

        lines = []
        for gs, ge, gt, gv in g_doc:
            over = [p for p in p_doc if p[0] < ge and gs < p[1]]
            if not over:
                lines.append(f"  MISSED  {gt:8} {gv:22} {show(gs, ge)}  ...{show(max(0, gs - 40), gs)}")
                continue
            ps, pe, pt, pv = over[0]
            if (ps, pe) != (gs, ge):
                lines.append(f"  BOUNDS  ref {show(gs, ge)}  warta {show(ps, pe)} {pt} {pv}")
            elif gv and (pv, pt) != (gv, gt):
                lines.append(f"  VALUE   {show(gs, ge)}  ref {gt} {gv}  warta {pt} {pv}")
        for ps, pe, pt, pv in p_doc:
            if not any(ps < ge and gs < pe for gs, ge, _, _ in g_doc):
                lines.append(f"  EXTRA   {pt:8} {pv:22} {show(ps, pe)}  ...{show(max(0, ps - 40), ps)}")
        if lines:
            print(f"== {r['doc_id']} dct={r['dct']}")
            print("\n".join(lines))


def _score_docs(docs: list[dict[str, Any]], gold: list[list[Span]]) -> dict[str, Any]:
    """Warta and dateparser on the same docs against the same gold."""
    out: dict[str, Any] = {"docs": len(docs)}
    for name, fn, lenient in (("warta", warta_spans, False), ("dateparser", dateparser_spans, True)):
        t0 = time.perf_counter()
        pred = [fn(r["text"], _dct(r["dct"])) for r in docs]
        out[name] = score(gold, pred, lenient) | {"seconds": time.perf_counter() - t0}
    return out


def news_dev(errors: bool = False, gold_path: Any = NEWS_GOLD) -> dict[str, Any]:
    """An IndoSum news dev gold (``NEWS_GOLD``, ``NEWS_GOLD2`` or ``NEWS_GOLD3``): the articles as
    the bench reads them (paragraphs detokenized, title hidden), each with the gold's DCT; scored,
    or (``errors``) differences."""
    from _indosum import article_text, by_id

    ref = _rows(gold_path)
    rows = by_id(DATA_DIR, {g["doc_id"] for g in ref})
    missing = [g["doc_id"] for g in ref if g["doc_id"] not in rows]
    if missing:
        raise SystemExit(f"IndoSum rows missing for the news dev gold: {missing[:3]}")
    docs = [{"doc_id": g["doc_id"], "text": article_text(rows[g["doc_id"]]), "dct": g["dct"]} for g in ref]
    gold = [[(t["start"], t["end"], t["type"], t["value"]) for t in g["timex3"]] for g in ref]
    if errors:
        _list_errors(docs, gold)
        return {}
    return _score_docs(docs, gold)


def indotimex(show_dev: bool, dev_reference: Any = None, dev_gold: Any = None) -> dict[str, Any]:
    """Score the test docs against their gold, or (``dev_gold``) the dev docs against the
    hand-made dev gold; ``show_dev``/``dev_reference`` print tags or differences instead."""
    rows = _rows(require(INDOTIMEX, "IndoTimex"))
    if dev_reference:
        _dev_errors(rows, dev_reference)
        return {}
    if show_dev:
        for r in rows:
            if r["split"] != "test_gold":
                print(f"== {r['doc_id']} dct={r['dct']}")
                for s, e, t, v in warta_spans(r["text"], _dct(r["dct"])):
                    ctx = r["text"][max(0, s - 30) : s].replace("\n", " ").replace("\r", "")
                    print(f"  {t:8} {v:22} {r['text'][s:e]!r:40} ...{ctx}")
        return {}
    if dev_gold:
        ref = _reference(dev_gold)
        test = [r for r in rows if r["split"] != "test_gold" and r["doc_id"] in ref]
        gold = [ref[r["doc_id"]] for r in test]
    else:
        test = [r for r in rows if r["split"] == "test_gold"]
        gold = [[(g["start"], g["end"], g["type"], g["value"]) for g in r["timex3_gold"]] for r in test]
    return _score_docs(test, gold)


def _indosum_text(row: dict[str, Any]) -> str:
    paragraphs = row["paragraphs"]
    if isinstance(paragraphs, str):
        paragraphs = ast.literal_eval(paragraphs)
    return "\n".join(" ".join(p) for p in paragraphs)


def _latest_dateparser_date(text: str) -> dt.date | None:
    from dateparser.search import search_dates

    found = search_dates(text, languages=["id"]) or []
    full = [w.date() for p, w in found if re.search(r"\d{4}", p) and 2000 <= w.year <= 2030]
    return max(full) if full else None


def indosum(limit: int) -> dict[str, Any]:
    from warta.annotate.dates import infer_published
    from warta.text import split_sentences

    rows = [r for r in _rows(require(INDOSUM, "IndoSum")) if r["fold"] == "05"]
    seen: set[str] = set()
    rows = [r for r in rows if not (r["id"] in seen or seen.add(r["id"]))][:limit]  # type: ignore[func-returns-value]
    out: dict[str, Any] = {"articles": len(rows)}
    for name in ("warta", "dateparser_latest"):
        counts = {"answered": 0, "exact_utc": 0, "exact_wib": 0, "within1_utc": 0, "within1_wib": 0}
        t0 = time.perf_counter()
        for r in rows:
            utc = dt.datetime.fromisoformat(r["date_utc_from_id"].replace("Z", "+00:00"))
            wib = (utc + dt.timedelta(hours=7)).date()
            text = _indosum_text(r)
            if name == "warta":
                found = infer_published(text, "id", split_sentences(text, "id"))
                guess = found.date if found else None
            else:
                guess = _latest_dateparser_date(text)
            if guess is None:
                continue
            counts["answered"] += 1
            counts["exact_utc"] += guess == utc.date()
            counts["exact_wib"] += guess == wib
            counts["within1_utc"] += abs((guess - utc.date()).days) <= 1
            counts["within1_wib"] += abs((guess - wib).days) <= 1
        out[name] = counts | {"seconds": time.perf_counter() - t0}
    return out


def _date_f1(pred: Sequence[str], ref: set[str]) -> float:
    hit = len(set(pred) & ref)
    if not hit:
        return 0.0
    p, r = hit / len(set(pred)), hit / len(ref)
    return 2 * p * r / (p + r)


def mlcrisis(docs_per_topic: int) -> dict[str, Any]:
    """Per (language, topic): a story of ``docs_per_topic`` evenly spaced articles; date F1 of
    its timeline built with K dates (K = the reference's date count; ``rank_dates`` picks them)
    vs the K most-mentioned dates of the same tagged articles."""
    from collections import Counter

    from warta.annotate.dates import annotate_times
    from warta.brief.timeline import build_timeline
    from warta.config import Config
    from warta.model import Article, Story
    from warta.text import split_sentences

    refs: dict[tuple[str, str], set[str]] = {}
    for r in _rows(require(MLCRISIS / "reference_timelines.jsonl", "ML-Crisis")):
        tl = ast.literal_eval(r["timeline"]) if isinstance(r["timeline"], str) else r["timeline"]
        refs[(r["lang"], r["topic"])] = {e["date"][:10] for e in tl}
    config = Config()
    out: dict[str, Any] = {"docs_per_topic": docs_per_topic, "pairs": {}}
    t0 = time.perf_counter()
    for lang in ("es", "fr", "it"):
        rows = _rows(MLCRISIS / f"docs_{lang}.jsonl")
        for topic in sorted({r["topic"] for r in rows}):
            docs = sorted(
                (r for r in rows if r["topic"] == topic), key=lambda r: (r["pub_date"], r["doc_id"])
            )
            step = max(1, len(docs) // docs_per_topic)
            picked = docs[::step][:docs_per_topic]
            articles = []
            for r in picked:
                a = Article(r["doc_id"], r["text"], lang, published=_dct(r["pub_date"][:10]))
                a.sentences = split_sentences(a.body, lang)
                annotate_times(a, config)
                articles.append(a)
            ref = refs.get((lang, topic), set())
            k = len(ref)
            story = Story(topic, topic, lang, articles)
            # A timeline of K dates, as timeline summarization is evaluated (the length given).
            build_timeline(story, config, max_dates=k)
            warta_dates = sorted({e.date for e in story.timeline if len(e.date) == 10})
            mentions = Counter(
                t.value[:10] for a in articles for t in a.times if re.match(r"\d{4}-\d{2}-\d{2}", t.value)
            )
            baseline = [d for d, _ in sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0]))]
            out["pairs"][f"{lang}/{topic}"] = {
                "docs": len(picked),
                "ref_dates": k,
                "warta_f1": _date_f1(warta_dates[:k], ref),
                "most_mentioned_f1": _date_f1(baseline[:k], ref),
            }
    for part, topics in (
        ("", TOPICS_TUNE + TOPICS_HELD_OUT),
        ("tune_", TOPICS_TUNE),
        ("held_out_", TOPICS_HELD_OUT),
    ):
        pairs = [p for name, p in out["pairs"].items() if name.split("/")[1] in topics]
        out[f"{part}warta_f1"] = sum(p["warta_f1"] for p in pairs) / len(pairs)
        out[f"{part}most_mentioned_f1"] = sum(p["most_mentioned_f1"] for p in pairs) / len(pairs)
    out["seconds"] = time.perf_counter() - t0
    return out


def _machine() -> dict[str, Any]:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO, check=False
    ).stdout.strip()
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "commit": commit,
        "load_avg": os.getloadavg()[0],
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--show-dev", action="store_true", help="print tags on the IndoTimex dev docs")
    ap.add_argument(
        "--dev-errors",
        metavar="REF.jsonl",
        nargs="?",
        const=str(DEV_GOLD),
        help="list differences on the IndoTimex dev docs against a reference "
        "(default: the hand-made dev gold bench/data/indotimex_dev_gold.jsonl)",
    )
    ap.add_argument(
        "--dev",
        action="store_true",
        help="score the IndoTimex dev docs against the hand-made dev gold (Warta and dateparser), "
        "instead of the test docs; implies --skip-indosum --skip-mlcrisis",
    )
    ap.add_argument(
        "--news-dev",
        action="store_true",
        help="score the IndoSum news dev gold (bench/data/indosum_timex_dev_gold.jsonl; Warta and "
        "dateparser) instead of the IndoTimex test docs; implies --skip-indosum --skip-mlcrisis",
    )
    ap.add_argument(
        "--news-dev-errors", action="store_true", help="list Warta's differences from the news dev gold"
    )
    ap.add_argument(
        "--news-gold",
        metavar="GOLD.jsonl",
        default=str(NEWS_GOLD),
        help="the news dev gold for --news-dev/--news-dev-errors (default: "
        "bench/data/indosum_timex_dev_gold.jsonl; 'dev2' = bench/data/indosum_timex_dev2_gold.jsonl, "
        "'dev3' = bench/data/indosum_timex_dev3_gold.jsonl)",
    )
    ap.add_argument("--indosum-limit", type=int, default=300, metavar="N")
    ap.add_argument("--skip-indosum", action="store_true")
    ap.add_argument("--mlcrisis-docs", type=int, default=40, metavar="N", help="articles per topic")
    ap.add_argument("--skip-mlcrisis", action="store_true")
    ap.add_argument(
        "--skip-indotimex", action="store_true", help="do not score IndoTimex (keeps the test docs unseen)"
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.show_dev or args.dev_errors:
        indotimex(True, args.dev_errors)
        return 0
    news_gold = NEWS_GOLDS.get(args.news_gold, args.news_gold)
    if args.news_dev_errors:
        news_dev(errors=True, gold_path=news_gold)
        return 0
    if args.dev or args.news_dev:
        args.skip_indosum = args.skip_mlcrisis = True
    result: dict[str, Any] = {"machine": _machine()}
    if args.news_dev:
        result["indotimex"] = news_dev(gold_path=news_gold)
    elif not args.skip_indotimex:
        result["indotimex"] = indotimex(False, dev_gold=DEV_GOLD if args.dev else None)
    if not args.skip_indosum:
        result["indosum"] = indosum(args.indosum_limit)
    if not args.skip_mlcrisis:
        result["mlcrisis"] = mlcrisis(args.mlcrisis_docs)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(json.dumps(result["machine"]))
    if "indotimex" in result:
        it = result["indotimex"]
        part = "dev (hand-made gold)" if args.dev else "test_gold"
        part = f"IndoTimex {part}"
        part = f"IndoSum news dev gold {news_gold} (not IndoTimex)" if args.news_dev else part
        print(f"\n{part}: {it['docs']} docs, {it['warta']['gold']} gold TIMEX3")
        keys = [
            "pred",
            "strict_p",
            "strict_r",
            "strict_f1",
            "overlap_p",
            "overlap_r",
            "overlap_f1",
            "type_acc",
            "norm_acc",
            "norm_f1",
            "seconds",
        ]
        print(f"{'':12}" + "".join(f"{k:>11}" for k in keys))
        for name in ("warta", "dateparser"):
            row = it[name]
            print(
                f"{name:12}"
                + "".join(
                    f"{row[k]:>11.0f}"
                    if k == "pred"
                    else f"{row[k]:>11.2f}"
                    if k == "seconds"
                    else f"{100 * row[k]:>11.2f}"
                    for k in keys
                )
            )
    if "indosum" in result:
        s = result["indosum"]
        print(f"\nIndoSum fold 05 date inference: {s['articles']} articles (date hidden)")
        for name in ("warta", "dateparser_latest"):
            row = s[name]
            n = s["articles"] or 1
            print(
                f"{name:18} answered {row['answered'] / n:6.1%}  exact UTC {row['exact_utc'] / n:6.1%}"
                f"  exact WIB {row['exact_wib'] / n:6.1%}  ±1 day UTC {row['within1_utc'] / n:6.1%}"
                f"  ±1 day WIB {row['within1_wib'] / n:6.1%}  ({row['seconds']:.1f}s)"
            )
    if "mlcrisis" in result:
        m = result["mlcrisis"]
        print(
            f"\nML-Crisis timelines (es/fr/it x 4 topics, {m['docs_per_topic']} articles each), date F1 "
            f"at K = reference dates ({m['seconds']:.0f}s)"
        )
        for name, row in m["pairs"].items():
            print(
                f"  {name:14} docs {row['docs']:3} K {row['ref_dates']:4}  warta {100 * row['warta_f1']:6.2f}"
                f"  most-mentioned {100 * row['most_mentioned_f1']:6.2f}"
            )
        for part, label in (("tune_", "mean tune"), ("held_out_", "mean held-out"), ("", "mean all")):
            print(
                f"  {label:14} {'':16}  warta {100 * m[part + 'warta_f1']:6.2f}"
                f"  most-mentioned {100 * m[part + 'most_mentioned_f1']:6.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
