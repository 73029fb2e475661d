"""Whom a sentence credits what it says to: "kata Tokayev", "menurut polisi", "dikutip RIA"."""

from __future__ import annotations

import functools
import re

from ..lang import load_with_default

# A name: capitalised words (initials like "H." and titles like "Prof." allowed, but a word
# ending a sentence does not run into the next one: "Ujang. Para" stops at "Ujang").
_WORDS = r"(?:[A-Z][\w'’-]*|[A-Z]\.|(?:Prof|Dr|Ir|Hj|Drs|Kol|Jend|Brigjen|Irjen|Kompol)\.|bin|binti|van|de)"
_NAME = rf"((?:[A-Z][\w'’-]*|(?:Prof|Dr|Ir|Hj|Drs)\.|[A-Z]\.)(?:\s+{_WORDS})*)"
# Lower-case subjects commonly credited ("menurut polisi", "kata warga").
_COMMON = r"((?:pihak\s+)?[a-z]+(?:\s+[A-Z][\w.-]*)*)"


def alternation(words: list[str]) -> str:
    """A regex alternation of ``words`` (longest first, escaped); one that never matches if none."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def optional_words(words: list[str], most: int) -> str:
    """A regex for up to ``most`` of ``words``, each followed by white space ("" if none)."""
    return rf"(?:(?:{alternation(words)})\s+){{0,{most}}}" if words else ""


@functools.cache
def _patterns(language: str) -> tuple[re.Pattern[str], ...]:
    data = load_with_default(language, "speech")
    verbs = sorted(data.get("verbs", []), key=len, reverse=True)
    according = sorted(data.get("according", []), key=len, reverse=True)
    v = "|".join(re.escape(x) for x in verbs)
    # Only bare verbs put the speaker after them ("kata Tokayev"); after a me-/ber- verb comes
    # what was said ("mengatakan Dera ditemukan ..."), the speaker stands before it.
    v_after = "|".join(re.escape(x) for x in verbs if not x.startswith(("me", "ber"))) or "(?!)"
    a = "|".join(re.escape(x) for x in according) or "(?!)"
    adverb = optional_words(data.get("adverbs", []), 1)
    at = alternation(data.get("locatives", []))
    # "kata Tokayev" / "menurut Tokayev" (verb, then the name)
    after = re.compile(rf"\b(?:{v_after}|{a})\s+(?:oleh\s+)?{_NAME}")
    # "Tokayev mengatakan" (the name, then the verb)
    before = re.compile(rf"{_NAME}\s*,?\s+{adverb}(?:{v})\b")
    common = re.compile(rf"\b(?:{a})\s+{_COMMON}", re.IGNORECASE)
    # An apposition or a "where, when" between the name and the verb, which ``before`` would
    # take for the speaker: "Euis (38), pengungsi asal Desa Mekarwangi, mengaku ..." and
    # "Rina Marlina di Sukamaju, Jumat, mengatakan ..." (a place cannot speak).
    inserted = re.compile(
        rf"(?:^\s*{_NAME}\s*(?:\(\d{{1,3}}\))?\s*,|{_NAME}\s+(?:{at})\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*,)"
        rf"[^,]{{1,80}},\s+{adverb}(?:{v})\b")
    return after, inserted, before, common


PRONOUNS = frozenset({"ia", "dia", "beliau", "mereka", "he", "she", "they", "-nya"})

_STOP_NAMES = {"Ia", "Dia", "Mereka", "Kami", "Saya", "Namun", "Sementara", "Kemudian", "Dalam", "Dengan",
               "Hal", "Ini", "Itu", "Menurut", "He", "She", "They", "We", "I", "It", "The", "But"}


def clean_name(name: str) -> str | None:
    """Trim a captured name: drop trailing dots/commas and pronoun-like words."""
    name = name.strip(" .,;:")
    words = name.split()
    while words and words[0] in _STOP_NAMES:
        words = words[1:]
    return " ".join(words) or None


_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


def attribution(sentence: str, language: str) -> str | None:
    """The name a sentence credits its content to, or None (quoted words are not searched:
    "menurut perspektif Islam" inside a quote credits nobody)."""
    sentence = _QUOTED.sub(lambda m: " " * len(m.group()), sentence)
    after, inserted, before, common = _patterns(language)
    for pattern in (after, inserted, before):
        m = pattern.search(sentence)
        if m:
            name = clean_name(next(g for g in m.groups() if g is not None))
            if name:
                return name
    m = common.search(sentence)
    if m:
        return clean_name(m.group(1))
    return None
