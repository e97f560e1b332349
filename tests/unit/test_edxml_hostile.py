"""Hostile, oversized and broken edXML files are refused cleanly (exit 9), nothing written."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from eoffice_client.core.errors import ClientError
from eoffice_client.core.interop import EdxmlLimits, read_edxml
from tests.unit.edxml_samples import NS, PDF, b64, document, zipped

MIB = 1024 * 1024


def refused(path: Path, key: str, limits: EdxmlLimits | None = None) -> str:
    before = sorted(path.parent.iterdir())
    with pytest.raises(ClientError) as error:
        read_edxml(path, limits=limits)
    assert error.value.exit_code == 9
    assert error.value.key == key
    assert sorted(path.parent.iterdir()) == before  # nothing written beside it
    text = error.value.message("vi")
    assert path.name in text and "Traceback" not in text
    return text


def write(tmp_path: Path, text: str | bytes, name: str = "vb.edxml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_billion_laughs(tmp_path: Path) -> None:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{n} "{"&lol{};".format(n - 1 if n > 1 else "") * 10}">'
        for n in range(1, 10)]
    text = (f'<?xml version="1.0"?><!DOCTYPE edXML [{"".join(entities)}]>'
            f'<edXML xmlns="{NS}"><Subject>&lol9;</Subject></edXML>')
    started = time.perf_counter()
    refused(write(tmp_path, text), "interop.forbidden_xml")
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE edXML [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE edXML SYSTEM "http://127.0.0.1:9/evil.dtd">',
    '<!DOCTYPE edXML [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x"> %remote;]>',
])
def test_external_entities_and_dtds(tmp_path: Path, doctype: str) -> None:
    text = (f'<?xml version="1.0"?>{doctype}<edXML xmlns="{NS}"><edXMLEnvelope>'
            "<MessageHeader><Subject>&secret;</Subject></MessageHeader></edXMLEnvelope></edXML>")
    refused(write(tmp_path, text), "interop.forbidden_xml")


def test_a_200_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "khong-lo.edxml"
    with path.open("wb") as stream:  # sparse: 200 MB on paper, a few bytes on disk
        stream.write(document().encode("utf-8")[:2000])
        stream.truncate(200 * MIB)
    started = time.perf_counter()
    text = refused(path, "interop.too_large")
    assert time.perf_counter() - started < 1
    assert "200.0 MB" in text and "80.0 MB" in text


def test_an_attachment_over_its_limit(tmp_path: Path) -> None:
    path = write(tmp_path, document(attachments=[("cid:1", "lớn.pdf", PDF * 20)]))
    text = refused(path, "interop.attachment_too_large",
                   EdxmlLimits(max_attachment_bytes=len(PDF) * 10))
    assert "lớn.pdf" in text


def test_too_many_attachments(tmp_path: Path) -> None:
    files = [(f"cid:{n}", f"tep-{n}.pdf", PDF) for n in range(4)]
    refused(write(tmp_path, document(attachments=files)), "interop.too_many_attachments",
            EdxmlLimits(max_attachments=3))


@pytest.mark.parametrize("encoded", ["QUJD$$$$", "QUJDRA=", "QUJDRA===", "QUJ DRA", "€€€€"])
def test_broken_base64(tmp_path: Path, encoded: str) -> None:
    text = document().replace(b64(PDF, 76), encoded)
    assert encoded in text
    message = refused(write(tmp_path, text), "interop.bad_base64")
    assert "Quyết định.pdf" in message


def test_a_zip_bomb_attachment(tmp_path: Path) -> None:
    bomb = zipped("bom.txt", b"\0" * (8 * MIB))
    assert len(bomb) < 100_000
    path = write(tmp_path, document(attachments=[("cid:1", "bom.txt", bomb)]))
    refused(path, "interop.zip_too_large", EdxmlLimits(max_unzipped_bytes=1 * MIB))


def test_broken_zip_attachment(tmp_path: Path) -> None:
    path = write(tmp_path, document(attachments=[("cid:1", "hong.doc", b"PK\x03\x04broken")]))
    refused(path, "interop.bad_zip")


def test_header_text_over_its_limit(tmp_path: Path) -> None:
    path = write(tmp_path, document().replace("Về việc giao", "Về việc giao " + "x" * 5000))
    refused(path, "interop.header_too_large", EdxmlLimits(max_header_chars=4000))


@pytest.mark.parametrize("text, key", [
    ("", "interop.empty"),
    ("<edXML", "interop.not_well_formed"),
    (document()[:-300], "interop.not_well_formed"),
    (document("edXML:", declare="none"), "interop.not_well_formed"),  # unbound prefix
    ("<html><body>not edxml</body></html>", "interop.not_edxml"),
    (f'<edXML xmlns="{NS}"><edXMLEnvelope/></edXML>', "interop.no_header"),
    (document().replace("<edXML:Subject>Về việc giao dự toán năm 2026</edXML:Subject>", ""),
     "interop.no_subject"),
    ("\xff\xfe garbage", "interop.not_well_formed"),
])
def test_malformed_files(tmp_path: Path, text: str, key: str) -> None:
    refused(write(tmp_path, text), key)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ClientError) as error:
        read_edxml(tmp_path / "khong-co.edxml")
    assert error.value.exit_code == 9 and "khong-co.edxml" in error.value.message("en")
