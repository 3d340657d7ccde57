"""``rhetoriclab quotes``: JSON Lines with offsets into the files, and no crash when one document fails."""

from __future__ import annotations

import json
from pathlib import Path

from rhetoriclab.attribution import frame
from rhetoriclab.cli import main
from rhetoriclab.textclean import clean_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_81f63b873fa01d15.txt"
KEYS = {"doc", "content_start", "content_end", "content", "source_start", "source_end", "source", "speaker",
        "actor", "cue", "kind"}


def test_quotes_jsonl_on_the_seed(capsys):
    assert main(["quotes", str(SEED), "--jsonl"]) == 0
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) >= 18
    text = SEED.read_bytes().decode("utf-8")
    for r in records:
        assert r.keys() >= KEYS
        assert r["doc"] == SEED.stem
        assert clean_text(text[r["content_start"]:r["content_end"]]).text == r["content"]
    he = [r for r in records if r["source"] == "he"]
    assert {r["speaker"] for r in he} == {"Antony Blinken", "Sergey Lavrov", "Jens Stoltenberg", "John Herbst"}
    assert "attributions in 1 of 1 documents" in err


def test_quotes_table_to_file(tmp_path, capsys):
    out = tmp_path / "seed.tsv"
    assert main(["quotes", str(SEED), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[:4] == ["doc_id", "date", "kind", "content"]
    from rhetoriclab.attribution import extract_attributions
    from rhetoriclab.loaders import load_path

    assert len(lines) == 1 + len(extract_attributions(load_path(SEED)[0]))  # header + one line per attribution


def test_a_failing_document_is_reported_and_the_run_continues(tmp_path, monkeypatch, capsys):
    (tmp_path / "a_good.txt").write_text('"We will win," Mr. Lavrov said.\n', encoding="utf-8")
    (tmp_path / "b_bad.txt").write_text('"We will lose," Mr. Blinken said.\n', encoding="utf-8")
    real = frame.extract_attributions

    def flaky(document, doc=None, registry=None):
        if document.id == "b_bad":
            raise RuntimeError("simulated parser failure")
        return real(document, doc, registry)

    monkeypatch.setattr(frame, "extract_attributions", flaky)
    assert main(["quotes", str(tmp_path), "--jsonl"]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["a_good"]
    assert "b_bad" in err and "simulated parser failure" in err
    assert "1 of 2 documents" in err
