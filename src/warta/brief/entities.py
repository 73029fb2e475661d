"""Merge entity mentions across a story's articles into one entity per real-world thing.

Links (union-find over distinct surface forms of the same broad type):
* an acronym and its expansion when the text pairs them ("Organisasi Perjanjian Keamanan
  Kolektif (CSTO)", also translated expansions whose initials do not spell the acronym), or when
  the expansion's initials spell it; an acronym typo (same letters, or one edit, length >= 4);
* a person's short name and full name ("Tokayev" -> "Kassym-Jomart Tokayev"), titles stripped
  ("Presiden Tokayev"); a short name that fits two different full names is left alone;
* spelling variants of places ("Moskow", "Moskwa", "Moscow"): same start, at most two edits
  after folding c/k, v/w and doubled letters.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

from ..annotate.entities.features import cue_words
from ..config import Config
from ..model import Article, Mention, Story, StoryEntity

_JOIN = r"dan|and|of|untuk|for|de|la|the|di|bagi"
_PAIR = re.compile(
    rf"([A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|{_JOIN}))*)\s*\(([A-Z][A-Za-z0-9&.-]{{1,12}})\)"
)
_PAIR_REV = re.compile(r"\b([A-Z][A-Z0-9&.-]{1,12})\s*\(([A-Z][\w’'-]*(?:\s+[\w’'-]+){1,10})\)")
_LOWER_JOINERS = {"dan", "and", "of", "untuk", "for", "de", "la", "the", "di", "bagi", "van", "der"}


def strip_title(name: str, language: str) -> str:
    """``Presiden Kassym-Jomart Tokayev`` -> ``Kassym-Jomart Tokayev``."""
    titles = cue_words(language)[0]
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in titles:
        words = words[1:]
    return " ".join(words)


def _trim_lower(name: str) -> str:
    # "relawan Palang Merah Indonesia" -> "Palang Merah Indonesia": in cased text a name starts
    # with a capital; lower-case words before it are context the tagger swept in.
    words = name.split()
    if any(w[:1].isupper() for w in words):
        while words and not words[0][:1].isupper():
            words = words[1:]
    return " ".join(words)


def is_acronym(name: str) -> bool:
    """All capitals (digits/& allowed), 2-12 characters, one word: ``CSTO``, ``TNI``."""
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,11}", name.replace(".", "")))


def initials(name: str) -> str:
    """Initials of the capitalised words: ``Komisi Pemberantasan Korupsi`` -> ``KPK``."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper())


def _fold(name: str) -> str:
    s = name.lower().replace("c", "k").replace("w", "v").replace("ph", "f")
    return re.sub(r"(.)\1+", r"\1", s)


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (a transposition counts one edit)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _broad(kind: str) -> str:
    # Acronyms are often tagged PERSON/LOCATION by mistake; merge decisions use name rules, so
    # only keep PERSON apart from the rest.
    return "PERSON" if kind == "PERSON" else "OTHER"


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def acronym_pairs(articles: list[Article]) -> list[tuple[str, str]]:
    """(expansion, acronym) pairs the texts state with parentheses."""
    out: list[tuple[str, str]] = []
    for a in articles:
        for m in _PAIR.finditer(a.body):
            long, short = m.group(1).strip(), m.group(2).strip(".")
            words = long.split()
            # Keep as many trailing words as the acronym needs (the text before may be a verb).
            keep = max(len(short.replace(".", "")), 2)
            cap_words = [w for w in words if w[:1].isupper()]
            if len(cap_words) > keep:
                count, cut = 0, len(words)
                for k in range(len(words) - 1, -1, -1):
                    if words[k][:1].isupper():
                        count += 1
                    if count == keep:
                        cut = k
                        break
                words = words[cut:]
            while words and words[0].lower() in _LOWER_JOINERS:
                words = words[1:]
            if len(words) >= 2 and is_acronym(short):
                out.append((" ".join(words), short))
        for m in _PAIR_REV.finditer(a.body):
            if is_acronym(m.group(1)):
                out.append((m.group(2).strip(), m.group(1)))
    return out


