"""``app.signatures`` without the window: the token libraries (the settings' first), the
images kept in the profile (PNG only), a certificate's problem said before any PIN, a
key checked with its secret, and an unknown badge where no PDF is cached."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App
from eoffice_client.core.app.chain_types import Pkcs12Key
from eoffice_client.core.app.signatures import SignatureState, certificate_problem
from eoffice_client.core.documents.signing_errors import (
    CertificateNotUsableError,
    WrongSecretError,
)
from eoffice_client.core.errors import InvalidInputError
from tests.signing_fixtures import SigningKit, signing_kit  # noqa: F401  (fixture)
from tests.signing_pki import P12_PASSWORD


def _app(tmp_path: Path, **settings: str) -> App:
    return App(Profile.at(tmp_path / "profile"), Settings(**settings))


def test_the_settings_library_comes_first(tmp_path: Path) -> None:
    libraries = _app(tmp_path, pkcs11_library="/opt/token/libtoken.so").signatures \
        .token_libraries()
    assert libraries[0].path == Path("/opt/token/libtoken.so") and not libraries[0].exists
    assert len({lib.path for lib in libraries}) == len(libraries)


def test_images_are_kept_in_the_profile_png_only(tmp_path: Path, kit: SigningKit) -> None:
    app = _app(tmp_path)
    assert app.signatures.signature_image() is None
    kept = app.signatures.keep_signature_image(kit.signature_png)
    assert kept == app.signatures.signature_image() and kept.read_bytes()[:4] == b"\x89PNG"
    text = tmp_path / "chu-ky.png"
    text.write_text("not an image")
    with pytest.raises(InvalidInputError) as caught:
        app.signatures.keep_seal_image(text)
    assert caught.value.key == "signatures.not_png" and app.signatures.seal_image() is None


def test_a_certificates_problem_and_a_checked_key(tmp_path: Path, kit: SigningKit) -> None:
    app = _app(tmp_path)
    info = app.signatures.check_key(Pkcs12Key(kit.holders["leader"].p12), lambda: P12_PASSWORD)
    assert info.holder_name == "Nguyễn Văn Lãnh" and certificate_problem(info) is None
    later = info.valid_to + dt.timedelta(days=1)
    assert "hết hạn" in (certificate_problem(info, later) or "")
    with pytest.raises(WrongSecretError):
        app.signatures.check_key(Pkcs12Key(kit.holders["leader"].p12), lambda: "sai")
    with pytest.raises(CertificateNotUsableError):
        app.signatures.check_key(Pkcs12Key(kit.holders["no_usage"].p12), lambda: P12_PASSWORD)


def test_nothing_cached_is_unknown(tmp_path: Path) -> None:
    app = _app(tmp_path)
    app.open()
    try:
        assert app.signatures.signature_states(["x"]) == {"x": SignatureState.UNKNOWN}
        unverified = app.signatures.signature_states(["x"], verify=False)
        assert unverified == {"x": SignatureState.UNKNOWN}  # no PDF: nothing to verify
        assert not app.signatures.modules_loaded
        app.signatures.load_modules()
        assert app.signatures.modules_loaded
    finally:
        app.close()
