"""Summary quality and speed: Warta vs Lead, LexRank and TextRank, side by side in one run.

Data (read from ``../shared/data``, never copied):

* IndoSum fold 5 (``indosum_devfolds/raw/dev.05.jsonl.gz``, Indonesian, single-document, 747
  articles): each article is fed to Warta as JSONL text the way ``bench/ingest.py`` does
  (sentences of a paragraph joined by " ", paragraphs by "\\n"), language forced to ``id``.
  Budget: 3 sentences for every system (Lead-3's budget).
* Multi-News test (``multinews_test_truncated``, English, 2-10 articles per cluster): the first
  ``--multinews N`` clusters (deterministic), empty documents skipped, language forced to ``en``.
  Budget: the reference summary's length in words (whitespace split); every system fills it the
  same way: sentences in the system's rank order, a sentence that would overrun the budget is
  skipped.  Lead = first sentences round-robin across the articles.

Every system chooses among the same sentences (Warta's own sentence split of the cleaned
articles).  LexRank and TextRank are sumy's, with Warta's tokenizer, Indonesian/English stemmer
and stopword lists.  ROUGE-1/2/L F1 (rouge-score) with a tokenizer that keeps non-ASCII letters
(Warta's ``text.tokenize``, lower-cased) and no stemming.  Faithfulness: every Warta summary
sentence must be the exact text of the sentence its first citation names, found in that
article's body; every citation must name an existing sentence.  Speed: summarization only (the
articles are prepared once, outside the timers), ms per story for Warta and sumy LexRank, with
the stemmer cache warmed for both beforehand; the 10-article story (first 10 IndoSum articles
as one story) by median CPU time and best/median wall time of 21 alternating runs of Warta,
Warta with the previous dense similarity, and LexRank.

    .venv/bin/python bench/summarize.py                   # fold 5 + first 1000 Multi-News
    .venv/bin/python bench/summarize.py --skip-indosum --multinews-offset 2000   # dev slice
    .venv/bin/python bench/summarize.py --skip-indosum --multinews-words 100    # fixed budget
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from _common import DATA_DIR, REPO, require  # first: it moves HOME and caches to a temp folder
from warta import text
from warta.config import Config
from warta.errors import InputError
from warta.model import Article, RawArticle, SummarySentence
from warta.pipeline import prepare_article
from warta.summarize import summarize
from warta.text.terms import _stopwords, stem_en, stem_id

INDOSUM = DATA_DIR / "indosum_devfolds" / "raw"
MULTINEWS = DATA_DIR / "multinews_test_truncated" / "multinews_test.jsonl"
SYSTEMS = ("warta", "lead", "lexrank", "textrank")

Ranked = list[tuple[int, int]]  # (article index, sentence index), best first


@dataclass
class Story:
    """One evaluation item: prepared articles, the reference summary and the budget."""

    id: str
    articles: list[Article]
    reference: str
    max_sentences: int | None
    max_words: int | None


@dataclass
class Result:
    """ROUGE sums and timings of one system on one data set."""

    scores: dict[str, list[float]] = field(default_factory=lambda: {"r1": [], "r2": [], "rl": []})
    ms: list[float] = field(default_factory=list)
    words: list[int] = field(default_factory=list)


def indosum_text(paragraphs: list[list[list[str]]]) -> str:
    """An IndoSum article as ``bench/ingest.py`` feeds it (tokens already space-joined)."""
    return "\n".join(" ".join(" ".join(s) for s in para) for para in paragraphs)


def read_indosum(fold: int) -> Iterator[dict[str, Any]]:
    """Rows of IndoSum ``dev.0<fold>.jsonl.gz``."""
    path = require(INDOSUM / f"dev.0{fold}.jsonl.gz", "IndoSum dev folds")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def _prepare(raw: RawArticle, config: Config) -> Article | None:
    try:
        return prepare_article(raw, config)
    except InputError:
        return None


def indosum_stories(fold: int, limit: int | None) -> list[Story]:
    """IndoSum fold ``fold`` as one-article stories, budget 3 sentences."""
    config = Config(language="id")
    out: list[Story] = []
    for row in read_indosum(fold):
        if limit is not None and len(out) >= limit:
            break
        raw = RawArticle(id=row["id"], text=indosum_text(row["paragraphs"]), format="jsonl",
                         source=row.get("source"), language="id")
        art = _prepare(raw, config)
        if art is None:
            continue
        reference = " ".join(" ".join(s) for s in row["summary"])
        out.append(Story(row["id"], [art], reference, 3, None))
    return out


def multinews_stories(offset: int, limit: int, fixed_words: int = 0) -> list[Story]:
    """Multi-News test clusters ``offset .. offset+limit-1``, budget = reference length (or
    ``fixed_words`` words for every cluster when set)."""
    config = Config(language="en")
    out: list[Story] = []
    with open(require(MULTINEWS, "Multi-News test"), encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < offset:
                continue
            if i >= offset + limit:
                break
            row = json.loads(line)
            arts = []
            for k, doc in enumerate(row["documents"]):
                if not doc.strip():
                    continue  # empty documents are skipped
                art = _prepare(RawArticle(id=f"{row['id']}-{k}", text=doc, format="jsonl",
                                          language="en"), config)
                if art is not None:
                    arts.append(art)
            if arts:
                words = fixed_words or len(row["summary"].split())
                out.append(Story(str(row["id"]), arts, row["summary"], None, words))
    return out


def fill(ranked: Ranked, story: Story) -> Ranked:
    """The budget filled the same way for every system: in rank order, skipping a sentence
    that would overrun the word budget; at most ``max_sentences`` sentences."""
    out: Ranked = []
    used = 0
    seen: set[str] = set()
    for a, s in ranked:
        t = story.articles[a].sentences[s].text
        if t in seen:
            continue
        n = len(t.split())
        if story.max_words is not None and used + n > story.max_words:
            continue
        out.append((a, s))
        seen.add(t)
        used += n
        if story.max_sentences is not None and len(out) >= story.max_sentences:
            break
    return out


def lead(story: Story) -> Ranked:
    """First sentences, round-robin across the articles (Lead-3 for one article)."""
    longest = max(len(a.sentences) for a in story.articles)
    return [(a, s) for s in range(longest) for a in range(len(story.articles))
            if s < len(story.articles[a].sentences)]


class SumyTokenizer:
    """sumy's tokenizer interface on Warta's tokenizer (NLTK data cannot be downloaded)."""

    def to_words(self, sentence: str) -> list[str]:
        """Word tokens of one sentence."""
        return text.tokenize(sentence)

    def to_sentences(self, paragraph: str) -> list[str]:
        """Unused: the documents are built from Warta's sentences."""
        return [paragraph]


