"""The ``warta`` command: parse arguments -> Config -> library -> render.

Expected problems never print a traceback: domain errors become one ``warta: error: ...`` line.
Exit codes: 0 at least one article was read, 1 none could be (or output failed), 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from typing import Any

from . import __version__
from .config import FORMATS, Config
from .errors import ConfigError, WartaError
from .model import Digest
from .pipeline import digest
from .progress import Progress
from .render import render

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2, as for every usage error
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for docs and tests)."""
    parser = _Parser(prog="warta", description="News articles in, cited event briefs out.")
    parser.add_argument("--version", action="version", version=f"warta {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("digest", help="group articles into stories and write cited briefs")
    p.add_argument("inputs", nargs="+", metavar="PATH",
                   help="files, folders (recursive), http(s) URLs, or - for stdin")
    p.add_argument("--format", "-f", choices=FORMATS, default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--explain", "-v", action="store_true",
                   help="show which lines the cleaner removed and why (stderr, and in the output)")
    p.add_argument("--language", metavar="CODE", help="force the language (default: detect)")
    p.add_argument("--summary-sentences", type=int, metavar="K", help="sentences per summary")
    p.add_argument("--story-threshold", type=float, metavar="X",
                   help="similarity (0-1] needed to join a story")
    p.add_argument("--url-timeout", type=float, metavar="SECONDS")
    p.add_argument("--max-article-bytes", type=int, metavar="N")
    p.add_argument("--quiet", "-q", action="store_true", help="do not list skipped inputs")
    progress = p.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_const", const=True)
    progress.add_argument("--no-progress", dest="progress", action="store_const", const=False)
    return parser


def _config(args: argparse.Namespace) -> Config:
    return Config.from_mapping({
        "format": args.format,
        "language": args.language,
        "summary_sentences": args.summary_sentences,
        "story_threshold": args.story_threshold,
        "url_timeout": args.url_timeout,
        "max_article_bytes": args.max_article_bytes,
        "explain": args.explain,
        "progress": args.progress,
    })


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    # Write next to the target and rename, so a failed run never leaves half a file behind.
    folder = os.path.dirname(os.path.abspath(output))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".warta-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _report(result: Digest, config: Config, quiet: bool) -> None:
    err = sys.stderr
    if not quiet:
        for s in result.skipped:
            err.write(f"warta: skipped {s.input}: {s.reason}\n")
    if config.explain:
        for story in result.stories:
            for a in story.articles:
                for r in a.removed:
                    err.write(f"warta: {a.id}: line {r.line + 1} removed ({r.reason}): {r.text}\n")
    err.write(
        f"warta: {result.articles_read} article(s) read, {len(result.skipped)} skipped, "
        f"{len(result.stories)} story(ies)\n"
    )


def cmd_digest(args: argparse.Namespace) -> int:
    """``warta digest``."""
    config = _config(args)
    bar = Progress("warta: reading", enabled=config.progress)
    try:
        result = digest(args.inputs, config, stdin=sys.stdin.buffer, on_item=bar)
    finally:
        bar.close()
    _report(result, config, args.quiet)
    _write(render(result, config), args.output)
    return EXIT_OK if result.articles_read else EXIT_NOTHING


COMMANDS = {"digest": cmd_digest}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``warta`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ConfigError as exc:
        sys.stderr.write(f"warta: error: {exc}\n")
        return EXIT_USAGE
    except WartaError as exc:
        sys.stderr.write(f"warta: error: {exc}\n")
        return EXIT_NOTHING
    except OSError as exc:
        sys.stderr.write(f"warta: error: {exc.strerror or exc}: {exc.filename or ''}\n".rstrip())
        return EXIT_NOTHING
    except KeyboardInterrupt:
        sys.stderr.write("warta: interrupted\n")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
