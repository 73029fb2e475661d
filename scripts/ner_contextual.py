"""The contextual NER experiment (issue 6): e5 token vectors + a per-label scorer, mixed into
the CRF's Viterbi.

    .venv/bin/python scripts/ner_contextual.py vectors   # cache the word vectors of every
        # NER sentence (train, valid/dev, test parts) under /tmp/issue6/ (~8 min CPU)
    .venv/bin/python scripts/ner_contextual.py dev --crf DEV_WEIGHTS
        # scorers trained on the train parts, alpha/layers chosen on the valid/dev parts,
        # mixed into a CRF trained on the train parts only (test parts never read)
    .venv/bin/python scripts/ner_contextual.py bias --logp /tmp/issue6b/devlogp-....npz
        # a per-type bias for EVENT and PRODUCT over a dev run's saved log-probabilities
    .venv/bin/python scripts/ner_contextual.py train --scorer mlp --layers 8 \
            --alpha-cased 0.75 --alpha-lower 0.75 --cased-scorer pooled --lower-scorer pooled \
            --parts train,dev --bias EVENT=2,PRODUCT=2
        # the shipped scorer (train + valid/dev parts: hyperparameters chosen on dev with
        # train-only scorers), src/warta/models/ner-id-contextual.json.gz

Data: ../shared/data/indo_ner, IndoNLU NERGrit and NERP (Apache-2.0), idner-news-2k (MIT).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from warta.annotate.entities.conll import SETS, read_conll

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path("/tmp/issue6")
#: The second round's dev outputs (the scorers' dev log-probabilities).
CACHE_B = Path("/tmp/issue6b")
#: Layers cached (0 = embeddings, 12 = last).
KEEP = (4, 6, 8, 10, 11, 12)


def parts(name: str) -> dict[str, str]:
    folder, (train, dev), test, _types = SETS[name]
    return {"train": f"{folder}/{train}", "dev": f"{folder}/{dev}", "test": f"{folder}/{test}"}


def cmd_vectors(data: Path) -> None:
    from warta.annotate.entities.contextual import encoder

    enc = encoder()
    CACHE.mkdir(parents=True, exist_ok=True)
    for name in SETS:
        for part, rel in parts(name).items():
            out = CACHE / f"{name}-{part}.npy"
            if out.exists():
                continue
            sents = [w for w, _ in read_conll(data / rel)]
            t0 = time.process_time()
            chunks = []
            for i in range(0, len(sents), 400):
                vecs = enc.word_vectors(sents[i:i + 400], KEEP, batch_pieces=2048)
                chunks.extend(v.astype(np.float16) for v in vecs)
            arr = np.concatenate(chunks) if chunks else np.zeros((0, len(KEEP), enc.hidden), np.float16)
            np.save(out, arr)
            n = sum(map(len, sents))
            cpu = time.process_time() - t0
            print(f"{name} {part}: {len(sents)} sentences, {n} words, {cpu:.0f}s CPU "
                  f"({n / max(cpu, 1e-9):.0f} words/s), load {os.getloadavg()[0]:.2f}", flush=True)


def load_part(data: Path, name: str, part: str) -> tuple[list[list[str]], list[list[str]], np.ndarray]:
    """Words, labels and the cached word vectors (words × layers × hidden, float16)."""
    sents = list(read_conll(data / parts(name)[part]))
    vecs = np.load(CACHE / f"{name}-{part}.npy", mmap_mode="r")
    assert len(vecs) == sum(len(w) for w, _ in sents), (name, part)
    return [w for w, _ in sents], [lab for _, lab in sents], vecs


def layer_view(vecs: np.ndarray, spec: str) -> np.ndarray:
    """float32 words × hidden for ``spec``: one cached layer ("12"), a mean ("8+10+12") or
    layers side by side ("6|8": words × 2 hidden)."""
    if "|" in spec:
        return np.concatenate([layer_view(vecs, part) for part in spec.split("|")], axis=1)
    idx = [KEEP.index(int(x)) for x in spec.split("+")]
    out: np.ndarray = np.asarray(vecs[:, idx], dtype=np.float32).mean(axis=1)
    return out


def with_context(x: np.ndarray, lengths: list[int], context: int) -> np.ndarray:
    """Each word's vector, then (context 1) its left and right neighbours' (zeros at edges)."""
    if not context:
        return x
    left = np.zeros_like(x)
    right = np.zeros_like(x)
    start = 0
    for n in lengths:
        s, e = start, start + n
        left[s + 1:e] = x[s:e - 1]
        right[s:e - 1] = x[s + 1:e]
        start = e
    return np.concatenate([x, left, right], axis=1)


#: Experiment: "mlp" fits a one-hidden-layer network instead of the logistic regression.
SCORER = "lr"
#: Hidden units of the "mlp" scorer.
HIDDEN = 256


#: Seeds of the "mlp" scorer: more than one fits one network per seed and averages them.
SEEDS: tuple[int, ...] = (0,)


class Ensemble:
    """Networks fitted with different seeds; p(label) is the mean of theirs."""

    def __init__(self, members: list[Any]) -> None:
        self.members = members
        self.classes_ = members[0].classes_

    def predict_log_proba(self, x: np.ndarray) -> np.ndarray:
        prob = np.mean([m.predict_proba(x) for m in self.members], axis=0)
        out: np.ndarray = np.log(np.maximum(prob, 1e-300))
        return out


def fit_scorer(x: np.ndarray, y: list[str], c: float, seed: int = 0) -> object:
    if SCORER == "mlp" and len(SEEDS) > 1:
        return Ensemble([fit_one(x, y, c, s) for s in SEEDS])
    return fit_one(x, y, c, seed)


def fit_one(x: np.ndarray, y: list[str], c: float, seed: int = 0) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if SCORER == "mlp":
        model = make_pipeline(StandardScaler(), MLPClassifier(
            hidden_layer_sizes=(HIDDEN,), alpha=1e-3 / c, early_stopping=True, max_iter=40,
            random_state=seed))
        model.fit(x, y)
        return model
    model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=300, random_state=seed))
    model.fit(x, y)
    return model


#: Extra log-score tried for the rare types' labels (B-/I-EVENT, B-/I-PRODUCT) at the best alpha.
BIASES = (-0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0)
RARE = ("EVENT", "PRODUCT")


def dev_scoring(data: Path, crf: Path) -> tuple[Callable[..., Any], dict[str, Any], list[str],
                                                 dict[str, list[bool]]]:
    """The dev parts, and ``score(set, alpha_cased, alpha_lower, logp, bias=None,
    per_type=False)``: span F1 of the CRF trained on the train parts (``crf``) with ``alpha ×
    logp`` (+ a per-type ``bias`` on B-/I- labels) added to its label scores."""
    from warta.annotate.entities import tagger
    from warta.annotate.entities.conll import spans

    tagger.use_model(crf)
    weights = tagger._weights()
    labels = list(weights.labels)
    dev = {n: load_part(data, n, "dev") for n in SETS}
    # CRF emissions of the dev sentences in the pipeline setting (auto), computed once.
    crf_em: dict[str, list[np.ndarray]] = {}
    cased: dict[str, list[bool]] = {}
    for n, (words, _lab, _v) in dev.items():
        cased[n] = [tagger.is_cased(w) for w in words]
        crf_em[n] = [tagger._emissions(w, "id", tagger.CASED_SCHEME if c else tagger.LOWER_SCHEME)
                     for w, c in zip(words, cased[n], strict=True)]

    def score(n: str, alpha_cased: float, alpha_lower: float, logp: dict[str, list[np.ndarray]],
              bias: dict[str, float] | None = None, per_type: bool = False) -> Any:
        words, labs, _v = dev[n]
        types = SETS[n][3]
        shift = np.zeros(len(labels))
        for t, b in (bias or {}).items():
            for prefix in ("B-", "I-"):
                shift[labels.index(prefix + t)] = b
        em = [e + (alpha_cased if c else alpha_lower) * lp + shift
              for e, c, lp in zip(crf_em[n], cased[n], logp[n], strict=True)]
        counts = {t: [0, 0, 0] for t in ("all", *types)}
        for w, gold_l, pred_l in zip(words, labs, weights.decode_many(em), strict=True):
            gold = spans(gold_l)
            pred = {p for p in tagger.cased_only(w, tagger.bio_spans(pred_l)) if p[2] in types}
            for t, c in counts.items():
                g = {x for x in gold if t in ("all", x[2])}
                q = {x for x in pred if t in ("all", x[2])}
                c[0], c[1], c[2] = c[0] + len(g & q), c[1] + len(q - g), c[2] + len(g - q)

        def f1(tp: int, fp: int, fn: int) -> float:
            p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
            return 2 * p * r / max(p + r, 1e-9)

        if per_type:
            return {t: f1(*c) for t, c in counts.items()}
        return f1(*counts["all"])

    return score, dev, labels, cased


def split_rows(x: np.ndarray, sentences: list[list[str]]) -> list[np.ndarray]:
    """Rows of all words -> one array per sentence."""
    out, start = [], 0
    for w in sentences:
        out.append(x[start:start + len(w)])
        start += len(w)
    return out


def cmd_bias(data: Path, crf: Path, logp_file: Path, alpha_cased: float, alpha_lower: float
             ) -> None:
    """Joint grid of the EVENT and PRODUCT biases over a pooled scorer's saved dev log-probs."""
    score, dev, _labels, _cased = dev_scoring(data, crf)
    saved = np.load(logp_file)
    logp = {n: split_rows(saved[f"pooled-{n}"], dev[n][0]) for n in SETS}
    for be in (0.0, 1.0, 1.5, 2.0, 3.0):
        for bp in (0.0, 0.5, 1.0, 2.0):
            bias = {"EVENT": be, "PRODUCT": bp}
            f = {n: score(n, alpha_cased, alpha_lower, logp, bias) for n in SETS}
            nerp = score("nerp", alpha_cased, alpha_lower, logp, bias, per_type=True)
            print(f"EVENT {be:+.1f} PRODUCT {bp:+.1f}: " + " / ".join(f"{f[n]:.3f}" for n in SETS)
                  + f" mean {np.mean(list(f.values())):.3f}; NERP "
                  + " ".join(f"{k[:3]} {v:.3f}" for k, v in nerp.items()), flush=True)


