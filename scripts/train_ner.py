"""Train the shipped Indonesian NER model (src/warta/models/ner-id.weights.json.gz).

CRFsuite trains the CRF (build/ner-id.crfsuite, not shipped: 6.5 MB, most of it its attribute
dictionary); its weights are then exported to the small file Warta tags with
(``warta.annotate.entities.weights``).

Data: ../shared/data/indo_ner, only the permissively licensed sets (IndoNLU NERGrit and NERP,
Apache-2.0; idner-news-2k, MIT), their train + valid/dev parts.  Test parts are never read here.

    .venv/bin/python scripts/train_ner.py --scheme     # the shipped model (per-set copies +
        plain copies of every sentence; c1 0.3; the shipped word clusters)
    .venv/bin/python scripts/train_ner.py --dev --scheme [--c1 X --c2 Y] [--clusters FILE]
        # tuning: train on the train parts only, report span F1 on the valid/dev parts per
        # tagging setting (None, each set's scheme, auto); the test parts stay unread
    .venv/bin/python scripts/train_ner.py --score MODEL [--scheme]   # score a dev model again
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import pycrfsuite

from warta.annotate.entities.conll import SETS, read_conll, spans
from warta.annotate.entities import features
from warta.annotate.entities.features import sentence_features, use_cluster_file
from warta.annotate.entities.tagger import (
    CASED_SCHEME,
    LOWER_SCHEME,
    MODEL_FILE,
    cased_only,
    is_cased,
)
from warta.annotate.entities.weights import export

ROOT = Path(__file__).resolve().parents[1]
PARAMS = {"c1": 0.3, "c2": 0.1, "max_iterations": 120, "feature.possible_transitions": True,
          "feature.minfreq": 2}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "indo_ner")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "ner-id.crfsuite",
                    help="the CRFsuite model (kept out of the package)")
    ap.add_argument("--weights", type=Path, default=ROOT / "src" / "warta" / "models" / MODEL_FILE,
                    help="the exported weights Warta ships and tags with")
    ap.add_argument("--dev", action="store_true", help="train on train only, score the dev parts")
    ap.add_argument("--c1", type=float)
    ap.add_argument("--c2", type=float)
    ap.add_argument("--minfreq", type=float, help="CRFsuite feature.minfreq (default 2)")
    ap.add_argument("--clusters", type=Path, help="word-cluster file to try ('' = none); "
                    "default: the shipped src/warta/models/word-clusters-id.tsv")
    ap.add_argument("--sets", default=",".join(SETS), help="training sets (comma-separated)")
    ap.add_argument("--scheme", action="store_true",
                    help="feature augmentation with each sentence's set name; dev scored "
                         "with each set's scheme and scheme-neutral")
    ap.add_argument("--no-plain", action="store_true",
                    help="with --scheme: train on the augmented sentences only")
    ap.add_argument("--score", type=Path, help="only score this model on the dev parts")
    ap.add_argument("--extra", action="store_true", help="experiment: cluster/shape trigrams")
    args = ap.parse_args()
    chosen = args.sets.split(",")
    if args.extra:
        features.EXTRA = True
    if args.clusters is not None:
        use_cluster_file(args.clusters)
    if args.score:
        _score_dev(args.data, args.score, chosen, args.scheme)
        return 0
    if args.c1 is not None:
        PARAMS["c1"] = args.c1
    if args.c2 is not None:
        PARAMS["c2"] = args.c2
    if args.minfreq is not None:
        PARAMS["feature.minfreq"] = args.minfreq
    if args.dev:
        args.out = Path("/tmp") / f"warta-ner-dev-{PARAMS['c1']}-{PARAMS['c2']}-{PARAMS['feature.minfreq']}-{int(args.extra)}-{os.getpid()}.crfsuite"
    trainer = pycrfsuite.Trainer(verbose=False)
    n_sent = n_tok = 0
    for name in chosen:
        folder, parts, _test, _types = SETS[name]
        for part in parts[:1] if args.dev else parts:
            for words, labels in read_conll(args.data / folder / part):
                if args.scheme:
                    trainer.append(sentence_features(words, scheme=name), labels)
                # With --scheme, also the plain copy (unless --no-plain): the shared features
                # must then tag every set on their own, so scheme-neutral tagging stays as
                # good as a model trained without schemes.
                if not args.scheme or not args.no_plain:
                    trainer.append(sentence_features(words), labels)
                n_sent += 1
                n_tok += len(words)
    trainer.set_params(PARAMS)
    t0 = time.perf_counter()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    print(f"trained on {n_sent} sentences / {n_tok} tokens in {time.perf_counter() - t0:.0f}s; "
          f"params {PARAMS}; wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    if args.dev:
        _score_dev(args.data, args.out, chosen, args.scheme)
    else:
        export(args.out, args.weights)
        print(f"wrote {args.weights} ({args.weights.stat().st_size / 1e6:.1f} MB)")
    return 0


def _score_dev(data: Path, model: Path, chosen: list[str], scheme: bool) -> None:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    for name in chosen:
        folder, parts, _test, types = SETS[name]
        for use in ([None, *chosen, "auto"] if scheme else [None]):
            tp = fp = fn = 0
            for words, labels in read_conll(data / folder / parts[1]):
                gold = spans(labels)
                pick = use if use != "auto" else CASED_SCHEME if is_cased(words) else LOWER_SCHEME
                tags = tagger.tag(sentence_features(words, scheme=pick))
                pred = {p for p in cased_only(words, sorted(spans(list(tags)))) if p[2] in types}
                tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
            p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
            print(f"dev {name} (scheme {use}): P {p:.3f} R {r:.3f} "
                  f"F1 {2 * p * r / max(p + r, 1e-9):.3f}")


if __name__ == "__main__":
    sys.exit(main())
