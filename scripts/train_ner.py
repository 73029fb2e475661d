"""Train the shipped Indonesian NER model (src/warta/models/ner-id.crfsuite).

Data: ../shared/data/indo_ner, only the permissively licensed sets (IndoNLU NERGrit and NERP,
Apache-2.0; idner-news-2k, MIT), their train + valid/dev parts.  Test parts are never read here.

    .venv/bin/python scripts/train_ner.py [--data ../shared/data/indo_ner] [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pycrfsuite

from warta.annotate.entities.conll import SETS, read_conll
from warta.annotate.entities.features import sentence_features

ROOT = Path(__file__).resolve().parents[1]
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True,
          "feature.minfreq": 2}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "indo_ner")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "warta" / "models" / "ner-id.crfsuite")
    args = ap.parse_args()
    trainer = pycrfsuite.Trainer(verbose=False)
    n_sent = n_tok = 0
    for folder, parts, _test, _types in SETS.values():
        for part in parts:
            for words, labels in read_conll(args.data / folder / part):
                trainer.append(sentence_features(words), labels)
                n_sent += 1
                n_tok += len(words)
    trainer.set_params(PARAMS)
    t0 = time.perf_counter()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    print(f"trained on {n_sent} sentences / {n_tok} tokens in {time.perf_counter() - t0:.0f}s; "
          f"params {PARAMS}; wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
