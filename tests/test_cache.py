"""The checksummed Parquet result cache: hits, invalidation and corrupt files."""

import dataclasses
import shutil
from pathlib import Path

import pandas as pd
import pytest

from rhetoriclab.cache import CorruptCacheFile, ResultCache, document_key, read_tables, settings_key, write_tables
from rhetoriclab.documents import Document
from rhetoriclab.loaders import load_path
from rhetoriclab.pipeline import run_corpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus():
    """The seed article and the three small test articles (4 documents)."""
    return load_path(ROOT / "seeds") + load_path(ROOT / "tests" / "data" / "articles")


def _tables() -> dict[str, pd.DataFrame]:
    return {
        "stances": pd.DataFrame({"event": ["THREATEN", "DEMAND"], "cue_start": pd.array([5, None], dtype="Int64"),
                                 "plover_score": [-4.0, float("nan")], "negated": [False, True],
                                 "target_code": ["RUS", None]}),
        "attributions": pd.DataFrame({"kind": pd.Series([], dtype=object), "content_start": pd.Series([], dtype=int)}),
        "_meta": pd.DataFrame({"n_tokens": [42]}),
    }


def test_write_then_read_round_trips_tables_and_dtypes(tmp_path):
    path = tmp_path / "ab" / "abc.parquet"
    write_tables(path, _tables())
    assert path.with_suffix(".sha256").read_text().strip().isalnum()
    back = read_tables(path)
    assert list(back) == ["stances", "attributions", "_meta"]
    for name, frame in _tables().items():
        pd.testing.assert_frame_equal(back[name], frame)
    assert back["attributions"].empty and list(back["attributions"].columns) == ["kind", "content_start"]
    assert list(tmp_path.rglob(".tmp-*")) == []  # temporary files were renamed into place


def test_keys_change_with_settings_version_and_document():
    settings = {"model": "en_core_web_sm", "prefilter": None}
    assert settings_key(settings, "0.5.0") == settings_key(dict(reversed(settings.items())), "0.5.0")
    assert settings_key(settings, "0.5.0") != settings_key(settings, "0.5.1")
    assert settings_key(settings, "0.5.0") != settings_key({**settings, "prefilter": "Kyiv"}, "0.5.0")
    doc = Document(id="d", text="Russia warned Kyiv.")
    assert document_key(doc) == document_key(Document(id="d", text="Russia warned Kyiv."))
    assert document_key(doc) != document_key(dataclasses.replace(doc, text="Russia warned Kyiv!"))
    assert document_key(doc) != document_key(dataclasses.replace(doc, speaker="Lavrov"))


def test_result_cache_miss_put_hit_and_version_folder(tmp_path):
    cache = ResultCache({"model": "m"}, tmp_path, version="1.0")
    assert cache.get("ff00") is None and cache.stats.misses == 1
    cache.put("ff00", _tables())
    assert cache.path("ff00") == tmp_path / cache.key / "ff" / "ff00.parquet"
    assert cache.get("ff00")["_meta"]["n_tokens"].tolist() == [42] and cache.stats.hits == 1
    newer = ResultCache({"model": "m"}, tmp_path, version="1.1")
    assert newer.folder != cache.folder and newer.get("ff00") is None


@pytest.mark.parametrize("damage", ["truncate", "flip_byte", "flip_checksum", "no_checksum", "not_parquet"])
def test_corrupt_files_are_reported_deleted_and_missed(tmp_path, damage):
    cache = ResultCache({"model": "m"}, tmp_path)
    cache.put("ab12", _tables())
    path, sidecar = cache.path("ab12"), cache.path("ab12").with_suffix(".sha256")
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip_byte":
        path.write_bytes(data[:100] + bytes([data[100] ^ 0xFF]) + data[101:])
    elif damage == "flip_checksum":
        digest = sidecar.read_text()
        sidecar.write_text(("0" if digest[0] != "0" else "1") + digest[1:])
    elif damage == "no_checksum":
        sidecar.unlink()
    else:  # a checksum that matches, over bytes that are not Parquet: the checksum alone is not trusted
        path.write_bytes(b"not a parquet file at all")
        import hashlib
        sidecar.write_text(hashlib.sha256(path.read_bytes()).hexdigest() + "\n")
    with pytest.raises(CorruptCacheFile, match=str(path.name)):
        read_tables(path)
    assert cache.get("ab12") is None
    assert cache.stats.misses == 1 and len(cache.stats.corrupt) == 1 and path.name in cache.stats.corrupt[0]
    assert not path.exists() and not sidecar.exists()


