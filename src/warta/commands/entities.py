"""``warta entities FILE|-``: named entities of a text, with offsets into the text as given."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..annotate.entities import find_entities
from ..errors import InputError
from ..text import detect_language
from .common import EXIT_OK, add_ner_model_option, write_output


def register(sub: Any) -> None:
    """Add the ``entities`` parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "entities", help="list the named entities of a text file (offsets into the text)"
    )
    p.add_argument("input", metavar="FILE", help="a UTF-8 text file, or - for stdin")
    p.add_argument("--format", "-f", choices=("json", "tsv"), default="json")
    p.add_argument("--language", metavar="CODE", help="force the language (default: detect)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    add_ner_model_option(p)
    p.set_defaults(func=run)


def read_text(path: str) -> str:
    """The input text exactly as given (no newline translation, so offsets stay true)."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text") from exc


def entities_of(text: str, language: str | None = None, model: str = "crf") -> list[dict[str, Any]]:
    """``[{"text", "start", "end", "type"}]`` for ``text`` (character offsets)."""
    lang = language or (detect_language(text) if text.strip() else "id")
    return [{"text": t, "start": s, "end": e, "type": k}
            for t, s, e, k in find_entities(text, lang, model)]


def run(args: argparse.Namespace) -> int:
    """Run ``warta entities``."""
    found = entities_of(read_text(args.input), args.language, args.ner_model or "crf")
    if args.format == "json":
        out = json.dumps(found, ensure_ascii=False, indent=2) + "\n"
    else:
        out = "".join(f"{x['start']}\t{x['end']}\t{x['type']}\t{x['text']}\n" for x in found)
    write_output(out, args.output)
    return EXIT_OK
