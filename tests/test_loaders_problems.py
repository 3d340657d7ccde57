"""Bad input: each case is loaded as far as it is valid and reported with file, line and reason."""

import datetime as dt
from pathlib import Path

import pytest

from rhetoriclab.documents import LoadError, Problem
from rhetoriclab.loaders import load_path, load_paths

BROKEN = Path(__file__).resolve().parent / "data" / "broken"


def reasons(corpus) -> list[str]:
    return [p.reason for p in corpus.problems]


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def test_empty_file_is_reported_and_not_loaded(tmp_path):
    write(tmp_path / "a.txt", "")
    write(tmp_path / "b.txt", " \n\n")
    corpus = load_path(tmp_path)
    assert len(corpus) == 0
    assert reasons(corpus) == ["empty file", "empty file (only blank space)"]


def test_undecodable_bytes_are_reported_with_their_byte_offset_and_line(tmp_path):
    write(tmp_path / "a.txt", "First line.\nCaf\xe9 second line.\n".encode("latin-1"))
    corpus = load_path(tmp_path)
    assert len(corpus) == 0
    [p] = corpus.problems
    assert p.line == 2
    assert "not valid UTF-8: byte 0xe9 at byte offset 15" in p.reason


def test_missing_date_keeps_the_document_undated_and_says_so(tmp_path):
    write(tmp_path / "a.txt", "Some text.\n")
    corpus = load_path(tmp_path)
    assert corpus[0].date is None
    assert reasons(corpus) == ["no date (give one in manifest.csv or front matter); document kept undated"]


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-02-30", "unparseable date '2022-02-30': day is out of range for month; document kept undated"),
    ("03/02/2022", "ambiguous date '03/02/2022': day and month order unknown; write it as YYYY-MM-DD; "
                   "document kept undated"),
    ("soon", "unparseable date 'soon': expected YYYY-MM-DD (or e.g. 'December 2, 2021'); document kept undated"),
])
def test_unparseable_date_in_manifest_is_reported_at_its_row(tmp_path, value, expected):
    write(tmp_path / "a.txt", "Some text.\n")
    write(tmp_path / "manifest.csv", f"file,date\na.txt,{value}\n")
    corpus = load_path(tmp_path)
    assert corpus[0].date is None
    assert corpus.problems == [Problem(str(tmp_path / "manifest.csv"), 2, expected)]


def test_manifest_row_for_a_missing_file_and_a_file_without_a_row(tmp_path):
    write(tmp_path / "here.txt", "Text.\n")
    write(tmp_path / "manifest.csv", "file,date\ngone.txt,2022-01-01\n")
    corpus = load_path(tmp_path)
    assert [d.id for d in corpus] == ["here"]
    assert corpus.problems[0] == Problem(str(tmp_path / "here.txt"), None,
                                         f"no row in {tmp_path / 'manifest.csv'}; loaded without its metadata")
    assert corpus.problems[-1] == Problem(str(tmp_path / "manifest.csv"), 2,
                                          f"row names 'gone.txt' but there is no such .txt/.md file in {tmp_path}")


def test_duplicate_ids_keep_the_first_and_report_the_later(tmp_path):
    write(tmp_path / "a.txt", "First.\n")
    write(tmp_path / "b.txt", "Second.\n")
    write(tmp_path / "manifest.csv", "file,id,date\na.txt,same,2022-01-01\nb.txt,same,2022-01-02\n")
    corpus = load_path(tmp_path)
    assert [d.text for d in corpus] == ["First."]
    assert corpus.problems == [Problem(str(tmp_path / "b.txt"), None,
                                       f"duplicate id 'same' (first used by {tmp_path / 'a.txt'}); document skipped")]


def test_duplicate_ids_across_paths_are_reported_with_the_record_line(tmp_path):
    a = write(tmp_path / "a.csv", "id,text,date\nx,One.,2022-01-01\n")
    b = write(tmp_path / "b.jsonl", '{"id": "y", "text": "Two.", "date": "2022-01-02"}\n'
                                    '{"id": "x", "text": "Three.", "date": "2022-01-03"}\n')
    corpus = load_paths([a, b])
    assert [d.id for d in corpus] == ["x", "y"]
    assert corpus.problems == [Problem(str(b), 2, f"duplicate id 'x' (first used by {a}:2); document skipped")]


