"""The registry and the file fetcher: hash checks, missing files, and the pooch download path."""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import shutil
import threading
from pathlib import Path

import pooch
import pytest

from rhetoriclab.corpora import CorpusUnavailable, CorruptFile, fetch_files, load_corpus, load_registry
from rhetoriclab.corpora.fetch import resolve_cache, resolve_mirror
from rhetoriclab.corpora.make_registry import registry_text
from rhetoriclab.corpora.registry import UPSTREAMS, registry_file

ROOT = Path(__file__).resolve().parents[1]
WH_FILE = ("statements-releases/2022-01/"
           "2022-01-19-statement-from-press-secretary-jen-psaki-on-russian-aggression-towards-ukraine.md")
UN_FILE = "data/data_original/TXT/Session 73 - 2018/LTU_73_2018.txt"


@pytest.fixture(scope="module")
def mirror() -> Path:
    path = Path(os.environ.get("RHETORICLAB_DATA_MIRROR") or ROOT.parent / "shared" / "data")
    if not (path / "wh-briefings").is_dir():
        pytest.skip(f"data mirror not found at {path}; set RHETORICLAB_DATA_MIRROR to the corpora mirror")
    return path


def copy_into(mirror: Path, dest: Path, folder: str, rels: list[str]) -> None:
    for rel in rels:
        target = dest / folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(mirror / folder / rel, target)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - keep test output clean
        pass


@pytest.fixture
def served(tmp_path):
    """A local HTTP mirror on 127.0.0.1 serving ``tmp_path / 'www'``; yields (base URL, folder)."""
    www = tmp_path / "www"
    www.mkdir()
    handler = functools.partial(QuietHandler, directory=str(www))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", www
    finally:
        server.shutdown()
        server.server_close()


def test_registry_lists_every_corpus_file_with_a_sha256():
    assert len(load_registry("zelenskyy-putin")) == 2
    assert len(load_registry("wh-briefings")) == 788
    un = load_registry("un-general-debates")
    assert len(un) == 2325 + 1  # speeches + speakers sheet
    assert UN_FILE in un and all(h.startswith("sha256:") and len(h) == 71 for h in un.values())
    assert not any("/." in p for p in un), "hidden .DS_Store/.Rapp.history files are not corpus files"


def test_registry_file_is_readable_by_pooch_itself(tmp_path):
    fetcher = pooch.create(path=tmp_path, base_url="https://example.invalid/")
    fetcher.load_registry(registry_file("un-general-debates"))
    assert fetcher.registry == load_registry("un-general-debates")


def test_registry_matches_the_mirror_it_was_generated_from(mirror):
    for folder in UPSTREAMS:
        text, hidden = registry_text(mirror, folder)
        assert text == registry_file(folder).read_text(encoding="utf-8"), folder
    assert sorted(Path(h).name for h in registry_text(mirror, "un-general-debates")[1]) == [
        ".DS_Store", ".DS_Store", ".DS_Store", ".Rapp.history"]


def test_upstream_urls_are_pinned_and_url_encoded():
    url = UPSTREAMS["un-general-debates"].url(UN_FILE)
    assert url == ("https://raw.githubusercontent.com/SarahFranzen/Emotions_in_the_United_Nations_General_Debates/"
                   "3b277c419f85fd6e1f14f69a5fd29a3a6b59fc96/data/data_original/TXT/Session%2073%20-%202018/LTU_73_2018.txt")


def test_mirror_and_cache_come_from_arguments_then_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("RHETORICLAB_DATA_MIRROR", str(tmp_path))
    monkeypatch.setenv("RHETORICLAB_CACHE", str(tmp_path / "c"))
    assert resolve_mirror() == tmp_path and resolve_cache() == tmp_path / "c"
    assert resolve_mirror("https://m.example/data") == "https://m.example/data"
    assert resolve_cache(tmp_path / "x") == tmp_path / "x"
    monkeypatch.delenv("RHETORICLAB_DATA_MIRROR")
    monkeypatch.delenv("RHETORICLAB_CACHE")
    assert resolve_mirror() is None and resolve_cache() == Path(pooch.os_cache("rhetoriclab"))


