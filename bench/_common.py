"""What every benchmark script shares: a throw-away HOME and where the shared data lives.

Import this first (before warta or any library that might write a cache): it points ``HOME``
and ``XDG_CACHE_HOME`` at a temp folder, removed at exit; child processes inherit it.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

if "WARTA_BENCH_HOME" not in os.environ:
    _HOME = tempfile.mkdtemp(prefix="warta-bench-home-")
    os.environ["WARTA_BENCH_HOME"] = _HOME
    os.environ["HOME"] = _HOME
    os.environ["XDG_CACHE_HOME"] = os.path.join(_HOME, ".cache")
    atexit.register(shutil.rmtree, _HOME, True)

REPO = Path(__file__).resolve().parent.parent
DATA_DIR = REPO.parent / "shared" / "data"


def require(path: Path, what: str) -> Path:
    """``path``, or exit 2 with a one-line reason when the shared data is not there."""
    if not path.exists():
        sys.exit(f"{what} not found at {path} (../shared/data is only beside the repo on dev/CI machines)")
    return path
