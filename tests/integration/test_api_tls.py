"""TLS: verification always on, the OS trust store plus ``Settings.ca_bundle``.

The real sandbox application is served over HTTPS on loopback with a certificate from a
throw-away CA (a provincial CA, say) that no trust store knows.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import threading
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from werkzeug.serving import make_server

from eoffice_client.config import Profile, Settings
from eoffice_client.core.api import ApiClient
from eoffice_client.core.api.errors import UntrustedServer
from eoffice_client.core.errors import ExitCode, InvalidInputError
from eoffice_client.sandbox.server import create_app
from eoffice_client.sandbox.state import SandboxState


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """(CA pem, server cert pem, server key pem) for 127.0.0.1."""
    now = dt.datetime.now(dt.UTC)
    start, end = now - dt.timedelta(days=1), now + dt.timedelta(days=2)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("Test Provincial CA"))
          .issuer_name(_name("Test Provincial CA")).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number())
          .not_valid_before(start).not_valid_after(end)
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False,
                                       encipher_only=False, decipher_only=False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name("127.0.0.1")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


@pytest.fixture(scope="module")
def https_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    ca, cert, key = _certificates(folder)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    state = SandboxState(folder / "data", documents=5, seed=9, token_ttl=3600, reset=True)
    server = make_server("127.0.0.1", 0, create_app(state), threaded=True, ssl_context=context)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_port}", ca
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)
    state.close()


def test_unknown_ca_is_refused(https_server, tmp_path):
    url, _ = https_server
    client = ApiClient(url, profile=Profile.at(tmp_path / "p"), settings=Settings())
    with pytest.raises(UntrustedServer) as caught:
        client.info()
    assert caught.value.exit_code == ExitCode.REFUSED_FOR_SAFETY


def test_extra_ca_bundle_is_trusted_and_sign_in_works(https_server, tmp_path):
    url, ca = https_server
    settings = Settings(ca_bundle=str(ca))
    client = ApiClient(url, profile=Profile.at(tmp_path / "p"), settings=settings)
    assert client.info().api_version == "1.0"
    assert client.login("vanthu", "demo")["username"] == "vanthu"
    assert client.changes(None, limit=2).cursor


def test_unreadable_ca_bundle_is_an_input_error(tmp_path):
    with pytest.raises(InvalidInputError) as caught:
        ApiClient("https://127.0.0.1:1", profile=Profile.at(tmp_path / "p"),
                  settings=Settings(ca_bundle=str(tmp_path / "missing.pem")))
    assert caught.value.exit_code == ExitCode.INVALID_INPUT