def test_mirror_folder_files_are_read_in_place_after_the_hash_check(mirror):
    got = fetch_files("un-general-debates", [UN_FILE], mirror=mirror)
    assert got == {UN_FILE: mirror / "un-general-debates" / UN_FILE}


def test_a_changed_byte_is_detected_and_reported_with_both_hashes(mirror, tmp_path):
    copy_into(mirror, tmp_path, "wh-briefings", [WH_FILE])
    target = tmp_path / "wh-briefings" / WH_FILE
    data = bytearray(target.read_bytes())
    data[500] ^= 0x01
    target.write_bytes(bytes(data))
    with pytest.raises(CorruptFile) as e:
        fetch_files("wh-briefings", [WH_FILE], mirror=tmp_path)
    expected = load_registry("wh-briefings")[WH_FILE]
    actual = "sha256:" + hashlib.sha256(bytes(data)).hexdigest()
    assert e.value.corrupt == [(f"wh-briefings/{WH_FILE}", expected, actual)]
    assert expected in str(e.value) and actual in str(e.value)


def test_the_sha256_error_names_the_local_file_and_the_fix(mirror, tmp_path):
    copy_into(mirror, tmp_path, "wh-briefings", [WH_FILE])
    target = tmp_path / "wh-briefings" / WH_FILE
    target.write_bytes(target.read_bytes()[:-10])
    with pytest.raises(CorruptFile) as e:
        fetch_files("wh-briefings", [WH_FILE], mirror=tmp_path)
    assert f"local file: {target}" in str(e.value)
    assert "To fix: replace each local file with the pinned upstream version" in str(e.value)


def test_present_files_are_hash_checked_even_when_others_are_missing(mirror, tmp_path):
    copy_into(mirror, tmp_path, "zelenskyy-putin", ["press_release_data/putin.csv"])
    target = tmp_path / "zelenskyy-putin" / "press_release_data" / "putin.csv"
    target.write_bytes(target.read_bytes()[:-1000])
    with pytest.raises(CorpusUnavailable) as e:
        fetch_files("zelenskyy-putin", mirror=tmp_path)
    assert "press_release_data/zelenskyy.csv" in e.value.missing
    assert [c[0] for c in e.value.corrupt] == ["zelenskyy-putin/press_release_data/putin.csv"]
    assert f"local file: {target}" in str(e.value) and "failed the sha256 check" in str(e.value)


def test_a_truncated_file_fails_the_whole_load(mirror, tmp_path):
    copy_into(mirror, tmp_path, "zelenskyy-putin", ["press_release_data/putin.csv"])
    target = tmp_path / "zelenskyy-putin" / "press_release_data" / "putin.csv"
    target.write_bytes(target.read_bytes()[:-1000])
    with pytest.raises(CorruptFile, match="putin.csv"):
        load_corpus("kremlin", mirror=tmp_path)


def test_a_missing_file_is_named_with_how_to_get_it(mirror, tmp_path):
    copy_into(mirror, tmp_path, "zelenskyy-putin", ["press_release_data/putin.csv"])
    with pytest.raises(CorpusUnavailable) as e:
        load_corpus("ukraine", mirror=tmp_path)
    assert e.value.missing == ["press_release_data/zelenskyy.csv"]
    assert "zelenskyy-putin/press_release_data/zelenskyy.csv" in str(e.value)
    assert "RHETORICLAB_DATA_MIRROR" in str(e.value) and "raw.githubusercontent.com" in str(e.value)


def test_a_mirror_folder_without_the_corpus_says_so(tmp_path):
    with pytest.raises(CorpusUnavailable, match="does not exist"):
        fetch_files("wh-briefings", [WH_FILE], mirror=tmp_path)


