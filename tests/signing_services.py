"""Loopback PKI services for the signing tests: an RFC 3161 timestamp server (answered
by pyHanko's DummyTimeStamper with the test TSA key), a CRL and an OCSP responder
(cryptography's builders, signed by the test root)."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from asn1crypto import keys, tsp
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp
from pyhanko.sign.timestamps import DummyTimeStamper

from tests.signing_pki import Holder, TestPki


class PkiServices:
    """Start with :meth:`start`; ``base_url`` is known before any certificate is made."""

    def __init__(self) -> None:
        self.pki: TestPki | None = None
        self.tsa: Holder | None = None
        self.requests: dict[str, int] = {"tsa": 0, "crl": 0, "ocsp": 0}
        services = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: object) -> None:
                pass

            def _reply(self, body: bytes, content_type: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                services.requests["crl"] += 1
                assert services.pki is not None
                self._reply(services.pki.crl_der(), "application/pkix-crl")

            def do_POST(self) -> None:
                data = self.rfile.read(int(self.headers["Content-Length"]))
                if self.path.startswith("/tsa"):
                    services.requests["tsa"] += 1
                    self._reply(services.timestamp(data), "application/timestamp-reply")
                else:
                    services.requests["ocsp"] += 1
                    self._reply(services.ocsp(data), "application/ocsp-response")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self, pki: TestPki, tsa: Holder) -> PkiServices:
        self.pki, self.tsa = pki, tsa
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def tsa_url(self) -> str:
        return f"{self.base_url}/tsa"

    def timestamp(self, data: bytes) -> bytes:
        assert self.tsa is not None and self.pki is not None
        der = serialization.Encoding.DER
        stamper = DummyTimeStamper(
            tsa_cert=asn1_x509.Certificate.load(self.tsa.cert.public_bytes(der)),
            tsa_key=keys.PrivateKeyInfo.load(self.tsa.key.private_bytes(
                der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
            certs_to_embed=[asn1_x509.Certificate.load(self.pki.root.public_bytes(der))])
        response = asyncio.run(stamper.async_request_tsa_response(tsp.TimeStampReq.load(data)))
        return bytes(response.dump())

    def ocsp(self, data: bytes) -> bytes:
        assert self.pki is not None
        request = ocsp.load_der_ocsp_request(data)
        pki = self.pki
        revoked = request.serial_number in pki.revoked_serials
        cert = _find_cert(pki, request.serial_number)
        now = dt.datetime.now(dt.UTC)
        builder = ocsp.OCSPResponseBuilder().add_response(
            cert=cert, issuer=pki.root, algorithm=hashes.SHA1(),
            cert_status=ocsp.OCSPCertStatus.REVOKED if revoked else ocsp.OCSPCertStatus.GOOD,
            this_update=now - dt.timedelta(minutes=5), next_update=now + dt.timedelta(hours=1),
            revocation_time=now - dt.timedelta(minutes=30) if revoked else None,
            revocation_reason=None).responder_id(ocsp.OCSPResponderEncoding.HASH, pki.root)
        return builder.sign(pki.root_key, hashes.SHA256()).public_bytes(
            serialization.Encoding.DER)


def _find_cert(pki: TestPki, serial: int):  # type: ignore[no-untyped-def]
    for cert in pki.issued:
        if cert.serial_number == serial:
            return cert
    raise KeyError(serial)
