"""The whole chain of an outgoing document through the application API against the REAL
sandbox on loopback: an officer drafts a công văn (python-docx, LibreOffice), prepares and
submits it; the leader approves and signs (PKCS#12); the clerk numbers it, gets the number
from the server, fills, seals and issues. The final PDF is checked with pyHanko AND
poppler's pdfsig, its text with pdftotext, its page with pdftoppm. A batch of three is
signed with ONE secret entry, offline without a timestamp, and extended (B-LT/B-LTA) by
the next sync once a timestamp server is configured."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from eoffice_client.core.app.application import App
from eoffice_client.core.app.chain_types import ChainProgress, Pkcs12Key
from eoffice_client.core.documents.verify import verify_pdf
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.sandbox.testing import SandboxServer
from tests.signing_docs import make_seal_png, make_signature_png
from tests.signing_fixtures import pdfsig
from tests.signing_pki import P12_PASSWORD, Holder, TestPki
from tests.signing_services import PkiServices

from .test_sync_support import documents, rows, signed_in

ORG = "Ủy ban nhân dân tỉnh Lạng Sơn"
BODY = ("Thực hiện Kế hoạch số 125/KH-UBND ngày 15/6/2025 của Ủy ban nhân dân tỉnh về "
        "chuyển đổi số, đề nghị các cơ quan, đơn vị khẩn trương triển khai.\n"
        "Đề nghị các đơn vị báo cáo kết quả thực hiện trước ngày 20 tháng 02 năm 2027.")


@dataclass
class Keys:
    pki: TestPki
    services: PkiServices
    leader: Holder
    org: Holder
    signature_png: Path
    seal_png: Path


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Keys]:
    folder = tmp_path_factory.mktemp("chain-keys")
    services = PkiServices()
    pki = TestPki(folder / "pki", revocation_base_url=services.base_url)
    leader = pki.issue("lanhdao", "Nông Đình Đông", ORG, title="Phó Chủ tịch")
    org = pki.issue("coquan", ORG, ORG)
    services.start(pki, pki.issue("tsa", "Máy chủ dấu thời gian thử", "Test PKI", tsa=True))
    yield Keys(pki, services, leader, org, make_signature_png(folder / "chu-ky.png"),
               make_seal_png(folder / "con-dau.png"))
    services.stop()


class CountingSecret:
    """The PIN/password dialog: counts how often it is asked."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        return P12_PASSWORD


def _synced(app: App, files: bool = True) -> None:
    outcome = app.sync.run(files=files)
    assert int(outcome.exit_code) == 0 and outcome.conflicts == 0, outcome
    assert rows(app) == []


def _user_id(app: App, username: str) -> str:
    return next(p.id for p in app.reads.directory().people.values() if p.username == username)


def _draft(officer: App, leader_id: str, subject: str) -> str:
    """A new công văn drafted, prepared for approval and submitted to the leader."""
    outside = [o for o in officer.reads.directory().organizations.values()
               if o.name != ORG][:2]
    doc_id = officer.changes.new_document("outgoing", "CV", subject, {
        "signer": {"competence": "KT", "position": "Phó Chủ tịch", "full_name": "Nông Đình Đông",
                   "user_id": leader_id},
        "recipients": [{"org_id": o.id, "org_name": o.name} for o in outside]})
    prepared = officer.documents.prepare_for_approval(doc_id, BODY)
    assert (prepared.notation, prepared.year) == ("UBND-KT", today_vietnam().year)
    assert prepared.docx.is_file() and prepared.pdf.is_file()
    officer.changes.act(doc_id, "submit", {"to_user_id": leader_id})
    return doc_id


def _attachment(app: App, doc_id: str, role: str) -> Path:
    doc = app.reads.require_document(doc_id)
    (found,) = [a for a in doc.attachments if a.role == role]
    path = app.reads.cached_file(found) or app.sync.fetch_file(found.id)
    assert path is not None
    return path


