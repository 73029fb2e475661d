"""A minimal progress line on stderr, shown only when stderr is a terminal (or when forced)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts items and redraws one line at most ten times a second."""

    def __init__(self, label: str, enabled: bool | None = None, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.label = label
        self.count = 0
        self.started = time.monotonic()
        self._drawn = 0.0

    def __call__(self, item: str) -> None:
        """Record one processed item (its name is shown on the line)."""
        self.count += 1
        now = time.monotonic()
        if self.enabled and now - self._drawn >= 0.1:
            self._drawn = now
            rate = self.count / max(now - self.started, 1e-9)
            name = item if len(item) <= 40 else "…" + item[-39:]
            self.stream.write(f"\r\x1b[2K{self.label}: {self.count} ({rate:,.0f}/s) {name}")
            self.stream.flush()

    def close(self) -> None:
        """Clear the line."""
        if self.enabled and self.count:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
