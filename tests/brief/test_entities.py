from tests.builders import article
from warta.annotate import annotate
from warta.brief.entities import edit_distance, entity_lookup, initials, merge_entities, resolve
from warta.config import Config


def prepared(sentences: list[str], id: str) -> object:
    return annotate(article(sentences, id=id), Config())


def test_merges_acronyms_translations_typos_short_names_and_place_variants() -> None:
    a = prepared([
        "Presiden Kassym-Jomart Tokayev meminta bantuan Organisasi Perjanjian Keamanan Kolektif (CSTO).",
        "Pasukan tiba dari Moskow.",
    ], "a")
    b = prepared([
        "Tokayev mengatakan pasukan CTSO akan pulang.",
        "Presiden Tokayev bertemu pejabat dari Moskwa dan dari Moscow.",
        "Collective Security Treaty Organization (CSTO) sent troops.",
    ], "b")
    ents = {e.name: e for e in merge_entities([a, b], "id")}  # type: ignore[list-item]
    csto = ents["Organisasi Perjanjian Keamanan Kolektif"]
    assert {"CSTO", "CTSO", "Collective Security Treaty Organization"} <= set(csto.aliases)
    assert csto.articles == ("a", "b")
    assert "Tokayev" in ents["Kassym-Jomart Tokayev"].aliases
    moscow = next(e for e in ents.values() if "Moskow" in (e.name, *e.aliases))
    assert {"Moskow", "Moskwa", "Moscow"} == {moscow.name, *moscow.aliases}


def test_short_name_matching_two_people_is_not_merged() -> None:
    a = prepared(["Joko Widodo bertemu Agus Widodo di Jakarta.", "Widodo tersenyum."], "a")
    names = {e.name for e in merge_entities([a], "id")}  # type: ignore[list-item]
    assert "Joko Widodo" in names and "Agus Widodo" in names


def test_no_entities_and_single_article() -> None:
    assert merge_entities([prepared(["hujan turun sejak pagi."], "a")], "id") == []  # type: ignore[list-item]


def test_helpers() -> None:
    assert initials("Komisi Pemberantasan Korupsi") == "KPK"
    assert edit_distance("CSTO", "CTSO") == 1
    lookup = entity_lookup(merge_entities([prepared(["Presiden Joko Widodo tiba."], "a")], "id"))  # type: ignore[list-item]
    assert resolve("Presiden Joko Widodo", lookup, "id") == "Joko Widodo"
    assert resolve(None, lookup, "id") is None


def test_a_speaker_phrase_ending_in_a_place_does_not_resolve_to_the_place() -> None:
    ents = merge_entities([prepared(["Banjir melanda Kabupaten Sukamaju dan Desa Cikaret."], "a")], "id")  # type: ignore[list-item]
    lookup = entity_lookup(ents)
    assert resolve("Kepala Dinas Kesehatan Sukamaju", lookup, "id") == "Kepala Dinas Kesehatan Sukamaju"
