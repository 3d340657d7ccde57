"""Cache faults never lose results: an unwritable cache, unreadable entries, concurrent writers, interruptions."""

import hashlib
import multiprocessing
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from conftest import run_unprivileged

from rhetoriclab.cache import ResultCache, read_tables, write_tables
from rhetoriclab.loaders import load_path
from rhetoriclab.pipeline import run_corpus

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "data" / "articles"


@dataclass
class Sentence:
    span: tuple[int, int]


def sentences(document, doc) -> list[Sentence]:
    """A small analyser: one record per sentence (its span in the cleaned text)."""
    return [Sentence((s.start_char, s.end_char)) for s in doc.sents]


class Interrupt(BaseException):
    """Stands for Ctrl-C (KeyboardInterrupt): not caught as a per-document failure."""


def _tables(value: int) -> dict[str, pd.DataFrame]:
    return {"t": pd.DataFrame({"v": [value] * 50}), "_meta": pd.DataFrame({"n_tokens": [value]})}


def test_unreadable_checksum_and_empty_parquet_are_misses_reported_and_rebuilt(tmp_path):
    cache = ResultCache({"model": "m"}, tmp_path)
    for key in ("aa01", "aa02"):
        cache.put(key, _tables(1))
    cache.path("aa01").with_suffix(".sha256").write_bytes(b"\xff\xfe not text \x80")
    empty = cache.path("aa02")
    empty.write_bytes(b"")
    empty.with_suffix(".sha256").write_text(hashlib.sha256(b"").hexdigest() + "\n")
    assert cache.get("aa01") is None and cache.get("aa02") is None
    assert cache.stats.misses == 2 and len(cache.stats.corrupt) == 2
    assert "checksum file is not text" in cache.stats.corrupt[0]
    assert "not a complete Parquet file" in cache.stats.corrupt[1]
    assert not cache.path("aa01").exists() and not empty.exists()
    cache.put("aa02", _tables(2))
    assert cache.get("aa02")["_meta"]["n_tokens"].tolist() == [2]


def _writer(path: Path, value: int, n: int) -> None:
    for _ in range(n):
        write_tables(path, _tables(value))


def test_two_writers_on_one_entry_never_give_a_reader_a_mismatched_pair(tmp_path):
    path = tmp_path / "ab" / "ab.parquet"
    write_tables(path, _tables(0))
    ctx = multiprocessing.get_context("fork")
    writers = [ctx.Process(target=_writer, args=(path, value, 60)) for value in (1, 2)]
    for w in writers:
        w.start()
    reads = []
    while any(w.is_alive() for w in writers):
        reads.append(int(read_tables(path)["t"]["v"].iloc[0]))  # raises CorruptCacheFile on a mismatch
    for w in writers:
        w.join()
    assert all(w.exitcode == 0 for w in writers)
    assert len(reads) > 10 and set(reads) <= {0, 1, 2}
    assert sorted(p.name for p in path.parent.iterdir()) == [".lock", "ab.parquet", "ab.sha256"]


def test_documents_are_cached_as_they_finish_so_an_interrupted_run_keeps_them(tmp_path):
    corpus = load_path(ARTICLES)
    last = corpus[len(corpus) - 1].id

    def interrupting(document, doc):
        if document.id == last:
            raise Interrupt
        return sentences(document, doc)

    # the analysers' names and code decide the cache folder; the same name with other code is another folder,
    # so the interrupted run and its rerun share one analyser that raises only while `armed`
    armed = {"on": True}

    def analyser(document, doc):
        return interrupting(document, doc) if armed["on"] else sentences(document, doc)

    with pytest.raises(Interrupt):
        run_corpus(corpus, analysers={"s": analyser}, n_process=1, progress=False, cache=tmp_path, batch_size=1)
    armed["on"] = False
    rerun = run_corpus(corpus, analysers={"s": analyser}, n_process=1, progress=False, cache=tmp_path)
    assert (rerun.cache.hits, rerun.cache.misses) == (len(corpus) - 1, 1)
    assert rerun.skipped.empty and len(rerun.tables["s"]) > len(corpus)


UNPRIVILEGED_RUN = textwrap.dedent('''
    import json, sys
    sys.path.insert(0, {tests!r})
    from test_cache_faults import sentences
    from rhetoriclab.loaders import load_path
    from rhetoriclab.pipeline import run_corpus
    result = run_corpus(load_path({articles!r}), analysers={{"s": sentences}}, n_process=1, progress=False,
                        cache={cache!r})
    cache_rows = result.skipped[result.skipped["stage"] == "cache"]["reason"].tolist()
    print(json.dumps({{"records": len(result.tables["s"]), "docs": len(result.documents), "cache": cache_rows,
                      "hits": result.cache.hits}}))
''')


def _run_as_nobody(cache: Path, cwd: Path) -> dict:
    import json

    code = UNPRIVILEGED_RUN.format(tests=str(ROOT / "tests"), articles=str(ARTICLES), cache=str(cache))
    done = run_unprivileged(code, cwd)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_a_read_only_cache_is_reported_once_and_the_results_are_returned(nobody_dir, tmp_path):
    expected = run_corpus(load_path(ARTICLES), analysers={"s": sentences}, n_process=1, progress=False, cache=False)
    cache = nobody_dir / "cache"
    cache.mkdir(mode=0o555)  # owned by the test user: not writable for nobody
    got = _run_as_nobody(cache, nobody_dir)
    assert expected.skipped.empty
    assert got["records"] == len(expected.tables["s"]) > 0 and got["docs"] == len(expected.documents)
    assert len(got["cache"]) == 1 and got["cache"][0].startswith("cache not writable: ")
    assert "Permission denied" in got["cache"][0]


def test_a_read_only_cache_without_its_run_file_still_serves_its_entries(nobody_dir):
    cache = nobody_dir / "cache"
    done = run_corpus(load_path(ARTICLES), analysers={"s": sentences}, n_process=1, progress=False, cache=cache)
    store = ResultCache(done.settings, cache)
    for run_file in (store.folder / "runs").iterdir():
        run_file.unlink()
    entry = next(store.folder.glob("*/*.parquet"))
    entry.write_bytes(entry.read_bytes()[:100])  # corrupt, and nobody may not delete it
    for folder in [cache, *cache.rglob("*")]:
        if folder.is_dir():
            folder.chmod(0o555)
    got = _run_as_nobody(cache, nobody_dir)
    assert got["records"] == len(done.tables["s"]) and got["hits"] == len(done.documents) - 1
    corrupt = [r for r in got["cache"] if r.startswith("corrupt cache file rebuilt")]
    assert len(corrupt) == 1 and f"could not delete {entry.name}: Permission denied" in corrupt[0]
    assert sum(r.startswith("cache not writable") for r in got["cache"]) == 1
    assert entry.exists()
