"""Shared fixtures of the signing tests (imported by the test modules that use them)."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.signing_docs import make_document, make_seal_png, make_signature_png
from tests.signing_pki import Holder, TestPki, standard_holders

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "signing"


@dataclass
class SigningKit:
    pki: TestPki
    holders: dict[str, Holder]
    signature_png: Path
    seal_png: Path
    folder: Path

    def document(self, name: str = "doc.pdf", pages: int = 3) -> Path:
        return make_document(self.folder / name, pages)


@pytest.fixture(scope="session", name="kit")
def signing_kit(tmp_path_factory: pytest.TempPathFactory) -> SigningKit:
    return new_signing_kit(tmp_path_factory.mktemp("signing"))


def new_signing_kit(folder: Path) -> SigningKit:
    folder.mkdir(parents=True, exist_ok=True)
    pki = TestPki(folder / "pki")
    return SigningKit(pki, standard_holders(pki), make_signature_png(folder / "sig.png"),
                      make_seal_png(folder / "seal.png"), folder)


@dataclass
class PdfsigSignature:
    field: str
    common_name: str
    hash_algorithm: str
    signature_type: str
    total_document: bool
    valid: bool


def pdfsig(path: Path) -> list[PdfsigSignature]:
    """poppler's view of every signature (no certificate check)."""
    out = subprocess.run(["pdfsig", "-nocert", str(path)], capture_output=True, text=True,
                         check=False).stdout
    found = []
    for block in re.split(r"^Signature #\d+:$", out, flags=re.M)[1:]:
        def value(label: str, text: str = block) -> str:
            match = re.search(rf"- {label}: (.*)$", text, flags=re.M)
            return match.group(1).strip() if match else ""
        found.append(PdfsigSignature(
            field=value("Signature Field Name"),
            common_name=unicodedata.normalize("NFC", value("Signer Certificate Common Name")),
            hash_algorithm=value("Signing Hash Algorithm"),
            signature_type=value("Signature Type"),
            total_document="- Total document signed" in block,
            valid=value("Signature Validation") == "Signature is Valid.",
        ))
    return found