def merge_entities(articles: list[Article], language: str) -> list[StoryEntity]:
    """One :class:`StoryEntity` per merged group, most-mentioned first (ties by name)."""
    forms: Counter[str] = Counter()
    types: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[str, set[str]] = defaultdict(set)
    surface: dict[str, set[str]] = defaultdict(set)
    mentions: list[tuple[Article, Mention]] = [(a, m) for a in articles for m in a.entities]
    for a, m in mentions:
        name = _trim_lower(strip_title(m.text.strip(), a.language))
        if len(name) < 2 or not any(c.isalpha() for c in name):
            continue
        forms[name] += 1
        types[name][m.type] += 1
        where[name].add(a.id)
        surface[name].add(_trim_lower(m.text.strip()))
    for long, short in acronym_pairs(articles):
        for name in (long, short):
            if name in forms:
                continue
            forms[name] += 1
            types[name]["ORGANIZATION"] += 1
            where[name].update(a.id for a in articles if name in a.body)
            surface[name].add(name)
    uf = _Union()
    names = sorted(forms)
    kind = {n: types[n].most_common(1)[0][0] for n in names}
    for n in names:
        uf.find(n)
    # Exact matches ignoring case.
    by_fold: dict[str, str] = {}
    for n in names:
        key = n.casefold()
        if key in by_fold:
            uf.union(by_fold[key], n)
        else:
            by_fold[key] = n
    for long, short in acronym_pairs(articles):
        uf.union(long, short)
    acronyms = [n for n in names if is_acronym(n)]
    for n in names:
        if not is_acronym(n) and len(n.split()) >= 2:
            ini = initials(n)
            for acr in acronyms:
                if ini == acr.replace(".", ""):
                    uf.union(n, acr)
    for i, x in enumerate(acronyms):
        for y in acronyms[i + 1:]:
            if len(x) >= 4 and len(y) >= 4 and x[0] == y[0] and (
                sorted(x) == sorted(y) or edit_distance(x, y) <= 1
            ):
                uf.union(x, y)
    # Short and full person names.
    persons = [n for n in names if _broad(kind[n]) == "PERSON" and not is_acronym(n)]
    full = [n for n in persons if len(n.split()) >= 2]
    # Indexed by word, so a story of thousands of names stays linear (no all-pairs scans).
    by_word: dict[str, list[str]] = defaultdict(list)
    for f in full:
        for w in set(f.split()) | set(f.split()[-1].split("-")):
            by_word[w].append(f)
    for n in persons:
        if len(n.split()) != 1:
            continue
        matches = {uf.find(f) for f in by_word.get(n, ())}
        if len(matches) == 1:
            uf.union(n, next(iter(matches)))
    ordered = sorted(full)
    for f in full:  # "Joko Widodo" inside "Presiden Joko Widodo Jr" style longer forms
        first = f.split()[0]
        for g in ordered[bisect.bisect_left(ordered, first):]:
            if not g.startswith(first):
                break
            if f != g and f in g:
                uf.union(f, g)
    # Place spelling variants.
    by_prefix: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for n in names:
        if kind[n] == "LOCATION" and not is_acronym(n):
            folded = _fold(n)
            by_prefix[folded[:3]].append((n, folded))
    for bucket in by_prefix.values():
        for i, (x, fx) in enumerate(bucket):
            for y, fy in bucket[i + 1:]:
                if (min(len(fx), len(fy)) >= 5 and abs(len(fx) - len(fy)) <= 2
                        and edit_distance(fx, fy) <= 2):
                    uf.union(x, y)
    groups: dict[str, list[str]] = defaultdict(list)
    for n in names:
        groups[uf.find(n)].append(n)
    out: list[StoryEntity] = []
    for members in groups.values():
        type_votes: Counter[str] = Counter()
        for member in members:
            type_votes.update(types[member])
        etype = type_votes.most_common(1)[0][0]
        canonical = _canonical(members, forms)
        aliases = sorted({s for n in members for s in surface[n]} - {canonical})
        arts = sorted({x for n in members for x in where[n]})
        out.append(StoryEntity(canonical, etype, tuple(aliases), tuple(arts)))
    counts = {e.name: sum(forms[m] for m in groups[uf.find(e.name)]) for e in out}
    out.sort(key=lambda e: (-counts[e.name], e.name))
    return out


def _canonical(members: list[str], forms: Counter[str]) -> str:
    # The fullest non-acronym name (an expansion, a full person name), else the most frequent.
    names = [m for m in members if not is_acronym(m)] or members
    return max(names, key=lambda m: (len(m.split()), forms[m], -len(m), m))


class EntityLookup(dict[str, str]):
    """Alias (case-folded) -> canonical name, with an index by last word built on first use
    (a story with thousands of quotes would otherwise scan every alias per speaker)."""

    _by_last: dict[str, set[str]] | None = None

    def by_last(self) -> dict[str, set[str]]:
        """Last word of an alias -> the canonical names it belongs to."""
        if self._by_last is None:
            self._by_last = _last_word_index(self)
        return self._by_last


def _last_word_index(lookup: dict[str, str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for k, v in lookup.items():
        if k.split():
            out[k.split()[-1]].add(v)
    return out


def entity_lookup(entities: list[StoryEntity]) -> EntityLookup:
    """Every alias (and title-less form), case-folded -> the canonical name.

    Places are left out: a place is never a speaker or a source, and "Kepala Dinas Kesehatan
    Sukamaju" must not resolve to "Sukamaju" (the phrase is kept as written instead)."""
    out = EntityLookup()
    for e in entities:
        if e.type == "LOCATION":
            continue
        for alias in (e.name, *e.aliases):
            out.setdefault(alias.casefold(), e.name)
    return out


def resolve(name: str | None, lookup: dict[str, str], language: str,
            persons: frozenset[str] = frozenset()) -> str | None:
    """Map a speaker/attribution string onto a story entity name where one matches."""
    if not name:
        return None
    words = strip_title(name, language).split()
    # The longest tail that names an entity: "Bupati Margaluyu Dewi Anggraeni" -> "Dewi
    # Anggraeni"; a person beats a longer non-person hit (a title swept into an ORG span).
    hits = [h for k in range(len(words)) if (h := lookup.get(" ".join(words[k:]).casefold()))]
    if hits:
        return next((h for h in hits if h in persons), hits[0])
    last = strip_title(name, language).split()[-1].casefold()
    index = lookup.by_last() if isinstance(lookup, EntityLookup) else _last_word_index(lookup)
    same_last = index.get(last, set())
    return next(iter(same_last)) if len(same_last) == 1 else name


def person_names(entities: list[StoryEntity]) -> frozenset[str]:
    """Canonical names of the PERSON entities."""
    return frozenset(e.name for e in entities if e.type == "PERSON")


def entities_stage(story: Story, config: Config) -> None:
    """Story stage: fill ``story.entities``."""
    story.entities = merge_entities(story.articles, story.language)
