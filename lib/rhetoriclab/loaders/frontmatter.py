"""YAML front matter (``---`` fenced metadata at the top of a ``.txt`` or ``.md`` file)."""

from __future__ import annotations

import re

import yaml

_OPEN = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)


class FrontMatterError(ValueError):
    """Front matter that cannot be read; ``line`` is 1-based in the file."""

    def __init__(self, line: int, reason: str):
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: {reason}")


def split_front_matter(text: str) -> tuple[dict, int]:
    """Return ``(metadata, offset)``: the parsed front matter and where the rest of ``text`` starts.

    Text without front matter gives ``({}, 0)``.
    """
    m = _OPEN.match(text)
    if not m:
        return {}, 0
    close = _CLOSE.search(text, m.end())
    if not close:
        raise FrontMatterError(1, "front matter opened with '---' on line 1 is never closed with '---'")
    try:
        data = yaml.safe_load(text[m.end():close.start()])
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise FrontMatterError(line, f"front matter is not valid YAML: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(2, f"front matter must be 'key: value' lines, not a {type(data).__name__}")
    end = close.end()
    if text.startswith("\r\n", end):
        end += 2
    elif text.startswith("\n", end):
        end += 1
    return {str(k): v for k, v in data.items()}, end
