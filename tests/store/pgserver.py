"""A throw-away PostgreSQL server for the tests: initdb into a temp dir, pg_ctl start on a
Unix socket in that dir (no TCP port), as the ``postgres`` user when the tests run as root."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return versions[-1] if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def pg_server() -> Iterator[str | None]:
    """Yield a conninfo URL of a running server's ``postgres`` database (None: no PostgreSQL)."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        yield None
        return
    folder = tempfile.mkdtemp(prefix="warta-pg-")
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(folder, "postgres", "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = os.path.join(folder, "data"), _free_port()
    log = os.path.join(folder, "log")
    subprocess.run([*prefix, initdb, "-D", data, "-A", "trust", "-U", "warta", "--no-sync"],
                   check=True, capture_output=True)
    opts = f"-k {folder} -p {port} -c listen_addresses='' -c fsync=off"
    subprocess.run([*prefix, pg_ctl, "-D", data, "-l", log, "-o", opts, "-w", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql:///postgres?host={folder}&port={port}&user=warta"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
