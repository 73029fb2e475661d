"""Throughput benchmark: ingest -> clean -> split (and, timed apart, -> brief) on IndoSum.

Reads the IndoSum dev folds from ``../shared/data/indosum_devfolds`` (relative to the repository
root), de-duplicates them by ``id`` and writes them to a temporary JSONL file, one article per
line with ``id``, ``text``, ``source`` and ``url`` (no ``published``/``language``, so language
detection runs).  In one run it then times:

a. ``warta.ingest.read_inputs`` + ``warta.pipeline.prepare_article`` over every article in a single
   process;
b. the same work split over ``--workers`` processes (a ``multiprocessing`` pool over chunk files of
   the JSONL lines);
c. ``warta.brief.build_stories`` over the articles prepared in (a).

Each stage is warmed up once (one article) before it is timed, so lazily loaded language data is
not counted; ``--repeat K`` runs every timed stage K times and keeps the best.

Run from the repository root::

    .venv/bin/python bench/ingest.py            # human table
    .venv/bin/python bench/ingest.py --json     # machine-readable
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
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
    from warta.config import Config
    from warta.model import Article

from _common import DATA_DIR, machine  # first: it moves HOME and caches to a temp folder

INDOSUM = DATA_DIR / "indosum_devfolds" / "indosum_dev_all_folds.jsonl"
#: The stated target for ingest + clean + split on 2 cores.
TARGET_ARTICLES_PER_S = 500.0


@dataclass
class StageResult:
    """Counts from one pass of ingest + prepare over some input files."""

    articles: int = 0
    sentences: list[int] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    first_traceback: str | None = None

    def merge(self, other: StageResult) -> None:
        """Add another result's counts to this one."""
        self.articles += other.articles
        self.sentences.extend(other.sentences)
        self.skipped.update(other.skipped)
        self.errors.update(other.errors)
        self.languages.update(other.languages)
        if self.first_traceback is None:
            self.first_traceback = other.first_traceback


def _short_reason(reason: str) -> str:
    """A skip reason with the variable part cut off, so equal causes are counted together."""
    reason = reason.strip().splitlines()[0] if reason.strip() else "(no reason)"
    for sep in (": ", " '", ' "', " ("):
        head = reason.split(sep, 1)[0]
        if len(head) >= 8:
            reason = head
    return reason[:90]


def process_files(paths: list[str], config: Config, keep: list[Article] | None = None) -> StageResult:
    """Run ``read_inputs`` + ``prepare_article`` over ``paths``; optionally keep the articles.

    ``InputError`` from preparation and ``Skipped`` items from ingest count as skipped (as the
    pipeline does); any other exception is counted as an error so the benchmark still finishes.
    """
    from warta.errors import InputError
    from warta.ingest import read_inputs
    from warta.model import Skipped
    from warta.pipeline import prepare_article

    result = StageResult()
    seen: set[str] = set()
    for item in read_inputs(paths, config):
        if isinstance(item, Skipped):
            result.skipped[_short_reason(item.reason)] += 1
            continue
        if item.id in seen:
            result.skipped["duplicate article id"] += 1
            continue
        try:
            article = prepare_article(item, config)
        except InputError as exc:
            result.skipped[_short_reason(str(exc))] += 1
            continue
        except Exception as exc:
            result.errors[f"{type(exc).__name__}: {_short_reason(str(exc))}"] += 1
            if result.first_traceback is None:
                result.first_traceback = traceback.format_exc()
            continue
        seen.add(item.id)
        result.articles += 1
        result.sentences.append(len(article.sentences))
        result.languages[article.language] += 1
        if keep is not None:
            keep.append(article)
    return result


#: The config of the timed stages (a) and (b): ingest + clean + split, no annotators.
_SPLIT_ONLY: dict[str, Any] = {"annotators": ()}


def _warm_up(warm_path: str) -> None:
    """Load whatever warta loads lazily (language data, models) by preparing one article."""
    from warta.config import Config

    process_files([warm_path], Config())  # all annotators: loads every model once


def _worker_init(warm_path: str) -> None:
    """Pool initializer: import warta and warm it up once per worker process."""
    _warm_up(warm_path)


