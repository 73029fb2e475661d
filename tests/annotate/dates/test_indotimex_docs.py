"""Every IndoTimex doc (dev and test) tags without error, with spans that point into its text."""

from __future__ import annotations

import datetime as dt
import json

from warta.annotate.dates import infer_published, tag


def test_all_docs_tag_with_exact_spans(shared_data) -> None:  # type: ignore[no-untyped-def]
    path = shared_data / "indotimex_kompas" / "indotimex_kompas.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) == 75
    for r in rows:
        y, m, d = (int(x) for x in r["dct"].split("-"))
        found = tag(r["text"], "id", dt.date(y, m, d))
        for t in found:
            assert r["text"][t.start : t.end] == t.text
            assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert [t.start for t in found] == sorted(t.start for t in found)
    # A Kompas dateline "Kamis (17/10/2013)" dates its article.
    first = next(r for r in rows if r["doc_id"] == "20131018-0725521")
    inferred = infer_published(first["text"], "id")
    assert inferred is not None and inferred.date == dt.date(2013, 10, 17)
