"""The store's benchmark scripts run small (full size: docs/benchmarks.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eoffice_client import cli
from eoffice_client.core.store.documents import get_me
from eoffice_client.core.store.engine import open_store
from eoffice_client.core.store.queries import count_box

pytest.importorskip("eoffice_client.sandbox.sample_data")


def test_fill_cache_then_the_cli_lists_it(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from bench import fill_cache

    profile = tmp_path / "profile"
    assert fill_cache.main(["--profile", str(profile), "--documents", "120", "--seed", "3",
                            "--user", "vanthu"]) == 0
    assert "120 documents" in capsys.readouterr().out
    with open_store(profile / "cache.sqlite3") as store, store.read() as conn:
        assert (get_me(conn) or {}).get("username") == "vanthu"
        total, _, _ = count_box(conn, "to-process")
        assert total > 0, "a clerk has received/signed/numbered documents to process"
    assert cli.main(["--profile", str(profile), "list", "--json", "--limit", "500"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 120


def test_bench_store_runs_small(capsys: pytest.CaptureFixture[str]) -> None:
    from bench import bench_store

    code = bench_store.main(["--documents", "400", "--repeat", "2", "--searches", "2"])
    out = capsys.readouterr().out
    for figure in ("fill:", "ratio", "search median:", "box pages:"):
        assert figure in out
    assert code == (1 if "missed:" in out else 0)  # a missed target is a failing exit