def cmd_dev(data: Path, crf: Path, specs: list[str], contexts: list[int], cs: list[float],
            pooled_only: bool = False) -> None:
    score, dev, labels, cased = dev_scoring(data, crf)
    train = {n: load_part(data, n, "train") for n in SETS}
    base = {n: score(n, 0.0, 0.0, {m: [np.zeros(1)] * len(dev[m][0]) for m in SETS}) for n in SETS}
    print("dev CRF alone (auto): " + " / ".join(f"{base[n]:.3f}" for n in SETS)
          + f" mean {np.mean(list(base.values())):.3f}", flush=True)
    alphas = [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0]
    for spec in specs:
        for context in contexts:
            feats_tr = {n: with_context(layer_view(v, spec), [len(w) for w in ws], context)
                        for n, (ws, _l, v) in train.items()}
            feats_dv = {n: with_context(layer_view(v, spec), [len(w) for w in ws], context)
                        for n, (ws, _l, v) in dev.items()}
            ys = {n: [x for lab in labs for x in lab] for n, (_w, labs, _v) in train.items()}
            for c in cs:
                t0 = time.process_time()
                scorers = {"pooled": fit_scorer(np.concatenate(list(feats_tr.values())),
                                                [x for n in SETS for x in ys[n]], c)}
                for n in () if pooled_only else ("idner", "nerp"):
                    scorers[n] = fit_scorer(feats_tr[n], ys[n], c)
                fit = time.process_time() - t0

                def logp_of(model: object, n: str, feats: dict[str, np.ndarray] = feats_dv
                            ) -> list[np.ndarray]:
                    classes = list(model.classes_)  # type: ignore[attr-defined]
                    lp = np.full((len(feats[n]), len(labels)), -30.0)
                    prob = model.predict_log_proba(feats[n])  # type: ignore[attr-defined]
                    for j, lab in enumerate(classes):
                        lp[:, labels.index(lab)] = prob[:, j]
                    return split_rows(np.maximum(lp, -30.0), dev[n][0])

                lps = {k: {n: logp_of(m, n) for n in SETS} for k, m in scorers.items()}
                # Cased sentences: the pooled scorer or idner's; lower-case: pooled or NERP's.
                tag = f"{spec}-ctx{context}-C{c}-{SCORER}{HIDDEN}".replace("|", "x")
                tag += "-seeds" + "+".join(map(str, SEEDS)) if len(SEEDS) > 1 else ""
                CACHE_B.mkdir(parents=True, exist_ok=True)
                np.savez(CACHE_B / f"devlogp-{tag}.npz", **{
                    f"{k}-{n}": np.concatenate(v[n]) for k, v in lps.items() for n in SETS})
                combos = [("pooled", "pooled")] if pooled_only else [
                    ("pooled", "pooled"), ("pooled", "nerp"), ("idner", "nerp")]
                for cased_by, lower_by in combos:
                    logp = {n: [a if c else b for a, b, c in zip(
                        lps[cased_by][n], lps[lower_by][n], cased[n], strict=True)] for n in SETS}
                    grid = {(ac, al): {n: score(n, ac, al, logp) for n in SETS}
                            for ac in alphas for al in alphas}
                    ranked = sorted(grid.items(), key=lambda kv: -np.mean(list(kv[1].values())))
                    for (ac, al), f in ranked[:3]:
                        print(f"  {spec:10} ctx {context} C {c:<5} cased {cased_by:6} lower "
                              f"{lower_by:6} alpha {ac:<4} {al:<4} "
                              + " / ".join(f"{f[n]:.3f}" for n in SETS)
                              + f" mean {np.mean(list(f.values())):.3f}", flush=True)
                    print(f"  (fit {fit:.0f}s CPU, load {os.getloadavg()[0]:.2f})", flush=True)
                    (ac, al), _f = ranked[0]
                    for t in RARE:  # a bias for one rare type at a time, at the best alpha
                        for b in BIASES:
                            f = {n: score(n, ac, al, logp, {t: b}) for n in SETS}
                            nerp = score("nerp", ac, al, logp, {t: b}, per_type=True)
                            print(f"    bias {t} {b:+.1f}: " + " / ".join(f"{f[n]:.3f}" for n in SETS)
                                  + f" mean {np.mean(list(f.values())):.3f}; NERP "
                                  + " ".join(f"{k[:3]} {v:.3f}" for k, v in nerp.items()),
                                  flush=True)


