"""Shared test helpers: running code as a user without privileges (permission tests mean nothing as root)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

NOBODY = 65534
LIB = Path(__file__).resolve().parents[1] / "lib"


@pytest.fixture
def nobody_dir() -> Iterator[Path]:
    """A fresh folder the unprivileged user owns (the user running the tests when that is not root)."""
    folder = Path(tempfile.mkdtemp(prefix="rhetoriclab-nobody-"))
    folder.chmod(0o755)
    if os.geteuid() == 0:
        os.chown(folder, NOBODY, NOBODY)
    yield folder
    for path in [folder, *folder.rglob("*")]:  # give back permissions taken away by a test, then delete
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


def run_unprivileged(code: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run Python ``code`` as a user without privileges (``setpriv`` to nobody when the tests run as root)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("tests run as root and setpriv is not installed: cannot drop privileges")
        prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    full_env = {**os.environ, "PYTHONPATH": str(LIB), "HOME": str(cwd), "MPLBACKEND": "Agg", **(env or {})}
    return subprocess.run([*prefix, sys.executable, "-c", code], cwd=cwd, env=full_env, capture_output=True,
                          text=True, timeout=600)
