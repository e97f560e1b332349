"""The PKCS#11 path on SoftHSM2 (Debian's softhsm2 + opensc's pkcs11-tool): token and
certificate listing, signing, one PIN entry for a batch of 20, wrong PIN, locked token."""

from __future__ import annotations

from pathlib import Path

import pytest

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
from tests.softhsm_tokens import LIBRARY, PIN, Tokens


# one SoftHSM2 setup for the whole run (tests/conftest.py): the library reads its
# configuration once per process
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
    report = verify_pdf(out, trust_files=[tokens.root_pem])
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
    assert verify_pdf(tmp_path / "signed-19.pdf", trust_files=[tokens.root_pem]).ok


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