def to_scorer(model: object, labels: list[str]) -> object:
    """A fitted StandardScaler + LogisticRegression as a :class:`LabelScorer` over raw features
    (the scaling folded into the coefficients; labels the model never saw get -1e4)."""
    from warta.annotate.entities.ctxner import LabelScorer

    scaler, clf = model.steps[0][1], model.steps[1][1]  # type: ignore[attr-defined]
    if hasattr(clf, "coefs_"):  # the network: fold the scaling into its first layer
        w1 = clf.coefs_[0] / scaler.scale_[:, None]
        b1 = clf.intercepts_[0] - scaler.mean_ @ w1
        out_w, out_b = clf.coefs_[1].T, clf.intercepts_[1]
    else:
        w1 = b1 = None
        out_w = clf.coef_ / scaler.scale_
        out_b = clf.intercept_ - out_w @ scaler.mean_
    coef = np.zeros((len(labels), out_w.shape[1]))
    intercept = np.full(len(labels), -1e4)
    for j, lab in enumerate(clf.classes_):
        coef[labels.index(lab)] = out_w[j]
        intercept[labels.index(lab)] = out_b[j]
    return LabelScorer(coef, intercept, w1, b1)


def cmd_train(data: Path, spec: str, context: int, c: float, cased_by: str, lower_by: str,
              alpha_cased: float, alpha_lower: float, out: Path, use: list[str],
              bias: dict[str, float]) -> None:
    from warta.annotate.entities import tagger
    from warta.annotate.entities.ctxner import ContextualModel, save

    labels = list(tagger._weights().labels)
    feats: dict[str, np.ndarray] = {}
    ys: dict[str, list[str]] = {}
    for n in SETS:  # the parts in ``use`` (train, or train + valid/dev) of each set, in order
        loaded = [load_part(data, n, part) for part in use]
        feats[n] = np.concatenate([with_context(layer_view(v, spec), [len(w) for w in ws], context)
                                   for ws, _l, v in loaded])
        ys[n] = [x for _w, labs, _v in loaded for lab in labs for x in lab]
    scorers: dict[str, object] = {}
    for kind, by in (("cased", cased_by), ("lower", lower_by)):
        if kind == "lower" and by == cased_by:
            scorers[kind] = scorers["cased"]  # one scorer for both (stored once)
            continue
        names = list(SETS) if by == "pooled" else [by]
        t0 = time.process_time()
        fitted = fit_scorer(np.concatenate([feats[n] for n in names]),
                            [x for n in names for x in ys[n]], c)
        scorers[kind] = to_scorer(fitted, labels)
        print(f"{kind}: scorer on {'+'.join(names)} {'+'.join(use)}, "
              f"{time.process_time() - t0:.0f}s CPU", flush=True)
    model = ContextualModel(tuple(labels), tuple(int(x) for x in spec.split("+")), context,
                            scorers, {"cased": alpha_cased, "lower": alpha_lower}, bias)
    save(model, out)  # type: ignore[arg-type]
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB)")


