"""The long-document table of ``rhetoriclab bench --long``: structure on small sizes (timings never asserted)."""

import json
from pathlib import Path

import pytest

import rhetoriclab.nlp as nlp_module
from rhetoriclab.bench_long import LongBenchResult, LongRow, format_long_bench, long_text, run_long_bench
from rhetoriclab.cli import main

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_81f63b873fa01d15.txt"


def test_long_text_is_one_line_of_words_without_punctuation_of_the_exact_length():
    text = long_text([SEED.read_text(encoding="utf-8")], 25_000)
    assert len(text) == 25_000 and "\n" not in text
    assert not any(c in text for c in ".,;:!?\"“”")
    assert text.split()[:3] == ["U", "S", "threatens"]  # the headline "U.S. threatens ..."
    with pytest.raises(ValueError, match="no words"):
        long_text(["... !!!"], 100)


def test_each_size_is_analysed_in_windows_and_measured(monkeypatch):
    monkeypatch.setattr(nlp_module, "LONG_TEXT_CHARS", 3_000)
    monkeypatch.setattr(nlp_module, "WINDOW_CHARS", 2_000)
    result = run_long_bench([SEED.read_text(encoding="utf-8")], [9_000, 3_000])
    assert [r.chars for r in result.rows] == [3_000, 9_000]
    assert [r.windows for r in result.rows][0] == 1 and 5 <= result.rows[1].windows <= 18
    assert [r.sections for r in result.rows] == [1, 1]
    assert all(r.cpu > 0 and r.wall > 0 and r.peak_mb > 50 and not r.skipped for r in result.rows)
    assert result.rows[1].attributions >= result.rows[0].attributions
    [target] = result.targets()
    assert target.name == "CPU/100k chars at 9,000 vs 3,000" and target.value == pytest.approx(result.ratio)


def test_the_target_compares_the_largest_with_the_smallest_size_and_a_skip_invalidates_it():
    rows = [LongRow(100_000, 1, 1, 5.0, 6.0, 400, 10, 10), LongRow(3_000_000, 31, 31, 210.0, 230.0, 900, 300, 300)]
    result = LongBenchResult(rows)
    assert result.ratio == pytest.approx(7.0 / 5.0) and result.targets()[0].passed
    rows[1].skipped.append("input: text too long")
    assert not result.targets()[0].passed
    table = format_long_bench(result)
    assert "   100,000        1        1" in table and "FAIL  CPU/100k chars at 3,000,000 vs 100,000" in table


def test_cli_long_option_adds_the_table_to_json(capsys, monkeypatch):
    monkeypatch.setattr(nlp_module, "LONG_TEXT_CHARS", 3_000)
    monkeypatch.setattr(nlp_module, "WINDOW_CHARS", 2_500)
    assert main(["bench", str(SEED), "--repeat", "1", "--long", "2000,4000", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["chars"] for r in data["long"]["rows"]] == [2_000, 4_000]
    assert data["long"]["rows"][1]["windows"] >= 2 and len(data["long"]["targets"]) == 1
    with pytest.raises(SystemExit):
        main(["bench", str(SEED), "--long", "abc"])
