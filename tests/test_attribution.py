"""The seed article: every attribution in tests/gold/seed_attributions.yaml is found with the right speaker."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rhetoriclab.attribution import attribution_records, attributions_frame, extract_attributions
from rhetoriclab.loaders import load_path
from rhetoriclab.textclean import clean_text

ROOT = Path(__file__).resolve().parents[1]
GOLD = yaml.safe_load((ROOT / "tests" / "gold" / "seed_attributions.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed():
    corpus = load_path(ROOT / GOLD["document"])
    assert len(corpus) == 1 and not corpus.problems
    document = corpus[0]
    return document, extract_attributions(document)


def _containing(attributions, snippet):
    return [a for a in attributions if snippet in a.content_text]


@pytest.mark.parametrize("gold", GOLD["attributions"], ids=lambda g: g["content"][:40])
def test_seed_attribution_found_with_speaker(seed, gold):
    _, found = seed
    hits = _containing(found, gold["content"])
    assert hits, f"no attribution contains {gold['content']!r}"
    best = min(hits, key=lambda a: len(a.content_text))
    assert best.speaker == gold["speaker"], (best.source_text, best.rule)
    assert (best.source_text or "").startswith(gold["source"]) if gold["source"] else best.source_text is None
    assert best.kind == gold["kind"]


@pytest.mark.parametrize("gold", GOLD["attributions"], ids=lambda g: g["content"][:40])
def test_seed_attribution_actor_from_the_registry(seed, gold):
    _, found = seed
    best = min(_containing(found, gold["content"]), key=lambda a: len(a.content_text))
    got = {"code": best.actor.code, "org": best.actor.org, "sector": best.actor.sector} if best.actor else None
    assert got == gold["actor"], (best.speaker, best.source_text)


def test_seed_has_no_attribution_outside_the_gold(seed):
    _, found = seed
    snippets = [g["content"] for g in GOLD["attributions"]]
    unexpected = [a.content_text for a in found if not any(s in a.content_text for s in snippets)]
    assert len(unexpected) <= 3, unexpected


def test_roles_kept_from_the_first_mention(seed):
    _, found = seed
    by_speaker = {a.speaker: a.role for a in found if a.speaker}
    assert by_speaker["Antony Blinken"] == "Secretary of State"
    assert by_speaker["Jens Stoltenberg"] == "NATO Secretary-General"
    assert by_speaker["Sergey Lavrov"] == "Russian Foreign Minister"


def test_split_quote_is_one_attribution_with_its_pieces(seed):
    _, found = seed
    a = _containing(found, "We have deep concerns")[0]
    assert "ironclad commitment" in a.content_text
    assert len(a.meta["parts"]) == 2
    assert a.rule == "cue-after+split"


def test_records_point_into_the_original_file(seed):
    document, found = seed
    file_text = (ROOT / GOLD["document"]).read_bytes().decode("utf-8")
    records = attribution_records(document, found)
    assert len(records) == len(found)
    for r in records:
        assert r["doc"] == "000_81f63b873fa01d15"
        assert r["date"] == "2021-12-02"
        piece = file_text[r["content_start"]:r["content_end"]]
        assert clean_text(piece).text == r["content"]
        if r["source"] is not None:
            assert clean_text(file_text[r["source_start"]:r["source_end"]]).text == r["source"]
        if r["cue"] is not None:
            assert clean_text(file_text[r["cue_start"]:r["cue_end"]]).text == r["cue"]
    herbst = next(r for r in records if r["content"].startswith('"The first reason'))
    assert file_text[herbst["content_start"]] == "\u201c"


def test_frame_is_tidy(seed):
    document, found = seed
    df = attributions_frame([document])
    assert len(df) == len(found)
    assert df["date"].dt.year.unique().tolist() == [2021]
    assert set(df["kind"]) <= {"direct", "indirect", "mixed", "turn"}
    assert (df["content_end"] > df["content_start"]).all()
    assert df.attrs["problems"] == []
