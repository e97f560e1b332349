"""The content benchmark runs small (full size: ``python -m bench.bench_content``); its
stall measure runs an event loop, hence here beside the window's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eoffice_client.config import Profile
from eoffice_client.core.store.engine import open_store
from eoffice_client.core.sync.files import FileCache

pytest.importorskip("eoffice_client.sandbox.sample_data")


def test_indexed_words_are_found_only_by_content(tmp_path: Path, qapp: object) -> None:
    from bench import bench_content
    from eoffice_client.sandbox.sample_cache import fill_store

    profile = Profile.at(tmp_path / "profile")
    with open_store(profile.db_path) as store:
        fill_store(store, 400, 5)
        files = FileCache(profile.files_dir)
        cached = bench_content.cache_files(store, files, 12)
        assert cached == 12
        indexing = bench_content.bench_indexing(store, files)
        assert indexing["indexed"] == cached and indexing["skipped"] == 0
        assert indexing["seconds"] > 0 and indexing["stall_ms"] >= 0
        words = bench_content.content_only_words(store, 3)
        assert len(words) == 3
        searches = bench_content.bench_search(store, words, repeat=2)
    for item in searches:
        assert item["hits"] > 0 and item["by_content"] > 0, item
        assert item["ours_ms"] > 0 and item["raw_ms"] > 0
