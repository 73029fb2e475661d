"""Synthetic articles from a template, for the crash-safety test and the ingest benchmark:
five reports per event, ten events a day, each event with its own place name."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

EVENTS = ["banjir", "kebakaran", "longsor", "gempa", "angin puting beliung"]
AGENCIES = ["BPBD", "Basarnas", "Dinas Sosial", "PMI", "Polres"]


def _place(k: int) -> str:
    letters = "bcdfghjklmnprstvwz"
    a, b, c = k % 18, (k // 18) % 18, (k // 324) % 18
    return f"Desa {letters[a].upper()}a{letters[b]}o{letters[c]}ar{k % 7}"


def synthetic_record(i: int) -> dict[str, object]:
    """Article ``i``: report ``i % 5`` of event ``i // 5``."""
    k, r = divmod(i, 5)
    place, event, agency = _place(k), EVENTS[k % 5], AGENCIES[r]
    day = dt.date(2024, 1, 1) + dt.timedelta(days=k // 10)
    text = (
        f"{event.capitalize()} melanda {place} pada pagi hari nomor {k}. "
        f"Sebanyak {100 + k} warga {place} terdampak {event} dan mengungsi. "
        f"Petugas {agency} mendata kerugian di {place} laporan {r}."
    )
    return {"id": f"s{i}", "title": f"{event.capitalize()} di {place}", "published": day.isoformat(),
            "source": agency, "text": text}


def write_jsonl(path: Path, n: int) -> Path:
    """``n`` synthetic articles as one JSONL file."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(synthetic_record(i), ensure_ascii=False) + "\n")
    return path
