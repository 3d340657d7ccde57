"""``rhetoriclab bench``: structure and invariants of one benchmark run on the seed article (timings never asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rhetoriclab.bench import BenchResult, Target, format_bench, parse_codes, run_bench
from rhetoriclab.cli import main
from rhetoriclab.documents import Corpus
from rhetoriclab.loaders import load_paths

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_81f63b873fa01d15.txt"


@pytest.fixture(scope="module")
def seed() -> Corpus:
    corpus = load_paths([SEED])
    assert len(corpus) == 1 and not corpus.problems
    return corpus


@pytest.fixture(scope="module")
def result(seed) -> BenchResult:
    return run_bench(seed, n_process=1)


def test_counts_the_same_tokens_in_the_bare_parse_and_the_full_analysis(result):
    assert result.documents == 1
    assert result.tokens > 500  # the seed article has ~900 non-space tokens
    assert result.full_tokens == result.tokens


def test_times_and_ratios_are_positive(result):
    for name in ("bare_cpu", "full_cpu", "parse_cpu", "attribution_cpu", "stance_cpu", "cold_wall", "cached_wall",
                 "bare_tokens_per_s", "full_tokens_per_s", "full_ratio", "attribution_share", "stance_share",
                 "cache_speedup"):
        assert getattr(result, name) > 0, name
    assert result.parse_cpu == result.bare_cpu  # n_process=1: the bare parse is the stage-timing parse
    assert result.full_ratio == pytest.approx(result.bare_cpu / result.full_cpu)


def test_stage_timings_ran_the_extractors_on_the_seed(result):
    # Blinken, Lavrov, Stoltenberg ... are quoted, and Blinken warns Russia: records were produced, nothing failed.
    assert result.attributions >= 5
    assert result.stances >= 5
    assert result.stage_failures == 0
    assert result.skipped == []


def test_cached_rerun_found_every_document_in_the_cache(result):
    assert result.cached_documents == result.documents
    assert result.cache_misses == 0


def test_targets_and_json(result):
    targets = result.targets()
    assert [t.op for t in targets] == [">=", "<=", ">="]
    assert [t.limit for t in targets] == [0.85, 0.15, 20.0]
    data = json.loads(json.dumps(result.to_dict()))
    assert data["tokens"] == result.tokens
    assert [t["passed"] for t in data["targets"]] == [t.passed for t in targets]
    assert data["stance_share"] == pytest.approx(result.stance_cpu / result.parse_cpu)


def test_target_verdicts():
    assert Target("x", 0.9, ">=", 0.85).passed and not Target("x", 0.8, ">=", 0.85).passed
    assert Target("x", 0.15, "<=", 0.15).passed and not Target("x", 0.2, "<=", 0.15).passed
    assert not Target("x", 0.01, "<=", 0.15, invalid="extractors raised on 1 document(s)").passed


def test_prefilter_times_the_extractors_on_the_masked_text(seed, result):
    filtered = run_bench(seed, prefilter=["RUS"])  # blanks the paragraphs that name no Russian actor
    assert 0 < filtered.tokens < result.tokens and filtered.full_tokens == filtered.tokens
    assert filtered.stage_failures == 0 and filtered.skipped == []
    assert 0 < filtered.attributions <= result.attributions and filtered.stances > 0


def test_report_ends_with_one_verdict_per_target(result):
    text = format_bench(result)
    assert text.splitlines()[0].startswith(f"1 documents, {result.tokens:,} tokens, n_process=1, prefilter=none")
    verdicts = text.splitlines()[-3:]
    assert [v.split()[0] in ("PASS", "FAIL") for v in verdicts] == [True] * 3
    assert "full/bare" in verdicts[0] and "stance coding" in verdicts[1] and "cached speed-up" in verdicts[2]
    assert "1 of 1 documents from cache" in text


def test_duplicate_documents_are_reported_and_benchmarked_once(seed):
    doubled = Corpus([seed.documents[0], seed.documents[0]], name="doubled")
    result = run_bench(doubled, n_process=1)
    assert result.documents == 1
    assert [s["reason"] for s in result.skipped] == ["duplicate document id"]
    assert "1 document(s) not parsed" in format_bench(result)


def test_no_documents_is_an_error():
    with pytest.raises(ValueError, match="no documents to benchmark"):
        run_bench(Corpus())


def test_prefilter_that_keeps_nothing_is_an_error(tmp_path):
    (tmp_path / "farm.txt").write_text("The harvest was good this year.\n\nRain fell in the valley.\n")
    with pytest.raises(ValueError, match="none of the 1 documents can be parsed: no paragraph mentions"):
        run_bench(load_paths([tmp_path]), prefilter=["RUS"])


def test_unknown_prefilter_code_is_an_error(seed):
    with pytest.raises(ValueError, match="no actor with code.s. XYZ"):
        run_bench(seed, prefilter=["RUS", "XYZ"])


def test_parse_codes():
    assert parse_codes(" rus, UKR ,,") == ["RUS", "UKR"]
    assert parse_codes("") is None and parse_codes(None) is None


def test_cli_json(capsys):
    assert main(["bench", str(SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 1 and data["n_process"] == 1 and data["limit"] is None
    assert data["cached_documents"] == 1 and len(data["targets"]) == 3


def test_cli_no_documents_exits_1_with_a_message(tmp_path, capsys):
    assert main(["bench", str(tmp_path / "missing")]) == 1
    err = capsys.readouterr().err
    assert "no such file or folder" in err and "nothing to benchmark" in err


def test_cli_rejects_a_bad_limit(capsys):
    with pytest.raises(SystemExit):
        main(["bench", str(SEED), "--limit", "0"])
    assert "expected a positive whole number" in capsys.readouterr().err