def test_download_from_a_mirror_url_goes_through_pooch_into_the_cache(mirror, served, tmp_path):
    base, www = served
    copy_into(mirror, www, "un-general-debates", [UN_FILE])
    copy_into(mirror, www, "wh-briefings", [WH_FILE])
    cache = tmp_path / "cache"
    got = fetch_files("un-general-debates", [UN_FILE], mirror=base, cache_dir=cache)
    assert got[UN_FILE] == cache / "un-general-debates" / UN_FILE  # path with spaces, URL-encoded on the wire
    assert got[UN_FILE].read_bytes() == (mirror / "un-general-debates" / UN_FILE).read_bytes()
    # a second call is served from the cache: the server no longer has the file
    (www / "un-general-debates" / UN_FILE).unlink()
    assert fetch_files("un-general-debates", [UN_FILE], mirror=base, cache_dir=cache) == got
    got = fetch_files("wh-briefings", [WH_FILE], mirror=base.rstrip("/"), cache_dir=cache)
    assert got[WH_FILE].read_bytes() == (mirror / "wh-briefings" / WH_FILE).read_bytes()


def test_a_corrupt_download_is_rejected_and_not_kept(mirror, served, tmp_path):
    base, www = served
    copy_into(mirror, www, "wh-briefings", [WH_FILE])
    served_file = www / "wh-briefings" / WH_FILE
    served_file.write_bytes(served_file.read_bytes()[:200])  # a partial file
    with pytest.raises(CorruptFile) as e:
        fetch_files("wh-briefings", [WH_FILE], mirror=base, cache_dir=tmp_path / "cache")
    (name, expected, actual), = e.value.corrupt
    assert name == f"wh-briefings/{WH_FILE}" and expected == load_registry("wh-briefings")[WH_FILE]
    assert actual == "sha256:" + hashlib.sha256(served_file.read_bytes()).hexdigest()
    assert not (tmp_path / "cache" / "wh-briefings" / WH_FILE).exists()


def test_a_file_the_server_lacks_is_reported_missing(served, tmp_path):
    base, _ = served
    with pytest.raises(CorpusUnavailable, match="HTTP 404") as e:
        fetch_files("wh-briefings", [WH_FILE], mirror=base, cache_dir=tmp_path)
    assert e.value.missing == [WH_FILE]


def test_no_network_names_every_missing_file(tmp_path):
    with pytest.raises(CorpusUnavailable, match="cannot reach") as e:
        # port 9 (discard) on localhost: nothing listens, the connection is refused at once
        fetch_files("zelenskyy-putin", mirror="http://127.0.0.1:9/", cache_dir=tmp_path)
    assert e.value.missing == ["press_release_data/putin.csv", "press_release_data/zelenskyy.csv"]


def test_unknown_registry_paths_are_refused():
    with pytest.raises(KeyError, match="not-there.csv"):
        fetch_files("zelenskyy-putin", ["not-there.csv"])


def test_without_a_mirror_files_come_from_the_pinned_upstream_commit(monkeypatch, tmp_path):
    calls = []

    def record(folder, wanted, registry, base, cache):  # stands in for the network
        calls.append((folder, wanted, base, cache))
        raise CorpusUnavailable(folder, wanted, "offline test")

    monkeypatch.delenv("RHETORICLAB_DATA_MIRROR", raising=False)
    monkeypatch.setattr("rhetoriclab.corpora.fetch._download", record)
    with pytest.raises(CorpusUnavailable, match="offline test"):
        fetch_files("wh-briefings", [WH_FILE], cache_dir=tmp_path)
    assert calls == [("wh-briefings", [WH_FILE], "https://raw.githubusercontent.com/brian14708/wh-briefings/"
                      "737ca03a271adc205c67766074ec8d0070f7ad95/", tmp_path / "wh-briefings")]
