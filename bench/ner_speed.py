"""NER speed, old model vs new model side by side in one process: CPU time (time.process_time,
so other load on the machine counts less), runs alternated old, new, new, old.

Two measurements per model:
- tagging only (features + decoding, 20 sentences a call) on the test parts of the three NER
  sets, with cold caches (every per-word cache emptied first) and again warm;
- the per-article stage as ``bench/ingest.py`` (a2) times it: ``prepare_article`` (clean, split,
  every annotator) over the first ``--limit`` IndoSum dev-fold articles, NER caches emptied first.

A ``.crfsuite`` model is tagged through CRFsuite (how Warta tagged before the weights file);
any other file is a weights file (``warta.annotate.entities.weights``).

    .venv/bin/python bench/ner_speed.py --old OLD.crfsuite [--new src/warta/models/ner-id.weights.json.gz]
        [--limit 400]
    .venv/bin/python bench/ner_speed.py --contextual [--limit 50]
        # the shipped CRF vs the contextual mode (CRF + e5 word vectors), runs crf,
        # contextual, crf (the contextual mode has no per-word cache: one run is enough)
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from _common import DATA_DIR, REPO, indosum_raw_articles, require  # first: moves HOME
from warta.annotate.entities import features, tagger
from warta.annotate.entities.conll import SETS, read_conll
from warta.config import Config
from warta.model import RawArticle
from warta.pipeline import prepare_article

SHIPPED = REPO / "src" / "warta" / "models" / tagger.MODEL_FILE


def _cold(model: Path) -> None:
    # Empty every per-word cache and load ``model``, so each run starts alike.
    features.own_features.cache_clear()
    features.neighbour_features.cache_clear()
    tagger.use_model(model)
    # Load the model (and, for a weights file, both tables "auto" uses) outside the timed part.
    tagger.crf_labels_many([["Kota", "Jakarta"], ["kota", "jakarta"]])


def tag_rate(model: Path, sentences: list[list[str]], ner_model: str = "crf",
             repeat: int = 2) -> tuple[float, ...]:
    """Tokens per CPU second tagging ``sentences``: cold caches, then warm."""
    _cold(model)
    n = sum(map(len, sentences))
    rates = []
    for _ in range(repeat):
        t0 = time.process_time()
        for k in range(0, len(sentences), 20):  # about one article's sentences per call
            tagger.crf_labels_many(sentences[k:k + 20], model=ner_model)
        rates.append(n / (time.process_time() - t0))
    return tuple(rates)


def stage_rate(model: Path, raws: list[RawArticle], ner_model: str = "crf") -> float:
    """Articles per CPU second through ``prepare_article`` (all annotators)."""
    _cold(model)
    config = Config(ner_model=ner_model)
    t0 = time.process_time()
    for raw in raws:
        prepare_article(raw, config)
    return len(raws) / (time.process_time() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--old", type=Path, help="the previous model file")
    ap.add_argument("--new", type=Path, default=SHIPPED, help="default: the shipped model")
    ap.add_argument("--limit", type=int, default=400, help="IndoSum articles for the stage")
    ap.add_argument("--contextual", action="store_true", help="CRF vs the contextual mode")
    args = ap.parse_args()
    if not args.contextual and args.old is None:
        ap.error("--old is required (or --contextual)")
    ner_dir = require(DATA_DIR / "indo_ner", "indo_ner")
    sentences = [w for folder, _p, test, _t in SETS.values() for w, _ in read_conll(ner_dir / folder / test)]
    raws = indosum_raw_articles(args.limit)
    print(f"load average {os.getloadavg()} (2 cores shared); {sum(map(len, sentences)):,} test "
          f"tokens; {len(raws)} IndoSum articles; CPU time")
    if args.contextual:
        compare_contextual(args.new, sentences, raws)
        return
    stage_rate(args.old, raws[:50])  # warm the other annotators' caches, not timed
    order = [("old", args.old), ("new", args.new), ("new", args.new), ("old", args.old)]
    print(f"{'model':5} {'tag cold tok/s':>15} {'tag warm tok/s':>15} {'stage art/s':>12}")
    results: dict[str, list[tuple[float, float, float]]] = {"old": [], "new": []}
    for name, model in order:
        cold, warm = tag_rate(model, sentences)
        stage = stage_rate(model, raws)
        results[name].append((cold, warm, stage))
        print(f"{name:5} {cold:15,.0f} {warm:15,.0f} {stage:12.1f}")
    mean = {k: [sum(col) / len(col) for col in zip(*v, strict=True)] for k, v in results.items()}
    print("ratio new/old (means): " + ", ".join(
        f"{label} {mean['new'][i] / mean['old'][i]:.2f}"
        for i, label in enumerate(("tag cold", "tag warm", "stage"))))
    print(f"load average at end {os.getloadavg()}")


def compare_contextual(model: Path, sentences: list[list[str]], raws: list[RawArticle]) -> None:
    """The CRF alone vs the contextual mode, runs crf, contextual, crf (CPU time)."""
    from warta.annotate.entities import ctxner
    from warta.annotate.entities.contextual import encoder

    # Load and dequantise the layers the scorer reads, outside the timed part.
    encoder().layers(max(ctxner.shipped().layers))
    tagger.crf_labels_many([["Kota", "Jakarta"]], model="contextual")
    stage_rate(model, raws[:10])  # warm the other annotators' caches, not timed
    print(f"{'mode':11} {'tag warm tok/s':>15} {'stage art/s':>12}")
    results: dict[str, list[tuple[float, float]]] = {"crf": [], "contextual": []}
    for mode in ("crf", "contextual", "crf"):
        (warm,) = tag_rate(model, sentences, mode, repeat=1) if mode == "contextual" else \
            tag_rate(model, sentences, mode)[1:]
        stage = stage_rate(model, raws, mode)
        results[mode].append((warm, stage))
        print(f"{mode:11} {warm:15,.0f} {stage:12.2f}", flush=True)
    mean = {k: [sum(col) / len(col) for col in zip(*v, strict=True)] for k, v in results.items()}
    print("ratio contextual/crf (means): " + ", ".join(
        f"{label} {mean['contextual'][i] / mean['crf'][i]:.4f}"
        for i, label in enumerate(("tag", "stage"))))
    print(f"load average at end {os.getloadavg()}")


if __name__ == "__main__":
    main()
