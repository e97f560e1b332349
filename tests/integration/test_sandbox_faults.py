"""Bad-network faults (cli-v1.md --faults), stop/start on the same port, and the CLI."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
import requests

from eoffice_client.sandbox.faults import Faults, FaultSpecError
from tests.integration.conftest import latest


def test_fault_spec_parsing():
    faults = Faults.parse("error_rate=0.2, reset_rate=0.1,delay_ms=300,rate_limit=5,"
                          "cursor_ttl_s=60,duplicate_rate=0.1")
    assert (faults.error_rate, faults.delay_ms, faults.rate_limit) == (0.2, 300, 5)
    assert Faults.parse("").describe() == ""
    for bad in ("error_rate=2", "delay_ms=-1", "nonsense=1", "error_rate", "delay_ms=abc"):
        with pytest.raises(FaultSpecError):
            Faults.parse(bad)


def test_error_rate_answers_5xx_before_anything_is_done(sandbox, call):
    officer = call("chuyenvien")
    sandbox.set_faults("error_rate=1")
    body = {"id": str(uuid.uuid4()), "direction": "internal", "type_code": "TB", "subject": "X"}
    statuses = set()
    for _ in range(12):
        answer = officer.send("POST", "/documents", body)
        statuses.add(answer.status_code)
        assert answer.headers["Content-Type"] == "application/problem+json"
        if answer.status_code == 503:
            assert answer.headers["Retry-After"] == "1"
    assert statuses <= {500, 502, 503, 504} and len(statuses) >= 2
    sandbox.set_faults(None)
    assert body["id"] not in latest(officer.pull()[0])


def test_rate_limit_answers_429_with_retry_after(sandbox, call):
    officer = call("chuyenvien")
    sandbox.set_faults("rate_limit=3")
    answers = [officer.get("/sync/changes", params={"limit": 1}) for _ in range(6)]
    limited = [a for a in answers if a.status_code == 429]
    assert limited and limited[0].json()["code"] == "rate_limited"
    assert limited[0].headers["Retry-After"] == "1"


def test_reset_cuts_the_body_after_the_change_was_applied(sandbox, call):
    officer = call("chuyenvien")
    body = {"id": str(uuid.uuid4()), "direction": "internal", "type_code": "TB", "subject": "Y"}
    key = str(uuid.uuid4())
    sandbox.set_faults("reset_rate=1")
    with pytest.raises(requests.exceptions.RequestException):
        officer.send("POST", "/documents", body, key=key).json()
    sandbox.set_faults(None)
    again = officer.send("POST", "/documents", body, key=key)
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert body["id"] in latest(officer.pull()[0])


def test_duplicates_and_overlapping_pages_still_give_the_same_state(sandbox, call):
    clerk = call("vanthu")
    clean, _ = clerk.pull(limit=5)
    sandbox.set_faults("duplicate_rate=1")
    noisy, _ = clerk.pull(limit=5)
    assert len(noisy) > len(clean)
    applied: dict[tuple[str, str], dict] = {}
    for change in noisy:
        key = (change["kind"], change["id"])
        if key not in applied or change["seq"] > applied[key]["seq"]:
            applied[key] = change
    assert applied == {(c["kind"], c["id"]): c for c in clean}


def test_delay_slows_every_answer(sandbox):
    sandbox.set_faults("delay_ms=150")
    started = time.monotonic()
    requests.get(f"{sandbox.api_url}/info", timeout=10)
    assert time.monotonic() - started >= 0.15


def test_stop_and_start_on_the_same_port_keep_the_data(sandbox, call):
    officer = call("chuyenvien")
    doc = officer.create()
    port = sandbox.port
    sandbox.stop()
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(f"{sandbox.api_url}/info", timeout=2)
    sandbox.start()
    assert sandbox.port == port
    assert doc["id"] in latest(officer.pull()[0])


def run_cli(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "eoffice_client", "sandbox", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, **kwargs)


def test_cli_prints_where_it_listens_and_stops_cleanly(tmp_path):
    with run_cli("--port", "0", "--data", str(tmp_path / "d"), "--documents", "5",
                 "--faults", "delay_ms=1") as process:
        try:
            line = process.stdout.readline().strip()
            assert line.startswith("listening on http://127.0.0.1:")
            url = line.removeprefix("listening on ")
            assert requests.get(f"{url}/api/v1/info", timeout=10).status_code == 200
        finally:
            process.send_signal(signal.SIGTERM)
            code = process.wait(timeout=20)
    assert code == 0


@pytest.mark.parametrize("args", [("--faults", "error_rate=7"), ("--documents", "many"),
                                  ("--port", "70000")])
def test_cli_bad_options_exit_64(tmp_path, args):
    process = run_cli("--data", str(tmp_path / "d"), *args)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 64 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_stop_lets_requests_in_progress_finish(sandbox, call):
    import threading

    officer = call("chuyenvien")
    sandbox.set_faults("delay_ms=300")
    answers: list[requests.Response] = []
    worker = threading.Thread(target=lambda: answers.append(officer.create_raw()))
    worker.start()
    deadline = time.monotonic() + 10
    while not _busy(sandbox) and time.monotonic() < deadline:
        time.sleep(0.01)
    sandbox.stop()
    worker.join(timeout=10)
    assert answers and answers[0].status_code == 201


def _busy(sandbox) -> bool:
    activity = sandbox._server.app.config["ACTIVITY"]
    return activity.active > 0
