"""Credit lines ("Penulis: X | Editor: Y", "Sumber: Antara", "(ant/ded)") and outlet names."""

from __future__ import annotations

import re

from .rules import Rules

#: A credit line may hold several credits: split at "|", "•", ";" or before "Word:".
_SEGMENTS = re.compile(r"\s*[|•·;]\s*|\s+(?=[^\W\d_]+\s*:)")
_DOMAIN = re.compile(r"([\w-]+)((?:\.[A-Za-z]{2,6})+)")
#: Longest line looked at as a possible credit line (credit lines are short).
MAX_CREDIT_CHARS = 200


def parse_credit_line(line: str, rules: Rules) -> list[tuple[str, str | None]] | None:
    """``[(field, value)]`` when every part of ``line`` is a credit, else None.

    ``field`` is ``writer``, ``editor``, ``source`` or ``initials``; ``value`` is the name (None
    for initials and patterns without a ``value`` group).
    """
    if len(line) > MAX_CREDIT_CHARS or rules.credits.any is None:
        return None
    if rules.credits.any.match(line) is None:  # the first part is no credit: the common case
        return None
    out: list[tuple[str, str | None]] = []
    for segment in _SEGMENTS.split(line):
        segment = segment.strip()
        if not segment:
            continue
        found = _match_segment(segment, rules)
        if found is None:
            return None
        out.append(found)
    return out or None


def _match_segment(segment: str, rules: Rules) -> tuple[str, str | None] | None:
    for field, pattern in rules.credits.fields:
        m = pattern.fullmatch(segment)
        if m is not None:
            value = m.groupdict().get("value")
            value = clean_name(value) if value else None
            return field, value or None
    return None


def clean_name(value: str) -> str:
    """A name from a credit line without surrounding punctuation and extra spaces."""
    return " ".join(value.split()).strip(" .,;:-–—")


def normalise_outlet(name: str) -> str:
    """A readable outlet name: "KOMPAS.com" -> "Kompas.com", "ANTARA" -> "Antara".

    Names already in mixed case ("DailySocial.id", "detikNews") are kept; all-caps words of up
    to three letters are acronyms ("CNN", "AFP") and stay upper case.
    """
    name = clean_name(name)
    m = _DOMAIN.fullmatch(name)
    if m is not None:
        base, tld = m.groups()
        if base.isupper():
            base = base.capitalize()
        return base + tld.lower()
    words = [w.capitalize() if w.isupper() and len(w) > 3 else w for w in name.split()]
    return " ".join(words)
