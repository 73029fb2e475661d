"""Crash safety: ``kill -9`` in the middle of a 5,000-article ingest, then run it again."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.store.synthetic import write_jsonl

N = 5000


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def test_kill_9_then_rerun_stores_everything_once(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "many.jsonl", N)
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "warta", "ingest", str(data), "--db", str(db),
           "--batch", "500", "--no-progress", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _stored(db) < 1000 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial = _stored(db)
    assert 1000 <= partial < N

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial} already stored" in rerun.stderr

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Every article exactly once (by the id its input gave, and by content).
    assert conn.execute("SELECT count(*), count(DISTINCT alias) FROM articles").fetchone() == (N, N)
    # Each stored article in exactly one story, and every story's brief is present and agrees.
    orphans = conn.execute(
        "SELECT count(*) FROM articles WHERE story_id NOT IN (SELECT id FROM stories)").fetchone()[0]
    assert orphans == 0
    members = dict(conn.execute("SELECT story_id, count(*) FROM articles GROUP BY story_id").fetchall())
    seen: set[str] = set()
    for sid, n, data in conn.execute("SELECT id, n_articles, data FROM stories"):
        story = json.loads(data)
        ids = [a["id"] for a in story["articles"]]
        assert n == len(ids) == members.get(sid, 0), sid
        assert story["summary"], sid
        assert not seen & set(ids)
        seen |= set(ids)
    assert len(seen) == N
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == N
