"""Precision and recall of the line classifier on real Indonesian news (IndoSum dev folds)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from warta.clean.credits import parse_credit_line
from warta.clean.lines import boilerplate_reason, cut_inline, normalise
from warta.clean.rules import rules_for

_RELATED = re.compile(r"^\W*(?:baca|simak|lihat)[\s_]*(?:juga\b|:)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")


def _paragraph_lines(shared_data: Path) -> list[str]:
    path = shared_data / "indosum_devfolds" / "indosum_dev_all_folds.jsonl"
    out: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for row in fh:
            for paragraph in json.loads(row)["paragraphs"]:
                for line in " ".join(paragraph).splitlines():
                    line = normalise(line)
                    if line:
                        out.append(line)
    return out


def test_indosum_related_links_removed_and_long_lines_kept(shared_data: Path) -> None:
    rules = rules_for("id")
    lines = _paragraph_lines(shared_data)
    related = [ln for ln in lines if _RELATED.match(ln)]
    caught = [ln for ln in related if boilerplate_reason(ln, rules) or cut_inline(ln, rules)[1]]
    assert len(related) > 300
    assert len(caught) >= 0.95 * len(related)

    long_removed: set[str] = set()
    for line in lines:
        reason = boilerplate_reason(line, rules)
        if reason is None and parse_credit_line(line, rules) is not None:
            reason = "credit"
        if reason is not None and len(_WORD.findall(line)) > 25:
            assert reason == "promo", line  # outlet self-promotion footers are long by nature
            long_removed.add(line)
    # only the DailySocial.id footer ("DailySocial.id adalah portal berita ...") is that long
    assert len(long_removed) <= 2, long_removed
