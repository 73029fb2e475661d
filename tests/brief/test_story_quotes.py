"""Story quotes on the bundled example: no speaker is a place (examples/banjir)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from warta import Config, digest
from warta.model import Digest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def banjir() -> Digest:
    old = Path.cwd()
    os.chdir(REPO)  # article ids are paths relative to the repo root
    try:
        return digest(["examples/banjir"], Config())
    finally:
        os.chdir(old)


def test_no_speaker_in_the_example_is_a_place(banjir: Digest) -> None:
    for story in banjir.stories:
        places = {e.name for e in story.entities if e.type == "LOCATION"}
        places |= {alias for e in story.entities if e.type == "LOCATION" for alias in e.aliases}
        speakers = [q.speaker for q in story.quotes if q.speaker]
        assert speakers
        assert not places & set(speakers), places & set(speakers)


def test_the_example_speakers_are_the_people_who_spoke(banjir: Digest) -> None:
    said = {(q.article.rsplit("/", 1)[-1], q.sentence): q.speaker for s in banjir.stories for q in s.quotes}
    assert said[("nusaraya.txt", 1)] == "Rina Marlina"  # "Rina Marlina di Sukamaju, Jumat, mengatakan"
    assert said[("sorot-daerah.html", 9)] == "Euis Komariah"  # "Euis Komariah (38), ..., mengaku"
    assert said[("nusaraya-2022-01-21-pasar-kembang", 1)] == "Dewi Anggraeni"
    assert said[("warta-margaluyu-2022-01-20-pasar-kembang", 9)] == "Siti Aminah"
