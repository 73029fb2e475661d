"""The ``warta`` command: parse arguments -> Config -> library -> render.

Each subcommand lives in ``warta/commands/<name>.py`` and exposes ``register(subparsers)`` (adds
its parser, with ``func`` set to a ``(args) -> exit code`` callable).  This module only builds
the parser and turns domain errors into one ``warta: error: ...`` line: no traceback for
anything expected.  Exit codes: 0 success (at least one article read), 1 nothing could be read
or output failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from . import __version__
from .commands import COMMANDS
from .commands.common import EXIT_NOTHING, EXIT_USAGE
from .errors import ConfigError, WartaError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2, as for every usage error
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand (exposed for docs and tests)."""
    parser = _Parser(prog="warta", description="News articles in, cited event briefs out.")
    parser.add_argument("--version", action="version", version=f"warta {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for register in COMMANDS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``warta`` console script."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except ConfigError as exc:
        sys.stderr.write(f"warta: error: {exc}\n")
        return EXIT_USAGE
    except WartaError as exc:
        sys.stderr.write(f"warta: error: {exc}\n")
        return EXIT_NOTHING
    except BrokenPipeError:  # `warta digest ... | head`: the reader left, not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        sys.stderr.write(f"warta: error: {exc.strerror or exc}{where}\n")
        return EXIT_NOTHING
    except KeyboardInterrupt:
        sys.stderr.write("warta: interrupted\n")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
