"""Split a jurisdiction glued to a name after an office title.

Indonesian writes "Bupati Sukamaju Hendra Wiratama" (title, place of office, name) and
"Kepala BPBD Kabupaten Sukamaju Rina Marlina"; the tagger often returns the place and the name
as one span ("Sukamaju Hendra Wiratama" PERSON, "Kabupaten Sukamaju Rina Marlina" LOCATION),
which then becomes a wrong entity.  Evidence used, from the same text only: a proper prefix of
the span is a place or organisation the text names elsewhere ("Kabupaten Sukamaju",
"Sukamaju"), and either a cue word stands in the three words before the span (an office title,
an organisation word, a place word: "... dan Penyelamatan Kota Margaluyu Yusuf Maulana") or (for
a place/organisation span) the rest is a person the text names elsewhere ("kata Rina").  No
evidence, no split.
"""

from __future__ import annotations

import functools
import re

from ...lang import load_with_default
from .features import cue_words

Span = tuple[int, int, str]  # character start, end (exclusive), type
_WORD = re.compile(r"\S+")
_TRIM = ".,;:()\"'“”"


@functools.cache
def _place_suffixes(language: str) -> frozenset[str]:
    return frozenset(load_with_default(language, "entities").get("place_suffixes", []))


def _words(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def split_jurisdiction(spans: list[Span], text: str, language: str) -> list[Span]:
    """``spans`` (character offsets into ``text``) with glued place + name spans split in two."""
    titles, orgs, places = cue_words(language)
    known: dict[str, str] = {}
    person_words: set[str] = set()
    for s, e, kind in spans:
        words = text[s:e].split()
        if kind == "PERSON":
            person_words.update(w.casefold() for w in words)
            continue
        known.setdefault(" ".join(words).casefold(), kind)
        # "Kabupaten Sukamaju" / "BPBD Sukamaju" also vouch for "Sukamaju" being a place.
        while len(words) > 1 and words[0].casefold() in places | orgs:
            words = words[1:]
            known.setdefault(" ".join(words).casefold(), "LOCATION")
    out: list[Span] = []
    for s, e, kind in spans:
        split = _split(s, e, kind, text, known, person_words, titles | orgs | places,
                       _place_suffixes(language))
        out.extend(split or [(s, e, kind)])
    return out


def _split(s: int, e: int, kind: str, text: str, known: dict[str, str], person_words: set[str],
           cues: frozenset[str], suffixes: frozenset[str]) -> list[Span] | None:
    words = _words(text, s, e)
    if len(words) < 2:
        return None
    before = [w.strip(_TRIM).casefold() for w in text[max(0, s - 60):s].split()[-3:]]
    titled = any(b in cues for b in before)
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(w for w, _s, _e in words[:k]).casefold()
        if head not in known:
            continue
        rest = words[k:]
        # The rest must look like a name: capitalised words, none a cue word itself, not the
        # end of a longer place name ("Jawa" + "Barat").
        if rest[0][0].casefold() in suffixes or not all(
            w[:1].isupper() and w.casefold() not in cues for w, _s, _e in rest
        ):
            return None
        named = any(w.casefold() in person_words for w, _s, _e in rest)
        if (kind == "PERSON" and titled) or (kind != "PERSON" and (titled or named)):
            return [(s, words[k - 1][2], known[head]), (rest[0][1], e, "PERSON")]
        return None
    return None
