"""Numbers computed, not typed: notebooks record findings; the README's findings section is generated from them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rhetoriclab import findings as f

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "devtools" / "write_readme_findings.py"


def test_glue_records_formats_and_shows(tmp_path, capsys):
    book = f.Findings("05_state_of_the_union", folder=tmp_path)
    ratio = np.float64(6.46) / np.float64(3.55)
    got = book.glue("cold_war_ratio", ratio, "{:.1f}",
                    readme="The Cold War era names Russia {text}× as often as any other era.")
    assert got.text == "1.8" and isinstance(got.value, float)
    data = json.loads((tmp_path / "05_state_of_the_union.json").read_text())
    assert data["cold_war_ratio"] == {"value": pytest.approx(1.8197, abs=1e-4), "text": "1.8",
                                      "readme": "The Cold War era names Russia 1.8× as often as any other era."}
    book.glue("addresses", np.int64(237))
    assert json.loads((tmp_path / "05_state_of_the_union.json").read_text())["addresses"]["value"] == 237
    f.Findings("05_state_of_the_union", folder=tmp_path)  # a new run starts empty: no stale numbers survive
    assert json.loads((tmp_path / "05_state_of_the_union.json").read_text()) == {}


def test_glue_refuses_what_is_not_a_finding(tmp_path):
    book = f.Findings("04_crisis", folder=tmp_path)
    with pytest.raises(f.FindingsError, match="finite"):
        book.glue("x", float("nan"))
    with pytest.raises(f.FindingsError, match="letters, digits"):
        book.glue("two words", 1)
    with pytest.raises(f.FindingsError, match="does not apply"):
        book.glue("x", "text", "{:.1f}")
    with pytest.raises(f.FindingsError, match="must contain"):
        book.glue("x", 1.0, readme="no placeholder")


def test_readme_section_detects_disagreement(tmp_path):
    folder = tmp_path / "_findings"
    f.Findings("06_un", folder=folder).glue("share_2022", 0.731, "{:.0%}",
                                             readme="{text} of speeches named Ukraine in 2022.")
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\n{f.START}\nold text\n{f.END}\n\nrest\n", encoding="utf-8")
    run = [sys.executable, str(SCRIPT), "--readme", str(readme), "--findings", str(folder)]
    env = {"PYTHONPATH": str(ROOT / "lib")}
    assert subprocess.run([*run, "--check"], env=env, capture_output=True).returncode == 1
    assert subprocess.run(run, env=env, capture_output=True).returncode == 0
    text = readme.read_text(encoding="utf-8")
    assert "- 73% of speeches named Ukraine in 2022. (06_un, `share_2022`)" in text and text.endswith("\n\nrest\n")
    assert subprocess.run([*run, "--check"], env=env, capture_output=True).returncode == 0
    f.Findings("06_un", folder=folder).glue("share_2022", 0.70, "{:.0%}", readme="{text} of speeches named Ukraine.")
    assert subprocess.run([*run, "--check"], env=env, capture_output=True).returncode == 1  # a rerun changed it
    readme.write_text("# no markers\n", encoding="utf-8")
    assert subprocess.run(run, env=env, capture_output=True).returncode == 2


def test_repo_readme_findings_match_the_notebooks():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f.current_section(readme) == f.readme_section(ROOT / "notebooks" / f.FOLDER), \
        "README findings differ from notebooks/_findings: run python devtools/write_readme_findings.py"
