"""The corpus loaders turn each public corpus into Documents with the right counts, dates, issuers and kinds."""

from __future__ import annotations

import csv as csvlib
import datetime as dt
import os
from pathlib import Path

import pytest

from rhetoriclab.corpora import CORPORA, catalog, load_corpus, press_releases
from rhetoriclab.corpora.press_releases import kremlin_documents, ukraine_documents
from rhetoriclab.corpora.ungd import DEBATE_OPENING
from rhetoriclab.corpora.whitehouse import whitehouse_documents
from rhetoriclab.documents import KINDS, LoadError, Problem

ROOT = Path(__file__).resolve().parents[1]
PR = "zelenskyy-putin/press_release_data"


@pytest.fixture(scope="module")
def mirror() -> Path:
    path = Path(os.environ.get("RHETORICLAB_DATA_MIRROR") or ROOT.parent / "shared" / "data")
    if not (path / "wh-briefings").is_dir():
        pytest.skip(f"data mirror not found at {path}; set RHETORICLAB_DATA_MIRROR to the corpora mirror")
    return path


@pytest.mark.parametrize(("name", "count", "first", "last"), [
    ("kremlin", 816, dt.date(2021, 10, 24), dt.date(2022, 6, 24)),
    ("ukraine", 980, dt.date(2021, 10, 25), dt.date(2022, 6, 24)),
    ("whitehouse", 788, dt.date(2021, 10, 1), dt.date(2022, 6, 30)),
    ("ungd", 2325, dt.date(2013, 9, 24), dt.date(2024, 9, 24)),
])
def test_counts_and_date_ranges_match_the_mirror_readme(mirror, name, count, first, last):
    corpus = load_corpus(name, mirror=mirror, strict=True)
    assert len(corpus) == count and corpus.problems == []
    dates = [d.date for d in corpus]
    assert all(isinstance(x, dt.date) for x in dates)
    assert (min(dates), max(dates)) == (first, last)
    assert len({d.id for d in corpus}) == count
    assert {d.kind for d in corpus} <= set(KINDS)


def test_state_of_the_union_covers_1790_to_2026():
    corpus = load_corpus("sotu", strict=True)
    years = sorted(d.meta["year"] for d in corpus)
    assert (years[0], years[-1]) == (1790, 2026) and len(corpus) == 237
    first = corpus[0]
    assert (first.speaker, first.date, first.kind) == ("George Washington", dt.date(1790, 1, 8), "speech")
    assert first.issuer == "President of the United States"
    last = corpus.by_id("sotu-2026-Trump-1")
    assert last.date == dt.date(2026, 2, 24) and last.speaker == "Donald J. Trump"


def test_kremlin_issuer_kind_and_date(mirror):
    corpus = load_corpus("kremlin", mirror=mirror)
    brics = corpus.by_id("kremlin-68700")
    assert (brics.title, brics.issuer, brics.outlet) == ("BRICS+ meeting", "President of Russia", "Kremlin")
    assert brics.kind == "transcript" and "Vladimir Putin: Colleagues, friends" in brics.text
    assert brics.date == dt.date(2022, 6, 24) and brics.meta["published"] == "2022-06-24T17:30:00Z"
    assert brics.meta["location"] == "Moscow Region"
    assert brics.url == "http://en.kremlin.ru/events/president/news/68700"
    notice = corpus.by_id("kremlin-68699")
    assert notice.kind == "statement" and notice.meta["location"] is None  # upstream writes "NA"
    assert sum(d.kind == "transcript" for d in corpus) == 258


def test_ukraine_issuer_kind_and_origin_row(mirror):
    corpus = load_corpus("ukraine", mirror=mirror)
    assert {d.issuer for d in corpus} == {"President of Ukraine"}
    address = corpus.by_id("ukraine-76045")
    assert address.kind == "speech" and address.speaker == "Volodymyr Zelenskyy"
    assert address.text.startswith("Good evening, great people of our state!")
    assert address.date == dt.date(2022, 6, 24)  # 23:23 local time: not moved to the next day
    assert address.origin == f"{PR}/zelenskyy.csv:2"
    title = "President of Ukraine met with the Minister of Foreign Affairs of Germany"
    meeting = next(d for d in corpus if d.title == title)
    assert meeting.kind == "statement" and meeting.speaker is None
    untitled = corpus.by_id("ukraine-73721")
    assert untitled.title is None and untitled.text.startswith("Russia should move away from ultimatums")


