"""``warta dates``: the temporal expressions of one text, with offsets into it exactly as given."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from ..annotate.dates import infer_published, tag_article
from ..errors import ConfigError
from ..ingest.decode import decode_bytes
from ..model import Article
from ..text import detect_language, split_sentences
from .common import EXIT_NOTHING, EXIT_OK, write_output


def register(sub: Any) -> None:
    """Add the ``dates`` parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "dates", help="find and normalize the date/time expressions of a text"
    )
    p.add_argument("input", metavar="FILE", help="a text file, or - for stdin")
    p.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        help="the reference date (default: inferred from the text, else none)",
    )
    p.add_argument("--language", metavar="CODE", help="force the language (default: detect)")
    p.add_argument("--format", "-f", choices=["json"], default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(func=run)


def _reference(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"--published must be YYYY-MM-DD, got {value!r}") from exc


def run(args: argparse.Namespace) -> int:
    """Run ``warta dates``: a JSON list of ``{text, start, end, type, value}`` (+ notes)."""
    reference = _reference(args.published)
    if args.input == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(args.input, "rb") as fh:
            data = fh.read()
    # Offsets must point into the text as given: decode only, no cleaning, no normalization.
    text = decode_bytes(data)
    language = args.language or detect_language(text)
    sentences = split_sentences(text, language)
    if reference is None:
        found = infer_published(text, language, sentences)
        if found is not None:
            reference = found.date
            sys.stderr.write(f"warta: reference date {found.date} ({found.evidence})\n")
    out: list[dict[str, Any]] = []
    for t in tag_article(Article("input", text, language, sentences=sentences), reference):
        item: dict[str, Any] = {
            "text": t.text,
            "start": t.start,
            "end": t.end,
            "type": t.type,
            "value": t.value,
        }
        if t.zone:
            item["zone"] = t.zone
        if t.status != "ok":
            item["status"] = t.status
        if t.note:
            item["note"] = t.note
        out.append(item)
    write_output(json.dumps(out, ensure_ascii=False, indent=2) + "\n", args.output)
    return EXIT_OK if out else EXIT_NOTHING
