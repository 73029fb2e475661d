"""Whom a sentence credits what it says to: "kata Tokayev", "menurut polisi", "dikutip RIA"."""

from __future__ import annotations

import functools
import re
from typing import Any

from ..lang import load_with_default


def alternation(words: list[str]) -> str:
    """A regex alternation of ``words`` (longest first, escaped); one that never matches if none."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def optional_words(words: list[str], most: int) -> str:
    """A regex for up to ``most`` of ``words``, each followed by white space ("" if none)."""
    return rf"(?:(?:{alternation(words)})\s+){{0,{most}}}" if words else ""


@functools.cache
def speech_words(language: str) -> dict[str, Any]:
    """The language's speech data (lang/<code>/speech.toml) with its word lists as sets."""
    data = load_with_default(language, "speech")
    out: dict[str, Any] = dict(data)
    referring = [*data.get("pronouns", []), *data.get("plural_pronouns", [])]
    out["referring"] = frozenset(w.lower() for w in referring)
    out["not_names"] = frozenset(data.get("not_names", []))
    return out


@functools.cache
def name_pattern(language: str) -> str:
    """A regex group for a name: capitalised words (initials like "H." and titles like "Prof."
    allowed, but a word ending a sentence does not run into the next one: "Ujang. Para" stops
    at "Ujang")."""
    data = speech_words(language)
    titles = data.get("name_titles", [])
    first = alternation(titles)
    inner = alternation([*titles, *data.get("inner_name_titles", [])])
    particles = "".join(f"|{re.escape(w)}" for w in data.get("name_particles", []))
    words = rf"(?:[A-Z][\w'’-]*|[A-Z]\.|(?:{inner})\.{particles})"
    return rf"((?:[A-Z][\w'’-]*|(?:{first})\.|[A-Z]\.)(?:\s+{words})*)"


def split_verbs(language: str) -> tuple[list[str], list[str]]:
    """The speech verbs, longest first, split into those that put the speaker before them and
    what was said after ("mengatakan") and the others ("kata": the speaker may follow)."""
    data = speech_words(language)
    verbs = sorted(data.get("verbs", []), key=len, reverse=True)
    prefixes = tuple(data.get("subject_first_prefixes", []))
    first = [v for v in verbs if prefixes and v.startswith(prefixes)]
    return first, [v for v in verbs if v not in first]


@functools.cache
def _patterns(language: str) -> tuple[re.Pattern[str], ...]:
    data = speech_words(language)
    name = name_pattern(language)
    others = split_verbs(language)[1]
    v = alternation(data["verbs"])
    # Only the other verbs put the speaker after them ("kata Tokayev"); after "mengatakan" comes
    # what was said ("mengatakan Dera ditemukan ..."), the speaker stands before it.
    v_after = alternation(others)
    a = alternation(data.get("according", []))
    agent = optional_words(data.get("agents", []), 1)
    party = optional_words(data.get("parties", []), 1)
    adverb = optional_words(data.get("adverbs", []), 1)
    at = alternation(data.get("locatives", []))
    # "kata Tokayev" / "menurut Tokayev" (verb, then the name)
    after = re.compile(rf"\b(?:{v_after}|{a})\s+{agent}{name}")
    # "Tokayev mengatakan" (the name, then the verb)
    before = re.compile(rf"{name}\s*,?\s+{adverb}(?:{v})\b")
    # Lower-case subjects commonly credited ("menurut polisi", "kata warga").
    common = re.compile(rf"\b(?:{a})\s+({party}[a-z]+(?:\s+[A-Z][\w.-]*)*)", re.IGNORECASE)
    # An apposition or a "where, when" between the name and the verb, which ``before`` would
    # take for the speaker: "Euis (38), pengungsi asal Desa Mekarwangi, mengaku ..." and
    # "Rina Marlina di Sukamaju, Jumat, mengatakan ..." (a place cannot speak).
    inserted = re.compile(
        rf"(?:^\s*{name}\s*(?:\(\d{{1,3}}\))?\s*,|{name}\s+(?:{at})\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*,)"
        rf"[^,]{{1,80}},\s+{adverb}(?:{v})\b")
    return after, inserted, before, common


def clean_name(name: str, language: str) -> str | None:
    """Trim a captured name: drop trailing dots/commas and opening words that are no name."""
    stop = speech_words(language)["not_names"]
    name = name.strip(" .,;:")
    words = name.split()
    while words and words[0] in stop:
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
            name = clean_name(next(g for g in m.groups() if g is not None), language)
            if name:
                return name
    m = common.search(sentence)
    if m:
        return clean_name(m.group(1), language)
    return None
