"""Each boilerplate family is removed with its reason; body text that looks like it is kept."""

from __future__ import annotations

import pytest

from tests.builders import raw_article
from warta.clean import clean_article

BODY = "Presiden meresmikan jalan tol baru di Jawa Tengah pada Senin pagi."


def removed_reason(line: str, language: str = "id") -> str | None:
    """The reason ``line`` was removed with, or None when it stayed in the body."""
    article = clean_article(raw_article(f"{line}\n{BODY}", title="Judul"), language)
    reasons = [r.reason for r in article.removed if r.text == line]
    if reasons:
        assert line not in article.body.split("\n")
        return reasons[0]
    assert line in article.body.split("\n")
    return None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # related-article links
        ("Baca juga: Polisi Tangkap Pelaku Begal di Bekasi", "related link"),
        ("BACA JUGA : Jokowi Resmikan Tol Semarang", "related link"),
        ("Baca Juga:", "related link"),
        ("Baca juga : Setya Novanto : Jangan Sampai Kisruh Taksi", "related link"),
        ("[ Baca juga : Membedah Fitur Suzuki GSX - R150 ]", "related link"),
        ("( Baca : Petugas Pembongkaran Dilempari Batu di Rawajati )", "related link"),
        ("SIMAK JUGA - Belanda Bekuk Bulgaria", "related link"),
        ("Simak juga", "related link"),
        ("Lihat juga: Video Banjir Jakarta", "related link"),
        ("Artikel terkait", "related link"),
        ("Berita Terkait:", "related link"),
        ("Baca selengkapnya", "related link"),
        ("Baca_Juga", "related link"),
        # newsletter / messaging-app promos
        (
            "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari "
            'bergabung di Grup Telegram "Kompas.com News Update", caranya klik link '
            "https://t.me/kompascomupdate, kemudian join.",
            "promo",
        ),
        (
            "Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran "
            "andalanmu akses berita Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/x",
            "promo",
        ),
        ("Ikuti berita terkini di Google News", "promo"),
        ("Follow Instagram @kompascom", "promo"),
        ("Download aplikasi Kompas.com untuk akses berita lebih mudah", "promo"),
        # video / ad labels
        ("ADVERTISEMENT", "advertisement"),
        ("SCROLL TO CONTINUE WITH CONTENT", "advertisement"),
        ("[Gambas:Video CNN]", "advertisement"),
        ("Video Pilihan", "advertisement"),
        ("Iklan", "advertisement"),
        # comments
        ("Komentar", "comments"),
        ("Tulis komentar", "comments"),
        ("12 Komentar", "comments"),
        ("Login untuk berkomentar", "comments"),
        ("Bagaimana pendapat Anda?", "comments"),
        # credits
        ("Penulis: Budi Santoso", "credit"),
        ("Editor: Ani Wijaya", "credit"),
        ("Reporter: Fair Cholis", "credit"),
        ("Pewarta: Joko Susilo", "credit"),
        ("Sumber: Antara", "credit"),
        ("(ant/ded)", "credit"),
        ("(nvl/asp)", "credit"),
        ("( T.KR - MH / N005 )", "credit"),
        ("[ feb ]", "credit"),
        ("Artikel ini telah tayang di Kompas.com dengan judul \"Banjir Jakarta\"", "credit"),
        # photo captions
        ("Foto: Presiden Joko Widodo saat meresmikan tol (ANTARA/Budi)", "photo caption"),
        ("(FOTO: ANTARA/Sigid Kurniawan)", "photo caption"),
        (
            "Warga melintasi banjir di Kampung Melayu, Jakarta. (ANTARA FOTO/Aditya Pradana)",
            "photo caption",
        ),
        ("Suasana banjir di Kampung Melayu, Jakarta. KOMPAS.com/GARRY LOTULUNG", "photo caption"),
        ("ILUSTRASI - Petugas memeriksa kendaraan", "photo caption"),
        ("Tim Cook , CEO Apple ( Foto : Reuters )", "photo caption"),
        # section / kicker labels
        ("NASIONAL", "section label"),
        ("MEGAPOLITAN", "section label"),
        ("Berita Terkini", "section label"),
        # share / social
        ("Bagikan:", "share"),
        ("Share", "share"),
        ("Facebook Twitter WhatsApp", "share"),
        ("Salin tautan", "share"),
        # footers and spam
        ("Copyright © 2022 Kompas Cyber Media. All Rights Reserved.", "footer"),
        ("Hak cipta dilindungi undang-undang", "footer"),
        ("All rights reserved", "footer"),
        ("slot gacor hari ini gampang menang maxwin", "spam"),
        ("* * *", "markup"),
        ("—", "markup"),
    ],
)
def test_boilerplate_family_removed(line: str, reason: str) -> None:
    assert removed_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Ia mengatakan warga bisa baca juga aturan baru itu di situs resmi pemerintah.",
        "Sumber di kepolisian mengatakan pelaku sudah diincar sejak bulan lalu.",
        "Foto-foto itu beredar di media sosial sejak pekan lalu.",
        "Komentar itu disampaikan Menteri Keuangan dalam rapat di DPR, Senin.",
        "Polisi menangkap bandar judi slot online di Medan, Kamis (13/1/2022).",
        "Iklan rokok dilarang tayang di televisi sebelum pukul 21.30.",
        "Editor senior majalah itu mengundurkan diri setelah polemik tersebut.",
        "Penulis buku itu hadir dalam peluncuran di Jakarta.",
        "Bagaimana pendapat Anda tentang kebijakan itu, tanya hakim kepada saksi.",
        "Ikuti terus perkembangan kasus ini, kata Kapolda kepada wartawan di Jakarta.",
        "Siap Mundur",
        "Susunan Pemain",
        "Copyright law protects writers in Indonesia, he said.",
    ],
)
def test_body_text_that_looks_like_boilerplate_is_kept(line: str) -> None:
    assert removed_reason(line) is None


