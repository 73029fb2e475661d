"""The clause around a date expression: a piece of the source sentence, never rewritten."""

from __future__ import annotations

import pytest

from warta.brief.clauses import clause_at


def _clause(sentence: str, expression: str, language: str = "id", *others: str) -> str:
    i = sentence.index(expression)
    spans = [(sentence.index(o), sentence.index(o) + len(o)) for o in others]
    return clause_at(sentence, i, i + len(expression), language, spans)


_TWO = "Hujan turun Senin (10/1/2022) dan banjir datang Kamis (13/1/2022)."
_FRONTED = "Pada Kamis (13/1), banjir datang ke desa, sedangkan pada Jumat (14/1) air surut."
_PRICE = "Harga naik 2,5 persen pada Kamis, 13 Januari 2022, lalu turun pada 20 Januari."
_EN = "Prices rose on 13 January and fell on 20 January."


@pytest.mark.parametrize(
    ("sentence", "expression", "other", "clause"),
    [
        (_TWO, "Senin (10/1/2022)", "Kamis (13/1/2022)", "Hujan turun Senin (10/1/2022)"),
        (_TWO, "Kamis (13/1/2022)", "Senin (10/1/2022)", "banjir datang Kamis (13/1/2022)."),
        # A fronted date takes the clause after its comma; a link word after a comma is cut too.
        (_FRONTED, "Kamis (13/1)", "Jumat (14/1)", "Pada Kamis (13/1), banjir datang ke desa"),
        (_FRONTED, "Jumat (14/1)", "Kamis (13/1)", "pada Jumat (14/1) air surut."),
        # Commas inside numbers and inside the expression do not cut.
        (_PRICE, "Kamis, 13 Januari 2022", "20 Januari", "Harga naik 2,5 persen pada Kamis, 13 Januari 2022"),
        (_EN, "20 January", "13 January", "fell on 20 January."),
    ],
)
def test_clause_of_each_date(sentence: str, expression: str, other: str, clause: str) -> None:
    language = "en" if sentence is _EN else "id"
    got = _clause(sentence, expression, language, other)
    assert got == clause
    assert got in sentence  # only source text


def test_only_boundaries_between_two_dates_cut() -> None:
    # "dan" here joins two nouns, and no other date lies on its side: the clause keeps it.
    s = "Air bercampur lumpur dan batang kayu datang pukul 05.30 WIB setelah sungai meluap sejak Rabu malam."
    assert _clause(s, "pukul 05.30 WIB", "id", "Rabu malam") == (
        "Air bercampur lumpur dan batang kayu datang pukul 05.30 WIB"
    )
    assert _clause(s, "Rabu malam", "id", "pukul 05.30 WIB") == "sungai meluap sejak Rabu malam."


def test_no_boundary_or_too_short_keeps_the_sentence() -> None:
    assert _clause("Banjir datang Kamis (13/1).", "Kamis (13/1)") == "Banjir datang Kamis (13/1)."
    s = "Banjir terjadi pukul 05.30 WIB, sehari sebelumnya, setelah hujan sejak Rabu (12/1) malam."
    assert _clause(s, "sehari sebelumnya", "id", "pukul 05.30 WIB", "Rabu (12/1) malam") == s


def test_bad_offsets_and_unknown_language_do_not_crash() -> None:
    assert clause_at("Banjir datang.", 5, 2, "id") == "Banjir datang."
    assert clause_at("", 0, 0, "id") == ""
    s = "Lluvia el 10 de enero, inundación el 13 de enero."
    assert _clause(s, "13 de enero", "es", "10 de enero") == "inundación el 13 de enero."
