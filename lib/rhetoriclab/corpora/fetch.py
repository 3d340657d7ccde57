"""Get the registered files of a corpus: from a local mirror folder, a mirror URL, or upstream.

Where the files come from, in order:

1. ``mirror=`` argument, else the ``RHETORICLAB_DATA_MIRROR`` environment variable:
   a folder (layout ``<mirror>/<folder>/<upstream path>``, files are read in place
   after their hash is checked) or an ``http(s)://`` base URL with that layout
   (downloaded with pooch into the cache);
2. otherwise the pinned upstream commit on ``raw.githubusercontent.com`` (pooch).

Downloads go to ``cache_dir=``, else ``RHETORICLAB_CACHE``, else
``pooch.os_cache("rhetoriclab")``. Every file's sha256 is checked against the
packaged registry; a corrupt or partial file raises :class:`CorruptFile` and is
never handed on.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import quote

import pooch
import requests

from rhetoriclab.corpora.registry import UPSTREAMS, load_registry

ENV_MIRROR = "RHETORICLAB_DATA_MIRROR"
ENV_CACHE = "RHETORICLAB_CACHE"
_POOCH_GOT = re.compile(r"but got ([0-9a-f]{64})")


class CorpusUnavailable(FileNotFoundError):
    """Files of a corpus could not be found or downloaded; says which and how to get them (and names any
    present file of the same request that failed its hash check, so both are fixed in one go)."""

    def __init__(self, folder: str, missing: Iterable[str], why: str,
                 corrupt: Iterable[tuple[str, str, str]] = (), local: Mapping[str, Path] | None = None):
        self.folder = folder
        self.missing = list(missing)
        self.corrupt = list(corrupt)
        shown = "\n".join(f"  - {folder}/{m}" for m in self.missing[:10])
        more = f"\n  ... and {len(self.missing) - 10} more" if len(self.missing) > 10 else ""
        also = f"\nAlso: {_corrupt_report(self.corrupt, local)}" if self.corrupt else ""
        super().__init__(
            f"{len(self.missing)} file(s) of corpus folder {folder!r} unavailable: {why}\n{shown}{more}\n"
            f"To get them, either set {ENV_MIRROR} (or pass mirror=) to a folder laid out as "
            f"<mirror>/{folder}/<upstream path> or to a mirror URL, or allow network access so they can be "
            f"downloaded from {UPSTREAMS[folder].base_url}{also}"
        )


class CorruptFile(ValueError):
    """Files whose sha256 differs from the registry (corrupt, partial or changed)."""

    def __init__(self, corrupt: Iterable[tuple[str, str, str]], local: Mapping[str, Path] | None = None):
        self.corrupt = list(corrupt)  # (file, expected 'sha256:..', actual 'sha256:..')
        self.local = dict(local or {})  # file -> the local copy that failed
        super().__init__(_corrupt_report(self.corrupt, self.local))


def _corrupt_report(corrupt: list[tuple[str, str, str]], local: Mapping[str, Path] | None) -> str:
    local = local or {}
    lines = "\n".join(f"  - {f}: expected {exp}, actual {act}" + (f"\n    local file: {local[f]}" if f in local else "")
                      for f, exp, act in corrupt)
    return (
        f"{len(corrupt)} file(s) failed the sha256 check (corrupt, partial or not the pinned "
        f"upstream version); they were not analysed:\n{lines}\n"
        "To fix: replace each local file with the pinned upstream version (copy it again into the mirror "
        "folder), or delete it and run again so that it is downloaded afresh"
    )


def sha256_of(path: Path) -> str:
    """``'sha256:HEX'`` of a file's bytes."""
    with open(path, "rb") as f:
        return "sha256:" + hashlib.file_digest(f, "sha256").hexdigest()


def resolve_mirror(mirror: str | os.PathLike | None = None) -> str | Path | None:
    """The mirror to use: the argument, else ``$RHETORICLAB_DATA_MIRROR``; a URL string or a folder Path."""
    value = mirror if mirror is not None else os.environ.get(ENV_MIRROR) or None
    if value is None:
        return None
    text = os.fspath(value)
    return text if text.startswith(("http://", "https://")) else Path(text).expanduser()


