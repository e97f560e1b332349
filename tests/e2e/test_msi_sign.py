"""The release's signature step: osslsigncode signs the MSI, and a changed file fails."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tests.e2e.msi_support import ROOT, build, fake_frozen

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="osslsigncode (Debian)")
sys.path.insert(0, str(ROOT / "installers"))


def code_signing_pair(folder: Path) -> tuple[Path, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "eOffice test signing")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    key_path, cert_path = folder / "key.pem", folder / "cert.pem"
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def test_signed_msi_verifies_and_a_changed_one_does_not(tmp_path: Path) -> None:
    from build import Build, sign_file, step_sign

    msi = build(fake_frozen(tmp_path), tmp_path / "eoffice.msi", "1.0.0")
    key, cert = code_signing_pair(tmp_path)
    release = Build(out=tmp_path / "release", python=None, version="1.0.0", sign_key=key,
                    sign_cert=cert)
    sign_file(release, msi)
    verify = ["osslsigncode", "verify", "-CAfile", str(cert), "-in", str(msi)]
    assert subprocess.run(verify, capture_output=True, check=False).returncode == 0
    data = bytearray(msi.read_bytes())
    data[len(data) // 2] ^= 0xFF
    msi.write_bytes(bytes(data))
    assert subprocess.run(verify, capture_output=True, check=False).returncode != 0
    unsigned = Build(out=tmp_path / "r2", python=None, version="1.0.0")
    step_sign(unsigned)  # no key: a clear line, nothing signed, no failure
