"""Read a file's text exactly: strict UTF-8, no newline translation, and a precise report when that fails."""

from __future__ import annotations

from pathlib import Path

from rhetoriclab.documents import Problem


def read_text(path: Path, display: str) -> str | Problem:
    """Decode ``path`` as UTF-8 (offsets are then exact); if it is not UTF-8, return a problem naming the byte."""
    try:
        data = path.read_bytes()
    except OSError as e:
        return Problem(display, None, f"cannot read the file: {e.strerror or e}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        reason = (
            f"not valid UTF-8: byte 0x{data[e.start]:02x} at byte offset {e.start} ({e.reason}); "
            "save the file as UTF-8"
        )
        return Problem(display, line, reason)