def resolve_cache(cache_dir: str | os.PathLike | None = None) -> Path:
    """The download cache: the argument, else ``$RHETORICLAB_CACHE``, else ``pooch.os_cache('rhetoriclab')``."""
    value = cache_dir if cache_dir is not None else os.environ.get(ENV_CACHE) or None
    return Path(value).expanduser() if value is not None else Path(pooch.os_cache("rhetoriclab"))


def fetch_files(
    folder: str,
    paths: Iterable[str] | None = None,
    *,
    mirror: str | os.PathLike | None = None,
    cache_dir: str | os.PathLike | None = None,
) -> dict[str, Path]:
    """Local, hash-checked copies of registered files of ``folder`` (all of them if ``paths`` is None).

    Returns ``{upstream path: local path}`` in registry order. Raises
    :class:`CorpusUnavailable` naming every missing file, or :class:`CorruptFile`
    naming every file whose hash differs (expected vs actual).
    """
    registry = load_registry(folder)
    wanted = list(registry) if paths is None else list(paths)
    unknown = [p for p in wanted if p not in registry]
    if unknown:
        raise KeyError(f"not in the {folder!r} registry: {', '.join(unknown)}")
    where = resolve_mirror(mirror)
    if isinstance(where, Path):
        return _from_folder(folder, wanted, registry, where)
    base = where.rstrip("/") + "/" + quote(folder) + "/" if isinstance(where, str) else UPSTREAMS[folder].base_url
    return _download(folder, wanted, registry, base, resolve_cache(cache_dir) / folder)


def _from_folder(folder: str, wanted: list[str], registry: dict[str, str], mirror: Path) -> dict[str, Path]:
    root = mirror / folder
    if not root.is_dir():
        raise CorpusUnavailable(folder, wanted, f"the mirror folder {root} does not exist")
    local = {p: root / p for p in wanted}
    missing = [p for p, path in local.items() if not path.is_file()]
    corrupt = []
    for p, path in local.items():  # every present file, even when others are missing: all is said at once
        if p in missing:
            continue
        actual = sha256_of(path)
        if actual != registry[p]:
            corrupt.append((f"{folder}/{p}", registry[p], actual))
    shown_local = {f"{folder}/{p}": path for p, path in local.items()}
    if missing:
        raise CorpusUnavailable(folder, missing, f"not in the mirror folder {root}", corrupt, shown_local)
    if corrupt:
        raise CorruptFile(corrupt, shown_local)
    return local


def _download(folder: str, wanted: list[str], registry: dict[str, str], base: str, cache: Path) -> dict[str, Path]:
    """Fetch with pooch (cached files whose hash matches are not downloaded again)."""
    fetcher = pooch.create(
        path=cache,
        base_url=base,
        registry={p: registry[p] for p in wanted},
        urls={p: base + quote(p) for p in wanted},
        retry_if_failed=0,
    )
    local: dict[str, Path] = {}
    missing: list[str] = []
    corrupt: list[tuple[str, str, str]] = []
    statuses: set[str] = set()
    offline_reason = ""
    for p in wanted:
        cached = cache / p
        if offline_reason:  # network already failed: use only what is cached and intact
            if cached.is_file() and sha256_of(cached) == registry[p]:
                local[p] = cached
            else:
                missing.append(p)
            continue
        try:
            local[p] = Path(fetcher.fetch(p))
        except (requests.ConnectionError, requests.Timeout) as e:
            offline_reason = f"cannot reach {base} ({type(e).__name__})"
            missing.append(p)
        except requests.HTTPError as e:
            missing.append(p)
            statuses.add(str(e.response.status_code) if e.response is not None else "?")
        except ValueError as e:  # pooch deleted a download whose hash did not match; its message has the hash
            got = _POOCH_GOT.search(str(e))
            corrupt.append((f"{folder}/{p}", registry[p], f"sha256:{got[1]}" if got else f"unknown ({e})"))
    shown_local = {f"{folder}/{p}": cache / p for p in wanted if (cache / p).is_file()}
    if missing:
        why = offline_reason or f"download from {base} failed (HTTP {', '.join(sorted(statuses))})"
        raise CorpusUnavailable(folder, missing, why, corrupt, shown_local)
    if corrupt:
        raise CorruptFile(corrupt, shown_local)
    return local
