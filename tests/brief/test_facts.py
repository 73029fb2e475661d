import datetime as dt

from tests.builders import article
from warta.annotate import annotate
from warta.brief.facts import group_facts, interval, sentence_date
from warta.config import Config
from warta.model import Article


def prepared(text: str, id: str, day: int | None = 10) -> Article:
    published = dt.date(2022, 1, day) if day else None
    return annotate(article([text], id=id, published=published), Config())


def test_agree_within_qualifiers() -> None:
    groups = group_facts([
        prepared("Lebih dari 2.000 personel dikerahkan ke Almaty.", "a"),
        prepared("Sekitar 2.030 personel dikerahkan ke Almaty.", "b"),
    ])
    assert [(g.quantity, g.status, len(g.values)) for g in groups] == [("personel dikerahkan", "agree", 2)]


def test_disagree_same_day() -> None:
    groups = group_facts([
        prepared("Sebanyak 2.000 tentara dikerahkan, kata Tokayev.", "a"),
        prepared("Sebanyak 2.500 tentara dikerahkan.", "b"),
    ])
    assert groups[0].status == "disagree"
    assert groups[0].values[0].attributed_to == "Tokayev"
    assert groups[0].values[0].as_of == dt.date(2022, 1, 10)


def test_update_when_dates_explain_the_change() -> None:
    groups = group_facts([
        prepared("Lebih dari 2.000 orang ditangkap polisi.", "a", day=6),
        prepared("Hampir 10.000 orang ditahan polisi.", "b", day=13),
    ])
    assert [(g.quantity, g.status) for g in groups] == [("orang ditangkap", "update")]


def test_undated_clash_is_a_disagreement() -> None:
    groups = group_facts([
        prepared("Sebanyak 12 orang tewas.", "a", day=None),
        prepared("Sebanyak 20 orang tewas.", "b", day=None),
    ])
    assert groups[0].status == "disagree"


def test_no_groups_for_one_article_or_no_numbers() -> None:
    one = prepared("Sebanyak 12 orang tewas dan 20 orang tewas.", "a")
    assert group_facts([one]) == []
    assert group_facts([prepared("Tidak ada angka.", "a"), prepared("Hujan turun.", "b")]) == []
    assert group_facts([]) == []


def test_intervals() -> None:
    (q,) = prepared("Ribuan warga mengungsi.", "a").quantities
    assert interval(q) == (1000, 9999)


def test_sentence_date_falls_back_to_published() -> None:
    a = prepared("Sebanyak 12 orang tewas.", "a", day=3)
    assert sentence_date(a, 0) == dt.date(2022, 1, 3)


def test_compatible_values_that_grew_between_dates_are_an_update() -> None:
    groups = group_facts([
        prepared("Sedikitnya 2.000 warga mengungsi ke posko.", "a", day=13),
        prepared("Hampir 3.000 warga mengungsi ke posko.", "b", day=15),
    ])
    assert [g.status for g in groups] == ["update"]
    # The same figures on one day fit each other's qualifiers: no contradiction, no update.
    same_day = group_facts([
        prepared("Sedikitnya 2.000 warga mengungsi ke posko.", "a", day=13),
        prepared("Hampir 3.000 warga mengungsi ke posko.", "b", day=13),
    ])
    assert [g.status for g in same_day] == ["agree"]
    # Rounding between dates ("sekitar 400" then "412") is not a change.
    rounding = group_facts([
        prepared("Sekitar 400 rumah terendam lumpur.", "a", day=13),
        prepared("Sebanyak 412 rumah terendam lumpur.", "b", day=14),
    ])
    assert [g.status for g in rounding] == ["agree"]