def _text(pdf: Path, *mode: str) -> str:
    out = subprocess.run(["pdftotext", *mode, "-l", "1", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return " ".join(out.split())


def _decree30_lines(number: int, notation: str, issued: dt.date) -> tuple[str, str]:
    """Written out by hand from Phụ lục I: a zero before numbers and days below 10 and
    before the months 1 and 2."""
    month = f"0{issued.month}" if issued.month < 3 else str(issued.month)
    number_text = f"0{number}" if number < 10 else str(number)
    day = f"0{issued.day}" if issued.day < 10 else str(issued.day)
    return (f"Số: {number_text}/{notation}",
            f"Lạng Sơn, ngày {day} tháng {month} năm {issued.year}")


@pytest.mark.parametrize("sealed", [False, True], ids=["plain", "encrypted-at-rest"])
def test_a_cong_van_from_draft_to_issued(sandbox: SandboxServer, keys: Keys,
                                         tmp_path: Path, sealed: bool) -> None:
    """Encrypted at rest, each step reads the PDF it signs from a sealed files cache."""
    with signed_in(tmp_path / "officer", sandbox.url, "chuyenvien",
                   encrypt_cache=sealed) as officer:
        _synced(officer, files=False)
        leader_id = _user_id(officer, "lanhdao")
        doc_id = _draft(officer, leader_id, "Về việc đẩy mạnh chuyển đổi số năm 2027")
        _synced(officer, files=False)

    with signed_in(tmp_path / "leader", sandbox.url, "lanhdao",
                   encrypt_cache=sealed) as leader:
        _synced(leader)
        assert leader.context.files.sealed is sealed
        leader.changes.act(doc_id, "approve", {"note": "Đồng ý ban hành"})
        secret = CountingSecret()
        outcome = leader.documents.sign_for_leader([doc_id], Pkcs12Key(keys.leader.p12), secret,
                                                   keys.signature_png)
        (item,) = outcome.items
        assert item.ok, item.message("en")
        assert secret.calls == 1 and item.pades_level == "B-B" and item.extension_queued
        assert [r.action for r in rows(leader)] == ["approve", "upload", "sign"]
        assert documents(leader)[doc_id]["status"] == "signed"  # shown at once, offline too
        assert leader.documents.pending_extensions() == 1
        _synced(leader)  # no timestamp server: sent as signed (B-B)
        assert leader.documents.pending_extensions() == 0  # sent: nothing left to extend

    clerk_profile = tmp_path / "clerk"
    (clerk_profile / "trust").mkdir(parents=True)
    (clerk_profile / "trust" / "goc.pem").write_bytes(keys.pki.root_pem_path.read_bytes())
    with signed_in(clerk_profile, sandbox.url, "vanthu", timestamp_url=keys.services.tsa_url,
                   encrypt_cache=sealed) as clerk:
        _synced(clerk)
        assert documents(clerk)[doc_id]["status"] == "signed"
        register = next(r.id for r in clerk.reads.directory().registers.values()
                        if r.direction == "outgoing" and r.year == today_vietnam().year
                        and not r.secret)
        clerk.changes.act(doc_id, "number", {"register_id": register})
        early = clerk.documents.issue_numbered([doc_id], Pkcs12Key(keys.org.p12),
                                               CountingSecret(), keys.seal_png)
        assert not early.items[0].ok and "đồng bộ" in early.items[0].message("vi")
        _synced(clerk)  # the number comes back
        numbered = documents(clerk)[doc_id]
        assert numbered["status"] == "numbered" and numbered["code_notation"] == "UBND-KT"
        secret = CountingSecret()
        outcome = clerk.documents.issue_numbered([doc_id], Pkcs12Key(keys.org.p12), secret,
                                                 keys.seal_png)
        (item,) = outcome.items
        assert item.ok, item.message("en")
        assert secret.calls == 1 and item.pades_level == "B-LTA" and not item.extension_queued
        assert [r.action for r in rows(clerk)] == ["upload", "issue"]
        _synced(clerk)

    with signed_in(tmp_path / "fresh", sandbox.url, "vanthu") as fresh:
        _synced(fresh)
        issued = documents(fresh)[doc_id]
        assert issued["status"] == "issued"
        assert sorted(a["role"] for a in issued["attachments"]) == ["final", "main", "signed"]
        final = _attachment(fresh, doc_id, "final")
        copy = tmp_path / "final.pdf"
        copy.write_bytes(final.read_bytes())
    _check_final(copy, keys, issued, tmp_path)


def _check_final(final: Path, keys: Keys, doc: dict[str, object], tmp_path: Path) -> None:
    report = verify_pdf(final, trust_files=[keys.pki.root_pem_path])
    assert report.ok, report
    leader, org = (s for s in report.signatures if s.signer in ("Nông Đình Đông", ORG))
    assert leader.signer == "Nông Đình Đông" and org.signer == ORG
    assert leader.certification_level == 2 and leader.changes_allowed
    assert leader.modification_level in ("form_filling", "lta_updates")
    assert all(s.intact and s.trusted for s in report.signatures)
    _check_with_pdfsig(final, 2)
    assert int(str(doc["code_number"])) >= 1
    number_line, date_line = _decree30_lines(int(str(doc["code_number"])),
                                             str(doc["code_notation"]),
                                             dt.date.fromisoformat(str(doc["issued_date"])))
    for mode in ((), ("-layout",)):
        text = _text(final, *mode)
        assert text.count(number_line) == 1 and text.count(date_line) == 1, text[:400]
        assert text.count("/UBND-KT") == 1
    _check_page(final, tmp_path)


def _check_with_pdfsig(pdf: Path, signatures: int) -> None:
    """poppler 22.12 lists a document timestamp (RFC 3161) but cannot check it: the
    signatures must be valid, the timestamp there (its signer the TSA); an empty field
    (the seal's, before the clerk signs) has no type."""
    poppler = [p for p in pdfsig(pdf) if p.signature_type]
    signed = [p for p in poppler if p.signature_type != "unknown"]
    stamps = [p for p in poppler if p.signature_type == "unknown"]
    assert len(signed) == signatures and all(p.valid for p in signed), poppler
    assert [p.common_name for p in stamps] == ["Máy chủ dấu thời gian thử"]


def _check_page(final: Path, tmp_path: Path) -> None:
    """The rendered page: the red seal over the left third of the blue signature only."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    from eoffice_client.core.documents.signing_layout import leader_widget_box

    with final.open("rb") as handle:
        box = leader_widget_box(PdfFileReader(handle, strict=False))
    assert box is not None
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", str(final),
                    str(tmp_path / "issued")], check=True)
    img = Image.open(next(tmp_path.glob("issued*.png"))).convert("RGB")

    def count(x1: float, x2: float, colour: str) -> int:
        hits = 0
        for x in range(int(x1), int(x2)):
            for y in range(int(img.height - box.y2), int(img.height - box.y1)):
                r, g, b = img.getpixel((x, y))
                hits += (r > 150 and g < 90 and b < 90) if colour == "red" else (
                    b > 120 and r < 90)
        return hits

    third = box.x1 + box.width / 3
    assert count(box.x1, third, "red") > 50
    assert count(third + 2, box.x2, "red") == 0
    assert count(third + 2, box.x2, "blue") > 50


@pytest.mark.parametrize("sealed", [False, True], ids=["plain", "encrypted-at-rest"])
def test_three_signed_with_one_secret_and_extended_by_the_next_sync(
        sandbox: SandboxServer, keys: Keys, tmp_path: Path, sealed: bool) -> None:
    """Encrypted at rest, the queued extension reads and replaces sealed files."""
    with signed_in(tmp_path / "officer", sandbox.url, "chuyenvien") as officer:
        _synced(officer, files=False)
        leader_id = _user_id(officer, "lanhdao")
        ids = [_draft(officer, leader_id, f"Về việc kiểm thử ký hàng loạt số {n}")
               for n in (1, 2, 3)]
        _synced(officer, files=False)

    with signed_in(tmp_path / "leader", sandbox.url, "lanhdao",
                   encrypt_cache=sealed) as leader:
        (leader.profile.root / "trust").mkdir()
        (leader.profile.root / "trust" / "goc.pem").write_bytes(
            keys.pki.root_pem_path.read_bytes())
        _synced(leader)
        leader.changes.act_on_many(ids, "approve", {"note": "Đồng ý"})
        secret, heard = CountingSecret(), []

        def progress(event: ChainProgress) -> None:
            heard.append((event.index, event.total, event.item.ok))

        outcome = leader.documents.sign_for_leader(
            [*ids, "khong-co-van-ban-nay"], Pkcs12Key(keys.leader.p12), secret,
            keys.signature_png, progress=progress)
        assert secret.calls == 1
        assert [i.ok for i in outcome.items] == [True, True, True, False]
        assert outcome.items[3].error is not None and int(outcome.exit_code) == 6
        assert sorted(heard) == [(0, 4, True), (1, 4, True), (2, 4, True), (3, 4, False)]
        assert leader.documents.pending_extensions() == 3
        leader.settings.timestamp_url = keys.services.tsa_url  # a timestamp server appears
        _synced(leader)
        assert leader.documents.pending_extensions() == 0

    with signed_in(tmp_path / "fresh", sandbox.url, "lanhdao") as fresh:
        _synced(fresh)
        for doc_id in ids:
            assert documents(fresh)[doc_id]["status"] == "signed"
            signed = _attachment(fresh, doc_id, "signed")
            data = signed.read_bytes()
            assert b"/DSS" in data and re.search(rb"/DocTimeStamp", data)
            report = verify_pdf(signed, trust_files=[keys.pki.root_pem_path])
            assert report.ok and report.signatures[0].certification_level == 2
            _check_with_pdfsig(signed, 1)


def test_a_wrong_password_signs_nothing(sandbox: SandboxServer, keys: Keys,
                                        tmp_path: Path) -> None:
    from eoffice_client.core.documents.signing_errors import WrongSecretError

    with signed_in(tmp_path / "officer", sandbox.url, "chuyenvien") as officer:
        _synced(officer, files=False)
        leader_id = _user_id(officer, "lanhdao")
        doc_id = officer.changes.new_document("outgoing", "TB", "Thông báo thử mật khẩu sai")
        first = officer.documents.prepare_for_approval(doc_id, BODY)
        _synced(officer, files=False)  # the first main PDF reaches the server
        second = officer.documents.prepare_for_approval(doc_id, BODY + "\nĐoạn thêm.")
        assert [r.action for r in rows(officer)] == ["delete_attachment", "upload"]
        mains = [a.id for a in officer.reads.require_document(doc_id).attachments
                 if a.role == "main"]
        assert mains == [second.attachment_id] != [first.attachment_id]
        officer.changes.act(doc_id, "submit", {"to_user_id": leader_id})
        _synced(officer, files=False)
    with signed_in(tmp_path / "leader", sandbox.url, "lanhdao") as leader:
        _synced(leader)
        leader.changes.act(doc_id, "approve", {})
        with pytest.raises(WrongSecretError):
            leader.documents.sign_for_leader([doc_id], Pkcs12Key(keys.leader.p12),
                                             lambda: "sai mật khẩu", keys.signature_png)
        assert [r.action for r in rows(leader)] == ["approve"]
        assert documents(leader)[doc_id]["status"] == "approved"
        _synced(leader)  # the server approves: exactly one main PDF


def test_offline_batch_of_pdfs_made_elsewhere_cancelled_midway(
        sandbox: SandboxServer, keys: Keys, tmp_path: Path) -> None:
    """PDFs attached by hand (with "Số:" and the date line, but no fields: the fields come
    with the leader's signature), one without them; signed with the server down."""
    from pypdf import PdfWriter

    from eoffice_client.core.app.types import CancelToken
    from tests.signing_docs import make_document

    blank = tmp_path / "trang-trang.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with open(blank, "wb") as handle:
        writer.write(handle)
    with signed_in(tmp_path / "officer", sandbox.url, "chuyenvien") as officer:
        _synced(officer, files=False)
        leader_id = _user_id(officer, "lanhdao")
        ids = []
        for n, pdf in enumerate((make_document(tmp_path / "a.pdf"),
                                 make_document(tmp_path / "b.pdf"), blank)):
            doc_id = officer.changes.new_document("outgoing", "QD", f"Quyết định thử số {n}")
            officer.changes.attach(doc_id, pdf, "main")
            officer.changes.act(doc_id, "submit", {"to_user_id": leader_id})
            ids.append(doc_id)
        _synced(officer, files=False)

    with signed_in(tmp_path / "leader", sandbox.url, "lanhdao") as leader:
        _synced(leader)
        sandbox.stop()  # offline from here on
        leader.changes.act_on_many(ids, "approve", {})
        secret = CountingSecret()
        nothing = leader.documents.sign_for_leader([ids[2]], Pkcs12Key(keys.leader.p12),
                                                   secret, keys.signature_png)
        assert secret.calls == 0  # no PIN asked when nothing can be signed
        (refused,) = nothing.items
        assert refused.error is not None and refused.error.key == "chain.no_number_place"
        assert int(nothing.exit_code) == 7 and "Số:" in refused.message("vi")
        cancel = CancelToken()
        outcome = leader.documents.sign_for_leader(
            ids[:2], Pkcs12Key(keys.leader.p12), secret, keys.signature_png,
            progress=lambda event: cancel.cancel(), cancel=cancel)
        assert secret.calls == 1 and outcome.cancelled
        assert [i.ok for i in outcome.items] == [True, False]
        assert outcome.items[1].error is not None
        assert outcome.items[1].error.key == "chain.cancelled_before"
        assert [r.action for r in rows(leader)] == [
            "approve", "approve", "approve", "upload", "sign"]
        signed = _attachment(leader, ids[0], "signed")
        report = verify_pdf(signed, trust_files=[keys.pki.root_pem_path])
        assert report.ok and report.signatures[0].certification_level == 2
        from pypdf import PdfReader

        fields = PdfReader(signed).get_fields() or {}
        assert {"so_van_ban", "ngay_ban_hanh_ngay", "ngay_ban_hanh_thang"} <= set(fields)
        sandbox.start()
        _synced(leader)
        statuses = [documents(leader)[d]["status"] for d in ids]
        assert statuses == ["signed", "approved", "approved"]