def cmd_check(data: Path, crf: Path, scorer: Path) -> None:
    """Dev F1 through the pipeline's own code path (``tag_many(model="contextual")``: vectors
    computed on the fly, the scorer file as shipped) with the dev CRF: must match ``dev``."""
    from warta.annotate.entities import ctxner, tagger
    from warta.annotate.entities.conll import spans

    tagger.use_model(crf)
    ctxner.use_scorer(scorer)
    scores = []
    for n, (_folder, _parts, _test, types) in SETS.items():
        sents = list(read_conll(data / parts(n)["dev"]))
        for model in ("crf", "contextual"):
            t0 = time.process_time()
            found = tagger.tag_many([w for w, _ in sents], model=model)
            cpu = time.process_time() - t0
            tp = fp = fn = 0
            for (_w, labels), pred in zip(sents, found, strict=True):
                gold, got = spans(labels), {p for p in pred if p[2] in types}
                tp, fp, fn = tp + len(gold & got), fp + len(got - gold), fn + len(gold - got)
            p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
            f = 2 * p * r / max(p + r, 1e-9)
            if model == "contextual":
                scores.append(f)
            print(f"dev {n} {model:10} P {p:.3f} R {r:.3f} F1 {f:.3f} ({cpu:.1f}s CPU)", flush=True)
    print(f"mean contextual dev F1 {np.mean(scores):.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("command", choices=["vectors", "dev", "bias", "train", "check"])
    ap.add_argument("--logp", type=Path, help="bias: a dev log-prob file written by dev")
    ap.add_argument("--crf", type=Path, default=CACHE / "ner-dev.weights.json.gz",
                    help="CRF weights trained on the train parts only (for dev)")
    ap.add_argument("--layers", default="12", help="comma-separated layer specs (e.g. 12,8+10+12)")
    ap.add_argument("--context", default="0", help="comma-separated: 0 word only, 1 + neighbours")
    ap.add_argument("--C", default="1.0", help="comma-separated inverse regularisation")
    ap.add_argument("--scorer", choices=["lr", "mlp"], default="lr", help="dev experiment")
    ap.add_argument("--hidden", type=int, default=256, help="hidden units of the mlp scorer")
    ap.add_argument("--seeds", default="0", help="dev: mlp seeds, several = their mean")
    ap.add_argument("--pooled-only", action="store_true",
                    help="dev: only the scorer trained on all three sets' train parts")
    ap.add_argument("--cased-scorer", default="pooled", choices=["pooled", "idner"])
    ap.add_argument("--lower-scorer", default="nerp", choices=["pooled", "nerp"])
    ap.add_argument("--parts", default="train",
                    help="train: the parts the scorer is fitted on (train or train,dev)")
    ap.add_argument("--bias", default="",
                    help="train: per-type bias, e.g. EVENT=2,PRODUCT=2 (chosen with `bias`)")
    ap.add_argument("--alpha-cased", type=float, default=0.75)
    ap.add_argument("--alpha-lower", type=float, default=1.0)
    ap.add_argument("--out", type=Path,
                    default=ROOT / "src" / "warta" / "models" / "ner-id-contextual.json.gz")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "indo_ner")
    args = ap.parse_args()
    global SCORER, HIDDEN, SEEDS
    SCORER, HIDDEN = args.scorer, args.hidden
    SEEDS = tuple(int(x) for x in args.seeds.split(","))
    if args.command == "vectors":
        cmd_vectors(args.data)
    elif args.command == "dev":
        cmd_dev(args.data, args.crf, args.layers.split(","),
                [int(x) for x in args.context.split(",")], [float(x) for x in args.C.split(",")],
                args.pooled_only)
    elif args.command == "bias":
        cmd_bias(args.data, args.crf, args.logp, args.alpha_cased, args.alpha_lower)
    elif args.command == "check":
        cmd_check(args.data, args.crf, args.out)
    else:
        cmd_train(args.data, args.layers, int(args.context), float(args.C), args.cased_scorer,
                  args.lower_scorer, args.alpha_cased, args.alpha_lower, args.out,
                  args.parts.split(","),
                  {k: float(v) for k, v in (x.split("=") for x in args.bias.split(",") if x)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
