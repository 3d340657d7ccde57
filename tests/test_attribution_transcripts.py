"""Turns and speakers in real transcripts from the data mirror (skipped when the mirror is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rhetoriclab.attribution import extract_attributions

ROOT = Path(__file__).resolve().parents[1]
MIRROR = Path(os.environ.get("RHETORICLAB_DATA_MIRROR") or ROOT.parent / "shared" / "data")


def _document(corpus: str, doc_id: str):
    if not MIRROR.is_dir():
        pytest.skip(f"data mirror not found at {MIRROR}; set RHETORICLAB_DATA_MIRROR")
    from rhetoriclab.corpora import load_corpus

    return load_corpus(corpus, mirror=MIRROR).by_id(doc_id)


def test_white_house_briefing_turns():
    doc = _document("whitehouse", "wh-2021-12-02-press-briefing-by-press-secretary-jen-psaki-december-2-2021")
    found = extract_attributions(doc)
    turns = [a for a in found if a.kind == "turn"]
    assert len(turns) > 100
    labels = {a.source_text for a in turns}
    assert {"MS. PSAKI", "Q"} <= labels
    assert all(a.speaker is None for a in turns if a.source_text == "Q")
    assert {a.speaker.split()[-1] for a in turns if a.source_text == "MS. PSAKI"} == {"Psaki"}
    text = doc.clean.text
    # Turns do not overlap and each ends before the next label.
    for a, b in zip(turns, turns[1:], strict=False):
        assert a.content[1] <= b.source[0]
    assert text[slice(*turns[0].source)] == "MS. PSAKI"


def test_kremlin_interview_turns_and_first_person():
    doc = _document("kremlin", "kremlin-67100")
    found = extract_attributions(doc)
    turns = [a for a in found if a.kind == "turn"]
    assert {a.speaker for a in turns} == {"Pavel Zarubin", "Vladimir Putin"}
    assert turns[1].source_text == "President of Russia Vladimir Putin" and turns[1].role == "President of Russia"
    first_person = [a for a in found if (a.source_text or "").lower() == "i"]
    assert first_person and all(a.speaker in ("Vladimir Putin", "Pavel Zarubin") for a in first_person)
