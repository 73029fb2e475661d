"""What every benchmark script shares: a throw-away HOME and where the shared data lives.

Import this first (before warta or any library that might write a cache): it points ``HOME``
and ``XDG_CACHE_HOME`` at a temp folder, removed at exit; child processes inherit it.
"""

from __future__ import annotations

import atexit
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warta.model import RawArticle

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


def cpu_model() -> str:
    """CPU model name from /proc/cpuinfo (or the platform's best guess)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine(load_start: list[float]) -> dict[str, object]:
    """What every benchmark records about the machine it ran on."""
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "load_average_at_start": load_start,
    }


def indosum_raw_articles(limit: int | None = None) -> list[RawArticle]:
    """The unique IndoSum dev-fold articles as Indonesian raw articles dated by their id's UTC
    date (sentences joined by spaces, paragraphs by blank lines); exits when the data is absent."""
    import datetime as dt
    import json

    from warta.model import RawArticle

    path = require(DATA_DIR / "indosum_devfolds" / "indosum_dev_all_folds.jsonl", "IndoSum")
    seen: set[str] = set()
    out: list[RawArticle] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in seen:
                continue
            seen.add(r["id"])
            out.append(RawArticle(
                id=r["id"], text="\n\n".join(" ".join(p) for p in r["paragraphs"]), format="jsonl",
                language="id", published=dt.date.fromisoformat(r["date_utc_from_id"][:10]),
                source=r.get("source"),
            ))
            if limit is not None and len(out) >= limit:
                break
    return out
