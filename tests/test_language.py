"""Documents the English pipeline cannot read are reported as skipped, with the reason, never silently empty."""

from dataclasses import dataclass
from pathlib import Path

from rhetoriclab.cli import main
from rhetoriclab.documents import Corpus, Document
from rhetoriclab.language import unreadable_reason
from rhetoriclab.pipeline import run_corpus

RUSSIAN = ("Министр иностранных дел России Сергей Лавров заявил, что Москва не намерена нападать на Украину. "
           "«Мы не угрожаем никому», — сказал он журналистам в четверг.")
ENGLISH = "Foreign Minister Sergei Lavrov said Moscow had no plans to attack Ukraine. \"We threaten no one,\" he said."


@dataclass
class Sentence:
    span: tuple[int, int]


def sentences(document, doc) -> list[Sentence]:
    return [Sentence((s.start_char, s.end_char)) for s in doc.sents]


def test_cyrillic_text_is_unreadable_whatever_its_declared_language_and_english_is_not():
    reason = unreadable_reason(Document(id="ru", text=RUSSIAN))
    assert reason.startswith("language not supported: ") and "Cyrillic" in reason and "0% Latin" in reason
    assert unreadable_reason(Document(id="en", text=ENGLISH)) is None
    assert unreadable_reason(Document(id="de", text=ENGLISH, language="de")).startswith(
        "language not supported: de")
    mixed = ENGLISH + " (Russian: Мы не угрожаем никому.)"  # an English text quoting a few Russian words
    assert unreadable_reason(Document(id="mixed", text=mixed)) is None


def test_run_corpus_reports_the_cyrillic_document_as_skipped_and_analyses_the_other():
    corpus = Corpus([Document(id="ru", text=RUSSIAN), Document(id="en", text=ENGLISH)], [], "mixed")
    result = run_corpus(corpus, analysers={"s": sentences}, n_process=1, progress=False, cache=False)
    [row] = result.skipped.to_dict("records")
    assert (row["doc_id"], row["stage"]) == ("ru", "input") and "Cyrillic" in row["reason"]
    assert set(result.tables["s"]["doc_id"]) == {"en"}


def test_quotes_command_names_the_skipped_document_and_its_reason(tmp_path: Path, capsys):
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    assert main(["quotes", str(tmp_path), "--jsonl"]) == 0
    captured = capsys.readouterr()
    assert f"problem: {tmp_path}/ru.txt: language not supported: 100% of the letters are Cyrillic" in captured.err
    assert "document 'ru' skipped" in captured.err
    assert captured.out and all('"doc": "en"' in line for line in captured.out.splitlines())
    assert main(["stances", str(tmp_path / "ru.txt")]) == 1  # nothing readable: nothing coded
    assert "Cyrillic" in capsys.readouterr().err
