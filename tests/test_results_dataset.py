"""run_corpus(..., dataset=FOLDER): the tables as a Parquet dataset partitioned by corpus and month, with a
manifest, that reads back as the run's tables."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from rhetoriclab import __version__
from rhetoriclab.cache import document_key
from rhetoriclab.loaders import load_path
from rhetoriclab.pipeline import run_corpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus():
    return load_path(ROOT / "seeds") + load_path(ROOT / "tests" / "data" / "articles")


@pytest.fixture(scope="module")
def written(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("results") / "out"
    return run_corpus(corpus, n_process=1, progress=False, cache=False, dataset=out), out


def _read_back(folder: Path, like: pd.DataFrame) -> pd.DataFrame:
    frame = pd.read_parquet(folder)
    frame = frame.drop(columns=["month", *(["corpus"] if "corpus" not in like else [])])
    if "corpus" in like:
        frame["corpus"] = frame["corpus"].astype(object)
    order = ["doc_id", "index"] if "index" in like else ["doc_id"]
    ours = like.sort_values(order, ignore_index=True)
    return frame[list(like.columns)].sort_values(order, ignore_index=True), ours


def test_the_dataset_reads_back_as_the_run_tables(written):
    result, out = written
    for name in ("documents", "attributions", "stances"):
        table = result.documents if name == "documents" else result.tables[name]
        assert len(table)
        got, expected = _read_back(out / name, table)
        # as written out (pandas reads text back as its string dtype, dates in ms)
        assert got.to_csv(index=False) == expected.to_csv(index=False), name
    months = {p.name for p in (out / "stances").glob("corpus=*/month=*")}
    assert months == {f"month={m}" for m in pd.to_datetime(result.documents["date"]).dt.strftime("%Y-%m")
                      if m in set(result.stances.merge(result.documents, on="doc_id")["date"].dt.strftime("%Y-%m"))}
    assert pd.read_parquet(out / "skipped.parquet").shape[0] == len(result.skipped)


def test_the_manifest_names_version_model_settings_and_document_hashes(written, corpus):
    result, out = written
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["version"] == __version__ and manifest["model"] == result.settings["model"]
    assert manifest["settings"]["analysers"] == result.settings["analysers"]
    assert manifest["documents"] == {d.id: document_key(d) for d in corpus}
    assert manifest["tables"]["stances"]["rows"] == len(result.stances)
    assert manifest["partitioning"]["columns"] == ["corpus", "month"]


def test_a_new_run_replaces_the_dataset_whole_and_a_foreign_folder_is_refused(corpus, tmp_path):
    out = tmp_path / "out"
    first = run_corpus(corpus[:2], n_process=1, progress=False, cache=False, dataset=out)
    second = run_corpus(corpus[2:], n_process=1, progress=False, cache=False, dataset=out)
    assert set(pd.read_parquet(out / "documents")["doc_id"]) == set(second.documents["doc_id"])
    assert not set(first.documents["doc_id"]) & set(pd.read_parquet(out / "documents")["doc_id"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no temporary folder left behind
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "mine.txt").write_text("keep me")
    with pytest.raises(ValueError, match="is not a results dataset"):
        run_corpus(corpus[:1], n_process=1, progress=False, cache=False, dataset=foreign)
    assert (foreign / "mine.txt").read_text() == "keep me"


def test_run_command_streams_a_jsonl_file_into_tables_and_a_dataset(tmp_path):
    from rhetoriclab.cli import main

    jsonl = ROOT / "tests" / "data" / "records.jsonl"
    status = main(["run", str(jsonl), "--stream", "--no-cache", "--n-process", "1", "-o", str(tmp_path / "tables"),
                   "--dataset", str(tmp_path / "dataset")])
    assert status == 0
    documents = pd.read_csv(tmp_path / "tables" / "documents.csv")
    assert documents["doc_id"].tolist() == ["j1", "j2"] and (documents["n_tokens"] > 5).all()
    manifest = json.loads((tmp_path / "dataset" / "manifest.json").read_text())
    assert sorted(manifest["documents"]) == ["j1", "j2"]
    assert set(pd.read_parquet(tmp_path / "dataset" / "documents")["month"]) == {"2022-01"}
