"""Quotes of an article: direct (“…”, "…", also across sentences) and indirect ("mengatakan
bahwa …", "menurut X, …"), each with its speaker where the text names one.

Speakers: a name right after the closing quote ("…," kata Tokayev), a name before a speech verb
(Tokayev mengatakan, "…"), or for "katanya"/"ujarnya" the last speaker named in the article
(the pronoun refers back).  Quotation marks that never close are ignored.
"""

from __future__ import annotations

import functools
import re

from ..config import Config
from ..lang import load_with_default
from ..model import Article, Quote, Sentence
from .attribution import _NAME, PRONOUNS, attribution, clean_name

# Opening mark -> closing marks; a quote may not run past a blank line or 1500 characters.
# Curly quotes pair unambiguously, so they may span sentences and lines; straight quotes may
# not cross a line (one stray mark would otherwise pair quotes across the whole article).
_DIRECT = re.compile(r"“([^”“]{3,1500})”|\"([^\"\n]{3,1500})\"|«([^»]{3,1500})»")
_MIN_WORDS = 3


@functools.cache
def _speech(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = load_with_default(language, "speech")
    verbs = sorted(data.get("verbs", []), key=len, reverse=True)
    v = "|".join(re.escape(x) for x in verbs)
    according = "|".join(re.escape(x) for x in sorted(data.get("according", []), key=len, reverse=True))
    that = "|".join(re.escape(x) for x in data.get("that", [])) or "(?!)"
    # After a closing quote: ', kata Tokayev' / ' ujarnya'
    tail = re.compile(rf"^\s*[,.]?\s*(?:{v})(?:\s+{_NAME})?")
    # Indirect: "<Name> <verb> bahwa <clause>"
    indirect = re.compile(rf"{_NAME}[^.]*?\b(?:{v})\s+(?:{that})\s+(?P<clause>.+)$")
    menurut = re.compile(rf"^(?:{according})\s+(?P<who>[^,]{{2,80}}),\s*(?P<clause>.+)$", re.IGNORECASE)
    pronoun_verbs = frozenset(x for x in verbs if x.endswith("nya"))
    return tail, indirect, menurut, pronoun_verbs


def _sentence_at(sentences: list[Sentence], offset: int) -> int:
    for i, s in enumerate(sentences):
        if s.start <= offset < s.end or offset < s.start:
            return i
    return max(len(sentences) - 1, 0)


def find_quotes(article: Article) -> list[Quote]:
    """Direct then indirect quotes of ``article``, in text order."""
    tail, indirect, menurut, pronoun_verbs = _speech(article.language)
    body = article.body
    quotes: list[Quote] = []
    last_speaker: str | None = None
    covered: set[int] = set()
    for m in _DIRECT.finditer(body):
        text = next(g for g in m.groups() if g is not None).strip().rstrip(",")
        if len(text.split()) < _MIN_WORDS:
            continue  # a scare-quoted term, not a quote
        first = _sentence_at(article.sentences, m.start())
        last = _sentence_at(article.sentences, m.end() - 1)
        speaker = None
        t = tail.match(body[m.end(): m.end() + 120])
        if t:
            speaker = clean_name(t.group(1)) if t.group(1) else None
            verb = t.group(0).strip(" ,.").split()[0].lower()
            if speaker is None and verb in pronoun_verbs:
                speaker = last_speaker or "-nya"
        if speaker is None:
            # "Tokayev mengatakan, “…”": the name before the quote in the same sentence.
            sent = article.sentences[first]
            speaker = attribution(body[sent.start: m.start()], article.language)
        if speaker is None:
            sent = article.sentences[last]
            speaker = attribution(body[m.end(): sent.end], article.language)
        if speaker:
            last_speaker = speaker
        quotes.append(Quote(text, speaker, True, first, m.start(), m.end()))
        covered.update(range(first, last + 1))
    for i, s in enumerate(article.sentences):
        if i in covered or '"' in s.text or "“" in s.text:
            continue
        im = indirect.search(s.text)
        if im:
            who = clean_name(im.group(1))
            clause = im.group("clause").strip()
            if who and len(clause.split()) >= _MIN_WORDS:
                start = s.start + im.start("clause")
                quotes.append(Quote(clause, who, False, i, start, start + len(clause)))
                continue
        mm = menurut.match(s.text)
        if mm and len(mm.group("clause").split()) >= _MIN_WORDS:
            start = s.start + mm.start("clause")
            clause = mm.group("clause").strip()
            quotes.append(Quote(clause, clean_name(mm.group("who")), False, i, start, start + len(clause)))
    quotes.sort(key=lambda q: (q.start, q.end))
    return _resolve_pronouns(quotes, article)


def _resolve_pronouns(quotes: list[Quote], article: Article) -> list[Quote]:
    # "Menurut dia, ..." / "ujarnya": the pronoun refers to the last person named as saying
    # something before it (in a quote or in any sentence with a speech verb).
    named: dict[int, str] = {}
    for i, s in enumerate(article.sentences):
        who = attribution(s.text, article.language)
        if who and who.lower() not in PRONOUNS:
            named[i] = who
    for q in quotes:
        if q.speaker and q.speaker.lower() not in PRONOUNS:
            named.setdefault(q.sentence, q.speaker)
    out: list[Quote] = []
    for q in quotes:
        speaker = q.speaker
        if speaker is not None and speaker.lower() in PRONOUNS:
            earlier = [i for i in named if i < q.sentence]
            speaker = named[max(earlier)] if earlier else None
        out.append(Quote(q.text, speaker, q.direct, q.sentence, q.start, q.end))
    return out


def annotate_quotes(article: Article, config: Config) -> None:
    """Annotator: fill ``article.quotes``."""
    article.quotes = find_quotes(article)