def test_inline_related_link_is_cut_and_recorded() -> None:
    text = (
        "Judul Berita\n"
        "Polisi menangkap dua pelaku. (Baca juga: Polisi Buru Pelaku Lain) Keduanya ditahan."
    )
    article = clean_article(raw_article(text), "id")
    assert article.body == "Polisi menangkap dua pelaku. Keduanya ditahan."
    cut = [r for r in article.removed if r.reason == "related link"]
    assert [(r.line, r.text) for r in cut] == [(1, "(Baca juga: Polisi Buru Pelaku Lain)")]


def test_english_boilerplate_removed() -> None:
    text = "\n".join(
        [
            "Storm Hits Coast",
            "Advertisement",
            "WASHINGTON (Reuters) - A storm hit the coast on Thursday, officials said.",
            "Read more: Storm season starts early",
            "Sign up for our newsletter to get the latest news.",
            "Share this article",
            "Photo: A flooded street in Miami.",
            "Rescue teams reached the town by evening.",
            "Reporting by Jane Doe; Editing by John Smith",
            "Comments",
            "Copyright 2022 Reuters. All rights reserved.",
        ]
    )
    article = clean_article(raw_article(text), "en")
    assert article.title == "Storm Hits Coast"
    assert article.body.split("\n") == [
        "A storm hit the coast on Thursday, officials said.",
        "Rescue teams reached the town by evening.",
    ]
    assert article.source == "Reuters"
    assert article.dateline_place == "Washington"
    assert article.writer == "Jane Doe"
    assert article.editor == "John Smith"
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["Read more: Storm season starts early"] == "related link"
    assert reasons["Sign up for our newsletter to get the latest news."] == "promo"
    assert reasons["Share this article"] == "share"
    assert reasons["Photo: A flooded street in Miami."] == "photo caption"
    assert reasons["Comments"] == "comments"
    assert reasons["Copyright 2022 Reuters. All rights reserved."] == "footer"


def test_shared_english_patterns_apply_to_other_languages() -> None:
    assert removed_reason("Share this article") == "share"
    assert removed_reason("Advertisement", language="fr") == "advertisement"