def test_whitehouse_kinds_by_category_and_front_matter(mirror):
    corpus = load_corpus("whitehouse", mirror=mirror)
    kinds = {}
    for d in corpus:
        kinds.setdefault(d.meta["category"], set()).add(d.kind)
    assert kinds == {"press-briefings": {"transcript"}, "speeches-remarks": {"speech"},
                     "statements-releases": {"statement"}, "presidential-actions": {"statement"},
                     "legislation": {"statement"}}
    brief = corpus.by_id("wh-2022-05-05-press-briefing-by-press-secretary-jen-psaki-may-5-2022")
    assert brief.title == "Press Briefing by Press Secretary Jen Psaki, May 5, 2022"
    assert brief.date == dt.date(2022, 5, 5) and brief.issuer == "The White House" and brief.unwrap_lines
    assert brief.url.startswith("https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2022/05/05/")
    assert brief.text.startswith("James S. Brady Press Briefing Room") and "MS. PSAKI:" in brief.text
    assert brief.meta["published_time"].startswith("2022-05-05")


def test_whitehouse_offsets_point_into_the_file(mirror):
    corpus = load_corpus("whitehouse", mirror=mirror)
    for d in corpus:
        file_text = (mirror / d.origin).read_bytes().decode("utf-8")
        assert file_text[d.offset:d.offset + len(d.text)] == d.text
        assert file_text[:d.offset].startswith("---\n") and "title:" in file_text[:d.offset]
    d = corpus.by_id("wh-2022-05-05-press-briefing-by-press-secretary-jen-psaki-may-5-2022")
    start = d.clean.text.index("MS. PSAKI:")
    s, e = d.source_span(start, start + len("MS. PSAKI:"))
    assert (mirror / d.origin).read_bytes().decode("utf-8")[s:e] == "MS. PSAKI:"


def test_ungd_speaker_post_issuer_and_debate_date(mirror):
    corpus = load_corpus("ungd", mirror=mirror)
    rus = corpus.by_id("ungd-RUS-2022")
    assert (rus.issuer, rus.kind, rus.date) == ("RUS", "speech", dt.date(2022, 9, 20))
    assert rus.speaker == "Sergei Lavrov" and rus.meta["session"] == 77
    assert rus.origin == "un-general-debates/data/data_original/TXT/Session 77 - 2022/RUS_77_2022.txt"
    assert rus.text.startswith("We are meeting at a difficult and dramatic moment.")
    usa = corpus.by_id("ungd-USA-2024")
    assert (usa.speaker, usa.meta["post"], usa.date) == ("Joseph R. Biden", "President", dt.date(2024, 9, 24))
    assert {d.date for d in corpus} == set(DEBATE_OPENING.values())
    assert all(d.date.year == d.meta["year"] for d in corpus)
    # codes the speakers sheet misspells (POR, ZFA, PKR) are matched to the files' codes
    assert corpus.by_id("ungd-PRT-2016").speaker and corpus.by_id("ungd-ZAF-2016").speaker
    unlisted = [d.id for d in corpus if not d.meta["speaker_listed"]]
    assert unlisted == ["ungd-EU-2014"]


def test_ungd_hard_wrapped_speeches_are_unwrapped_for_analysis(mirror):
    corpus = load_corpus("ungd", mirror=mirror)
    dnk = corpus.by_id("ungd-DNK-2014")
    assert dnk.unwrap_lines and dnk.text.startswith("Despite our \naspirations")
    first = dnk.clean.text[:dnk.clean.text.index(".")]
    assert "\n" not in first and " ".join(first.split()) == (
        "Despite our aspirations to create a more just and peaceful world, atrocities continue to take place")
    rus = corpus.by_id("ungd-RUS-2022")  # one paragraph per line: paragraphs stay apart
    assert not rus.unwrap_lines and "\n" in rus.clean.text
    assert 300 < sum(d.unwrap_lines for d in corpus) < 500


