"""The PKCS#11 path on SoftHSM2 (Debian's softhsm2 + opensc's pkcs11-tool): token and
certificate listing, signing, one PIN entry for a batch of 20, wrong PIN, locked token."""

from __future__ import annotations

import os
import struct
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from eoffice_client.core.documents import signing_pkcs11
from eoffice_client.core.documents.signing import SignRequest, sign_batch, sign_document
from eoffice_client.core.documents.signing_errors import (
    KeyAccessError,
    TokenLockedError,
    WrongSecretError,
)
from eoffice_client.core.documents.signing_keys import Pkcs11Key
from eoffice_client.core.documents.signing_pkcs11 import (
    candidate_token_libraries,
    list_token_certificates,
    list_tokens,
)
from eoffice_client.core.documents.signing_session import open_signing_session
from eoffice_client.core.documents.verify import verify_pdf
from eoffice_client.core.errors import ExitCode
from tests.signing_fixtures import SigningKit, pdfsig, signing_kit  # noqa: F401  (fixture)

LIBRARY = Path("/usr/lib/softhsm/libsofthsm2.so")
PIN = "246810"
SO_PIN = "13579135"
CKF_USER_PIN_LOCKED = 0x00040000
TOKEN_FLAGS_ATTRIBUTE = 0x8000534B  # SoftHSM's stored token flags (CKA_OS_TOKENFLAGS)


@dataclass
class Tokens:
    good: Pkcs11Key
    locked: Pkcs11Key


def _tool(*args: str) -> None:
    subprocess.run(["pkcs11-tool", "--module", str(LIBRARY), *args], check=True,
                   capture_output=True)


def _import_holder(label: str, kit: SigningKit, who: str, folder: Path) -> None:
    holder = kit.holders[who]
    key_der = folder / f"{who}.key.der"
    key_der.write_bytes(holder.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    cert_der = folder / f"{who}.cert.der"
    cert_der.write_bytes(holder.cert.public_bytes(serialization.Encoding.DER))
    for kind, path in (("privkey", key_der), ("cert", cert_der)):
        _tool("--token-label", label, "--login", "--pin", PIN, "--write-object", str(path),
              "--type", kind, "--id", "01", "--label", who)
    key_der.unlink()


def _mark_locked(token_dir: Path, label: str) -> None:
    """SoftHSM2 never locks a token by itself; set the flag a locked token reports."""
    for object_file in token_dir.glob("*/token.object"):
        data = bytearray(object_file.read_bytes())
        if label.encode() not in data:
            continue
        at = data.index(struct.pack(">QQ", TOKEN_FLAGS_ATTRIBUTE, 2)) + 16
        flags = struct.unpack(">Q", data[at:at + 8])[0]
        data[at:at + 8] = struct.pack(">Q", flags | CKF_USER_PIN_LOCKED)
        object_file.write_bytes(bytes(data))
        return
    raise AssertionError(f"token {label} not found")


@pytest.fixture(scope="session")
def tokens(kit: SigningKit, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tokens]:
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
                    "log.level = ERROR\n")
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    for label in ("eoffice-lanh-dao", "eoffice-bi-khoa"):
        subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", label,
                        "--pin", PIN, "--so-pin", SO_PIN], check=True, capture_output=True)
    _import_holder("eoffice-lanh-dao", kit, "leader", folder)
    _import_holder("eoffice-bi-khoa", kit, "org", folder)
    _mark_locked(folder / "tokens", "eoffice-bi-khoa")
    yield Tokens(Pkcs11Key(LIBRARY, token_label="eoffice-lanh-dao"),
                 Pkcs11Key(LIBRARY, token_label="eoffice-bi-khoa"))
    if previous is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = previous


def test_lists_tokens_and_their_certificates(tokens: Tokens) -> None:
    found = {token.label: token for token in list_tokens(LIBRARY)}
    assert found["eoffice-lanh-dao"].locked is False
    assert found["eoffice-bi-khoa"].locked is True
    (cert,) = list_token_certificates(tokens.good)
    assert cert.holder_name == "Nguyễn Văn Lãnh"
    assert cert.issuer == "Test Root CA (eOffice)"
    assert cert.key_usage_ok and cert.label == "leader"
    assert cert.valid_from < cert.valid_to


def test_softhsm_is_among_the_usual_linux_libraries() -> None:
    paths = {lib.path: lib for lib in candidate_token_libraries("linux")}
    assert paths[LIBRARY].exists
    assert any(lib.vendor == "VNPT-CA" for lib in candidate_token_libraries("win32"))


def test_token_signature_valid_for_pyhanko_and_pdfsig(kit: SigningKit, tokens: Tokens,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "token-signed.pdf"
    with open_signing_session(tokens.good, PIN) as session:
        sign_document(session, SignRequest(kit.document(), out, image=kit.signature_png))
    report = verify_pdf(out, trust_files=[kit.pki.root_pem_path])
    assert report.ok and report.signatures[0].signer == "Nguyễn Văn Lãnh"
    assert [p.valid for p in pdfsig(out)] == [True]


def test_batch_of_twenty_with_one_pin_entry(kit: SigningKit, tokens: Tokens, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    prompts: list[int] = []
    logins: list[int] = []
    real_open = signing_pkcs11.open_token

    def counting_open(key: Pkcs11Key, pin: str) -> signing_pkcs11.OpenedToken:
        logins.append(1)
        return real_open(key, pin)

    monkeypatch.setattr(signing_pkcs11, "open_token", counting_open)

    def ask_pin() -> str:
        prompts.append(1)
        return PIN

    source = kit.document("one-page.pdf", pages=1)
    requests = [SignRequest(source, tmp_path / f"signed-{n:02d}.pdf") for n in range(20)]
    with open_signing_session(tokens.good, ask_pin) as session:
        results = sign_batch(session, requests)
        assert session.signatures_made == 20
    assert (len(prompts), len(logins)) == (1, 1)
    assert all(not isinstance(r, Exception) for r in results)
    assert verify_pdf(tmp_path / "signed-19.pdf", trust_files=[kit.pki.root_pem_path]).ok


def test_wrong_pin_clear_and_pin_free(tokens: Tokens) -> None:
    with pytest.raises(WrongSecretError) as caught:
        open_signing_session(tokens.good, "000000")
    assert caught.value.exit_code is ExitCode.SIGNING_FAILED
    assert "eoffice-lanh-dao" in caught.value.message("vi")
    assert "000000" not in str(caught.value) and "000000" not in repr(caught.value)


def test_locked_token_refused_before_any_login(tokens: Tokens, tmp_path: Path) -> None:
    with pytest.raises(TokenLockedError) as caught:
        open_signing_session(tokens.locked, PIN)
    assert caught.value.exit_code is ExitCode.SIGNING_FAILED
    assert "khóa" in caught.value.message("vi")


def test_unknown_token_and_library(tokens: Tokens, tmp_path: Path) -> None:
    with pytest.raises(KeyAccessError) as caught:
        open_signing_session(Pkcs11Key(LIBRARY, token_label="không-có"), PIN)
    assert caught.value.key == "signing.token_not_found"
    with pytest.raises(KeyAccessError) as missing:
        list_tokens(tmp_path / "no-such-library.so")
    assert missing.value.key == "signing.token_library_missing"
