"""Loading folders, single files, CSV and JSON Lines into Documents whose text is an exact slice of the file."""

import datetime as dt
from pathlib import Path

from rhetoriclab.loaders import (
    counts_by_month,
    date_coverage,
    format_summary,
    load_csv,
    load_file,
    load_folder,
    load_jsonl,
    load_path,
    load_paths,
)
from rhetoriclab.loaders.seedformat import split_seed_headline

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"


def file_text(path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def assert_exact_slice(doc, path):
    text = file_text(path)
    assert text[doc.offset:doc.offset + len(doc.text)] == doc.text


def test_seed_folder_gives_one_dated_article_with_title_from_repeated_headline():
    corpus = load_path(SEEDS, strict=True)
    assert len(corpus) == 1 and corpus.problems == []
    doc = corpus[0]
    assert doc.id == "000_81f63b873fa01d15"
    assert doc.date == dt.date(2021, 12, 2)
    assert doc.outlet == "The Washington Times"
    assert doc.title == "U.S. threatens \u2018serious consequences\u2019 if Russia invades Ukraine"
    assert doc.text.startswith("Moscow will face \u201cserious consequences\u201d if it invades Ukraine")
    assert doc.title not in doc.text  # the repeated headline is not part of the body
    assert_exact_slice(doc, SEEDS / "000_81f63b873fa01d15.txt")


def test_single_text_file_takes_metadata_from_its_folders_manifest():
    corpus = load_path(SEEDS / "000_81f63b873fa01d15.txt", strict=True)
    assert [d.date for d in corpus] == [dt.date(2021, 12, 2)]


def test_seed_layout_is_detected_only_when_line_three_repeats_line_one():
    assert split_seed_headline("Title\n\nTitle\n\nBody.") == ("Title", 13)
    assert split_seed_headline("Title\r\n\r\nTitle\r\nBody.") == ("Title", 16)
    assert split_seed_headline("Title\n\nAnother title\n\nBody.") is None
    assert split_seed_headline("Title\nnot blank\nTitle\nBody.") is None


def test_folder_with_manifest_front_matter_and_crlf_files():
    corpus = load_folder(DATA / "articles")
    assert corpus.problems == []
    assert [d.id for d in corpus] == ["briefing", "kyiv-2022-01-14", "stockholm-2021-12-02"]
    brief = corpus.by_id("briefing")
    assert (brief.title, brief.date, brief.kind) == ("Press Briefing by the Press Secretary", dt.date(2022, 1, 19),
                                                     "transcript")
    assert brief.url == "https://example.org/briefing"  # from source_url
    assert brief.meta == {"category": "press-briefings"}
    assert brief.text.startswith("MS. PSAKI: Good afternoon.")
    assert "national security team this morning" in brief.clean.text  # Markdown: a lone line break is a space
    kyiv = corpus.by_id("kyiv-2022-01-14")
    assert (kyiv.kind, kyiv.issuer, kyiv.outlet) == ("statement", "President of Ukraine", None)
    assert "\r\n" in kyiv.text  # no newline translation
    assert not kyiv.unwrap_lines  # plain text keeps its line breaks
    stockholm = corpus.by_id("stockholm-2021-12-02")
    assert stockholm.title == "Blinken and Lavrov meet in Stockholm"
    for doc in corpus:
        assert_exact_slice(doc, doc.origin)


def test_spans_map_back_to_the_file_through_offset():
    doc = load_folder(DATA / "articles").by_id("stockholm-2021-12-02")
    start = doc.clean.text.index('"We do not want any conflicts,"')
    s, e = doc.source_span(start, start + len('"We do not want any conflicts,"'))
    assert file_text(DATA / "articles" / "stockholm.txt")[s:e] == "\u201cWe do not want any conflicts,\u201d"


def test_manifest_wins_over_front_matter_and_the_difference_is_reported(tmp_path):
    (tmp_path / "a.md").write_text("---\ndate: 2022-01-01\ntitle: Old\n---\nBody text.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,date\na.md,2022-01-02\n", encoding="utf-8")
    corpus = load_path(tmp_path)
    assert corpus[0].date == dt.date(2022, 1, 2) and corpus[0].title == "Old"
    assert [p.reason for p in corpus.problems] == [
        "manifest date '2022-01-02' differs from front matter date '2022-01-01'; using the manifest"]


def test_csv_records_keep_multiline_text_and_report_the_line_each_starts_on():
    corpus = load_csv(DATA / "records.csv")
    assert corpus.problems == []
    assert [d.id for d in corpus] == ["r1", "r2"]
    assert corpus[0].text == 'Foreign Minister Lavrov said the proposals were "a matter of principle" for Moscow.'
    assert corpus[1].text == "Ukraine's president called for calm.\nHe spoke on national television."
    assert corpus[1].date == dt.date(2022, 1, 25) and corpus[1].offset == 0
    assert [d.origin.rsplit(":", 1)[1] for d in corpus] == ["2", "3"]


def test_jsonl_records_accept_iso_datetimes_and_written_dates():
    corpus = load_jsonl(DATA / "records.jsonl")
    assert corpus.problems == []
    assert [d.date for d in corpus] == [dt.date(2022, 1, 7), dt.date(2022, 1, 10)]
    assert (corpus[1].kind, corpus[1].issuer) == ("statement", "President of Russia")


def test_records_without_id_column_get_ids_from_file_stem(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("text,date\nOne.,2022-01-01\nTwo.,2022-01-02\n", encoding="utf-8")
    assert [d.id for d in load_file(path)] == ["mine-1", "mine-2"]


def test_scraped_column_names_are_accepted_and_long_fields_are_read_whole(tmp_path):
    body = "Kyiv said it would not give up territory. " * 5000  # ~215,000 characters, over csv's default limit
    path = tmp_path / "scraped.csv"
    path.write_text(f'link,headline,date,body\nhttps://example.org/1,Talks,2022-03-29T10:00:00Z,"{body}"\n',
                    encoding="utf-8")
    corpus = load_path(path, strict=True)
    doc = corpus[0]
    assert (doc.url, doc.title, doc.date, doc.text) == ("https://example.org/1", "Talks", dt.date(2022, 3, 29), body)


def test_several_paths_load_into_one_corpus():
    corpus = load_paths([SEEDS, DATA / "records.csv", DATA / "records.jsonl"], strict=True)
    assert len(corpus) == 5


def test_summary_counts_by_month_keep_empty_months_and_coverage_counts_undated():
    records = load_jsonl(DATA / "records.jsonl")
    corpora = {"seed": load_path(SEEDS), "records": records, "broken": load_path(DATA / "broken")}
    monthly = counts_by_month(corpora, "2021-11-01", "2022-01-31")
    assert monthly.index.tolist() == ["2021-11", "2021-12", "2022-01"]
    assert monthly.to_dict("list") == {"seed": [0, 1, 0], "records": [0, 0, 2], "broken": [0, 0, 0]}
    cover = date_coverage(corpora).set_index("source")
    assert cover.loc["seed"].tolist() == [1, "2021-12-02", "2021-12-02", 0, 0]
    assert cover.loc["broken", "undated"] == 3 and cover.loc["broken", "problems"] == 15


def test_format_summary_lists_counts_and_every_problem():
    text = format_summary(load_path(DATA / "broken"))
    assert text.splitlines()[:3] == ["9 documents loaded from broken", "dates: 2022-02-24 to 2022-03-30", "undated: 3"]
    assert text.count("\n  - ") == 15


def test_subfolders_are_read_in_sorted_order_with_manifest_paths_and_hidden_files_passed_over(tmp_path):
    for rel, text in [("b/two.txt", "Two."), ("a/one.md", "One."), (".ipynb_checkpoints/x.txt", "Hidden.")]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,date\na/one.md,2022-01-01\nb/two.txt,2022-01-02\n", encoding="utf-8")
    corpus = load_path(tmp_path, strict=True)
    assert [(d.id, d.date.day) for d in corpus] == [("one", 1), ("two", 2)]
