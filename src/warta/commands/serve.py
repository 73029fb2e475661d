"""``warta serve``: the HTTP API and web pages over a store."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..config import Config
from ..store import open_store
from .common import EXIT_OK
from .ingest import add_db_option


def register(sub: Any) -> None:
    """Add the ``serve`` parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "serve", help="serve the store over HTTP (API, OpenAPI at /docs, web pages)"
    )
    add_db_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument("--max-request-bytes", type=int, metavar="N", help="largest POST body (413 above)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``warta serve`` until interrupted."""
    from ..serve import create_app, require_serve_extra

    require_serve_extra()  # before opening anything: the one-line install hint, no traceback
    import uvicorn

    config = Config.from_mapping({"db": args.db, "max_request_bytes": args.max_request_bytes})
    store = open_store(config.db, config)
    app = create_app(store, config)
    if not os.environ.get("WARTA_TOKEN"):
        sys.stderr.write("warta: WARTA_TOKEN is not set: the API is read-only\n")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK
