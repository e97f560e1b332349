"""The sweep of files a crash left behind lists the whole files folder, so it does not run
every round: at a process's first round, after a round that removed documents, then every
few minutes."""

from __future__ import annotations

from pathlib import Path

from eoffice_client.config import Profile, Settings
from eoffice_client.core.sync import engine as engine_module
from eoffice_client.core.sync.engine import RoundReport, SyncEngine
from eoffice_client.core.sync.pull import PullResult


def test_the_sweep_runs_first_after_removals_and_then_every_few_minutes(tmp_path: Path) -> None:
    engine = SyncEngine(Profile.at(tmp_path / "p"), None, None, Settings())
    quiet = RoundReport(pull=PullResult())
    assert engine._sweep_due(quiet)  # the first round of this process
    assert not engine._sweep_due(quiet)
    assert engine._sweep_due(RoundReport(pull=PullResult(deleted=1)))
    assert engine._sweep_due(RoundReport(pull=PullResult(orphans={"ab" * 32})))
    assert not engine._sweep_due(quiet)
    engine_module._last_sweep[engine.files.root] -= engine_module.SWEEP_EVERY_S + 1
    assert engine._sweep_due(quiet)
    other = SyncEngine(Profile.at(tmp_path / "other"), None, None, Settings())
    assert other._sweep_due(quiet)  # each profile's folder on its own
