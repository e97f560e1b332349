"""Reliability: a faulty network converges, and SIGKILL at random moments loses nothing.

Both check the server's side through a fresh profile (another client's view): every
queued action applied exactly once, and the cache equal to what the server sends.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App
from eoffice_client.sandbox.testing import SandboxServer

from .test_sync_support import (
    comparable,
    documents,
    history_count,
    open_documents,
    rows,
    server_view,
    signed_in,
)

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def queue_work(app: App, tmp_path: Path, tag: str) -> dict[str, Any]:
    """Queues a mix of changes; returns what the server must end up holding exactly once."""
    targets = open_documents(app)[:3]
    assert len(targets) == 3, "the sample gives this user open documents to work on"
    expected: dict[str, Any] = {"extends": [], "comments": [], "created": None, "upload": None}
    for n, doc in enumerate(targets):
        reason = f"{tag}-extend-{n}"
        app.changes.act(doc["id"], "extend", {"due_date": f"2032-0{n + 1}-15",
                                              "reason": reason})
        comment = str(uuid.uuid4())
        app.changes.act(doc["id"], "comment", {"id": comment, "kind": "opinion", "text": tag})
        app.changes.act(doc["id"], "mark_read")
        expected["extends"].append((doc["id"], reason))
        expected["comments"].append((doc["id"], comment))
    created = app.changes.new_document("internal", "CV", f"Tạo khi mất mạng {tag}")
    source = tmp_path / f"{tag}.pdf"
    source.write_bytes(PDF + tag.encode())
    expected["upload"] = (created, app.changes.attach(created, source, "draft"))
    expected["created"] = created
    return expected


def assert_applied_once(view: dict[str, dict[str, Any]], expected: dict[str, Any]) -> None:
    for doc_id, reason in expected["extends"]:
        assert history_count(view[doc_id], "extend", reason) == 1, (doc_id, reason)
    for doc_id, comment in expected["comments"]:
        assert [c["id"] for c in view[doc_id]["comments"]].count(comment) == 1
    created, attachment = expected["upload"]
    assert [a["id"] for a in view[created]["attachments"]] == [attachment]
    assert history_count(view[created], "create", "") + history_count(
        view[created], "create", None) <= 1


def test_faulty_network_converges_exactly_once(sandbox_factory: Any, tmp_path: Path) -> None:
    server: SandboxServer = sandbox_factory(documents=24)
    with signed_in(tmp_path / "p", server.url, "lanhdao") as app:
        assert int(app.sync.run().exit_code) == 0
        expected = queue_work(app, tmp_path, "faults")
        server.set_faults("error_rate=0.3,reset_rate=0.2,duplicate_rate=0.2")
        codes = []
        for _ in range(40):
            outcome = app.sync.run()
            codes.append(int(outcome.exit_code))
            if codes[-1] == 0 and not rows(app):
                break
        assert codes[-1] == 0 and rows(app) == [], codes
        server.set_faults(None)
        assert int(app.sync.run().exit_code) == 0
        mine = documents(app)
    view = server_view(tmp_path / "fresh", server.url, "lanhdao")
    assert comparable(mine) == comparable(view)
    assert_applied_once(view, expected)


RUNNER = """
import sys
from pathlib import Path
from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App
profile, server = Path(sys.argv[1]), sys.argv[2]
with App(Profile.at(profile), Settings()) as app:
    app.session.sign_in("lanhdao", "demo", server)
    print("started", flush=True)
    outcome = app.sync.run()
    print("exit", int(outcome.exit_code), flush=True)
"""


def run_sync_process(profile: Path, server_url: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    return subprocess.Popen([sys.executable, "-c", RUNNER, str(profile), server_url],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env)


def test_sigkill_at_random_moments_loses_nothing(sandbox_factory: Any, tmp_path: Path) -> None:
    server: SandboxServer = sandbox_factory(documents=40, faults="delay_ms=15")
    profile = tmp_path / "p"
    with signed_in(profile, server.url, "lanhdao") as app:
        assert int(app.sync.run(files=False).exit_code) == 0  # the documents to work on
        expected = queue_work(app, tmp_path, "kill")
        queued = len(rows(app))
    rng = random.Random(4)
    killed = 0
    for _ in range(30):
        if killed >= 10:
            break
        process = run_sync_process(profile, server.url)
        assert process.stdout is not None and process.stdout.readline().startswith("started")
        time.sleep(rng.uniform(0.0, 0.4))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            killed += 1
        process.wait(timeout=30)
        process.stdout.close()
    assert killed >= 10, killed
    server.set_faults(None)
    with App(Profile.at(profile), Settings()) as app:
        app.session.sign_in("lanhdao", "demo", server.url)
        outcome = app.sync.run()
        assert int(outcome.exit_code) == 0 and rows(app) == [], (outcome, queued)
        mine = documents(app)
    with sqlite3.connect(profile / "cache.sqlite3") as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    view = server_view(tmp_path / "fresh", server.url, "lanhdao")
    assert comparable(mine) == comparable(view)
    assert_applied_once(view, expected)
