"""JSON Lines and Parquet files read lazily (DocumentStream), and Parquet files and datasets as inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from rhetoriclab.loaders import DocumentStream, load_jsonl, load_parquet, load_path

DATA = Path(__file__).resolve().parent / "data"

RECORDS = [
    {"id": "a1", "text": "Kyiv said on Monday that talks with Moscow had stalled.", "date": "2022-01-10",
     "outlet": "Wire"},
    {"id": "a2", "text": "The Kremlin said it had no plans to invade Ukraine.", "date": "2022-01-31",
     "outlet": "Wire"},
    {"id": "a3", "text": "NATO said allies were ready for dialogue with Russia.", "date": "2022-02-02",
     "outlet": "Desk"},
]


def _fields(documents) -> list[tuple]:
    return [(d.id, d.text, d.date, d.outlet, d.offset, d.meta) for d in documents]


def test_a_stream_of_a_jsonl_file_gives_the_documents_load_jsonl_gives():
    stream = DocumentStream(DATA / "records.jsonl")
    assert _fields(stream) == _fields(load_jsonl(DATA / "records.jsonl"))
    assert stream.problems == []
    assert [d.origin for d in stream] == [f"{DATA / 'records.jsonl'}:1", f"{DATA / 'records.jsonl'}:2"]


def test_a_jsonl_stream_reports_bad_lines_where_they_are_and_goes_on(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps(RECORDS[0]), "{not json", "[1, 2]", json.dumps({"id": "a9", "text": "  "}),
             json.dumps(RECORDS[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stream = DocumentStream(path, display="wire.jsonl")
    assert [d.id for d in stream] == ["a1", "a2"]
    assert [(p.line, p.reason.split(":")[0].split(";")[0]) for p in stream.problems] == [
        (2, "bad JSON"), (3, "expected a JSON object, got list"), (4, "empty text field")]


def test_a_parquet_file_loads_as_its_jsonl_twin(tmp_path):
    jsonl, parquet = tmp_path / "wire.jsonl", tmp_path / "wire.parquet"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(RECORDS), parquet)
    assert _fields(load_path(parquet)) == _fields(load_jsonl(jsonl))
    assert load_path(parquet).problems == []
    # read in batches of one row: the same documents, numbered by row
    stream = DocumentStream(parquet, batch_rows=1)
    assert _fields(stream) == _fields(load_jsonl(jsonl))
    assert [d.origin for d in stream] == [f"{parquet}:{n}" for n in (1, 2, 3)]


def test_a_partitioned_parquet_dataset_is_one_input(tmp_path):
    frame = pd.DataFrame(RECORDS).assign(month=lambda f: f["date"].str[:7])
    pq.write_to_dataset(pa.Table.from_pandas(frame, preserve_index=False), tmp_path / "wire", partition_cols=["month"])
    assert len(list((tmp_path / "wire").rglob("*.parquet"))) == 2  # month=2022-01, month=2022-02
    corpus = load_parquet(tmp_path / "wire")
    assert sorted(d.id for d in corpus) == ["a1", "a2", "a3"]
    assert {d.id: d.meta["month"] for d in corpus} == {"a1": "2022-01", "a2": "2022-01", "a3": "2022-02"}
    assert [p.reason.split(" (")[0] for p in corpus.problems] == ["unknown column(s) ['month']"]


def test_a_parquet_file_without_text_is_reported_not_read(tmp_path):
    path = tmp_path / "ids.parquet"
    pq.write_table(pa.table({"id": ["x"], "comment": ["Kyiv said..."]}), path)
    corpus = load_path(path)
    assert len(corpus) == 0
    assert [p.reason for p in corpus.problems] == ["no 'text' column (columns found: id, comment); file skipped"]