def make_sumy(kind: str, language: str) -> Callable[[Story], Ranked]:
    """A ranking function over a story's sentences by sumy's LexRank or TextRank."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    stem = stem_id if language == "id" else stem_en
    summarizer = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(stem)
    summarizer.stop_words = _stopwords(language)
    tokenizer = SumyTokenizer()

    def rank(story: Story) -> Ranked:
        where: dict[str, tuple[int, int]] = {}
        paragraphs = []
        for a, art in enumerate(story.articles):
            sents = []
            for s, sent in enumerate(art.sentences):
                where.setdefault(sent.text.strip(), (a, s))
                sents.append(SumySentence(sent.text, tokenizer))
            paragraphs.append(Paragraph(sents))
        captured: list[Any] = []

        def keep_all(infos: list[Any]) -> list[Any]:
            captured.extend(infos)  # sumy hands the sentences sorted by rating, best first
            return infos

        summarizer(ObjectDocumentModel(paragraphs), keep_all)
        return [where[str(info.sentence)] for info in captured]

    return rank


def warta_rank(story: Story) -> tuple[Ranked, list[SummarySentence]]:
    """Warta's summary (already within the budget) as (article, sentence) pairs."""
    config = Config(summary_sentences=story.max_sentences or 100,
                    summary_max_words=story.max_words)
    summary = summarize(story.articles, config)
    index = {a.id: i for i, a in enumerate(story.articles)}
    return [(index[s.citations[0].article], s.citations[0].sentence) for s in summary], summary


