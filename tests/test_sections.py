"""Long documents reach the extractors in sections whose offsets still point into the whole file."""

import json
from pathlib import Path

import rhetoriclab.sections as sections_module
from rhetoriclab.cli import main
from rhetoriclab.documents import Document
from rhetoriclab.loaders import load_path
from rhetoriclab.pipeline import run_corpus
from rhetoriclab.sections import document_sections, iter_sections

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_81f63b873fa01d15.txt"


def _long_document(copies: int = 4) -> Document:
    [doc] = load_path(SEED)
    text = "\n\n".join([doc.text] * copies)
    return Document(id="long", text=text, offset=7, date=doc.date)


def test_short_documents_are_one_section_and_long_ones_are_cut_into_views_with_file_offsets():
    doc = _long_document()
    assert document_sections(doc) == [doc]
    parts = document_sections(doc, 3000)
    assert len(parts) > 4 and all(p.id == "long" and len(p.clean.text) <= 3000 for p in parts)
    assert "".join(p.clean.text for p in parts) == doc.clean.text
    assert doc.clean.index is not None  # the seed's curly quotes and ellipses are cleaned: a real map is tested
    for part in parts:
        word = next(w for w in part.clean.text.split() if w.isalpha() and len(w) > 6)
        i = part.clean.text.index(word)
        start, end = part.source_span(i, i + len(word))
        assert doc.text[start - doc.offset:end - doc.offset] == word
    assert [p.clean.text for p in iter_sections([doc, doc], 3000)] == [p.clean.text for p in parts] * 2


def test_run_corpus_joins_the_sections_of_a_long_document(monkeypatch):
    doc = _long_document()
    whole = run_corpus([doc], n_process=1, progress=False, cache=False)
    monkeypatch.setattr(sections_module, "SECTION_CHARS", 6000)
    cut = run_corpus([doc], n_process=1, progress=False, cache=False)
    assert cut.documents["n_tokens"].tolist() == whole.documents["n_tokens"].tolist()
    assert cut.attributions["index"].tolist() == list(range(len(cut.attributions)))
    spans = lambda r: set(zip(r.attributions["content_start"], r.attributions["content_end"], strict=True))  # noqa: E731
    assert len(spans(whole)) >= 4 * 15
    assert len(spans(cut) & spans(whole)) >= 0.9 * len(spans(whole))
    text = doc.text
    for row in cut.attributions.itertuples():
        assert 0 <= row.content_start - doc.offset < row.content_end - doc.offset <= len(text)
    assert cut.skipped.empty


def test_the_quotes_command_gives_sectioned_documents_file_offsets(tmp_path, monkeypatch, capsys):
    [doc] = load_path(SEED)
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([doc.text] * 3), encoding="utf-8")

    def quotes() -> tuple[set, str]:
        assert main(["quotes", str(path), "--jsonl"]) == 0
        out = capsys.readouterr()
        return {(r["content_start"], r["content_end"]) for r in map(json.loads, out.out.splitlines())}, out.err

    whole, _ = quotes()
    monkeypatch.setattr(sections_module, "SECTION_CHARS", 5000)
    cut, err = quotes()
    assert "in 1 of 1 documents" in err
    assert len(cut & whole) >= 0.9 * len(whole) and len(whole) >= 3 * 15
