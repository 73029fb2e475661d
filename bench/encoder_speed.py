"""The contextual NER mode's encoder, a previous version vs the current one, side by side in one
process (CPU time, runs alternated old, new, new, old), and whether they give the same labels.

    git show 7904a35:src/warta/annotate/entities/contextual.py > /tmp/contextual_old.py
    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/encoder_speed.py --old /tmp/contextual_old.py \
        [--sentences 150] [--articles 20]

Tagging: the first ``--sentences`` test sentences of each NER set, 20 a call (as an article);
stage: ``prepare_article`` over the first ``--articles`` IndoSum articles. Both modes use the
shipped CRF and scorer; only the encoder module differs.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path

from _common import DATA_DIR, indosum_raw_articles, require  # first: moves HOME
from warta.annotate.entities import contextual, ctxner, tagger
from warta.annotate.entities.conll import SETS, read_conll
from warta.config import Config
from warta.pipeline import prepare_article


def load_old(path: Path) -> contextual.Encoder:
    """An ``Encoder`` from another version of the module file."""
    spec = importlib.util.spec_from_file_location("warta.annotate.entities._contextual_old", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    old: contextual.Encoder = module.Encoder()
    return old


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--old", type=Path, required=True, help="the previous contextual.py")
    ap.add_argument("--sentences", type=int, default=150, help="test sentences per NER set")
    ap.add_argument("--articles", type=int, default=20, help="IndoSum articles for the stage")
    args = ap.parse_args()
    ner = require(DATA_DIR / "indo_ner", "indo_ner")
    sents = [w for folder, _p, test, _t in SETS.values()
             for w, _ in list(read_conll(ner / folder / test))[:args.sentences]]
    raws = indosum_raw_articles(args.articles)
    encoders = {"old": load_old(args.old), "new": contextual.Encoder()}
    # Dequantise outside the timed part (the old version takes no layer count: all of them).
    encoders["old"].layers()
    encoders["new"].layers(max(ctxner.shipped().layers))
    n = sum(map(len, sents))
    print(f"load average {os.getloadavg()} (2 cores shared); {n:,} tokens; {len(raws)} IndoSum "
          "articles; CPU time")
    print(f"{'encoder':8} {'tag tok/s':>10} {'stage art/s':>12}")
    labels: dict[str, list[list[str]]] = {}
    rates: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
    config = Config(ner_model="contextual")
    for name in ("old", "new", "new", "old"):
        enc = encoders[name]
        contextual.encoder = lambda enc=enc: enc  # type: ignore[assignment]
        t0 = time.process_time()
        out = [lab for k in range(0, len(sents), 20)
               for lab in tagger.crf_labels_many(sents[k:k + 20], model="contextual")]
        tag = n / (time.process_time() - t0)
        labels.setdefault(name, out)
        t0 = time.process_time()
        for raw in raws:
            prepare_article(raw, config)
        stage = len(raws) / (time.process_time() - t0)
        rates[name].append((tag, stage))
        print(f"{name:8} {tag:10,.0f} {stage:12.2f}", flush=True)
    mean = {k: [sum(col) / len(col) for col in zip(*v, strict=True)] for k, v in rates.items()}
    print(f"ratio new/old (means): tag {mean['new'][0] / mean['old'][0]:.2f}, stage "
          f"{mean['new'][1] / mean['old'][1]:.2f}; same labels: {labels['old'] == labels['new']}")
    print(f"load average at end {os.getloadavg()}")


if __name__ == "__main__":
    main()
