"""Token features for the CRF tagger, shared by training (scripts/train_ner.py) and tagging.

Features are what the model sees: the word (lower case), its shape and affixes, capitalisation,
its neighbours in a +-2 window and whether a neighbour is a title or an organisation/place cue
word from the language data, and unsupervised word clusters (``models/word-clusters-id.tsv``,
built by ``scripts/build_word_clusters.py``) at three granularities for the word and its
neighbours, which let the model generalise from a training name to unseen words used alike.
Training sets differ in casing (NERP is all lower case), so every feature has a lower-case form
and casing is a separate feature.

Speed: everything that depends on one word type alone is computed once per type and cached;
a sentence only joins the cached tuples and adds the few position-dependent features.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

from ...lang import load_with_default
from ...models import model_file

_SHAPE_SUBS = ((re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"[0-9]"), "d"))
_SQUEEZE = re.compile(r"(.)\1+")
CLUSTER_FILE = "word-clusters-id.tsv"
#: Set by the training script to try another cluster file (or none: ``Path()``) on dev.
_cluster_path: Path | None = None
#: Training experiment (``train_ner.py --extra``): cluster and shape trigrams around the token.
EXTRA = False


@functools.cache
def cue_words(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(person titles, organisation words, place words) of ``language`` (Indonesian fallback
    for languages without a file, since the model was trained on Indonesian)."""
    data = load_with_default(language, "entities")
    return (
        frozenset(data.get("person_titles", [])),
        frozenset(data.get("org_words", [])),
        frozenset(data.get("place_words", [])),
    )


def use_cluster_file(path: Path | None) -> None:
    """Training only: read clusters from ``path`` (``Path()`` = no clusters; None = shipped)."""
    global _cluster_path
    _cluster_path = path
    word_clusters.cache_clear()
    own_features.cache_clear()
    neighbour_features.cache_clear()


@functools.cache
def word_clusters() -> dict[str, tuple[str, ...]]:
    """Lower-case word -> its cluster ids (coarse to fine) from the shipped cluster map."""
    if _cluster_path == Path():
        return {}
    with model_file(CLUSTER_FILE, _cluster_path) as path:
        text = path.read_text(encoding="utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        word, *ids = line.split("\t")
        out[word] = tuple(ids)
    return out


@functools.lru_cache(maxsize=65536)
def shape(word: str) -> str:
    """``Jakarta`` -> ``Xx``, ``KPK`` -> ``X``, ``2.000`` -> ``d.d``: runs squeezed."""
    s = word
    for pattern, repl in _SHAPE_SUBS:
        s = pattern.sub(repl, s)
    return _SQUEEZE.sub(r"\1", s)


def _copies(feats: Sequence[str], scheme: str | None) -> tuple[str, ...]:
    # The features, plus their per-set copies when a scheme is asked for.
    return (*feats, *(f"{scheme}|{f}" for f in feats)) if scheme else tuple(feats)


@functools.lru_cache(maxsize=262144)
def own_features(word: str, scheme: str | None) -> tuple[str, ...]:
    """The features of the token ``word`` itself that do not depend on its position."""
    low = word.lower()
    feats = ["bias", f"w={low}", f"shape={shape(word)}", f"p2={low[:2]}", f"p3={low[:3]}",
             f"p4={low[:4]}", f"s2={low[-2:]}", f"s3={low[-3:]}", f"s4={low[-4:]}",
             f"len={min(len(word), 8)}"]
    if word.isupper() and len(word) > 1:
        feats.append("upper")
    if any(c.isdigit() for c in word):
        feats.append("digit")
    if "-" in word:
        feats.append("hyphen")
    ids = word_clusters().get(low)
    if ids:
        feats.extend(f"c{i}={c}" for i, c in enumerate(ids))
    elif word_clusters():
        feats.append("c=none")
    return _copies(feats, scheme)


_OFFSETS = ("-2:", "-1:", "1:", "2:")


@functools.lru_cache(maxsize=262144)
def neighbour_features(word: str, language: str, scheme: str | None) -> tuple[tuple[str, ...], ...]:
    """What ``word`` contributes as the neighbour at -2, -1, +1, +2: computed once per word
    type (news repeats its words, and every token is a neighbour four times)."""
    low = word.lower()
    titles, orgs, places = cue_words(language)
    base = [f"w={low}", f"s3={low[-3:]}"]
    if low in titles:
        base.append("title")
    if low in orgs:
        base.append("org")
    if low in places:
        base.append("place")
    if word[:1].isupper():
        base.append("cap")
    ids = word_clusters().get(low)
    out = []
    for prefix in _OFFSETS:
        feats = [prefix + f for f in base]
        if ids:
            # Near neighbours get the middle granularity, far ones the coarse one.
            feats.append(f"{prefix}c={ids[1] if prefix in ('-1:', '1:') else ids[0]}")
        out.append(_copies(feats, scheme))
    return tuple(out)


@functools.cache
def edge_features(scheme: str | None) -> tuple[tuple[str, ...], ...]:
    """What a missing neighbour (before the start, after the end) contributes per offset."""
    return tuple(_copies([f"{p}edge"], scheme) for p in _OFFSETS)


def position_features(i: int, words: Sequence[str], lows: Sequence[str], shapes: Sequence[str],
                      scheme: str | None) -> tuple[str, ...]:
    """The few features of token ``i`` that depend on its position or on a pair of words."""
    word = words[i]
    pos: list[str] = []
    if word[:1].isupper() and not (word.isupper() and len(word) > 1):
        pos.append("title_case" if i else "title_case_first")
    if i > 0:
        pos.append(f"-1w|w={lows[i - 1]}|{lows[i]}")
    if i + 1 < len(words):
        pos.append(f"w|+1w={lows[i]}|{lows[i + 1]}")
        pos.append(f"shape|+1shape={shapes[i]}|{shapes[i + 1]}")
    if EXTRA:
        clusters = word_clusters()
        mid = [clusters.get(lows[k], ("", "-"))[1] for k in range(max(i - 1, 0), min(i + 2, len(words)))]
        pos.append("cpair=" + "|".join(mid))
        pos.append("shape3=" + "|".join(shapes[max(i - 1, 0):i + 2]))
    return _copies(pos, scheme)


def sentence_features(tokens: Sequence[str], language: str = "id",
                      scheme: str | None = None) -> list[list[str]]:
    """One feature list per token of a tokenized sentence.

    ``scheme`` (a training set's name) adds a copy of every feature prefixed with it, so one
    model learns what the sets share and, in the copies, where their label conventions differ
    (feature augmentation, Daume 2007); tagging with a scheme picks that set's convention.
    """
    n = len(tokens)
    lows = [w.lower() for w in tokens]
    shapes = [shape(w) for w in tokens]
    nbs = [neighbour_features(w, language, scheme) for w in tokens]
    edge = edge_features(scheme)
    out: list[list[str]] = []
    for i, word in enumerate(tokens):
        feats = list(own_features(word, scheme))
        feats.extend(nbs[i - 2][0] if i >= 2 else edge[0])
        feats.extend(nbs[i - 1][1] if i >= 1 else edge[1])
        feats.extend(nbs[i + 1][2] if i + 1 < n else edge[2])
        feats.extend(nbs[i + 2][3] if i + 2 < n else edge[3])
        feats.extend(position_features(i, tokens, lows, shapes, scheme))
        out.append(feats)
    return out
