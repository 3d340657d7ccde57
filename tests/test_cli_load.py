"""`rhetoriclab load`: the summary, JSON Lines output, exit codes and public corpora."""

import datetime as dt
import json
import os
from pathlib import Path

import pytest

import rhetoriclab.corpora
from rhetoriclab.cli import main
from rhetoriclab.documents import Corpus, Document, Problem

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
BROKEN = ROOT / "tests" / "data" / "broken"


def mirror() -> Path:
    path = Path(os.environ.get("RHETORICLAB_DATA_MIRROR") or ROOT.parent / "shared" / "data")
    if not (path / "zelenskyy-putin").is_dir():
        pytest.skip(f"data mirror not found at {path} (set RHETORICLAB_DATA_MIRROR)")
    return path


def test_seed_folder_summary_reports_one_article_dated_2021_12_02(capsys):
    assert main(["load", str(SEEDS)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["1 document loaded from seeds", "dated 2021-12-02"]
    assert "       1  news" in out and "       1  The Washington Times" in out
    assert out[-1] == "problems: none"


def test_jsonl_prints_one_record_per_document_with_offsets(capsys):
    assert main(["load", "--jsonl", str(SEEDS)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    rec = json.loads(line)
    assert (rec["id"], rec["date"], rec["offset"]) == ("000_81f63b873fa01d15", "2021-12-02", 130)
    source = (SEEDS / "000_81f63b873fa01d15.txt").read_bytes().decode("utf-8")
    assert source[rec["offset"]:rec["offset"] + len(rec["text"])] == rec["text"]


def test_problems_are_listed_and_strict_mode_exits_1(capsys):
    assert main(["load", str(BROKEN)]) == 0
    out = capsys.readouterr().out
    assert "problems: 15" in out
    assert f"  - {BROKEN / 'latin1.txt'}:1: not valid UTF-8: byte 0xe9 at byte offset 57" in out
    assert main(["load", "--strict", str(BROKEN)]) == 1
    assert main(["load", "--strict", str(SEEDS)]) == 0


def test_jsonl_sends_problems_to_stderr(capsys):
    main(["load", "--jsonl", str(BROKEN)])
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 9
    assert len(captured.err.splitlines()) == 15 and captured.err.startswith("problem: ")


def test_nothing_loaded_exits_1_and_no_arguments_is_an_error(tmp_path, capsys):
    assert main(["load", str(tmp_path / "missing")]) == 1
    assert f"  - {tmp_path / 'missing'}: no such file or folder" in capsys.readouterr().out
    assert main(["load"]) == 1
    assert "give at least one PATH or --corpus NAME" in capsys.readouterr().err


def test_corpus_option_loads_by_name_and_checks_ids_across_sources(monkeypatch, capsys):
    seed_id = "000_81f63b873fa01d15"
    fake = Corpus([Document(seed_id, "Same id as the seed.", date=dt.date(2022, 1, 1), origin="x.csv:2"),
                   Document("k1", "A release.", date=dt.date(2022, 2, 1), kind="statement")],
                  [Problem("x.csv", 9, "skipped row")], "kremlin")
    monkeypatch.setattr(rhetoriclab.corpora, "load_corpus", lambda name: fake)
    assert main(["load", str(SEEDS), "--corpus", "kremlin"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 documents loaded from seeds + kremlin\ndates: 2021-12-02 to 2022-02-01\n")
    assert f"  - x.csv:2: duplicate id '{seed_id}' (first used by {SEEDS / (seed_id + '.txt')}); " in out
    assert "  - x.csv:9: skipped row" in out


def test_unknown_corpus_name_is_an_error(capsys):
    assert main(["load", "--corpus", "pravda"]) == 1
    assert "unknown corpus 'pravda'" in capsys.readouterr().err


def test_real_corpus_from_the_mirror(monkeypatch, capsys):
    monkeypatch.setenv("RHETORICLAB_DATA_MIRROR", str(mirror()))
    assert main(["load", "--corpus", "kremlin"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["816 documents loaded from kremlin", "dates: 2021-10-24 to 2022-06-24"]
