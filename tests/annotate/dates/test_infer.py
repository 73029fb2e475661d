"""Article date inference and the per-article annotator."""

from __future__ import annotations

import datetime as dt

from tests.builders import article
from warta.annotate import annotate
from warta.annotate.dates import infer_published
from warta.config import Config


def test_dateline_date_wins() -> None:
    found = infer_published(
        "Jakarta - Banjir melanda, Kamis (13/1/2022).\nPada 2 Januari 2022 juga ada banjir.", "id"
    )
    assert found is not None
    assert found.date == dt.date(2022, 1, 13)
    assert "Kamis (13/1/2022)" in found.evidence
    assert 0.5 < found.confidence <= 1.0


def test_year_less_dates_take_the_year_the_text_mentions() -> None:
    found = infer_published("Banjir melanda, Kamis (13/1). Ini banjir terbesar sejak 2022.", "id")
    assert found is not None
    assert found.date == dt.date(2022, 1, 13)
    assert found.confidence < 0.7  # lower than a date written with its year
    assert "year" in found.evidence


def test_no_dates_no_inference() -> None:
    assert infer_published("Banjir melanda desa itu dan warga mengungsi.", "id") is None
    assert infer_published("", "id") is None


def test_annotator_infers_missing_date_and_normalizes_against_it() -> None:
    a = article(["Banjir melanda desa, Kamis (13/1/2022).", "Sehari sebelumnya hujan deras turun."])
    annotate(a, Config())
    assert a.published == dt.date(2022, 1, 13)
    assert a.published_evidence is not None and a.published_evidence.startswith("inferred (confidence 0.")
    assert a.published_confidence is not None
    assert [(t.sentence, t.value) for t in a.times] == [(0, "2022-01-13"), (1, "2022-01-12")]


def test_annotator_keeps_the_cleaners_date() -> None:
    a = article(["Banjir melanda desa kemarin."], published=dt.date(2022, 1, 14))
    a.published_evidence = "header line"
    annotate(a, Config())
    assert a.published == dt.date(2022, 1, 14)
    assert a.published_evidence == "header line"
    assert [t.value for t in a.times] == ["2022-01-13"]


def test_other_languages_use_dateparser() -> None:
    a = article(
        ["Las protestas comenzaron el 25 de enero de 2011 en El Cairo."],
        language="es",
        published=dt.date(2011, 1, 26),
    )
    annotate(a, Config())
    assert [t.value for t in a.times] == ["2011-01-25"]
    assert a.body[a.times[0].start : a.times[0].end] == a.times[0].text


def test_dateparser_fallback_drops_counts_of_days() -> None:
    from warta.annotate.dates.fallback import tag_with_dateparser

    text = "Las protestas comenzaron el 25 de enero de 2011 y duraron 18 días; 2030 soldados."
    out = tag_with_dateparser(text, "es", dt.date(2011, 2, 11))
    assert [(t.text, t.value) for t in out] == [("25 de enero de 2011", "2011-01-25")]
    assert text[out[0].start : out[0].end] == out[0].text


def test_dateparser_fallback_keeps_relative_days_and_weekdays() -> None:
    from warta.annotate.dates.fallback import tag_with_dateparser

    ref = dt.date(2011, 2, 10)  # a Thursday
    es = tag_with_dateparser("El presidente dimitió ayer. Hoy protestan. Por la mañana.", "es", ref)
    assert [(t.text, t.value) for t in es] == [("ayer", "2011-02-09"), ("Hoy", "2011-02-10")]
    fr = tag_with_dateparser("Il a démissionné hier, après les manifestations depuis lundi.", "fr", ref)
    assert [(t.text, t.value) for t in fr] == [("hier", "2011-02-09"), ("lundi", "2011-02-07")]
    it = tag_with_dateparser("Si è dimesso ieri. La settimana scorsa proteste.", "it", ref)
    assert [(t.text, t.value) for t in it] == [("ieri", "2011-02-09"), ("settimana scorsa", "2011-W05")]
    # Without a reference a relative word has no date: it is left out, not guessed.
    assert tag_with_dateparser("El presidente dimitió ayer.", "es", None) == []
    # A weekday name alone may be a name (Plácido Domingo): no article, no date.
    assert tag_with_dateparser("Plácido Domingo cantó en Madrid.", "es", ref) == []
