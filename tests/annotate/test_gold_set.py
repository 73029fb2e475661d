"""The facts/quotes gold set is well formed and every id is a real IndoSum article."""

import json
from pathlib import Path

GOLD = Path(__file__).parent / "gold"


def _rows() -> list[dict]:
    return [json.loads(line) for f in sorted(GOLD.glob("*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_rows_are_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 40
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r) == {"id", "facts", "quotes"}
        for value, noun in r["facts"]:
            assert isinstance(value, (int, float)) and value > 0 and noun == noun.lower()
        for text, speaker, direct in r["quotes"]:
            assert text and (speaker is None or speaker) and isinstance(direct, bool)


def test_gold_ids_exist_in_indosum(shared_data: Path) -> None:
    ids = {r["id"] for r in _rows()}
    found = set()
    with (shared_data / "indosum_devfolds" / "indosum_dev_all_folds.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row_id = json.loads(line)["id"]
            if row_id in ids:
                found.add(row_id)
    assert found == ids
