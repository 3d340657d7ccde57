"""Case-study exports: tables and figures written whole, named as asked, readable back."""

from __future__ import annotations

import contextlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from rhetoriclab.export import export_results  # noqa: E402


def test_tables_and_figures_are_written_and_read_back(tmp_path):
    table = pd.DataFrame({"event": ["THREATEN", "SUPPORT"], "evidence": [["if", "consequences"], ["support"]],
                          "plover_score": [-3.5, 5.0]})
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    written = export_results(tmp_path / "out", {"stances": table}, {"trend": fig})
    assert sorted(written["file"]) == ["stances.csv", "stances.parquet", "trend.png", "trend.svg"]
    back = pd.read_parquet(tmp_path / "out" / "stances.parquet")
    assert back["evidence"].tolist() == ["if; consequences", "support"]
    assert pd.read_csv(tmp_path / "out" / "stances.csv")["plover_score"].tolist() == [-3.5, 5.0]
    assert not list((tmp_path / "out").glob("*.part"))  # no temporary file left behind


def test_a_failed_write_keeps_the_earlier_file(tmp_path, monkeypatch):
    export_results(tmp_path, {"t": pd.DataFrame({"a": [1]})})
    before = (tmp_path / "t.parquet").read_bytes()

    def full_disk(self, path, *a, **k):
        with open(path, "wb") as fh:
            fh.write(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", full_disk)
    with contextlib.suppress(OSError):
        export_results(tmp_path, {"t": pd.DataFrame({"a": [2]})})
    assert (tmp_path / "t.parquet").read_bytes() == before and not list(tmp_path.glob("*.part"))
