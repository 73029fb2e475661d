"""Issue 6 benchmark, one command: NER span P/R/F1 per type (shipped CRF vs a capitalisation +
gazetteer baseline) on the test parts of NERGrit, NERP and idner-news-2k, tokens/s; the CRF
twice: ``crf`` as the pipeline runs it (``scheme="auto"``: idner-news-2k's conventions for cased
text, NERP's for lower-case text) and ``crf+set`` with the set's own label conventions (the
model's per-set feature copies, ``scheme=<set>``); ``crf+ctx`` the opt-in contextual mode
(``--ner-model contextual``: the CRF + a label scorer on multilingual-e5 word vectors, needs the
``embed`` extra; skipped with a note without it), with the CPU time of the CRF and of the
contextual mode over the same sentences (one batched call each); then
facts and quotes precision/recall against the hand-annotated IndoSum gold set
(tests/annotate/gold/*.jsonl; articles read from ../shared/data at run time).

    .venv/bin/python bench/facts.py [--skip-ner] [--skip-gold] [--skip-contextual]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from _common import DATA_DIR, REPO, require  # first: moves HOME to a temp dir
from _indosum import article_text, by_id
from warta.annotate.entities.conll import SETS, read_conll, spans
from warta.annotate.entities.tagger import rule_spans, tag_many, tag_words
from warta.config import Config
from warta.model import RawArticle
from warta.pipeline import prepare_article

GOLD_DIR = REPO / "tests" / "annotate" / "gold"


def gazetteer(ner_dir: Path) -> dict[tuple[str, ...], str]:
    """Entity strings (lower case) of the training parts -> their most frequent type."""
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for folder, parts, _test, _types in SETS.values():
        for part in parts:
            for words, labels in read_conll(ner_dir / folder / part):
                for s, e, kind in spans(labels):
                    votes[tuple(w.lower() for w in words[s:e])][kind] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items() if len(k) <= 6}


def baseline_spans(words: list[str], gaz: dict[tuple[str, ...], str]) -> set[tuple[int, int, str]]:
    """Longest gazetteer match first, then capitalised runs typed by cue words."""
    out: set[tuple[int, int, str]] = set()
    taken = [False] * len(words)
    low = [w.lower() for w in words]
    i = 0
    while i < len(words):
        for n in range(6, 0, -1):
            key = tuple(low[i:i + n])
            if len(key) == n and key in gaz and not (n == 1 and not words[i][:1].isupper()
                                                    and len(words[i]) < 4):
                out.add((i, i + n, gaz[key]))
                for k in range(i, i + n):
                    taken[k] = True
                i += n
                break
        else:
            i += 1
    for s, e, kind in rule_spans(words, "id"):
        if not any(taken[s:e]) and kind != "MISC":
            out.add((s, e, kind))
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def contextual_spans(sents: list[list[str]]) -> tuple[list[list[tuple[int, int, str]]] | None, str]:
    """The contextual mode's spans of ``sents`` and a CPU-time line (CRF vs contextual, one
    batched call each); None when the ``embed`` extra is missing."""
    from warta.errors import MissingExtraError

    n = sum(map(len, sents))
    try:
        tag_many(sents[:2], model="contextual")  # load the encoder outside the timed part
    except MissingExtraError as exc:
        return None, f"crf+ctx skipped: {exc}"
    t0 = time.process_time()
    tag_many(sents)
    t1 = time.process_time()
    found = tag_many(sents, model="contextual")
    t2 = time.process_time()
    return found, (f"CPU time, one batched call: crf {n / (t1 - t0):,.0f} tokens/s, crf+ctx "
                   f"{n / (t2 - t1):,.0f} tokens/s (ratio {(t1 - t0) / (t2 - t1):.4f})")


def bench_ner(ner_dir: Path, contextual: bool = True) -> None:
    gaz = gazetteer(ner_dir)
    print("NER, span-level exact match, test parts (trained on train+valid/dev only)")
    print(f"{'set':8} {'type':13} {'system':9} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for name, (folder, _parts, test, types) in SETS.items():
        sents = list(read_conll(ner_dir / folder / test))
        ctx, ctx_note = contextual_spans([w for w, _ in sents]) if contextual else (None, "")
        systems = ("crf", "crf+set", "baseline") + (("crf+ctx",) if ctx is not None else ())
        counts: dict[str, dict[str, Counter[str]]] = {k: defaultdict(Counter) for k in systems}
        timing = dict.fromkeys(systems, 0.0)
        n_tok = 0
        for k, (words, labels) in enumerate(sents):
            gold = spans(labels)
            n_tok += len(words)
            t0 = time.perf_counter()
            pred_crf = set(tag_words(words))  # what the pipeline runs (scheme "auto")
            t1 = time.perf_counter()
            pred_set = set(tag_words(words, scheme=name))  # the set's own label conventions
            t2 = time.perf_counter()
            pred_base = baseline_spans(words, gaz)
            t3 = time.perf_counter()
            timing["crf"] += t1 - t0
            timing["crf+set"] += t2 - t1
            timing["baseline"] += t3 - t2
            found = [("crf", pred_crf), ("crf+set", pred_set), ("baseline", pred_base)]
            if ctx is not None:
                found.append(("crf+ctx", set(ctx[k])))
            for system, pred in found:
                # Types this set does not annotate are not scored (neither way).
                pred = {p for p in pred if p[2] in types}
                for kind in types:
                    g = {x for x in gold if x[2] == kind}
                    q = {x for x in pred if x[2] == kind}
                    counts[system][kind].update(tp=len(g & q), fp=len(q - g), fn=len(g - q))
        for system in systems:
            total: Counter[str] = Counter()
            for kind in types:
                c = counts[system][kind]
                total.update(c)
                p, r, f = prf(c["tp"], c["fp"], c["fn"])
                print(f"{name:8} {kind:13} {system:9} {p:6.3f} {r:6.3f} {f:6.3f} {c['tp'] + c['fn']:6d}")
            p, r, f = prf(total["tp"], total["fp"], total["fn"])
            rate = f"   {n_tok / timing[system]:,.0f} tokens/s" if timing.get(system) else ""
            print(f"{name:8} {'ALL (micro)':13} {system:9} {p:6.3f} {r:6.3f} {f:6.3f} "
                  f"{total['tp'] + total['fn']:6d}{rate}")
        if ctx_note:
            print(ctx_note)
        print()


def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", "", text.lower())


def _quote_match(gold: str, pred: str) -> bool:
    g, p = _norm(gold), _norm(pred)
    return bool(g and p) and (g[:25] in p or p[:25] in g)


def bench_gold(data_dir: Path) -> None:
    for path in sorted(GOLD_DIR.glob("*.jsonl")):
        bench_gold_file(data_dir, path)


def bench_gold_file(data_dir: Path, path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = by_id(data_dir, {r["id"] for r in rows})
    config = Config(language="id")
    c: Counter[str] = Counter()
    t0 = time.perf_counter()
    for row in rows:
        src = articles[row["id"]]
        art = prepare_article(RawArticle(id=row["id"], text=article_text(src), format="txt"), config)
        # Facts: (value, counted noun) pairs.
        gold_f = Counter((float(v), n.lower()) for v, n in row["facts"])
        pred_f = Counter((q.value, (q.counted or "").lower()) for q in art.quantities)
        hit = sum((gold_f & pred_f).values())
        c.update(f_tp=hit, f_fp=sum(pred_f.values()) - hit, f_fn=sum(gold_f.values()) - hit)
        gold_v = Counter(float(v) for v, _ in row["facts"])
        pred_v = Counter(q.value for q in art.quantities)
        hv = sum((gold_v & pred_v).values())
        c.update(v_tp=hv, v_fp=sum(pred_v.values()) - hv, v_fn=sum(gold_v.values()) - hv)
        # Quotes: matched by text, one to one; speaker judged on the matched ones.
        for direct in (True, False):
            tag = "d" if direct else "i"
            golds = [q for q in row["quotes"] if bool(q[2]) == direct]
            preds = [q for q in art.quotes if q.direct == direct]
            used: set[int] = set()
            for gtext, gspeaker, _ in golds:
                k = next((i for i, p in enumerate(preds) if i not in used and _quote_match(gtext, p.text)),
                         None)
                if k is None:
                    c[f"{tag}_fn"] += 1
                    continue
                used.add(k)
                c[f"{tag}_tp"] += 1
                ps = (preds[k].speaker or "").lower()
                if gspeaker is None:
                    c[f"{tag}_spk_ok"] += int(not ps)
                else:
                    c[f"{tag}_spk_ok"] += int(gspeaker.lower().split()[-1] in ps)
            c[f"{tag}_fp"] += len(preds) - len(used)
    elapsed = time.perf_counter() - t0
    print(f"Facts and quotes vs hand-annotated gold {path.name}: {len(rows)} IndoSum articles "
          f"({elapsed:.1f}s for the whole pipeline incl. NER)")
    for label, key in (("facts (value + counted noun)", "f"), ("facts (value only)", "v"),
                       ("direct quotes (text)", "d"), ("indirect quotes (text)", "i")):
        p, r, f = prf(c[f"{key}_tp"], c[f"{key}_fp"], c[f"{key}_fn"])
        print(f"  {label:30} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
              f"(tp {c[f'{key}_tp']}, fp {c[f'{key}_fp']}, fn {c[f'{key}_fn']})")
        if key in ("d", "i") and c[f"{key}_tp"]:
            print(f"  {'':30} speaker right on {c[f'{key}_spk_ok']}/{c[f'{key}_tp']} matched")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--skip-ner", action="store_true")
    ap.add_argument("--skip-gold", action="store_true")
    ap.add_argument("--skip-contextual", action="store_true", help="no crf+ctx (slow: ~1 min)")
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} (2 cores shared)")
    if not args.skip_ner:
        bench_ner(require(DATA_DIR / "indo_ner", "indo_ner"), not args.skip_contextual)
    if not args.skip_gold:
        require(DATA_DIR / "indosum_devfolds", "IndoSum")
        bench_gold(DATA_DIR)


if __name__ == "__main__":
    main()
