"""Line-level cleaning: normalise a raw line, tell boilerplate from body, cut inline links."""

from __future__ import annotations

import re

from .rules import Rules

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ODD = re.compile(r"[^\S ]|  |[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def normalise(line: str) -> str:
    """``line`` without invisible characters, with runs of white space as one space, stripped."""
    line = line.strip()
    if not _ODD.search(line):  # the common case: nothing to replace
        return line
    return _SPACES.sub(" ", line.translate(_INVISIBLE)).strip()


def boilerplate_reason(line: str, rules: Rules) -> str | None:
    """The removal reason when the whole (normalised) ``line`` is boilerplate, else None."""
    return rules.boilerplate.fullmatch(line)


def cut_inline(line: str, rules: Rules) -> tuple[str, list[tuple[str, str]]]:
    """Remove inline boilerplate (e.g. "(Baca juga: ...)") from a body line.

    Returns the remaining text and the ``(fragment, reason)`` pairs that were cut out.
    """
    spans = rules.inline.search(line)
    if not spans:
        return line, []
    kept: list[str] = []
    cut: list[tuple[str, str]] = []
    pos = 0
    for start, end, reason in spans:
        kept.append(line[pos:start])
        cut.append((line[start:end].strip(), reason))
        pos = end
    kept.append(line[pos:])
    return normalise(" ".join(k.strip() for k in kept if k.strip())), cut