def violations(story: Story, summary: Sequence[SummarySentence]) -> int:
    """Summary sentences not found verbatim (whitespace aside) in their cited article, plus
    citations naming a sentence that does not exist."""
    by_id = {a.id: a for a in story.articles}
    bad = 0
    for s in summary:
        origin = s.citations[0] if s.citations else None
        art = by_id.get(origin.article) if origin else None
        squash = " ".join(s.text.split())
        if (art is None or origin is None or not 0 <= origin.sentence < len(art.sentences)
                or art.sentences[origin.sentence].text != s.text
                or squash not in " ".join(art.body.split())):
            bad += 1
        for c in s.citations[1:]:
            if c.article not in by_id or not 0 <= c.sentence < len(by_id[c.article].sentences):
                bad += 1
    return bad


class RougeTokenizer:
    """rouge-score tokenizer keeping non-ASCII letters (its default drops them)."""

    def tokenize(self, t: str) -> list[str]:
        """Lower-cased Warta tokens."""
        return [w.lower() for w in text.tokenize(t)]


def warm(stories: Sequence[Story], language: str) -> None:
    """Stem every word once so neither Warta nor sumy pays Sastrawi's first-sight cost."""
    stem = stem_id if language == "id" else stem_en
    for story in stories:
        for art in story.articles:
            for s in art.sentences:
                text.content_terms(s.text, language)
                for w in text.tokenize(s.text):
                    stem(w.lower())