def test_unknown_columns_are_reported_and_their_values_kept_in_meta(tmp_path):
    write(tmp_path / "m" / "a.txt", "Text.\n")
    write(tmp_path / "m" / "manifest.csv", "file,date,tone\na.txt,2022-01-01,angry\n")
    csv = write(tmp_path / "r.csv", "id,text,date,tone\nr1,Text.,2022-01-01,calm\n")
    jsonl = write(tmp_path / "r.jsonl", '{"id": "j1", "text": "Text.", "date": "2022-01-01", "tone": "calm"}\n')
    for path in (tmp_path / "m", csv, jsonl):
        corpus = load_path(path)
        assert len(corpus) == 1 and corpus[0].meta == {"tone": corpus[0].meta["tone"]}
        [p] = corpus.problems
        assert p.reason.startswith("unknown column(s) ['tone'] (known: ")
        assert p.reason.endswith("their values are kept in each document's meta")
    assert load_path(tmp_path / "m")[0].meta == {"tone": "angry"}


@pytest.mark.parametrize(("content", "expected"), [
    ('{"file": "a.txt"}\n', "not a usable manifest: no 'file' column (columns found: {\"file\": \"a.txt\"})"),
    ("name,date\na.txt,2022-01-01\n", "not a usable manifest: no 'file' column (columns found: name, date)"),
])
def test_malformed_manifest_is_reported_and_files_still_load(tmp_path, content, expected):
    write(tmp_path / "a.txt", "Text.\n")
    write(tmp_path / "manifest.csv", content)
    corpus = load_path(tmp_path)
    assert [d.id for d in corpus] == ["a"]
    assert corpus.problems[0].reason.startswith(expected)
    assert corpus.problems[0].reason.endswith("manifest ignored")
    assert not any(p.reason.startswith("no row in") for p in corpus.problems)


def test_manifest_with_broken_quoting_or_short_rows_reports_the_line(tmp_path):
    write(tmp_path / "a.txt", "Text.\n")
    write(tmp_path / "b.txt", "Text.\n")
    write(tmp_path / "manifest.csv", 'file,date\na.txt,2022-01-01,extra\nb.txt,"2022-01-02"x\n')
    corpus = load_path(tmp_path)
    found = {(p.line, p.reason.split(";")[0]) for p in corpus.problems if p.file.endswith("manifest.csv")}
    assert (2, "row has 3 fields but the header has 2") in found
    assert (3, "not valid CSV: ',' expected after '\"'") in found


def test_bad_json_line_is_skipped_and_reported_with_its_line(tmp_path):
    path = write(tmp_path / "r.jsonl", '{"id": "a", "text": "One.", "date": "2022-01-01"}\n'
                                       '{"id": "b", "text": "cut off\n'
                                       '["not", "an", "object"]\n')
    corpus = load_path(path)
    assert [d.id for d in corpus] == ["a"]
    assert [(p.line, p.reason) for p in corpus.problems] == [
        (2, "bad JSON: Unterminated string starting at column 21; line skipped"),
        (3, "expected a JSON object, got list; line skipped")]


def test_empty_text_field_skips_the_record(tmp_path):
    path = write(tmp_path / "r.csv", 'id,text,date\na,"  ",2022-01-01\nb,Fine.,2022-01-02\n')
    corpus = load_path(path)
    assert [d.id for d in corpus] == ["b"]
    assert corpus.problems == [Problem(str(path), 2, "empty text field; record skipped")]


def test_csv_without_text_column_says_which_columns_it_has(tmp_path):
    path = write(tmp_path / "r.csv", "id,content\na,Text.\n")
    corpus = load_path(path)
    assert len(corpus) == 0
    assert reasons(corpus) == ["no 'text' column (columns found: id, content); file skipped"]


def test_a_column_and_its_alias_together_are_reported(tmp_path):
    path = write(tmp_path / "r.csv", "id,text,body,date\na,One.,Two.,2022-01-01\n")
    corpus = load_path(path)
    assert corpus[0].text == "Two."
    assert reasons(corpus) == ["header repeats column(s) ['text'] (aliases included); the last one of each is used"]


def test_unknown_kind_keeps_the_document_as_news(tmp_path):
    path = write(tmp_path / "r.jsonl", '{"id": "a", "text": "One.", "date": "2022-01-01", "kind": "blog"}\n')
    corpus = load_path(path)
    assert corpus[0].kind == "news"
    assert reasons(corpus) == ["unknown kind 'blog' (expected one of: news, statement, transcript, speech); "
                               "using 'news'"]


def test_front_matter_that_is_not_yaml_is_reported_with_its_line(tmp_path):
    write(tmp_path / "a.md", "---\ntitle: ok\ndate: [2022\n---\nBody.\n")
    corpus = load_path(tmp_path)
    assert len(corpus) == 0
    [p] = corpus.problems
    assert p.line is not None and p.line >= 3
    assert p.reason.startswith("front matter is not valid YAML")


