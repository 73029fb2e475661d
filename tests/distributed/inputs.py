"""Inputs of the distributed tests: the bundled example, re-dated and perturbed, plus bad input."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from pathlib import Path

from tests.builders import raw_article
from warta import ingest
from warta.config import Config
from warta.model import RawArticle, Skipped

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "banjir"


def synthetic(n: int = 60, seed: int = 8) -> list[RawArticle | Skipped]:
    """The example's articles re-dated, re-identified and perturbed, plus bad input."""
    base = [r for r in ingest.read_inputs([str(EXAMPLE)], Config()) if isinstance(r, RawArticle)]
    rng = random.Random(seed)
    out: list[RawArticle | Skipped] = []
    for i in range(n):
        r = base[i % len(base)]
        paras = [p for p in r.text.split("\n\n") if p.strip()]
        if len(paras) > 2:
            del paras[rng.randrange(1, len(paras))]
        day = (r.published or dt.date(2024, 1, 1)) + dt.timedelta(days=9 * (i // len(base)))
        out.append(replace(r, id=f"{r.id}#{i}", text="\n\n".join(paras),
                           published=None if i % 11 == 0 else day, path=None))
    out.insert(5, raw_article("", id="empty"))
    out.insert(9, Skipped("broken.json", "not valid JSON"))
    out.insert(12, raw_article(id="one"))  # one sentence
    out.append(replace(base[0], id="one"))  # a duplicate id: skipped, as in the single run
    out.append(raw_article("Flood waters rose in the city on Monday. Residents left their homes.",
                           id="english", title="Flood in the city"))
    return out
