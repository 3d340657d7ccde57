"""Long texts are parsed in bounded windows with the original offsets (no timing here: pieces are counted)."""

import json
import re
from pathlib import Path

import pytest

import rhetoriclab.nlp as nlp_module
from rhetoriclab.cli import main
from rhetoriclab.nlp import load_nlp, parse_texts, split_windows

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_81f63b873fa01d15.txt"
ARTICLE = SEED.read_text(encoding="utf-8")
UNPUNCTUATED = " ".join(re.sub(r"[^\w\s]", "", ARTICLE).split())


def _check_cover(text: str, spans: list[tuple[int, int]], size: int) -> None:
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(0 < end - start <= size for start, end in spans)


def test_windows_end_at_paragraphs_then_sentences_then_spaces_then_anywhere():
    paragraphs = "\n\n".join([ARTICLE] * 5)
    spans = split_windows(paragraphs, 2000)
    _check_cover(paragraphs, spans, 2000)
    assert all(paragraphs[end - 2:end] == "\n\n" or paragraphs[:end].endswith(". ") for _, end in spans[:-1])
    assert sum(paragraphs[end - 2:end] == "\n\n" for _, end in spans[:-1]) >= 2
    flat = (UNPUNCTUATED + " ") * 3
    spans = split_windows(flat, 1000)
    _check_cover(flat, spans, 1000)
    assert all(flat[end - 1] == " " for _, end in spans[:-1])
    solid = "x" * 2500
    assert split_windows(solid, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_the_number_of_windows_grows_linearly_with_the_length():
    base = (UNPUNCTUATED + " ") * 4
    counts = [len(split_windows(base * k, 1000)) for k in (1, 10, 30)]
    per_copy = [c / k for c, k in zip(counts, (1, 10, 30), strict=True)]
    assert max(per_copy) <= 1.2 * min(per_copy)
    assert all(end - start > 250 for start, end in split_windows(base * 10, 1000)[:-1])


def test_a_windowed_parse_keeps_the_text_and_every_offset():
    nlp = load_nlp()
    text = "\n\n".join([ARTICLE] * 3) + " " + UNPUNCTUATED
    [doc] = parse_texts(nlp, [text], long_text_chars=1000, window_chars=1500)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    starts = {start for start, _ in split_windows(text, 1500)}
    sentence_starts = {s.start_char for s in doc.sents}
    assert starts <= sentence_starts | {len(text)}  # a sentence never spans two windows
    assert len(doc.ents) > 0 and any(t.dep_ == "nsubj" for t in doc)


def test_short_texts_are_parsed_whole_and_in_order():
    nlp = load_nlp()
    texts = ["Lavrov said talks would go on.", ARTICLE, "Kyiv disagreed."]
    docs = list(nlp.pipe(texts, batch_size=2))
    assert [d.text for d in docs] == texts
    assert [t.text for t in docs[1]] == [t.text for t in nlp.make_doc(ARTICLE)]


def test_a_text_above_the_maximum_length_is_still_refused(monkeypatch):
    nlp = load_nlp()
    monkeypatch.setattr(nlp, "max_length", 3000)
    with pytest.raises(ValueError, match="exceeds the maximum of 3000"):
        list(parse_texts(nlp, ["word " * 1000], long_text_chars=100, window_chars=200))


def test_quotes_and_stances_commands_parse_long_documents_in_windows(tmp_path, monkeypatch, capsys):
    text = "\n\n".join([ARTICLE] * 4)
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    windows = []
    real = nlp_module.split_windows
    monkeypatch.setattr(nlp_module, "split_windows", lambda t, size=None: windows.append(len(t)) or real(t, 3000))
    def quotes() -> list[tuple]:
        assert main(["quotes", str(tmp_path / "long.txt"), "--jsonl"]) == 0
        return [(r["content_start"], r["content_end"], r["speaker"], r["content"])
                for r in map(json.loads, capsys.readouterr().out.splitlines())]

    whole = quotes()
    assert windows == []
    monkeypatch.setattr(nlp_module, "LONG_TEXT_CHARS", 5000)
    windowed = quotes()
    assert len(windows) == 1 and windows[0] > 5000  # the document's text (without the seed headline)
    assert len(whole) >= 4 * 15 and windowed == whole  # windows cut at the article copies' paragraph breaks
    assert main(["stances", str(tmp_path / "long.txt"), "--jsonl"]) == 0
    assert len(windows) == 2 and capsys.readouterr().out.count("\n") > 4
