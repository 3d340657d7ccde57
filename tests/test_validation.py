"""Validation by reading: seeded samples of real stance records, check sheets, precision with a Wilson interval."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from rhetoriclab import teaching
from rhetoriclab import validation as v


@pytest.fixture(scope="module")
def seed_records():
    from rhetoriclab.loaders import load_path
    from rhetoriclab.stances import stances_frame

    corpus = load_path(teaching.seed_path())
    return stances_frame(corpus), corpus


def test_wilson_interval_known_values():
    low, high = v.wilson_interval(25, 30)
    assert (round(low, 3), round(high, 3)) == (0.664, 0.927)
    assert v.wilson_interval(0, 10)[0] == 0.0 and v.wilson_interval(10, 10)[1] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="no checked records"):
        v.wilson_interval(0, 0)


def test_precision_and_reliability():
    good = v.precision([True] * 29 + [False])
    assert good.correct == 29 and good.checked == 30 and good.reliable and v.is_reliable(good)
    weak = v.precision([True] * 25 + [False] * 5)  # 0.83, but the interval reaches down to 0.66
    assert round(weak.value, 2) == 0.83 and not weak.reliable
    assert "unreliable" in str(weak) and "25 of 30" in str(weak)
    with pytest.raises(ValueError, match="True/False"):
        v.precision(pd.DataFrame({"correct": ["yes", "no"]}))


def test_sample_is_seeded_stable_and_traceable(seed_records):
    records, corpus = seed_records
    a = v.sample_records(records, n=10, seed=3, documents=corpus)
    b = v.sample_records(records.sample(frac=1, random_state=1).sort_index(), n=10, seed=3, documents=corpus)
    assert len(a) == 10 and a["record"].tolist() == b["record"].tolist()
    assert a["record"].is_monotonic_increasing  # in the order of the records
    assert a["record"].tolist() != v.sample_records(records, n=10, seed=4)["record"].tolist()
    file_text = Path(corpus[0].origin).read_text(encoding="utf-8")  # record offsets are offsets into the file
    for row in a.itertuples():
        assert file_text[row.cue_start:row.cue_end] in row.sentence  # each record comes with its own sentence
    assert len(v.sample_records(records, n=500)) == len(records)


def test_check_sheet_round_trip_on_real_records(seed_records, tmp_path):
    records, corpus = seed_records
    sample = v.sample_records(records, n=8, seed=0, documents=corpus)
    path = v.write_check_sheet(sample, tmp_path / "sheets" / "threats.csv")
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(sheet.columns[:2]) == ["record", "sentence"] and {"event", "source_code", "cue"} <= set(sheet)
    assert (sheet["correct"] == "").all() and not list(tmp_path.joinpath("sheets").glob(".*"))
    with pytest.raises(v.CheckSheetError) as unchecked:
        v.read_check_sheet(path)
    assert len(unchecked.value.problems) == 8 and "row 2 (record" in str(unchecked.value)
    sheet["correct"] = ["yes", "no", "y", "n", "✔", "1", "maybe", ""]
    sheet.to_csv(path, index=False)
    with pytest.raises(v.CheckSheetError) as bad:
        v.read_check_sheet(path)
    assert bad.value.problems == [f"row 8 (record {sheet['record'][6]}), column correct: 'maybe' is not yes or no",
                                  f"row 9 (record {sheet['record'][7]}): not checked yet (correct is empty)"]
    sheet.loc[6:, "correct"] = ["no", "yes"]
    sheet.to_csv(path, index=False)
    checked = v.read_check_sheet(path)
    assert checked["correct"].tolist() == [True, False, True, False, True, True, False, True]
    assert v.precision(checked).correct == 5


def test_sheet_needs_sentences_and_known_fields(seed_records):
    records, _ = seed_records
    with pytest.raises(KeyError, match="documents="):
        v.check_sheet(v.sample_records(records, n=3))
    with pytest.raises(KeyError, match="not columns"):
        v.check_sheet(v.sample_records(records, n=3).assign(sentence="x"), fields=["nope"])


def test_form_and_static_fallback(seed_records):
    records, corpus = seed_records
    sample = v.sample_records(records, n=4, seed=0, documents=corpus)
    table = v.check_form(sample, static=True)
    assert table.data.count("<tr>") == 5 and "<th>correct</th>" in table.data
    form = v.check_form(sample)
    assert isinstance(form, v.CheckForm) and len(form.choices) == 4
    form.choices[0].value = "yes"
    assert form.sheet()["correct"].tolist() == ["yes", "", "", ""]


def test_check_finding_writes_then_scores_then_notices_changed_records(tmp_path):
    from rhetoriclab.validation import CheckSheetError, check_finding

    records = pd.DataFrame({"doc": ["d"] * 6, "sentence_start": [0, 0, 6, 6, 12, 12],
                            "sentence_end": [5, 5, 11, 11, 17, 17], "event": ["THREATEN"] * 6,
                            "source_code": ["USA"] * 6, "target_code": ["RUS"] * 6})
    docs = {"d": "We wa. They x. Thus."}
    sheet = tmp_path / "f.csv"
    first = check_finding("US threats", records, sheet, n=4, seed=1, documents=docs)
    assert first.result is None and sheet.exists() and "not checked yet" in str(first)
    filled = pd.read_csv(sheet, dtype=str, keep_default_na=False)
    filled["correct"] = ["yes", "yes", "no", "yes"]
    filled.to_csv(sheet, index=False)
    done = check_finding("US threats", records, sheet, n=4, seed=1, documents=docs)
    assert (done.result.correct, done.result.checked) == (3, 4) and not done.reliable
    with pytest.raises(CheckSheetError, match="records behind this finding changed"):
        check_finding("US threats", records.iloc[1:], sheet, n=4, seed=1, documents=docs)
