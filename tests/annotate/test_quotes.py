from tests.builders import article
from warta.annotate.entities import annotate_entities
from warta.annotate.quotes import find_quotes
from warta.config import Config


def quotes(sentences: list[str]) -> list[tuple[str, str | None, bool]]:
    a = article(sentences)
    annotate_entities(a, Config())
    return [(q.text, q.speaker, q.direct) for q in find_quotes(a)]


def test_direct_quote_spanning_sentences_with_speaker_after() -> None:
    got = quotes(["“Kami akan menumpas para teroris.", "Mereka tidak diampuni,” kata Tokayev."])
    assert got == [("Kami akan menumpas para teroris.\nMereka tidak diampuni", "Tokayev", True)]


def test_pronoun_verb_resolves_to_last_named_speaker() -> None:
    got = quotes([
        "Kapolri Listyo Sigit mengatakan pelaku sudah ditangkap.",
        '"Kami sudah menangkap lima orang pelaku," ujarnya.',
    ])
    assert got[-1][1] is not None and "Listyo Sigit" in got[-1][1]
    assert got[-1][2] is True


def test_indirect_quotes() -> None:
    got = quotes([
        "Menteri Luar Negeri Sergei Lavrov mengatakan bahwa pasukan akan ditarik dalam dua minggu.",
        "Menurut polisi, ribuan orang telah ditangkap sejak Rabu.",
    ])
    text, speaker, direct = got[0]
    assert (text, direct) == ("pasukan akan ditarik dalam dua minggu.", False)
    assert speaker is not None and "Lavrov" in speaker
    assert ("ribuan orang telah ditangkap sejak Rabu.", "polisi", False) in got


def test_unbalanced_and_scare_quotes_are_ignored() -> None:
    assert quotes(['Ia menyebut "teroris" itu.', "“Ini tidak pernah selesai"]) == []
    assert quotes(['Kata "ini tidak selesai karena', "tidak ada tanda tutup."]) == []


def test_no_quotes() -> None:
    assert quotes(["Hujan turun di Jakarta."]) == []
    assert quotes([""]) == []


def test_english_said() -> None:
    a = article(['"We will not back down from this," said Smith.'], language="en")
    annotate_entities(a, Config())
    got = find_quotes(a)
    assert [(q.text, q.speaker) for q in got] == [("We will not back down from this", "Smith")]
