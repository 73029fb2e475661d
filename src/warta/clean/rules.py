"""Compile a language's cleaning data (boilerplate, credits, calendar) once, into fast matchers.

The data files hold many small regexes; applying them one by one to every line would be slow.
Here each family is combined into one alternation (one ``fullmatch`` per line tells whether a
line is boilerplate and which reason applies), and cached per language.

Every language also gets the ``en`` data (the shared set): copyright lines, social-button rows
and wire-service credits look the same in every language.  The language's own patterns come
first, so its reasons win where both match.
"""

from __future__ import annotations

import functools
import re
import warnings
from dataclasses import dataclass
from typing import Any

from .. import lang

SHARED = "en"
FLAGS = re.IGNORECASE | re.UNICODE
_CODE = re.compile(r"[a-z]{2,3}")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_COMMON = frozenset(".,;:-'\" ")


@dataclass(frozen=True)
class Tail:
    """A pattern ``.*X`` (a line *ending* in X), tried only when the line contains its hint."""

    reason: str
    pattern: re.Pattern[str]
    hints: tuple[str, ...]  # lower-case strings one of which every match contains; () = none


@dataclass(frozen=True)
class ReasonMatcher:
    """Regexes grouped by reason, combined into one alternation with a group per reason.

    Patterns starting with ``.*`` are slow in an alternation (every position of the line is
    tried), so they are kept apart and run only on lines that contain a literal they require.
    """

    combined: re.Pattern[str] | None
    groups: dict[str, str]  # group name -> reason
    fallback: tuple[tuple[str, re.Pattern[str]], ...]  # used when patterns cannot be combined
    tails: tuple[Tail, ...] = ()

    def fullmatch(self, line: str) -> str | None:
        """The reason of the first pattern that matches the whole ``line``, else None."""
        if self.combined is not None:
            m = self.combined.fullmatch(line)
            if m is not None and m.lastgroup:
                return self.groups[m.lastgroup]
            if self.tails:
                lower = line.lower()
                for tail in self.tails:
                    if (not tail.hints or any(h in lower for h in tail.hints)) and (
                        tail.pattern.fullmatch(line)
                    ):
                        return tail.reason
            return None
        for reason, pattern in self.fallback:
            if pattern.fullmatch(line):
                return reason
        return None

    def search(self, line: str) -> list[tuple[int, int, str]]:
        """Non-overlapping ``(start, end, reason)`` spans found anywhere in ``line``."""
        if self.combined is not None and not self.tails:
            return [
                (m.start(), m.end(), self.groups[m.lastgroup])
                for m in self.combined.finditer(line)
                if m.lastgroup and m.end() > m.start()
            ]
        spans: list[tuple[int, int, str]] = []
        for reason, pattern in self.fallback:
            spans.extend((m.start(), m.end(), reason) for m in pattern.finditer(line))
        spans.sort()
        out: list[tuple[int, int, str]] = []
        for span in spans:
            if span[1] > span[0] and (not out or span[0] >= out[-1][1]):
                out.append(span)
        return out


@dataclass(frozen=True)
class CreditRules:
    """Credit-line regexes per field (``writer``, ``editor``, ``source``, ``initials``)."""

    fields: tuple[tuple[str, re.Pattern[str]], ...]
    any: re.Pattern[str] | None  # cheap "is this any credit at all" check (no named groups)


@dataclass(frozen=True)
class Rules:
    """Everything the cleaner needs for one language, compiled."""

    language: str
    boilerplate: ReasonMatcher
    inline: ReasonMatcher
    credits: CreditRules
    sentences: ReasonMatcher  # whole-sentence furniture: the "sentences" table
    datelines: tuple[re.Pattern[str], ...]
    sites: tuple[re.Pattern[str], ...]
    months: dict[str, int]
    weekdays: dict[str, int]


def languages_for(language: str) -> list[str]:
    """The data languages applied for ``language``: itself (if a valid code) then the shared one."""
    codes = [language] if _CODE.fullmatch(language or "") else []
    if SHARED not in codes:
        codes.append(SHARED)
    return codes


def _load_all(codes: list[str], name: str) -> list[dict[str, Any]]:
    return [lang.load(code, name) for code in codes]


