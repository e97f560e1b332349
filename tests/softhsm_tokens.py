"""SoftHSM2 tokens for the PKCS#11 tests. The library reads SOFTHSM2_CONF once per
process, so the whole run shares one set (the ``tokens`` fixture of tests/conftest.py)."""

from __future__ import annotations

import os
import struct
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from eoffice_client.core.documents.signing_keys import Pkcs11Key
from tests.signing_fixtures import SigningKit, new_signing_kit

LIBRARY = Path("/usr/lib/softhsm/libsofthsm2.so")
PIN = "246810"
SO_PIN = "13579135"
CKF_USER_PIN_LOCKED = 0x00040000
TOKEN_FLAGS_ATTRIBUTE = 0x8000534B  # SoftHSM's stored token flags (CKA_OS_TOKENFLAGS)


@dataclass
class Tokens:
    good: Pkcs11Key
    locked: Pkcs11Key
    root_pem: Path  # the root of the certificates on the tokens


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


def softhsm_tokens(folder: Path) -> Iterator[Tokens]:
    """Two tokens (one good, one locked) holding a test PKI's leader and organisation
    keys, SOFTHSM2_CONF pointing at them while the run lasts."""
    kit = new_signing_kit(folder / "kit")
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
                 Pkcs11Key(LIBRARY, token_label="eoffice-bi-khoa"), kit.pki.root_pem_path)
    if previous is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = previous