def test_path_that_does_not_exist(tmp_path):
    corpus = load_path(tmp_path / "nowhere")
    assert len(corpus) == 0
    assert corpus.problems == [Problem(str(tmp_path / "nowhere"), None, "no such file or folder")]


def test_unsupported_file_is_reported_not_ignored(tmp_path):
    write(tmp_path / "a.txt", "Text.\n")
    write(tmp_path / "b.pdf", b"%PDF-1.4")
    corpus = load_path(tmp_path)
    assert corpus.problems[-1].file.endswith("b.pdf")
    assert corpus.problems[-1].reason.startswith("skipped: not a .txt, .md, .csv")


def test_broken_example_folder_reports_every_problem():
    corpus = load_path(BROKEN)
    assert sorted(d.id for d in corpus) == ["ambiguous-date", "blog", "good", "j1", "j3", "no-date", "orphan",
                                            "r1", "r3"]
    assert corpus.by_id("good").text.startswith("Russian forces")  # the first file with the id is kept
    found = {(Path(p.file).name, p.line, p.reason.split(" (")[0].split(":")[0].split(";")[0]) for p in corpus.problems}
    assert found == {
        ("manifest.csv", 1, "unknown column(s) ['sentiment']"),
        ("manifest.csv", 5, "ambiguous date '03/02/2022'"),
        ("manifest.csv", 7, "unknown kind 'blog'"),
        ("manifest.csv", 9, "row names 'missing.txt' but there is no such .txt/.md file in " + str(BROKEN)),
        ("empty.txt", None, "empty file"),
        ("latin1.txt", 1, "not valid UTF-8"),
        ("no_date.txt", None, "no date"),
        ("notes.rtf", None, "skipped"),
        ("orphan.txt", None, "no row in " + str(BROKEN / "manifest.csv")),
        ("orphan.txt", None, "no date"),
        ("records.csv", 1, "unknown column(s) ['tone']"),
        ("records.csv", 3, "empty text field"),
        ("records.jsonl", 2, "bad JSON"),
        ("unclosed_front_matter.md", 1, "front matter opened with '---' on line 1 is never closed with '---'"),
        ("reused_id.txt", None, "duplicate id 'good'"),
    }


def test_strict_mode_raises_listing_every_problem():
    with pytest.raises(LoadError) as err:
        load_path(BROKEN, strict=True)
    assert len(err.value.problems) == len(load_path(BROKEN).problems) == 15
    assert str(err.value).startswith("15 problem(s) while loading:")
    assert "latin1.txt:1: not valid UTF-8" in str(err.value)


def test_dates_from_front_matter_yaml_are_real_dates(tmp_path):
    write(tmp_path / "a.md", "---\ndate: 2022-02-24 05:00:00\n---\nBody.\n")
    assert load_path(tmp_path, strict=True)[0].date == dt.date(2022, 2, 24)


def test_single_file_reports_its_missing_manifest_row_and_its_own_problem(tmp_path):
    write(tmp_path / "manifest.csv", "file,date\nother.txt,2022-01-01\n")
    empty = write(tmp_path / "draft.txt", "")
    assert reasons(load_path(empty)) == [f"no row in {tmp_path / 'manifest.csv'}", "empty file"]
    full = write(tmp_path / "full.txt", "Text.\n")
    assert reasons(load_path(full))[0] == f"no row in {tmp_path / 'manifest.csv'}; loaded without its metadata"


def test_records_with_a_missing_id_or_date_among_others_are_reported(tmp_path):
    path = write(tmp_path / "r.jsonl", '{"id": "a", "text": "One.", "date": "2022-01-01"}\n'
                                       '{"text": "Two.", "date": "2022-01-02"}\n'
                                       '{"id": "c", "text": "Three."}\n')
    corpus = load_path(path)
    assert [(d.id, d.date) for d in corpus] == [("a", dt.date(2022, 1, 1)), ("c", None)]
    assert [(p.line, p.reason) for p in corpus.problems] == [
        (2, "empty or missing id; record skipped"), (3, "empty or missing date; document kept undated")]


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("r.csv", "id,text,date\n", "no records: the file has no data rows"),
    ("r.csv", "", "no header row: the file is empty"),
    ("r.jsonl", "\n", "empty file"),
    ("r.jsonl", '{"id": "a", "body_text": "One."}\n', "no 'text' key in any line (keys found: id, body_text); "
                                                     "file skipped"),
])
def test_tables_without_any_record_say_so(tmp_path, name, content, expected):
    corpus = load_path(write(tmp_path / name, content))
    assert len(corpus) == 0 and reasons(corpus) == [expected]
