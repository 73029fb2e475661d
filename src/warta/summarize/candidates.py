"""Candidate sentences: which source sentences may appear in a summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..clean import boilerplate_sentence
from ..model import Article

#: Sentences shorter than this (in words) are not summary material (captions, fragments).
MIN_WORDS = 5
#: Sentences longer than this are usually run-ons or lists (tuned on Multi-News clusters 5000+).
MAX_WORDS = 150
#: How a complete sentence ends; a sentence ending otherwise is cut off (truncated feeds,
#: captions, teasers) and not summary material.
_FINAL = (".", "!", "\"", "'", "”", "’", ")", "»", "…", "。", "؟", "।")
#: Only this many leading sentences of each article compete (the news lead carries the event).
MAX_PER_ARTICLE = 25
#: A story of hundreds of articles keeps only this many candidates, the leads first: the
#: pairwise similarity matrix grows with the square of the count (2,000 is ~32 MB).
MAX_CANDIDATES = 2000


@dataclass(frozen=True)
class Candidate:
    """Sentence ``sentence`` of article ``article`` (indices into the story's lists)."""

    article: int
    sentence: int
    text: str
    words: int
    paragraph: int  # 0-based rank of its paragraph within the article


def candidates(articles: Sequence[Article]) -> list[Candidate]:
    """Summary candidates of ``articles``: leading sentences of a sensible length that end as a
    complete statement (not a question, not cut off) and are not page furniture (a caption, a
    player notice: :func:`warta.clean.boilerplate_sentence`); when no sentence qualifies, every
    leading sentence that is not furniture (short articles still get a summary).  A huge story
    keeps at most :data:`MAX_CANDIDATES`, leads first."""
    out: list[Candidate] = []
    every: list[Candidate] = []
    for a, article in enumerate(articles):
        paragraphs: dict[int, int] = {}
        for i, s in enumerate(article.sentences[:MAX_PER_ARTICLE]):
            para = paragraphs.setdefault(s.paragraph, len(paragraphs))
            n_words = len(s.text.split())
            if not s.text.strip():
                continue
            c = Candidate(a, i, s.text, n_words, para)
            every.append(c)
            end = s.text.rstrip()
            if (MIN_WORDS <= n_words <= MAX_WORDS and end.endswith(_FINAL)
                    and boilerplate_sentence(end, article.language) is None):
                out.append(c)
    if not out:
        out = [c for c in every
               if boilerplate_sentence(c.text, articles[c.article].language) is None]
    return _bounded(out)


def _bounded(cands: list[Candidate]) -> list[Candidate]:
    """At most :data:`MAX_CANDIDATES`, taking every article's first sentences before any
    article's later ones, back in story order."""
    if len(cands) <= MAX_CANDIDATES:
        return cands
    kept = sorted(cands, key=lambda c: (c.sentence, c.article))[:MAX_CANDIDATES]
    return sorted(kept, key=lambda c: (c.article, c.sentence))
