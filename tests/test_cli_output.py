"""``-o FILE``: never over an input, never half-written, and a clear message when it cannot be written."""

import json
import shutil
from pathlib import Path

import pytest
from conftest import run_unprivileged

from rhetoriclab.cli import main
from rhetoriclab.commands.output import OutputError, open_output

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_81f63b873fa01d15.txt"


def test_output_equal_to_the_input_file_is_refused_and_the_article_kept(tmp_path, capsys):
    article = tmp_path / "v.txt"
    shutil.copy(SEED, article)
    before = article.read_bytes()
    assert main(["quotes", str(article), "--jsonl", "-o", str(article)]) == 1
    assert "is the input file" in capsys.readouterr().err
    assert article.read_bytes() == before


def test_output_inside_an_input_folder_overwriting_one_of_its_files_is_refused(tmp_path, capsys):
    shutil.copy(SEED, tmp_path / "a.txt")
    before = (tmp_path / "a.txt").read_bytes()
    assert main(["stances", str(tmp_path), "-o", str(tmp_path / "a.txt")]) == 1
    assert "inside the input folder" in capsys.readouterr().err
    assert (tmp_path / "a.txt").read_bytes() == before


def test_output_naming_a_folder_or_a_full_device_is_a_clear_error(tmp_path, capsys):
    assert main(["quotes", str(SEED), "-o", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    assert main(["quotes", str(SEED), "-o", "/dev/full"]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert main(["quotes", str(SEED), "-o", str(tmp_path / "missing" / "out.tsv")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_output_is_written_whole_and_no_temporary_file_is_left(tmp_path, capsys):
    out = tmp_path / "q.jsonl"
    out.write_text("earlier result\n")
    assert main(["quotes", str(SEED), "--jsonl", "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records and all(r["doc"] == "000_81f63b873fa01d15" for r in records)
    assert [p.name for p in tmp_path.iterdir()] == ["q.jsonl"]


def test_a_failed_write_leaves_the_earlier_file_unchanged(tmp_path):
    out = tmp_path / "out.tsv"
    out.write_text("earlier result\n")
    failing = pytest.raises(OutputError, match="No space left on device; .*out.tsv was left unchanged")
    with failing, open_output(str(out)) as stream:
        stream.write("half a res")
        raise OSError(28, "No space left on device")
    assert out.read_text() == "earlier result\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.tsv"]


def test_standard_output_on_a_full_disk_is_a_clear_error(tmp_path):
    code = ("import sys; from rhetoriclab.cli import main; "
            f"sys.stdout = open('/dev/full', 'w'); raise SystemExit(main(['load', '--jsonl', {str(SEED)!r}]))")
    done = run_unprivileged(code, tmp_path)
    assert done.returncode == 1
    assert "cannot write standard output: No space left on device" in done.stderr
    assert "Traceback" not in done.stderr


def test_output_in_a_folder_without_write_permission_is_a_clear_error(nobody_dir):
    locked = nobody_dir / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    code = f"from rhetoriclab.cli import main; raise SystemExit(main(['load', {str(SEED)!r}]) or " \
           f"main(['quotes', {str(SEED)!r}, '-o', {str(locked / 'q.tsv')!r}]))"
    done = run_unprivileged(code, nobody_dir)
    assert done.returncode == 1, done.stderr
    assert f"-o {locked / 'q.tsv'}: cannot create a file in {locked}: Permission denied" in done.stderr
    assert "Traceback" not in done.stderr


def test_open_output_refuses_without_touching_the_input(tmp_path):
    article = tmp_path / "v.txt"
    article.write_text("text")
    with pytest.raises(OutputError, match="is the input file"), open_output(str(article), [str(article)]):
        raise AssertionError("must not be reached")
    assert article.read_text() == "text"
