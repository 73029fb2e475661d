"""IndoSum articles for the facts/quotes gold set: selection and light detokenization.

IndoSum stores tokens joined by spaces ("kata Zulkifli , Senin ( 27 / 3 ) ."); Warta reads news
as published, so the text is detokenized the way it was written before being fed to Warta.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

_BEFORE = re.compile(r" ([,.;:?!)\]%])")
_AFTER = re.compile(r"([(\[]) ")


def detokenize(sentence: str) -> str:
    """``kata Zulkifli , Senin ( 27 / 3 ) .`` -> ``kata Zulkifli, Senin (27/3).``"""
    out: list[str] = []
    open_quote = False
    for tok in sentence.split():
        if tok in ('"', "“", "”"):
            if not open_quote:
                out.append('"')
            else:
                out[-1:] = [(out[-1] if out else "") + '"']
            open_quote = not open_quote
            continue
        if out and out[-1] == '"' and open_quote:
            out[-1] = '"' + tok
        else:
            out.append(tok)
    text = " ".join(out)
    text = _BEFORE.sub(r"\1", text)
    text = _AFTER.sub(r"\1", text)
    return re.sub(r"(\d) / (\d)", r"\1/\2", text)


def article_text(row: dict[str, object]) -> str:
    """Title-less body: sentences of a paragraph joined by spaces, paragraphs by blank lines."""
    paragraphs = row["paragraphs"]
    assert isinstance(paragraphs, list)
    # Detokenize a paragraph at a time: a quotation may span its sentences.
    return "\n\n".join(detokenize(" ".join(p)) for p in paragraphs)


def gold_articles(data_dir: Path, n: int = 40) -> Iterator[dict[str, object]]:
    """The gold set's articles: the first ``n`` "tajuk utama" (news) rows of fold 05, in file
    order (a fixed rule, so nobody picks articles that suit the code)."""
    seen = 0
    with (data_dir / "indosum_devfolds" / "indosum_dev_all_folds.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["fold"] == "05" and row["category"] == "tajuk utama":
                yield row
                seen += 1
                if seen >= n:
                    return


def by_id(data_dir: Path, ids: set[str]) -> dict[str, dict[str, object]]:
    """IndoSum rows with these ids (first occurrence)."""
    out: dict[str, dict[str, object]] = {}
    with (data_dir / "indosum_devfolds" / "indosum_dev_all_folds.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in ids and row["id"] not in out:
                out[row["id"]] = row
    return out