def _worker(path: str) -> StageResult:
    """Pool task: ingest + clean + split one chunk file."""
    from warta.config import Config

    return process_files([path], Config(**_SPLIT_ONLY))


def load_rows(limit: int | None) -> tuple[list[dict[str, Any]], int]:
    """IndoSum rows as Warta JSONL records (deduplicated by id), and the number of rows read."""
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    rows = 0
    with INDOSUM.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rows += 1
            row = json.loads(line)
            if row["id"] in seen:
                continue
            seen.add(row["id"])
            text = "\n".join(" ".join(sentences) for sentences in row["paragraphs"])
            record: dict[str, Any] = {"id": row["id"], "text": text}
            if row.get("source"):
                record["source"] = row["source"]
            if row.get("source_url"):
                record["url"] = row["source_url"]
            records.append(record)
            if limit is not None and len(records) >= limit:
                break
    return records, rows


def write_jsonl(records: list[dict[str, Any]], path: Path) -> None:
    """Write ``records`` one JSON object per line."""
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _maxrss_mib(who: int) -> float:
    """Peak resident set size in MiB (``ru_maxrss`` is KiB on Linux)."""
    return resource.getrusage(who).ru_maxrss / 1024.0



def run(args: argparse.Namespace) -> dict[str, Any]:
    """Build the input, time every stage, and return all numbers as one dict."""
    from warta.config import Config

    load_start = [round(x, 2) for x in os.getloadavg()]
    records, rows_read = load_rows(args.limit)
    if not records:
        sys.exit("bench/ingest.py: no articles to benchmark (check --limit and the data file)")
    tmp = Path(tempfile.mkdtemp(prefix="warta-bench-ingest-"))
    try:
        all_path = tmp / "indosum.jsonl"
        write_jsonl(records, all_path)
        warm_path = tmp / "warmup.jsonl"
        write_jsonl(records[:1], warm_path)
        # Chunks for the pool: several per worker so a slow chunk does not leave a core idle.
        n_chunks = max(1, min(len(records), args.workers * args.chunks_per_worker))
        size = -(-len(records) // n_chunks)
        chunk_paths: list[str] = []
        for i in range(0, len(records), size):
            chunk_path = tmp / f"chunk-{i // size:04d}.jsonl"
            write_jsonl(records[i : i + size], chunk_path)
            chunk_paths.append(str(chunk_path))

        config = Config(**_SPLIT_ONLY)
        _warm_up(str(warm_path))

        # (a) single process
        single_times: list[float] = []
        single: StageResult | None = None
        articles: list[Article] = []
        for _ in range(args.repeat):
            keep: list[Article] = []
            t0 = time.perf_counter()
            res = process_files([str(all_path)], config, keep=keep)
            single_times.append(time.perf_counter() - t0)
            single, articles = res, keep
        assert single is not None

        # (b) worker pool over chunk files (started and warmed before the clock starts)
        ctx = mp.get_context(args.start_method)
        pool_times: list[float] = []
        pooled = StageResult()
        with ctx.Pool(args.workers, initializer=_worker_init, initargs=(str(warm_path),)) as pool:
            pool.map(_worker, [str(warm_path)] * args.workers)  # make sure all workers are up
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                parts = pool.map(_worker, chunk_paths, chunksize=1)
                pool_times.append(time.perf_counter() - t0)
                pooled = StageResult()
                for part in parts:
                    pooled.merge(part)
            pool.close()
            pool.join()

        # (a2) the whole per-article stage: ingest + clean + split + every annotator (dates,
        # NER, numbers, quotes), one process, timed once.
        full: dict[str, Any] = {"available": False}
        if args.no_annotate:
            full["reason"] = "skipped (--no-annotate)"
        else:
            keep_full: list[Article] = []
            t0 = time.perf_counter()
            res_full = process_files([str(all_path)], Config(), keep=keep_full)
            seconds = time.perf_counter() - t0
            full = {"available": True, "seconds": seconds,
                    "articles_per_s": res_full.articles / seconds if seconds else 0.0}
            articles = keep_full

        # (c) stories + briefs over the prepared articles (annotated when (a2) ran)
        brief: dict[str, Any] = {"available": False}
        if args.no_brief:
            brief["reason"] = "skipped (--no-brief)"
        else:
            brief = _time_brief(articles, Config(), args.repeat)

        best_single = min(single_times)
        best_pool = min(pool_times)
        sentences = single.sentences
        return {
            "benchmark": "ingest",
            "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
            "machine": machine(load_start),
            "data": f"../shared/data/{INDOSUM.relative_to(DATA_DIR)}",
            "rows_read": rows_read,
            "input_articles": len(records),
            "repeat": args.repeat,
            "annotated": full,
            "single": {
                "seconds": best_single,
                "articles_per_s": single.articles / best_single if best_single else 0.0,
                "inputs_per_s": len(records) / best_single if best_single else 0.0,
                "all_seconds": single_times,
            },
            "pool": {
                "workers": args.workers,
                "chunks": len(chunk_paths),
                "start_method": args.start_method,
                "seconds": best_pool,
                "articles_per_s": pooled.articles / best_pool if best_pool else 0.0,
                "inputs_per_s": len(records) / best_pool if best_pool else 0.0,
                "articles": pooled.articles,
                "all_seconds": pool_times,
                "meets_target": pooled.articles / best_pool >= TARGET_ARTICLES_PER_S if best_pool else False,
            },
            "target_articles_per_s_2_cores": TARGET_ARTICLES_PER_S,
            "brief": brief,
            "articles": single.articles,
            "skipped": sum(single.skipped.values()),
            "skip_reasons": single.skipped.most_common(args.top),
            "errors": sum(single.errors.values()),
            "error_reasons": single.errors.most_common(args.top),
            "first_error_traceback": single.first_traceback,
            "languages": single.languages.most_common(args.top),
            "sentences_total": sum(sentences),
            "sentences_per_article": statistics.fmean(sentences) if sentences else 0.0,
            "sentences_per_article_median": statistics.median(sentences) if sentences else 0.0,
            "peak_rss_mib": {
                "parent": _maxrss_mib(resource.RUSAGE_SELF),
                "largest_child": _maxrss_mib(resource.RUSAGE_CHILDREN),
            },
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _time_brief(articles: list[Article], config: Config, repeat: int) -> dict[str, Any]:
    """Time ``warta.brief.build_stories``; report it as unavailable when it cannot be imported."""
    try:
        from warta.brief import build_stories
    except ImportError as exc:
        return {"available": False, "reason": f"not importable ({exc})"}
    if not articles:
        return {"available": False, "reason": "no prepared articles"}
    times: list[float] = []
    stories: Any = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        try:
            stories = build_stories(list(articles), config)
        except NotImplementedError as exc:
            return {"available": False, "reason": f"NotImplementedError {exc}".strip()}
        except Exception as exc:
            return {
                "available": False,
                "reason": f"raised {type(exc).__name__}: {_short_reason(str(exc))}",
                "traceback": traceback.format_exc(),
            }
        times.append(time.perf_counter() - t0)
    sizes = [len(s.articles) for s in stories]
    return {
        "available": True,
        "seconds": min(times),
        "all_seconds": times,
        "articles": len(articles),
        "stories": len(stories),
        "multi_article_stories": sum(1 for n in sizes if n > 1),
        "largest_story": max(sizes, default=0),
        "summary_sentences": sum(len(s.summary) for s in stories),
    }


def print_table(r: dict[str, Any]) -> None:
    """The compact human-readable report."""
    m = r["machine"]
    print(f"Warta ingest benchmark  {r['date']}")
    load = ", ".join(f"{x:.2f}" for x in m["load_average_at_start"])
    print(f"machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, load average at start {load}")
    print(
        f"data: {r['data']}  rows={r['rows_read']}  unique articles={r['input_articles']}"
        f"  repeat={r['repeat']} (best)"
    )
    print()
    s, p = r["single"], r["pool"]
    print(f"{'stage':<44} {'seconds':>9} {'articles/s':>11}")
    label = "(a) ingest+clean+split, 1 process"
    print(f"{label:<44} {s['seconds']:>9.2f} {s['articles_per_s']:>11.0f}")
    label = f"(b) ingest+clean+split, {p['workers']} workers"
    print(f"{label:<44} {p['seconds']:>9.2f} {p['articles_per_s']:>11.0f}")
    f = r["annotated"]
    if f.get("available"):
        label = "(a2) + all annotators, 1 process (once)"
        print(f"{label:<44} {f['seconds']:>9.2f} {f['articles_per_s']:>11.0f}")
    b = r["brief"]
    if b.get("available"):
        print(f"{'(c) brief.build_stories':<44} {b['seconds']:>9.2f} {'':>11}")
        print(
            f"    {b['stories']} stories ({b['multi_article_stories']} with >1 article, "
            f"largest {b['largest_story']}), {b['summary_sentences']} summary sentences"
        )
    else:
        print(f"brief: not available ({b.get('reason', '')})")
    print()
    verdict = "MET" if p["meets_target"] else "NOT MET"
    print(
        f"target >= {r['target_articles_per_s_2_cores']:.0f} articles/s on 2 cores "
        f"(ingest+clean+split): {verdict} ({p['articles_per_s']:.0f}/s with {p['workers']} workers)"
    )
    print(
        f"articles prepared: {r['articles']} of {r['input_articles']}   skipped: {r['skipped']}"
        f"   errors: {r['errors']}"
    )
    if r["pool"]["articles"] != r["articles"]:
        print(f"  note: the pool prepared {r['pool']['articles']} articles")
    if r["articles"] + r["skipped"] + r["errors"] != r["input_articles"]:
        print(
            f"  WARNING: read_inputs yielded {r['articles'] + r['skipped'] + r['errors']} items "
            f"for {r['input_articles']} JSONL lines (does ingest read JSONL yet?); "
            "the rates above are not comparable"
        )
    for reason, n in r["skip_reasons"]:
        print(f"  skipped {n:>5}  {reason}")
    for reason, n in r["error_reasons"]:
        print(f"  error   {n:>5}  {reason}")
    print(
        f"sentences/article: mean {r['sentences_per_article']:.1f}, "
        f"median {r['sentences_per_article_median']:.0f} ({r['sentences_total']} sentences)"
    )
    langs = ", ".join(f"{lang} {n}" for lang, n in r["languages"])
    print(f"detected languages: {langs}")
    mem = r["peak_rss_mib"]
    print(
        f"peak RSS: parent {mem['parent']:.0f} MiB (holds all prepared articles), "
        f"largest child {mem['largest_child']:.0f} MiB"
    )
    if r["first_error_traceback"]:
        print("\nfirst error:\n" + r["first_error_traceback"])


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--repeat", type=int, default=3, help="time each stage K times, keep best")
    parser.add_argument("--workers", type=int, default=2, help="processes for stage (b)")
    parser.add_argument(
        "--chunks-per-worker", type=int, default=4, help="chunk files per worker for stage (b)"
    )
    parser.add_argument(
        "--start-method",
        choices=mp.get_all_start_methods(),
        default="spawn",
        help="multiprocessing start method (spawn: workers start clean, like a real run)",
    )
    parser.add_argument("--no-brief", action="store_true", help="do not time build_stories")
    parser.add_argument("--no-annotate", action="store_true",
                        help="do not time stage (a2), ingest + clean + split + annotators")
    parser.add_argument("--top", type=int, default=5, help="how many skip reasons to list")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    parser.add_argument("--check", action="store_true", help="exit 1 when the 2-core target is not met")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.workers < 1 or args.chunks_per_worker < 1:
        parser.error("--repeat, --workers and --chunks-per-worker must be >= 1")
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be >= 1")
    if not INDOSUM.is_file():
        sys.exit(
            f"bench/ingest.py: benchmark data not found: {INDOSUM}\n"
            "It lives in ../shared/data beside the repository (dev and CI machines only)."
        )
    result = run(args)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print_table(result)
    if args.check and not result["pool"]["meets_target"]:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
