import pytest

from tests.builders import article
from warta.annotate import attribution as attr
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


def test_indirect_speech_with_a_pronoun_subject_resolves_to_the_last_speaker() -> None:
    got = quotes([
        "Analis Binaartha Sekuritas William Wijaya mengatakan indeks masih tertekan.",
        "Ia menambahkan bahwa investor menanti kebijakan suku bunga Bank Indonesia.",
        "Usai rapat di Medan, Sabtu, dia mengatakan, pasar akan kembali menguat pekan depan.",
    ])
    indirect = {t: s for t, s, d in got if not d}
    for text in ("investor menanti kebijakan suku bunga Bank Indonesia.",
                 "pasar akan kembali menguat pekan depan."):
        assert (indirect[text] or "").endswith("William Wijaya")


def test_indirect_speech_with_adverbs_before_the_verb() -> None:
    got = quotes(["Ketua MUI Ma'ruf Amin kembali menegaskan, Indonesia adalah negara kesepakatan."])
    assert [(t, d) for t, _s, d in got] == [("Indonesia adalah negara kesepakatan.", False)]
    assert got[0][1] is not None and "Amin" in got[0][1]


def test_a_pronoun_alone_without_an_earlier_speaker_gives_no_speaker() -> None:
    got = quotes(["Ia mengatakan bahwa hujan akan turun sepanjang pekan ini."])
    assert got == [("hujan akan turun sepanjang pekan ini.", None, False)]


def test_a_title_alone_or_a_filler_is_no_speaker() -> None:
    got = quotes([
        "Kapolda Jawa Tengah Irjen Condro Kirono mengatakan pelaku sudah ditangkap.",
        "Kapolda menuturkan motif pelaku adalah sakit hati pada korban.",
        "Menurutnya juga, pisau itu dibeli di sebuah toko swalayan.",
    ])
    speakers = [s for _t, s, _d in got]
    assert len(speakers) == 3
    assert all(s is not None and "Condro" in s for s in speakers)


def test_a_first_name_speaker_gets_the_full_name_of_the_article() -> None:
    got = quotes([
        "Kapolda Jawa Tengah Irjen Condro Kirono menggelar jumpa pers di Semarang.",
        '"Pelaku sudah kami tangkap di rumahnya," kata Condro.',
    ])
    assert got[-1][1] == "Condro Kirono"


def test_a_place_after_the_speaker_is_not_the_speaker() -> None:
    # "<title> <name> di <place>, <day>, mengatakan ...": the place is where, not who.
    got = quotes([
        "Kepala BPBD Kabupaten Sukamaju Rina Marlina di Sukamaju, Jumat, mengatakan jumlah "
        "pengungsi bertambah karena warga ikut pindah ke posko.",
    ])
    assert got and got[0][1] == "Rina Marlina" and got[0][2] is False


def test_an_apposition_between_name_and_verb_keeps_the_name() -> None:
    got = quotes([
        "Euis Komariah (38), pengungsi asal Desa Mekarwangi, mengaku lega dengan rencana itu.",
        "“Rumah kami sudah rata dengan tanah, jujur saya takut,” katanya sambil menggendong anaknya.",
    ])
    assert got[-1][2] is True
    assert got[-1][1] == "Euis Komariah"


def test_katanya_after_a_sentence_about_a_person_refers_to_that_person() -> None:
    got = quotes([
        "Kepala Dinas Pemadam Kebakaran Yusuf Maulana mengatakan api cepat merambat.",
        "Siti Aminah (52), pedagang kain, hanya bisa menangis melihat kiosnya hangus.",
        '"Semua dagangan habis, padahal baru saja belanja stok," katanya.',
    ])
    assert got[-1][1] == "Siti Aminah"


def test_a_one_word_subject_named_nowhere_else_is_not_taken_for_the_speaker() -> None:
    # An idiom at the start of a sentence may be tagged PERSON ("Gayung bersambut").
    got = quotes([
        "Ketua panitia Ahmad Marzuqi mengatakan pendaftaran dibuka pekan depan.",
        "Gayung bersambut, akhirnya banyak kader memberanikan diri untuk mendaftar.",
        '"Saya yakin kami bisa menang di pemilihan nanti," katanya.',
    ])
    assert got[-1][1] != "Gayung"


def test_name_words_come_from_the_language_data() -> None:
    # "I" opens Balinese names in Indonesian; only English drops it as a pronoun. "The" is part
    # of an outlet's name in an Indonesian sentence.
    got = quotes(["Ketua Panwas I Wayan Widyardana Putra mengatakan bahwa panwas akan dilatih pekan depan.",
                  "Menurut The Guardian, bendungan itu akan selesai tahun depan."])
    assert [g[1] for g in got] == ["I Wayan Widyardana Putra", "The Guardian"]


def test_mereka_is_resolved_like_a_pronoun_but_never_opens_an_indirect_quote() -> None:
    got = quotes(["Bupati Dedi Mulyadi mengatakan bahwa jalan itu akan diperbaiki bulan ini.",
                  "“Kami sudah menunggu lama sekali,” kata mereka.",
                  "Namun mereka mengatakan bahwa warga tetap harus berhati-hati di jalan itu."])
    assert [(g[1], g[2]) for g in got] == [("Dedi Mulyadi", False), ("Dedi Mulyadi", True)]


def test_a_language_without_speech_word_lists_still_works() -> None:
    # A language file with verbs only: no pronouns, titles, prefixes or particles to build from.
    mp = pytest.MonkeyPatch()
    try:
        mp.setattr(attr, "load_with_default", lambda language, name: {"verbs": ["dixit"]})
        for f in (attr.speech_words, attr.name_pattern, attr._patterns):
            f.cache_clear()
        assert attr.attribution("Marcus dixit rem esse bonam.", "xx") == "Marcus"
        assert attr.split_verbs("xx") == ([], ["dixit"])
    finally:
        mp.undo()
        for f in (attr.speech_words, attr.name_pattern, attr._patterns):
            f.cache_clear()
