"""File names from the server never reach the file system; a name shown or suggested is safe.

The files cache stores attachments under their SHA-256 (core/sync/files.py): hostile names go
through a real download and nothing named after them appears anywhere. Where a person gets a
readable name (save as, exports), :func:`safe_file_name` makes it harmless.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eoffice_client.core.security.filenames import MAX_BYTES, MAX_CHARS, safe_file_name
from eoffice_client.core.store.files import AttachmentRecord
from eoffice_client.core.sync.files import FileCache, FileMismatch

from .conftest import tried

HOSTILE_NAMES = [
    "../../../../etc/cron.d/evil", "..\\..\\Windows\\System32\\evil.dll", "/etc/passwd",
    "C:\\Users\\Public\\evil.exe", "\\\\server\\share\\x.pdf", "CON", "NUL", "nul.pdf",
    "COM1.docx", "LPT9", "a" * 300 + ".pdf", "invoice\u202efdp.exe", "report\x00.pdf.exe",
    "\u200f\u200e.pdf", "..", ".", "", " ", "file:.pdf", "a<b>c|d?e*f\".pdf",
    "Quyết định số 12/QĐ-UBND.pdf", "\ud800.pdf", "x" * 4096, "trailing dot.",
    "\n\r\t.pdf", "~/.ssh/authorized_keys", "%2e%2e%2fetc", "CON.tar.gz", "ﾠ.pdf",
]


class Body:
    status = 200
    headers: ClassVar[dict[str, str]] = {}

    def __init__(self, data: bytes) -> None:
        self.data = data

    def iter_chunks(self, chunk_size: int = 65536):
        for start in range(0, len(self.data), chunk_size):
            yield self.data[start:start + chunk_size]

    def close(self) -> None:
        return None


class Source:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def open_content(self, attachment_id: str, offset: int = 0, if_range: str | None = None):
        return Body(self.data)


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=range(len(HOSTILE_NAMES)))
def test_a_downloaded_file_is_named_by_its_hash_only(tmp_path, name):
    tried("names.download")
    data = b"%PDF-1.4 " + name.encode("utf-8", "surrogatepass")
    sha = hashlib.sha256(data).hexdigest()
    cache = FileCache(tmp_path / "profile" / "files")
    attachment = AttachmentRecord(id="a1", file_name=name, sha256=sha, size=len(data),
                                  document_id="d1", secrecy=0)
    path = cache.download(Source(data), attachment)
    assert path == tmp_path / "profile" / "files" / sha[:2] / sha and path.read_bytes() == data
    everything = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert everything == ["profile", "profile/files", "profile/files/.part",
                          f"profile/files/{sha[:2]}", f"profile/files/{sha[:2]}/{sha}"]


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=range(len(HOSTILE_NAMES)))
def test_a_name_in_a_message_is_printable_and_short(tmp_path, name):
    tried("names.message")
    cache = FileCache(tmp_path / "files")
    attachment = AttachmentRecord(id="a1", file_name=name, sha256="0" * 64, size=3,
                                  document_id="d1", secrecy=0)
    with pytest.raises(FileMismatch) as caught:
        cache.download(Source(b"abc"), attachment)
    text = caught.value.message("en")
    assert all(ch.isprintable() for ch in text) and len(text) < 400
    assert not list(tmp_path.rglob("*evil*"))


EXPECTED = {  # written by hand: what a person is offered for each name
    "../../../../etc/cron.d/evil": "evil",
    "..\\..\\Windows\\System32\\evil.dll": "evil.dll",
    "/etc/passwd": "passwd",
    "C:\\Users\\Public\\evil.exe": "evil.exe",
    "CON": "_CON",
    "nul.pdf": "_nul.pdf",
    "COM1.docx": "_COM1.docx",
    "CON.tar.gz": "_CON.tar.gz",
    "invoice\u202efdp.exe": "invoicefdp.exe",
    "report\x00.pdf.exe": "report.pdf.exe",
    "..": "tep-dinh-kem",
    "": "tep-dinh-kem",
    "\u200f\u200e.pdf": "pdf",
    "file:.pdf": "file.pdf",
    "a<b>c|d?e*f\".pdf": "abcdef.pdf",
    "Quyết định số 12/QĐ-UBND.pdf": "QĐ-UBND.pdf",
    "trailing dot.": "trailing dot",
    "\n\r\t.pdf": "pdf",
}


@pytest.mark.parametrize(("name", "expected"), EXPECTED.items())
def test_safe_names_by_hand(name, expected):
    tried("names.safe_name")
    assert safe_file_name(name) == expected


def test_long_names_keep_their_extension():
    long = safe_file_name("Báo cáo " * 60 + ".docx")
    assert long.endswith(".docx") and len(long) <= MAX_CHARS
    assert len(safe_file_name("đ" * 200 + ".pdf").encode()) <= MAX_BYTES
    tried("names.safe_name", 2)


def _is_safe(name: str, folder: Path) -> None:
    assert name and name not in (".", "..")
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not set('<>:"|?*') & set(name)
    assert len(name) <= MAX_CHARS and len(name.encode("utf-8")) <= MAX_BYTES
    assert name == name.rstrip(". ") and name == name.lstrip()
    assert all(unicodedata.category(ch) not in ("Cc", "Cs") for ch in name)
    assert "\u202e" not in name and "\u200f" not in name
    assert name.split(".")[0].strip().lower() not in {"con", "prn", "aux", "nul", "com1",
                                                       "lpt1"}
    assert (folder / name).resolve().parent == folder.resolve()


@given(name=st.one_of(st.text(max_size=400), st.sampled_from(HOSTILE_NAMES),
                      st.lists(st.sampled_from(["..", "/", "\\", "CON", "\u202e", ".", " ",
                                                "a", "é", "\x00", ":", "pdf"]),
                               max_size=30).map("".join)))
@settings(max_examples=400, deadline=None)
def test_any_name_becomes_safe(tmp_path_factory, name):
    tried("names.safe_name")
    folder = tmp_path_factory.getbasetemp()
    result = safe_file_name(name)
    _is_safe(result, folder)
    assert safe_file_name(result) == result  # stable


@pytest.mark.skipif(os.name != "posix", reason="creates the files for real on POSIX")
def test_safe_names_can_be_created(tmp_path):
    for name in HOSTILE_NAMES:
        path = tmp_path / safe_file_name(name)
        path.write_bytes(b"x")
        assert path.parent == tmp_path
