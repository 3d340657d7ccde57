"""Folders as a hostile but fair user leaves them: unreadable subfolders, links, colliding names, odd bytes."""

import json
import os
import textwrap
from pathlib import Path

from conftest import run_unprivileged

from rhetoriclab.loaders import load_path

ARTICLE = "---\ndate: 2022-02-01\n---\nThe minister said the talks would go on.\n"


def _write(path: Path, text: str = ARTICLE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _load_as_nobody(folder: Path, cwd: Path) -> dict:
    code = textwrap.dedent(f'''
        import json
        from rhetoriclab.loaders import load_path
        corpus = load_path({str(folder)!r})
        print(json.dumps({{"ids": [d.id for d in corpus], "problems": [str(p) for p in corpus.problems]}}))
    ''')
    done = run_unprivileged(code, cwd)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_unreadable_subfolders_are_located_problems_and_the_readable_files_load(nobody_dir):
    root = nobody_dir / "articles"
    _write(root / "ok.txt")
    for name, mode in (("closed", 0o000), ("traverse_only", 0o311)):
        _write(root / name / "hidden.txt")
        (root / name).chmod(mode)
    got = _load_as_nobody(root, nobody_dir)
    assert got["ids"] == ["ok"]
    for name in ("closed", "traverse_only"):
        assert f"{root}/{name}: cannot list the folder: Permission denied; the files in it were not loaded" \
            in got["problems"]


def test_a_folder_that_can_be_entered_but_not_listed_is_a_problem_not_an_empty_corpus(nobody_dir):
    root = nobody_dir / "articles"
    _write(root / "a.txt")
    root.chmod(0o711)
    got = _load_as_nobody(root, nobody_dir)
    assert got["ids"] == []
    assert got["problems"] == [f"{root}: cannot list the folder: Permission denied; the files in it were not loaded"]


def test_colliding_file_names_get_ids_from_their_relative_paths_and_all_load(tmp_path):
    for rel in ("nyt/article1.txt", "wapo/article1.txt", "nyt/article1.md", "nyt/other.txt"):
        _write(tmp_path / rel, ARTICLE.replace("minister", rel))
    corpus = load_path(tmp_path)
    assert [d.id for d in corpus] == ["nyt/article1.md", "nyt/article1.txt", "other", "wapo/article1.txt"]
    assert corpus.problems == []
    assert "wapo/article1.txt said" in corpus.by_id("wapo/article1.txt").text
    assert [d.id for d in load_path(tmp_path)] == [d.id for d in corpus]  # stable


def test_symlinked_folders_are_followed_once_and_bad_links_reported(tmp_path):
    outside = tmp_path / "outside"
    _write(outside / "linked.txt")
    root = tmp_path / "articles"
    _write(root / "own.txt")
    os.symlink(outside, root / "shared")
    os.symlink(outside, root / "shared_again")
    os.symlink(root, root / "loop")
    os.symlink(tmp_path / "gone.txt", root / "dangling.txt")
    corpus = load_path(root)
    assert [d.id for d in corpus] == ["own", "linked"]
    reasons = {p.file: p.reason for p in corpus.problems}
    assert reasons[f"{root}/dangling.txt"] == f"link to {tmp_path / 'gone.txt'} points nowhere; skipped"
    assert reasons[f"{root}/loop"].startswith("link to a folder already loaded")
    assert reasons[f"{root}/shared_again"].startswith("link to a folder already loaded")
    assert len(corpus.problems) == 3


def test_a_byte_order_mark_does_not_cost_a_jsonl_file_its_first_record(tmp_path):
    path = tmp_path / "records.jsonl"
    lines = [json.dumps({"id": f"r{i}", "date": f"2022-01-0{i}", "text": f"Text {i}."}) for i in (1, 2)]
    path.write_bytes("\ufeff".encode() + "\n".join(lines).encode())
    corpus = load_path(path)
    assert [d.id for d in corpus] == ["r1", "r2"] and corpus.problems == []


def test_a_nul_character_in_a_csv_row_is_reported_and_the_row_skipped(tmp_path):
    path = tmp_path / "records.csv"
    path.write_text("id,date,speaker,text\na,2022-01-01,Lavrov,Fine text.\nb,2022-01-02,Pes\0kov,Damaged text.\n")
    corpus = load_path(path)
    assert [d.id for d in corpus] == ["a"]
    [problem] = corpus.problems
    assert (problem.line, problem.reason) == (3, "NUL character (byte 0) in column(s) ['speaker']: the row is "
                                                 "damaged or binary; row skipped")
