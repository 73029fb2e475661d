"""The clause around a date expression: a piece of the source sentence, never rewritten."""

from __future__ import annotations

import pytest

from warta.brief.clauses import clause_at


def _clause(sentence: str, expression: str, language: str = "id") -> str:
    i = sentence.index(expression)
    return clause_at(sentence, i, i + len(expression), language)


@pytest.mark.parametrize(
    ("sentence", "expression", "clause"),
    [
        ("Hujan turun Senin (10/1/2022) dan banjir datang Kamis (13/1/2022).", "Senin (10/1/2022)",
         "Hujan turun Senin (10/1/2022)"),
        ("Hujan turun Senin (10/1/2022) dan banjir datang Kamis (13/1/2022).", "Kamis (13/1/2022)",
         "banjir datang Kamis (13/1/2022)."),
        # A fronted date takes the clause after its comma; a link word after a comma is cut too.
        ("Pada Kamis (13/1), banjir datang ke desa, sedangkan pada Jumat (14/1) air surut.", "Kamis (13/1)",
         "Pada Kamis (13/1), banjir datang ke desa"),
        ("Pada Kamis (13/1), banjir datang ke desa, sedangkan pada Jumat (14/1) air surut.", "Jumat (14/1)",
         "pada Jumat (14/1) air surut."),
        # Commas inside numbers and inside the expression do not cut.
        ("Harga naik 2,5 persen pada Kamis, 13 Januari 2022, lalu turun pada 20 Januari.",
         "Kamis, 13 Januari 2022", "Harga naik 2,5 persen pada Kamis, 13 Januari 2022"),
        ("Prices rose on 13 January and fell on 20 January.", "20 January", "fell on 20 January."),
    ],
)
def test_clause_of_each_date(sentence: str, expression: str, clause: str) -> None:
    language = "en" if sentence.startswith("Prices") else "id"
    got = _clause(sentence, expression, language)
    assert got == clause
    assert got in sentence  # only source text


def test_no_boundary_or_too_short_keeps_the_sentence() -> None:
    assert _clause("Banjir datang Kamis (13/1).", "Kamis (13/1)") == "Banjir datang Kamis (13/1)."
    assert _clause("Kamis (13/1), banjir.", "Kamis (13/1)") == "Kamis (13/1), banjir."


def test_bad_offsets_and_unknown_language_do_not_crash() -> None:
    assert clause_at("Banjir datang.", 5, 2, "id") == "Banjir datang."
    assert clause_at("", 0, 0, "id") == ""
    assert _clause("Lluvia el 10 de enero, inundación el 13 de enero.", "13 de enero", "es") == (
        "inundación el 13 de enero."
    )
