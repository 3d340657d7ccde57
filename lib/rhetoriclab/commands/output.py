"""Where a command's ``-o FILE`` output goes: never over an input, never half-written.

A regular file is written to a temporary file beside it and renamed over it only when complete, so a
failed or interrupted run leaves the earlier file as it was. A device or pipe (``/dev/null``, ``/dev/full``,
a FIFO) is written in place, since renaming over it would replace the device itself.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO


class OutputError(RuntimeError):
    """The output file cannot (or must not) be written; the message says why and what to do."""


def check_output(target: str, inputs: Sequence[str]) -> None:
    """Raise :class:`OutputError` when ``target`` is a folder, is in a missing folder, or is one of the inputs
    (a file given as input, or a file inside a folder given as input)."""
    path = Path(target)
    if path.is_dir():
        raise OutputError(f"-o {target}: is a folder; give the name of a file to write")
    if not path.parent.is_dir():
        raise OutputError(f"-o {target}: the folder {path.parent} does not exist")
    if not path.exists():
        return
    for given in inputs:
        source = Path(given)
        if source.is_file() and os.path.samefile(source, path):
            raise OutputError(f"-o {target}: is the input file {given}; it would be overwritten. "
                              "Write the output to another file")
        if source.is_dir() and path.resolve().is_relative_to(source.resolve()):
            raise OutputError(f"-o {target}: is a file inside the input folder {given}; it would be overwritten. "
                              "Write the output outside the input folder")


@contextlib.contextmanager
def open_output(target: str | None, inputs: Sequence[str] = ()) -> Iterator[TextIO]:
    """Standard output when ``target`` is None, else ``target`` written safely (see the module docstring).

    Write errors (a full disk, no permission) become :class:`OutputError` naming the file; an existing
    file is left unchanged then.
    """
    if target is None:
        yield sys.stdout
        return
    check_output(target, inputs)
    path = Path(target)
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):  # a device or pipe: write in place
        try:
            with open(path, "w", encoding="utf-8") as out:
                yield out
        except OSError as e:
            raise OutputError(f"-o {target}: cannot write: {e.strerror or e}") from e
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:
        raise OutputError(f"-o {target}: cannot create a file in {path.parent}: {e.strerror or e}") from e
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        kept = "left unchanged" if path.exists() else "not created"
        raise OutputError(f"-o {target}: cannot write: {e.strerror or e}; {target} was {kept}") from e
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
