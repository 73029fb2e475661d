"""Articles to and from the JSON stored in the database.

Only the core fields of :class:`~warta.model.Article` are stored; what annotators add is
recomputed on load (annotators are pure functions of the article), so new annotators never need
a migration and an old database still gets their output.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .. import annotate
from ..config import Config
from ..model import Article, RemovedLine, Sentence


def article_to_json(article: Article) -> str:
    """The stored form of a prepared article."""
    data: dict[str, Any] = {
        "id": article.id,
        "body": article.body,
        "language": article.language,
        "path": article.path,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "published_evidence": article.published_evidence,
        "writer": article.writer,
        "editor": article.editor,
        "dateline_place": article.dateline_place,
        "removed": [[r.line, r.text, r.reason] for r in article.removed],
        "sentences": [[s.text, s.start, s.end, s.paragraph] for s in article.sentences],
        "extra": article.extra,
    }
    # default=str: a metadata value of an odd type must not make the article unstorable.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)


def article_from_json(text: str, config: Config) -> Article:
    """Rebuild a prepared article and run the annotators on it."""
    d = json.loads(text)
    body: str = d["body"]
    article = Article(
        id=d["id"],
        body=body,
        language=d["language"],
        path=d.get("path"),
        url=d.get("url"),
        title=d.get("title"),
        source=d.get("source"),
        published=dt.date.fromisoformat(d["published"]) if d.get("published") else None,
        published_evidence=d.get("published_evidence"),
        writer=d.get("writer"),
        editor=d.get("editor"),
        dateline_place=d.get("dateline_place"),
        removed=[RemovedLine(line, txt, reason) for line, txt, reason in d.get("removed", [])],
        sentences=[Sentence(t, s, e, p) for t, s, e, p in d.get("sentences", [])],
        extra=d.get("extra") or {},
    )
    return annotate.annotate(article, config)
