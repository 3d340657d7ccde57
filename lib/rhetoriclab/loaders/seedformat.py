"""The seed article's layout: headline, blank line, the same headline again, then the body."""

from __future__ import annotations


def split_seed_headline(text: str) -> tuple[str, int] | None:
    """Return ``(headline, offset of the line after the repeat)``, or ``None`` if ``text`` is not in this layout.

    Detection is strict: line 1 is not blank, line 2 is blank, and line 3 equals line 1 exactly.
    """
    lines = text.split("\n", 3)
    if len(lines) < 3:
        return None
    first, blank, repeat = (line.removesuffix("\r") for line in lines[:3])
    first = first.removeprefix("\ufeff")
    if not first.strip() or blank.strip() or first != repeat:
        return None
    offset = sum(len(line) + 1 for line in lines[:3])
    return first.strip(), min(offset, len(text))
