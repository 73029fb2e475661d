"""Story grouping entry point (now :mod:`warta.stories`) and the article vectors used to pick a
story's representative headline."""

from __future__ import annotations

from collections.abc import Sequence

from .. import text
from ..config import Config
from ..model import Article
from .vectors import SparseVec, add_into, idf_table, normalize, tfidf

#: Sentences that make an article's "lead" field.
LEAD_SENTENCES = 3


def article_fields(article: Article) -> dict[str, list[str]]:
    """The term lists Warta compares articles on: title, lead, body and capitalised names."""
    sentences = [s.text for s in article.sentences]
    lead = " ".join(sentences[:LEAD_SENTENCES])
    lang = article.language
    return {
        "title": text.content_terms(article.title or "", lang),
        "lead": text.content_terms(lead, lang),
        "body": text.content_terms(" ".join(sentences), lang),
        "names": ["@" + n for n in text.name_terms(" ".join([article.title or "", lead]))],
    }


def article_vectors(articles: Sequence[Article]) -> list[SparseVec]:
    """One unit vector per article: the normalised sum of its per-field TF-IDF vectors."""
    per_article = [article_fields(a) for a in articles]
    names = ("title", "lead", "body", "names")
    idfs = {f: idf_table(p[f] for p in per_article) for f in names}
    vectors: list[SparseVec] = []
    for fields_ in per_article:
        acc: SparseVec = {}
        for f in names:
            idf, n = idfs[f]
            add_into(acc, tfidf(fields_[f], idf, default_idf=1.0 + n))
        vectors.append(normalize(acc))
    return vectors


def group_articles(articles: Sequence[Article], config: Config) -> list[list[Article]]:
    """Group articles into stories (each in publication order): a thin wrapper over
    :func:`warta.stories.cluster_articles`, kept for callers of the first grouping."""
    from ..stories import cluster_articles

    return [members for _, members in cluster_articles(articles, config)]
