"""Regenerate the README's findings section from the notebooks' finding files (notebooks/_findings/*.json).

    python devtools/write_readme_findings.py           # rewrite the section in README.md
    python devtools/write_readme_findings.py --check   # exit 1 when README and the finding files disagree

The section lies between the marker lines of ``rhetoriclab.findings`` (START, END); text outside is untouched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from rhetoriclab.findings import FOLDER, FindingsError, current_section, readme_section, replace_section

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    parser.add_argument("--findings", type=Path, default=ROOT / "notebooks" / FOLDER)
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 on a difference")
    args = parser.parse_args(argv)
    text = args.readme.read_text(encoding="utf-8")
    try:
        section = readme_section(args.findings)
        if args.check:
            if current_section(text) != section:
                print(f"{args.readme}: findings section differs from {args.findings}; run {Path(__file__).name}")
                return 1
            print(f"{args.readme}: findings section up to date")
            return 0
        new = replace_section(text, section)
    except FindingsError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    fd, tmp = tempfile.mkstemp(prefix=".README.", dir=args.readme.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(new)
    os.replace(tmp, args.readme)
    print(f"{args.readme}: findings section written ({section.count(chr(10)) - 1} line(s))")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
