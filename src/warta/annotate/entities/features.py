"""Token features for the CRF tagger, shared by training (scripts/train_ner.py) and tagging.

Features are what the model sees: the word (lower case), its shape and affixes, capitalisation,
its neighbours in a +-2 window and whether a neighbour is a title or an organisation/place cue
word from the language data.  Training sets differ in casing (NERP is all lower case), so every
feature has a lower-case form and casing is a separate feature.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ...lang import load_with_default

_SHAPE_SUBS = ((re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"[0-9]"), "d"))
_SQUEEZE = re.compile(r"(.)\1+")


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


@functools.lru_cache(maxsize=65536)
def shape(word: str) -> str:
    """``Jakarta`` -> ``Xx``, ``KPK`` -> ``X``, ``2.000`` -> ``d.d``: runs squeezed."""
    s = word
    for pattern, repl in _SHAPE_SUBS:
        s = pattern.sub(repl, s)
    return _SQUEEZE.sub(r"\1", s)


@functools.lru_cache(maxsize=262144)
def _word_feats(word: str, prefix: str, language: str) -> tuple[str, ...]:
    # Cached: news repeats its words, and every token is a neighbour four times.
    low = word.lower()
    titles, orgs, places = cue_words(language)
    feats = [f"{prefix}w={low}", f"{prefix}s3={low[-3:]}"]
    if low in titles:
        feats.append(f"{prefix}title")
    if low in orgs:
        feats.append(f"{prefix}org")
    if low in places:
        feats.append(f"{prefix}place")
    if word[:1].isupper():
        feats.append(f"{prefix}cap")
    return tuple(feats)


def sentence_features(tokens: Sequence[str], language: str = "id") -> list[list[str]]:
    """One feature list per token of a tokenized sentence."""
    n = len(tokens)
    out: list[list[str]] = []
    for i, word in enumerate(tokens):
        low = word.lower()
        feats = ["bias", f"w={low}", f"shape={shape(word)}", f"p2={low[:2]}", f"p3={low[:3]}",
                 f"p4={low[:4]}", f"s2={low[-2:]}", f"s3={low[-3:]}", f"s4={low[-4:]}",
                 f"len={min(len(word), 8)}"]
        if word.isupper() and len(word) > 1:
            feats.append("upper")
        elif word[:1].isupper():
            feats.append("title_case" if i else "title_case_first")
        if any(c.isdigit() for c in word):
            feats.append("digit")
        if "-" in word:
            feats.append("hyphen")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                feats.extend(_word_feats(tokens[j], f"{offset}:", language))
            else:
                feats.append(f"{offset}:edge")
        if i > 0:
            feats.append(f"-1w|w={tokens[i - 1].lower()}|{low}")
        if i + 1 < n:
            feats.append(f"w|+1w={low}|{tokens[i + 1].lower()}")
            feats.append(f"shape|+1shape={shape(word)}|{shape(tokens[i + 1])}")
        out.append(feats)
    return out
