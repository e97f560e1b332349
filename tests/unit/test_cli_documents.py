"""``render``, ``sign`` and ``verify`` through ``eoffice_client.cli.main``: the files they
write, what they print, and their exit codes (cli-v1.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from docx import Document

from eoffice_client.config import Profile
from eoffice_client.core.app.application import App
from eoffice_client.core.documents import convert
from eoffice_client.core.errors import ClientError, ExitCode
from tests.signing_fixtures import SigningKit, pdfsig, signing_kit  # noqa: F401  (fixture)
from tests.signing_pki import P12_PASSWORD, TestPki
from tests.unit.cli_sample_profile import (  # noqa: F401  (fixtures)
    first,
    run,
    sample_cache_fixture,
    sample_profile_fixture,
    with_stdin,
)

SOFTHSM = Path("/usr/lib/softhsm/libsofthsm2.so")
TOKEN, TOKEN_PIN = "eoffice-cli-lanh-dao", "246810"
#: The fields of one signature in ``verify --json``, from cli-v1.md.
CONTRACT_FIELDS = {"signer", "time", "intact", "trusted", "coverage"}


def docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def is_draft(doc: dict[str, Any]) -> bool:
    return doc["direction"] == "outgoing" and doc["status"] == "draft" and doc["signer"]


def is_issued(doc: dict[str, Any]) -> bool:
    return doc["direction"] == "outgoing" and doc["status"] == "issued"


# --- render --------------------------------------------------------------------------------
def test_render_a_draft_with_its_body(sample_profile: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    draft = first(is_draft)
    body = tmp_path / "nội dung.txt"
    body.write_text("\ufeffĐoạn thứ nhất của dự thảo.\nĐoạn thứ hai.\n", encoding="utf-8")
    out = tmp_path / "du-thao.docx"
    assert run(sample_profile, "render", draft["id"], "--out", str(out), "--body",
               str(body)) == ExitCode.OK
    assert f"Đã ghi văn bản vào «{out}»" in capsys.readouterr().out
    text = docx_text(out)
    assert draft["subject"] in " ".join(text.split())
    assert "Đoạn thứ nhất của dự thảo." in text and "Đoạn thứ hai./." in text
    assert draft["signer"]["full_name"] in text
    assert "ỦY BAN NHÂN DÂN" in text.upper()
    numbers = [line for line in text.splitlines() if line.strip().startswith("Số:")]
    assert numbers and all(not any(c.isdigit() for c in line) for line in numbers)


def test_render_an_issued_document_shows_its_number(sample_profile: Path, tmp_path: Path
                                                    ) -> None:
    issued = first(is_issued)
    out = tmp_path / "ban-hanh.docx"
    assert run(sample_profile, "render", issued["id"], "--out", str(out)) == ExitCode.OK
    number = f"{issued['code_number']:02d}/{issued['code_notation']}"
    assert number in docx_text(out)


def test_render_with_pdf_through_libreoffice(sample_profile: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    draft = first(is_draft)
    out, pdf = tmp_path / "d.docx", tmp_path / "d.pdf"
    assert run(sample_profile, "render", draft["id"], "--out", str(out), "--pdf", str(pdf),
               lang="en") == ExitCode.OK
    assert "with LibreOffice" in capsys.readouterr().out
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert draft["signer"]["full_name"] in text


def test_render_errors(sample_profile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:
    draft = first(is_draft)
    out = tmp_path / "d.docx"
    assert run(sample_profile, "render", "khong-co", "--out", str(out)) == ExitCode.UNKNOWN_ID
    assert "«khong-co»" in capsys.readouterr().err and not out.exists()
    assert run(sample_profile, "render", draft["id"], "--out", str(out), "--body",
               str(tmp_path / "thiếu.txt")) == ExitCode.INVALID_INPUT
    assert "thiếu.txt" in capsys.readouterr().err and not out.exists()
    monkeypatch.setattr(convert, "find_converter", lambda: None)
    assert run(sample_profile, "render", draft["id"], "--out", str(out), "--pdf",
               str(tmp_path / "d.pdf")) == ExitCode.INVALID_INPUT
    captured = capsys.readouterr()
    assert "LibreOffice" in captured.err and captured.err.count("\n") == 1
    assert f"«{out}»" in captured.out and out.is_file() and not (tmp_path / "d.pdf").exists()


# --- sign and verify ---------------------------------------------------------------------------
def sign(profile: Path, monkeypatch: pytest.MonkeyPatch, source: Path, out: Path,
         key: Path, *extra: str, password: str = P12_PASSWORD + "\n") -> int:
    with_stdin(monkeypatch, password)
    return run(profile, "sign", str(source), "--out", str(out), "--pkcs12", str(key),
               "--password-stdin", *extra)


def verify_json(profile: Path, capsys: pytest.CaptureFixture[str], path: Path,
                *trust: Path) -> tuple[int, list[dict[str, Any]]]:
    options = [part for anchor in trust for part in ("--trust", str(anchor))]
    code = run(profile, "verify", str(path), "--json", *options)
    return code, json.loads(capsys.readouterr().out)["signatures"]


def test_sign_then_verify(sample_profile: Path, kit: SigningKit, tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "đã ký.pdf"
    assert sign(sample_profile, monkeypatch, kit.document(), out, kit.holders["leader"].p12,
                "--image", str(kit.signature_png), "--reason", "Phê duyệt") == ExitCode.OK
    captured = capsys.readouterr()
    assert f"«{out}»" in captured.out and "PAdES B-B" in captured.out
    assert P12_PASSWORD not in captured.out + captured.err
    (poppler,) = pdfsig(out)
    assert poppler.valid and poppler.common_name == "Nguyễn Văn Lãnh"

    code, (signature,) = verify_json(sample_profile, capsys, out)
    assert code == ExitCode.OK
    assert set(signature) >= CONTRACT_FIELDS
    assert signature["signer"] == "Nguyễn Văn Lãnh" and signature["intact"] is True
    assert signature["trusted"] is False and signature["coverage"] == "entire_file"
    assert signature["time"].startswith("20")

    code, (signature,) = verify_json(sample_profile, capsys, out, kit.pki.root_pem_path)
    assert code == ExitCode.OK and signature["trusted"] is True

    stranger = TestPki(tmp_path / "other-pki")
    code, (signature,) = verify_json(sample_profile, capsys, out, stranger.root_pem_path)
    assert code == ExitCode.SIGNING_FAILED and signature["trusted"] is False


def test_a_changed_byte_fails_verification(sample_profile: Path, kit: SigningKit,
                                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "signed.pdf"
    assert sign(sample_profile, monkeypatch, kit.document(), out,
                kit.holders["leader"].p12) == ExitCode.OK
    data = bytearray(out.read_bytes())
    at = data.index(b"Trang 1") if b"Trang 1" in data else 200
    data[at + 60] ^= 0x01  # inside the signed range, in the first revision
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(data))
    capsys.readouterr()
    assert run(sample_profile, "verify", str(broken)) == ExitCode.SIGNING_FAILED
    out_text = capsys.readouterr().out
    assert "Toàn vẹn: KHÔNG" in out_text and "Nguyễn Văn Lãnh" in out_text
    code, (signature,) = verify_json(sample_profile, capsys, broken)
    assert code == ExitCode.SIGNING_FAILED and signature["intact"] is False


def test_the_profiles_and_the_machines_trust_folders(sample_profile: Path, kit: SigningKit,
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "signed.pdf"
    assert sign(sample_profile, monkeypatch, kit.document(), out,
                kit.holders["leader"].p12) == ExitCode.OK
    capsys.readouterr()
    machine = tmp_path / "machine-trust"
    machine.mkdir()
    monkeypatch.setenv("EOFFICE_TRUST_DIR", str(machine))
    assert verify_json(sample_profile, capsys, out)[1][0]["trusted"] is False
    (machine / "root.pem").write_bytes(kit.pki.root_pem_path.read_bytes())
    assert verify_json(sample_profile, capsys, out)[1][0]["trusted"] is True
    (machine / "root.pem").unlink()
    own = sample_profile / "trust"
    own.mkdir()
    (own / "goc.crt").write_bytes(kit.pki.root_pem_path.read_bytes())
    code, (signature,) = verify_json(sample_profile, capsys, out)
    assert code == ExitCode.OK and signature["trusted"] is True


def test_the_seal_over_the_leaders_signature(sample_profile: Path, kit: SigningKit,
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    leader, final = tmp_path / "leader.pdf", tmp_path / "final.pdf"
    assert sign(sample_profile, monkeypatch, kit.document(), leader, kit.holders["leader"].p12,
                "--image", str(kit.signature_png)) == ExitCode.OK
    assert sign(sample_profile, monkeypatch, leader, final, kit.holders["org"].p12, "--seal",
                "--image", str(kit.seal_png)) == ExitCode.OK
    capsys.readouterr()
    code, signatures = verify_json(sample_profile, capsys, final, kit.pki.root_pem_path)
    assert code == ExitCode.OK
    assert [(s["signer"], s["intact"], s["trusted"]) for s in signatures] == [
        ("Nguyễn Văn Lãnh", True, True), ("Ủy ban nhân dân tỉnh Thử Nghiệm", True, True)]
    assert [s["coverage"] for s in signatures] == ["entire_revision", "entire_file"]
    assert run(sample_profile, "verify", str(final), "--trust", str(kit.pki.root_pem_path),
               lang="en") == ExitCode.OK
    assert "Result: 2 signature(s), all valid." in capsys.readouterr().out


@pytest.mark.parametrize(("extra", "password", "code", "words"), [
    ((), "sai mật khẩu\n", ExitCode.SIGNING_FAILED, "không đúng"),
    ((), "", ExitCode.INVALID_INPUT, "Không nhận được mật khẩu"),
    (("--page", "9"), None, ExitCode.INVALID_INPUT, "không có trang 9 (tệp có 3 trang)"),
    (("--page", "không"), None, ExitCode.INVALID_INPUT, "--page"),
    (("--box", "10,20,5"), None, ExitCode.INVALID_INPUT, "Khung chữ ký 10,20,5 không hợp lệ"),
    (("--box", "300,20,100,80"), None, ExitCode.INVALID_INPUT, "x1 < x2"),
    (("--fill-number", "0", "--fill-date", "2026-02-05"), None, ExitCode.INVALID_INPUT,
     "Số văn bản"),
    (("--fill-number", "5", "--fill-date", "05/02/2026"), None, ExitCode.INVALID_INPUT,
     "YYYY-MM-DD"),
    (("--fill-number", "5/QĐ-UBND", "--fill-date", "2026-02-05"), None,
     ExitCode.SIGNING_FAILED, "so_van_ban"),
    (("--fill-number", "5",), None, ExitCode.USAGE, "--fill-date"),
    (("--seal",), None, ExitCode.USAGE, "--image"),
    (("--pin-stdin",), None, ExitCode.USAGE, "--pkcs11"),
    (("--image", "không-có.png"), None, ExitCode.INVALID_INPUT, "không-có.png"),
])
def test_sign_failures_change_nothing(sample_profile: Path, kit: SigningKit, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str], extra: tuple[str, ...],
                                      password: str | None, code: int, words: str) -> None:
    out = tmp_path / "out.pdf"
    assert sign(sample_profile, monkeypatch, kit.document(), out, kit.holders["leader"].p12,
                *extra, password=P12_PASSWORD + "\n" if password is None else password) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err, err
    assert "Traceback" not in err and P12_PASSWORD not in err and not out.exists()


def test_sign_and_verify_input_files(sample_profile: Path, kit: SigningKit, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "không có.pdf"
    assert sign(sample_profile, monkeypatch, missing, tmp_path / "o.pdf",
                kit.holders["leader"].p12) == ExitCode.INVALID_INPUT
    assert run(sample_profile, "verify", str(missing)) == ExitCode.INVALID_INPUT
    not_pdf = tmp_path / "hỏng.pdf"
    not_pdf.write_bytes(b"%PDF-1.7\nnot a PDF after all\n")
    assert sign(sample_profile, monkeypatch, not_pdf, tmp_path / "o.pdf",
                kit.holders["leader"].p12) == ExitCode.SIGNING_FAILED
    assert run(sample_profile, "verify", str(not_pdf)) == ExitCode.SIGNING_FAILED
    unsigned = kit.document("chưa ký.pdf")
    capsys.readouterr()
    assert run(sample_profile, "verify", str(unsigned)) == ExitCode.SIGNING_FAILED
    assert "không có chữ ký số nào" in capsys.readouterr().out
    assert run(sample_profile, "verify", str(unsigned), "--json") == ExitCode.SIGNING_FAILED
    assert json.loads(capsys.readouterr().out) == {"signatures": []}
    bad_anchor = tmp_path / "goc.pem"
    bad_anchor.write_text("không phải chứng thư", encoding="utf-8")
    assert run(sample_profile, "verify", str(unsigned), "--trust",
               str(bad_anchor)) == ExitCode.SIGNING_FAILED
    assert "goc.pem" in capsys.readouterr().err


def softhsm_token(kit: SigningKit, folder: Path) -> dict[str, str]:
    """A SoftHSM2 token holding the leader's key and certificate; the environment of a
    process that uses it. The CLI runs in its own process here: a PKCS#11 library reads
    its configuration once per process, and other tests use other tokens."""
    (folder / "tokens").mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
                    "log.level = ERROR\n", encoding="utf-8")
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--pin",
                    TOKEN_PIN, "--so-pin", "13579135"], check=True, capture_output=True, env=env)
    holder = kit.holders["leader"]
    key, cert = folder / "key.der", folder / "cert.der"
    key.write_bytes(holder.key.private_bytes(serialization.Encoding.DER,
                                             serialization.PrivateFormat.PKCS8,
                                             serialization.NoEncryption()))
    cert.write_bytes(holder.cert.public_bytes(serialization.Encoding.DER))
    for kind, path in (("privkey", key), ("cert", cert)):
        subprocess.run(["pkcs11-tool", "--module", str(SOFTHSM), "--token-label", TOKEN,
                        "--login", "--pin", TOKEN_PIN, "--write-object", str(path), "--type",
                        kind, "--id", "01", "--label", "leader"], check=True,
                       capture_output=True, env=env)
    key.unlink()
    return env


def test_sign_with_a_token(sample_profile: Path, kit: SigningKit, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    env = softhsm_token(kit, tmp_path / "softhsm")

    def token_sign(out: Path, pin: str, *extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "eoffice_client", "--profile", str(sample_profile), "--lang",
             "vi", "sign", str(kit.document()), "--out", str(out), "--pkcs11", str(SOFTHSM),
             "--token-label", TOKEN, "--pin-stdin", *extra], input=pin, capture_output=True,
            text=True, env=env, check=False, timeout=120)

    out = tmp_path / "token.pdf"
    signed = token_sign(out, TOKEN_PIN + "\n", "--key-label", "leader")
    assert signed.returncode == ExitCode.OK, signed.stderr
    assert f"«{out}»" in signed.stdout and signed.stderr == ""
    code, (signature,) = verify_json(sample_profile, capsys, out, kit.pki.root_pem_path)
    assert code == ExitCode.OK and signature["signer"] == "Nguyễn Văn Lãnh"
    wrong = token_sign(tmp_path / "sai.pdf", "000000\n")
    assert wrong.returncode == ExitCode.SIGNING_FAILED
    assert wrong.stderr.count("\n") == 1 and "PIN" in wrong.stderr
    assert "Traceback" not in wrong.stderr and not (tmp_path / "sai.pdf").exists()


def test_check_scan_through_the_api(sample_profile: Path, kit: SigningKit,
                                    tmp_path: Path) -> None:
    text = tmp_path / "ghi chú.txt"
    text.write_text("không phải bản quét", encoding="utf-8")
    with App(Profile(sample_profile)) as app:
        assert app.documents.check_scan(kit.document("ba trang.pdf", pages=3)) == 3
        with pytest.raises(ClientError) as caught:
            app.documents.check_scan(text)
    assert caught.value.exit_code == ExitCode.INVALID_INPUT
    assert "ghi chú.txt" in caught.value.message()