def test_bad_rows_become_problems_with_file_and_line(tmp_path, mirror):
    with open(mirror / PR / "putin.csv", encoding="utf-8", newline="") as f:
        rows = [next(csvlib.reader(f)) for _ in range(4)]  # header + 3 releases, one line each
    rows[2][2] = "yesterday"
    bad = tmp_path / "putin.csv"
    with open(bad, "w", encoding="utf-8", newline="") as f:
        csvlib.writer(f, lineterminator="\n").writerows(rows)
    corpus = kremlin_documents(bad, "putin.csv")
    assert [d.id for d in corpus] == ["kremlin-68697", "kremlin-68700"]
    assert [str(p) for p in corpus.problems] == [
        "putin.csv:3: date 'yesterday' is not YYYY-MM-DDTHH:MM:SSZ; row skipped"]
    assert [d.origin for d in corpus] == ["putin.csv:4", "putin.csv:2"]  # sorted by publication time


def test_an_empty_body_is_reported_not_dropped(tmp_path):
    csv = tmp_path / "zelenskyy.csv"
    csv.write_text('link,headline,date,body\nhttps://x/a-1,Fine,2022-01-02T10:00:00Z,Text here.\n'
                   'https://x/a-2,Empty,2022-01-03T10:00:00Z,"  "\n', encoding="utf-8")
    corpus = ukraine_documents(csv, "zelenskyy.csv")
    assert [d.id for d in corpus] == ["ukraine-1"]
    assert [str(p) for p in corpus.problems] == ["zelenskyy.csv:3: empty body; row skipped"]


def test_a_csv_without_a_required_column_is_refused(tmp_path):
    csv = tmp_path / "zelenskyy.csv"
    csv.write_text("link,headline,body\nhttps://x/a-1,Fine,Text.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="zelenskyy.csv: missing column"):
        ukraine_documents(csv, "zelenskyy.csv")


def test_broken_whitehouse_files_become_problems(tmp_path):
    no_front = tmp_path / "a.md"
    no_front.write_text("Just text.\n", encoding="utf-8")
    no_date = tmp_path / "b.md"
    no_date.write_text("---\ntitle: x\n---\nBody.\n", encoding="utf-8")
    good = tmp_path / "c.md"
    good.write_text("---\ndate: '2022-02-24'\ntitle: \"Statement\\_by\"\n---\n \nBody\nwrapped.\n", encoding="utf-8")
    corpus = whitehouse_documents({"statements-releases/2022-02/a.md": no_front, "legislation/2022-02/b.md": no_date,
                                   "statements-releases/2022-02/c.md": good, "blog/2022-02/c.md": good})
    assert [d.id for d in corpus] == ["wh-c"]
    assert corpus[0].title == "Statement by" and corpus[0].text == "Body\nwrapped."
    assert corpus[0].clean.text == "Body wrapped."
    assert [str(p) for p in corpus.problems] == [
        "wh-briefings/statements-releases/2022-02/a.md: no YAML front matter (file does not start with '---'); skipped",
        "wh-briefings/legislation/2022-02/b.md: front matter has no date; skipped",
        "wh-briefings/blog/2022-02/c.md: unknown category folder 'blog'; skipped",
    ]


def test_strict_mode_raises_on_any_problem(monkeypatch, mirror):
    real = press_releases.kremlin_documents

    def with_a_problem(path, origin):
        corpus = real(path, origin)
        corpus.problems.append(Problem(origin, 9, "a made-up problem"))
        return corpus

    monkeypatch.setattr(press_releases, "kremlin_documents", with_a_problem)
    catalog._load_cached.cache_clear()
    try:
        assert len(load_corpus("kremlin", mirror=mirror).problems) == 1
        with pytest.raises(LoadError, match="putin.csv:9: a made-up problem"):
            load_corpus("kremlin", mirror=mirror, strict=True)
    finally:
        catalog._load_cached.cache_clear()


def test_catalog_names_provenance_for_every_corpus():
    assert list(CORPORA) == ["kremlin", "ukraine", "whitehouse", "ungd", "sotu"]
    for info in CORPORA.values():
        assert info.title and info.licence and info.citation and info.description and info.url.startswith("https://")
    assert CORPORA["ungd"].commit == "3b277c419f85fd6e1f14f69a5fd29a3a6b59fc96"
    with pytest.raises(ValueError, match="unknown corpus 'bbc'"):
        load_corpus("bbc")
