"""Shared by the signing window tests: a test PKI with the leader's and the
organisation's PKCS#12 keys, the two images, and documents made ready for the leader
(a PDF with "Số:" and the date line attached as ``main``, submitted, approved) on the
real sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from eoffice_client.core.app.application import App
from tests.integration.test_sync_support import rows, signed_in
from tests.signing_docs import (
    SIGNER_NAME,
    SIGNER_TITLE,
    make_document,
    make_seal_png,
    make_signature_png,
)
from tests.signing_pki import P12_PASSWORD, Holder, TestPki

ORG = "Ủy ban nhân dân tỉnh Thử Nghiệm"


@dataclass
class Kit:
    pki: TestPki
    leader: Holder
    org: Holder
    expired: Holder
    no_usage: Holder
    signature_png: Path
    seal_png: Path
    folder: Path
    password: str = P12_PASSWORD


@pytest.fixture(scope="module", name="kit")
def kit_fixture(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    folder = tmp_path_factory.mktemp("signui-keys")
    pki = TestPki(folder / "pki")
    return Kit(pki, pki.issue("lanhdao", SIGNER_NAME, ORG, title=SIGNER_TITLE),
               pki.issue("coquan", ORG, ORG),
               pki.issue("het-han", "Trần Thị Hết Hạn", ORG, days_valid=(-400, -1)),
               pki.issue("ma-hoa", "Phạm Mã Hóa", ORG, signing_usage=False),
               make_signature_png(folder / "chu-ky.png"), make_seal_png(folder / "con-dau.png"),
               folder)


def synced(app: App, files: bool = True) -> None:
    outcome = app.sync.run(files=files)
    assert int(outcome.exit_code) == 0 and outcome.conflicts == 0, outcome
    assert rows(app) == []


def user_id(app: App, username: str) -> str:
    return next(p.id for p in app.reads.directory().people.values() if p.username == username)


def documents_for_the_leader(root: Path, url: str, count: int) -> list[str]:
    """``count`` decisions drafted by chuyenvien with a PDF as ``main``, submitted to
    lanhdao; the server has them."""
    with signed_in(root / "officer", url, "chuyenvien") as officer:
        synced(officer, files=False)
        leader = user_id(officer, "lanhdao")
        ids = []
        for n in range(count):
            pdf = make_document(root / f"quyet-dinh-{n}.pdf")
            doc_id = officer.changes.new_document("outgoing", "QD", f"Quyết định thử số {n + 1}", {
                "signer": {"competence": "", "position": SIGNER_TITLE, "full_name": SIGNER_NAME,
                           "user_id": leader}})
            officer.changes.attach(doc_id, pdf, "main")
            officer.changes.act(doc_id, "submit", {"to_user_id": leader})
            ids.append(doc_id)
        synced(officer, files=False)
    return ids


@pytest.fixture(name="leader_app")
def leader_app_fixture(tmp_path: Path, sandbox: Any) -> Iterator[tuple[App, list[str]]]:
    """The leader signed in, three documents approved and waiting for the signature."""
    ids = documents_for_the_leader(tmp_path, sandbox.url, 3)
    app = signed_in(tmp_path / "leader", sandbox.url, "lanhdao")
    synced(app)
    app.changes.act_on_many(ids, "approve", {"note": "Đồng ý"})
    yield app, ids
    app.close()
