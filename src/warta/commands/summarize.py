"""``warta summarize``: articles in, one cited extractive summary out (or one per group).

Without ``--group-by`` every input article belongs to one story.  With ``--group-by FIELD`` the
articles are grouped by that field of their JSONL records (``source``, ``title``, ``url``,
``author``, ``published`` or any extra field, e.g. an upstream cluster id), one summary per
group.  It is both a user feature (summarise articles someone else already grouped) and the
evaluation entry point.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import Any

from .. import ingest
from ..config import Config
from ..model import Article, Skipped
from ..pipeline import prepare_all
from ..progress import Progress
from ..summarize import headline, summarize
from .common import (
    EXIT_NOTHING,
    EXIT_OK,
    add_input_options,
    input_options,
    report_skipped,
    write_output,
)

#: Article attributes a ``--group-by`` field may name directly (others are looked up in
#: ``Article.extra``, where the JSONL reader keeps unknown fields).
_ATTRIBUTES = ("id", "source", "title", "url", "author", "published", "language", "path")


def register(sub: Any) -> None:
    """Add the ``summarize`` parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "summarize", help="one cited extractive summary of the inputs (or one per --group-by value)"
    )
    add_input_options(p)
    p.add_argument("--group-by", metavar="FIELD",
                   help="group JSONL articles by this field; one summary per group (JSONL out)")
    budget = p.add_mutually_exclusive_group()
    budget.add_argument("--max-words", type=int, metavar="N", help="word budget of a summary")
    budget.add_argument("--max-sentences", type=int, metavar="K",
                        help="sentences in a summary (default 5)")
    p.add_argument("--format", "-f", choices=("json", "jsonl"), default=None,
                   help="json (default) or jsonl (default with --group-by)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(func=run)


def group_value(article: Article, field: str) -> Any:
    """The value of ``field`` for ``article`` (``None`` when it has none); dates as ISO text."""
    if field == "author":
        value: Any = article.writer
    elif field in _ATTRIBUTES:
        value = getattr(article, field)
    else:
        value = article.extra.get(field)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True)
    return None if value == "" else value


def group_articles(
    articles: Sequence[Article], field: str
) -> tuple[list[tuple[Any, list[Article]]], list[Skipped]]:
    """Groups in order of first appearance; articles without the field are skipped."""
    groups: dict[str, tuple[Any, list[Article]]] = {}
    skipped: list[Skipped] = []
    for a in articles:
        value = group_value(a, field)
        if value is None:
            skipped.append(Skipped(a.id, f"no {field!r} field to group by"))
            continue
        groups.setdefault(json.dumps(value), (value, []))[1].append(a)
    return list(groups.values()), skipped


def summary_record(articles: Sequence[Article], config: Config) -> dict[str, Any]:
    """The JSON object of one summary: headline, article count and the cited sentences."""
    members = sorted(articles, key=lambda a: (a.published or dt.date.max, a.id))
    summary = summarize(members, config)
    record: dict[str, Any] = {
        "headline": headline(members) or (summary[0].text if summary else ""),
        "articles": len(members),
        "summary": [
            {"text": s.text,
             "citations": [{"article": c.article, "sentence": c.sentence} for c in s.citations]}
            for s in summary
        ],
    }
    if not summary and config.summary_max_words is not None:
        shortest = min((len(s.text.split()) for a in members for s in a.sentences), default=0)
        record["reason"] = (f"no sentence fits the budget of {config.summary_max_words} words "
                            f"(shortest: {shortest})")
    return record


def run(args: argparse.Namespace) -> int:
    """Run ``warta summarize``."""
    config = Config.from_mapping({
        **input_options(args),
        "summary_sentences": args.max_sentences if args.max_sentences is not None
        else (100 if args.max_words is not None else None),
        "summary_max_words": args.max_words,
    })
    fmt = args.format or ("jsonl" if args.group_by else "json")
    bar = Progress("warta: reading", enabled=config.progress)
    try:
        articles, skipped = prepare_all(
            ingest.read_inputs(args.inputs, config, stdin=sys.stdin.buffer), config, bar)
    finally:
        bar.close()
    if args.group_by:
        groups, no_field = group_articles(articles, args.group_by)
        skipped += no_field
    else:
        groups = [(None, articles)] if articles else []
    report_skipped(skipped, args.quiet)
    records = []
    for value, members in groups:
        record = summary_record(members, config)
        if args.group_by:
            record = {"group": value, **record}
        if "reason" in record:
            sys.stderr.write(f"warta: {record['reason']}\n")
        records.append(record)
    if fmt == "jsonl":
        out = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    elif args.group_by:
        out = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    else:
        out = json.dumps(records[0] if records else {"articles": 0, "summary": []},
                         ensure_ascii=False, indent=2) + "\n"
    sys.stderr.write(f"warta: {len(articles)} article(s) read, {len(skipped)} skipped, "
                     f"{len(records)} summary(ies)\n")
    write_output(out, args.output)
    return EXIT_OK if articles else EXIT_NOTHING