def build_matcher(tables: list[dict[str, list[re.Pattern[str]]]]) -> ReasonMatcher:
    """Combine ``reason -> [regex]`` tables (earlier tables win) into one :class:`ReasonMatcher`."""
    pairs: list[tuple[str, re.Pattern[str]]] = []
    for table in tables:
        for reason, patterns in table.items():
            pairs.extend((reason, p) for p in patterns)
    if not pairs:
        return ReasonMatcher(None, {}, ())
    groups: dict[str, str] = {}
    parts: list[str] = []
    tails: list[Tail] = []
    for n, (reason, pattern) in enumerate(pairs):
        source = _NAMED_GROUP.sub("(?:", pattern.pattern)
        if source.startswith(".*") and not source.startswith(".*?"):
            tails.append(Tail(reason, pattern, required_literals(source[2:])))
            continue
        name = f"r{n}"
        groups[name] = reason
        parts.append(f"(?P<{name}>{source})")
    try:
        combined = re.compile("|".join(parts) or "(?!)", FLAGS)
    except re.error:  # e.g. a pattern with global inline flags: apply them one by one instead
        return ReasonMatcher(None, {}, tuple(pairs))
    return ReasonMatcher(combined, groups, tuple(pairs), tuple(tails))


def required_literals(source: str) -> tuple[str, ...]:
    """Lower-case strings one of which every match of ``source`` contains; ``()`` if unknown.

    Walks the parsed pattern's top-level sequence (into groups and repeats of at least one)
    and returns the longest run of literal characters, or else the first small character set
    without letters (such as ``[\\(\\[]``), which is a cheap test: ``"(" in line``.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import sre_parse

            tree = sre_parse.parse(source, FLAGS)
    except (re.error, ImportError):  # pragma: no cover - the patterns compiled already
        return ()
    atoms: list[str | frozenset[str] | None] = []
    _atoms(list(tree.data), atoms)
    runs: list[str] = []
    run = ""
    for atom in [*atoms, None]:
        if isinstance(atom, str):
            run += atom
        else:
            if run:
                runs.append(run)
            run = ""
    best = max(runs, key=len, default="")
    if len(best) >= 3:
        return (best.lower(),)
    for atom in atoms:  # a rare punctuation character ("(", "/", "©"; not "." or ",")
        chars = atom if isinstance(atom, frozenset) else frozenset(atom or "")
        if chars and not any(c.isalnum() or c in _COMMON for c in chars):
            return tuple(sorted(chars))
    return ()


def _atoms(items: list[tuple[Any, Any]], out: list[str | frozenset[str] | None]) -> None:
    """Flatten required items: a literal char, a small literal set, or None (anything)."""
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(av))
        elif name == "IN" and all(str(o) == "LITERAL" for o, _ in av) and len(av) <= 4:
            out.append(frozenset(chr(a) for _, a in av))
        elif name == "SUBPATTERN":
            _atoms(list(av[-1]), out)
        elif name in ("MAX_REPEAT", "MIN_REPEAT") and av[0] >= 1:
            out.append(None)
            _atoms(list(av[2]), out)
            out.append(None)
        elif name == "AT":
            continue
        else:
            out.append(None)


def _credit_rules(tables: list[dict[str, Any]]) -> CreditRules:
    fields: list[tuple[str, re.Pattern[str]]] = []
    for table in tables:
        for key in ("writer", "editor", "source", "initials"):
            fields.extend((key, p) for p in table.get(key, []))
    if not fields:
        return CreditRules((), None)
    try:
        any_credit: re.Pattern[str] | None = re.compile(
            "|".join(f"(?:{_NAMED_GROUP.sub('(?:', p.pattern)})" for _, p in fields), FLAGS
        )
    except re.error:
        any_credit = None
    return CreditRules(tuple(fields), any_credit)


@functools.cache
def rules_for(language: str) -> Rules:
    """Compiled cleaning rules for ``language`` (cached; the data files are read once)."""
    codes = languages_for(language)
    boiler = _load_all(codes, "boilerplate")
    credits = _load_all(codes, "credits")
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for cal in reversed(_load_all(codes, "calendar")):  # the language's own names win
        months.update({k.lower(): v for k, v in cal.get("months", {}).items()})
        weekdays.update({k.lower(): v for k, v in cal.get("weekdays", {}).items()})
    return Rules(
        language=language,
        boilerplate=build_matcher([b.get("patterns", {}) for b in boiler]),
        inline=build_matcher([b.get("inline", {}) for b in boiler]),
        credits=_credit_rules(credits),
        sentences=build_matcher([b.get("sentences", {}) for b in boiler]),
        datelines=tuple(p for c in credits for p in c.get("dateline", [])),
        sites=tuple(p for c in credits for p in c.get("site", [])),
        months=months,
        weekdays=weekdays,
    )