def _equal_tables(a, b) -> None:
    for name in a.tables:
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name])
    cols = ["doc_id", "n_words", "n_tokens", "paragraphs", "paragraphs_kept", "chars", "chars_kept"]
    pd.testing.assert_frame_equal(a.documents[cols], b.documents[cols])


def test_second_run_parses_nothing_and_gives_equal_tables(corpus, tmp_path):
    cold = run_corpus(corpus, n_process=1, progress=False, cache=tmp_path)
    assert (cold.cache.hits, cold.cache.misses) == (0, 4)
    warm = run_corpus(corpus, n_process=1, progress=False, cache=tmp_path)
    assert (warm.cache.hits, warm.cache.misses, warm.cache.corrupt) == (4, 0, [])
    assert warm.documents["from_cache"].all() and not cold.documents["from_cache"].any()
    assert len(cold.stances) > 0 and len(cold.attributions) > 0
    _equal_tables(cold, warm)


def test_changed_document_or_setting_invalidates_exactly_what_it_must(corpus, tmp_path):
    run_corpus(corpus, n_process=1, progress=False, cache=tmp_path)
    edited = list(corpus)
    edited[2] = dataclasses.replace(edited[2], text=edited[2].text.replace("cyberattack", "cyber attack"))
    again = run_corpus(edited, n_process=1, progress=False, cache=tmp_path)
    assert (again.cache.hits, again.cache.misses) == (3, 1)
    assert again.documents["from_cache"].tolist() == [True, True, False, True]
    fresh = run_corpus(edited, n_process=1, progress=False, cache=tmp_path)
    _equal_tables(again, fresh)
    filtered = run_corpus(corpus, n_process=1, progress=False, cache=tmp_path, prefilter=["UKR"])
    assert (filtered.cache.hits, filtered.cache.misses) == (0, 4)  # a new setting reads a fresh folder
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == 2


def test_corrupt_cache_files_are_reported_rebuilt_and_never_trusted(corpus, tmp_path):
    clean = run_corpus(corpus, n_process=1, progress=False, cache=False)
    first = run_corpus(corpus, n_process=1, progress=False, cache=tmp_path)
    store = ResultCache(first.settings, tmp_path)
    shutil.rmtree(store.folder / "runs")  # no whole-run file: the per-document entries are read
    seed_file = store.path(document_key(corpus[0]))
    seed_file.write_bytes(seed_file.read_bytes()[:200])  # truncated
    briefing = store.path(document_key(corpus.by_id("briefing"))).with_suffix(".sha256")
    briefing.write_text("0" * 64 + "\n")  # wrong checksum
    rebuilt = run_corpus(corpus, n_process=1, progress=False, cache=tmp_path)
    assert (rebuilt.cache.hits, rebuilt.cache.misses, len(rebuilt.cache.corrupt)) == (2, 2, 2)
    report = rebuilt.skipped[rebuilt.skipped["stage"] == "cache"]
    assert sorted(report["doc_id"]) == sorted([corpus[0].id, "briefing"])
    assert report["reason"].str.startswith("corrupt cache file rebuilt").all()
    _equal_tables(clean, rebuilt)
    after = run_corpus(corpus, n_process=1, progress=False, cache=tmp_path)
    assert (after.cache.hits, after.cache.corrupt) == (4, [])
    _equal_tables(clean, after)


def test_rerun_reads_one_run_file_and_a_corrupt_one_is_rebuilt(corpus, tmp_path):
    cold = run_corpus(corpus, n_process=1, progress=False, cache=tmp_path)
    assert not cold.cache.run_hit
    warm = run_corpus(corpus, n_process=1, progress=False, cache=tmp_path)
    assert warm.cache.run_hit and warm.cache.hits == 4
    _equal_tables(cold, warm)
    pd.testing.assert_frame_equal(cold.skipped, warm.skipped)
    store = ResultCache(cold.settings, tmp_path)
    (run_file,) = (store.folder / "runs").glob("*.parquet")
    run_file.write_bytes(run_file.read_bytes()[:-10])  # truncated
    rebuilt = run_corpus(corpus, n_process=1, progress=False, cache=tmp_path)
    assert not rebuilt.cache.run_hit and rebuilt.cache.hits == 4  # from the per-document entries
    report = rebuilt.skipped[rebuilt.skipped["stage"] == "cache"]
    assert report["reason"].str.startswith("corrupt run file").tolist() == [True]
    _equal_tables(cold, rebuilt)
    assert run_corpus(corpus, n_process=1, progress=False, cache=tmp_path).cache.run_hit  # written again
