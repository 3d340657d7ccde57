"""Cue coverage against brat gold: a tiny gold folder built from the seed article."""

from pathlib import Path

import pytest

from rhetoriclab.attribution import cue_coverage as cc

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_81f63b873fa01d15.txt"


def make_gold(tmp_path: Path, cue_words: list[str]) -> Path:
    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "seed.txt").write_text(text, encoding="utf-8")
    lines = []
    for n, word in enumerate(cue_words, 1):
        start = text.index(word)
        lines.append(f"T{n}\tCue {start} {start + len(word)}\t{word}")
    (tmp_path / "attributions" / "seed_ann1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "attributions" / "seed_ann2.ann").write_text("T1\tCue 0 3\tU.S.\n", encoding="utf-8")  # not scored
    return tmp_path


def test_coverage_by_lemma_in_context(tmp_path):
    gold = make_gold(tmp_path, ["warned that", "pushed", "told", "threatens", "closed doors", "met briefly"])
    cov = cc.cue_coverage(gold)
    assert list(cov["text"]) == ["warned that", "pushed", "told", "threatens", "closed doors", "met briefly"]
    assert dict(zip(cov["text"], cov["covered"], strict=True)) == {
        "warned that": True, "pushed": True, "told": True, "threatens": True,
        "closed doors": False, "met briefly": False,
    }
    assert cov.loc[cov["text"] == "warned that", "head"].item() == "warn"
    stats = cc.summary(cov)
    assert stats["cues"] == 6 and stats["covered_occurrences"] == round(4 / 6, 4)
    missed = cc.missed(cov)
    assert list(missed["count"]) == [1, 1]
    assert "meet" in set(missed["head"])


def test_command_line_prints_summary_and_writes_csv(tmp_path, capsys):
    (tmp_path / "g").mkdir()
    gold = make_gold(tmp_path / "g", ["said"])
    out = tmp_path / "cov.csv"
    assert cc.main([str(gold), "--csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "covered_occurrences: 1.0" in printed
    assert out.read_text(encoding="utf-8").startswith("doc,start,end,text,lemma,head,covered")


def test_missing_folders_are_a_clear_error(tmp_path, capsys):
    assert cc.main([str(tmp_path)]) == 2
    assert "expected the folders text/ and attributions/" in capsys.readouterr().err
    with pytest.raises(FileNotFoundError, match="PolNeAR brat layout"):
        cc.gold_cues(tmp_path)


def test_bad_offsets_name_file_and_line(tmp_path):
    gold = make_gold(tmp_path, ["said"])
    (gold / "attributions" / "seed_ann1.ann").write_text("T1\tCue x 4\tsaid\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"seed_ann1.ann:1: bad cue offsets"):
        cc.gold_cues(gold)