def evaluate(name: str, stories: list[Story], language: str) -> dict[str, Any]:
    """Run every system on ``stories``; ROUGE, words, timings and faithfulness violations."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False,
                                      tokenizer=RougeTokenizer())
    warm(stories, language)
    rankers: dict[str, Callable[[Story], Ranked]] = {
        "lead": lead, "lexrank": make_sumy("lexrank", language),
        "textrank": make_sumy("textrank", language),
    }
    results = {k: Result() for k in SYSTEMS}
    bad = 0
    for story in stories:
        for system in SYSTEMS:
            t0 = time.perf_counter()
            if system == "warta":
                chosen, summary = warta_rank(story)
                bad += violations(story, summary)
            else:
                chosen = fill(rankers[system](story), story)
            ms = (time.perf_counter() - t0) * 1000
            out = " ".join(story.articles[a].sentences[s].text for a, s in chosen)
            sc = scorer.score(story.reference, out)
            r = results[system]
            for key, metric in (("r1", "rouge1"), ("r2", "rouge2"), ("rl", "rougeL")):
                r.scores[key].append(sc[metric].fmeasure * 100)
            r.ms.append(ms)
            r.words.append(len(out.split()))
    table = {
        system: {
            **{k: round(statistics.fmean(v), 2) for k, v in r.scores.items()},
            "words": round(statistics.fmean(r.words), 1),
            "ms_per_story": round(statistics.fmean(r.ms), 2),
        }
        for system, r in results.items()
    }
    return {"data": name, "stories": len(stories), "systems": table, "violations": bad,
            "speed_ratio_lexrank_over_warta": round(
                table["lexrank"]["ms_per_story"] / max(table["warta"]["ms_per_story"], 1e-9), 2)}


def dense_similarity(term_lists: Sequence[Sequence[str]]) -> Any:
    """The previous ``features.similarity``: the same weighted rows, multiplied as a dense
    matrix (a multithreaded BLAS product), kept here only to time it against the sparse one."""
    import numpy as np

    from warta.summarize.features import weighted_rows

    m, has_terms = weighted_rows(term_lists)
    d = m.toarray()
    out = d @ d.T
    np.fill_diagonal(out, has_terms)
    return out


def ten_article_speed(stories: list[Story], language: str, repeat: int = 21) -> dict[str, Any]:
    """Warta (and Warta with the previous dense similarity) and sumy LexRank on one story made
    of the first 10 articles: median CPU time (``time.process_time``) and best wall time of
    ``repeat`` runs, the systems alternating run by run so that load hits them alike."""
    import importlib

    package = importlib.import_module("warta.summarize")
    arts = [s.articles[0] for s in stories[:10]]
    story = Story("ten", arts, "", 5, None)
    warm([story], language)
    lexrank = make_sumy("lexrank", language)
    sparse_similarity = package.similarity

    def warta_dense() -> object:
        package.similarity = dense_similarity
        try:
            return summarize(arts, Config(summary_sentences=5))
        finally:
            package.similarity = sparse_similarity

    systems: dict[str, Callable[[], object]] = {
        "warta": lambda: summarize(arts, Config(summary_sentences=5)),
        "warta_dense_blas": warta_dense,
        "lexrank": lambda: fill(lexrank(story), story),
    }
    if summarize(arts, Config(summary_sentences=5)) != warta_dense():
        raise SystemExit("dense and sparse similarity chose different summaries")
    cpu: dict[str, list[float]] = {k: [] for k in systems}
    wall: dict[str, list[float]] = {k: [] for k in systems}
    for _ in range(repeat):
        for name, fn in systems.items():
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            cpu[name].append((time.process_time() - c0) * 1000)
            wall[name].append((time.perf_counter() - t0) * 1000)
    return {"articles": len(arts), "sentences": sum(len(a.sentences) for a in arts),
            "repeat": repeat,
            "cpu_ms_median": {k: round(statistics.median(v), 2) for k, v in cpu.items()},
            "wall_ms_best": {k: round(min(v), 2) for k, v in wall.items()},
            "wall_ms_median": {k: round(statistics.median(v), 2) for k, v in wall.items()},
            "loadavg": [round(x, 2) for x in os.getloadavg()]}


def _print(report: dict[str, Any]) -> None:
    print(f"\n== {report['data']} ({report['stories']} stories)")
    print(f"{'system':10} {'R1':>6} {'R2':>6} {'RL':>6} {'words':>6} {'ms/story':>9}")
    for system, row in report["systems"].items():
        print(f"{system:10} {row['r1']:6.2f} {row['r2']:6.2f} {row['rl']:6.2f} "
              f"{row['words']:6.1f} {row['ms_per_story']:9.2f}")
    best = max(v["r1"] for k, v in report["systems"].items() if k != "warta")
    print(f"Warta R1 - best baseline R1: {report['systems']['warta']['r1'] - best:+.2f}")
    print(f"faithfulness violations: {report['violations']}")
    print(f"LexRank ms / Warta ms: {report['speed_ratio_lexrank_over_warta']}")


def main() -> None:
    """Parse options, run the evaluations, print a table (or JSON)."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--indosum-fold", type=int, default=5)
    p.add_argument("--indosum-limit", type=int, default=None, help="first N articles only")
    p.add_argument("--multinews", type=int, default=1000, help="clusters to evaluate (0: skip)")
    p.add_argument("--multinews-offset", type=int, default=0, help="first cluster index")
    p.add_argument("--multinews-words", type=int, default=0,
                   help="fixed word budget for every cluster (default 0: the reference's length)")
    p.add_argument("--skip-indosum", action="store_true")
    p.add_argument("--no-model", action="store_true",
                   help="ablation: Warta with the fixed fallback weights instead of the learned model")
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    if args.no_model:
        import importlib

        importlib.import_module("warta.summarize").shipped_model = lambda: None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True).stdout.strip()
    meta = {"commit": commit, "python": platform.python_version(), "cpus": os.cpu_count(),
            "loadavg": [round(x, 2) for x in os.getloadavg()],
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    reports: list[dict[str, Any]] = []
    if not args.skip_indosum:
        stories = indosum_stories(args.indosum_fold, args.indosum_limit)
        rep = evaluate(f"IndoSum fold {args.indosum_fold}, budget 3 sentences", stories, "id")
        rep["ten_article_story"] = ten_article_speed(stories, "id")
        reports.append(rep)
    if args.multinews:
        stories = multinews_stories(args.multinews_offset, args.multinews, args.multinews_words)
        budget = f"{args.multinews_words} words" if args.multinews_words else "reference words"
        reports.append(evaluate(
            f"Multi-News test clusters {args.multinews_offset}..{args.multinews_offset + args.multinews - 1}"
            f", budget = {budget}", stories, "en"))
    meta["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    if args.json:
        json.dump({"meta": meta, "reports": reports}, sys.stdout, indent=1)
        print()
        return
    print(json.dumps(meta))
    for rep in reports:
        _print(rep)
        if "ten_article_story" in rep:
            print(f"10-article story: {json.dumps(rep['ten_article_story'])}")
    if any(r["violations"] for r in reports):
        sys.exit(1)


if __name__ == "__main__":
    main()
