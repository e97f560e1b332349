"""What the window's signing flows ask of the core besides the batches themselves
(``app.signatures``): the keys a person may choose (token libraries, tokens, their
certificates), a key checked with its PIN before a batch starts, the place the leader's
signature will take on the last page (for the preview), the profile's signature and
seal images, and each document's signature badge.

The badge comes from verifying the document's newest PDF where it is cached; the result
is kept by the file's SHA-256 (a file never changes under its hash), in memory and in the
profile, so a list of documents is verified once. The slow parts (verifying, fetching a
file, opening a token) are called by the window from its worker threads.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import logging
import shutil
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from eoffice_client.core.app.context import AppContext
from eoffice_client.core.app.types import SignatureState
from eoffice_client.core.documents.pdf_box import PdfBox
from eoffice_client.core.documents.signing_keys import CertificateInfo, KeySource, Pkcs11Key
from eoffice_client.core.documents.signing_pkcs11 import TokenInfo, TokenLibrary
from eoffice_client.core.errors import ClientError, NotAllowedError, UnknownIdError
from eoffice_client.core.store import documents
from eoffice_client.core.store import files as stored_files

log = logging.getLogger("eoffice.app.signatures")

SIGNING_DIR = "signing"
SIGNATURE_IMAGE = "chu-ky.png"
SEAL_IMAGE = "con-dau.png"
STATES_FILE = "signature-states.json"
#: The roles whose PDF carries signatures, the one the badge reads first.
_SIGNED_ROLES = ("final", "signed", "main")

__all__ = [
    "CertificateInfo", "KeySource", "PdfBox", "Pkcs11Key", "SignatureApi", "SignaturePlace",
    "SignatureState", "TokenInfo", "TokenLibrary",
]


@dataclass(frozen=True)
class SignaturePlace:
    """The leader's signature on the preview: the PDF, its last page (0-based) and size
    in points, and the box (PDF points, origin lower left) the signature will take."""

    document_id: str
    subject: str
    pdf: Path
    page: int
    page_width: float
    page_height: float
    box: PdfBox


#: pyHanko's modules for signing, tokens and verification: imported when first needed,
#: not with the core (they take longer to import than the rest of the core)
SIGNING_MODULES = (
    "pyhanko.pdf_utils.reader", "pyhanko.sign.validation", "pyhanko.sign.pkcs11",
    "eoffice_client.core.documents.signing_session",
)


class SignatureApi:
    """``app.signatures``."""

    def __init__(self, context: AppContext) -> None:
        self._context = context
        self._lock = threading.Lock()
        self._states: dict[str, SignatureState] | None = None
        self.modules_loaded = False

    def load_modules(self) -> None:
        """Imports the signing and verifying modules on the calling thread, once.

        Everything here imports them itself when needed; a GUI calls this on its own
        thread before it runs signing or verifying on a worker, because its toolkit's
        import hook (PySide6's) must not run on two threads at once.
        """
        if not self.modules_loaded:
            for name in SIGNING_MODULES:
                importlib.import_module(name)
            self.modules_loaded = True

    # --- keys ----------------------------------------------------------------------------
    def token_libraries(self) -> list[TokenLibrary]:
        """The library of the settings or policy first (installed or not), then the usual
        ones found on this machine."""
        from eoffice_client.core.documents.signing_pkcs11 import find_token_libraries

        found = find_token_libraries()
        chosen = self._context.settings.pkcs11_library.strip()
        if not chosen:
            return found
        mine = TokenLibrary("", Path(chosen), Path(chosen).is_file())
        return [mine, *(lib for lib in found if lib.path != mine.path)]

    def tokens(self, library: Path) -> list[TokenInfo]:
        """The tokens plugged in that ``library`` reaches (8 when it cannot be loaded)."""
        from eoffice_client.core.documents.signing_pkcs11 import list_tokens

        return list_tokens(Path(library))

    def certificates(self, key: Pkcs11Key) -> list[CertificateInfo]:
        """The certificates of the token ``key`` names, read without the PIN."""
        from eoffice_client.core.documents.signing_pkcs11 import list_token_certificates

        return list_token_certificates(key)

    def check_key(self, key: KeySource, secret: Callable[[], str]) -> CertificateInfo:
        """Opens ``key`` once with the secret and closes it: the certificate when it may
        sign now; else the wrong PIN or password, the locked token, the expired
        certificate or the missing signing usage raised (8), nothing else touched."""
        from eoffice_client.core.documents.signing_session import open_signing_session

        with open_signing_session(key, secret) as session:
            return session.certificate

    # --- images --------------------------------------------------------------------------
    def signature_image(self) -> Path | None:
        """The leader's blue signature PNG kept in the profile, None when not set yet."""
        return self._image(SIGNATURE_IMAGE)

    def seal_image(self) -> Path | None:
        """The unit's red seal PNG kept in the profile, None when not set yet."""
        return self._image(SEAL_IMAGE)

    def keep_signature_image(self, source: Path) -> Path:
        return self._keep(Path(source), SIGNATURE_IMAGE)

    def keep_seal_image(self, source: Path) -> Path:
        return self._keep(Path(source), SEAL_IMAGE)

    def _image(self, name: str) -> Path | None:
        path = self._context.profile.root / SIGNING_DIR / name
        return path if path.is_file() else None

    def _keep(self, source: Path, name: str) -> Path:
        """A copy in the profile (a PNG checked by its signature bytes; 9 otherwise)."""
        from eoffice_client.core.errors import InvalidInputError

        try:
            head = source.read_bytes()[:8]
        except OSError:
            raise InvalidInputError("documents.file_missing", path=str(source)) from None
        if head != b"\x89PNG\r\n\x1a\n":
            raise InvalidInputError("signatures.not_png", path=str(source))
        folder = self._context.profile.root / SIGNING_DIR
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        shutil.copyfile(source, target)
        return target

    # --- the preview ---------------------------------------------------------------------
    def leader_place(self, doc_id: str, image: Path | None) -> SignaturePlace:
        """Where the leader's image goes on the ``main`` PDF's last page, as signing will
        place it when the box is not moved (the PDF fetched when it is not here)."""
        from eoffice_client.core.documents.pdf_read import page_count
        from eoffice_client.core.documents.signing_layout import fit_to_image
        from eoffice_client.core.documents.signing_place import find_signer_block

        doc = self._document(doc_id)
        pdf = self._pdf_of(doc_id, doc, "main")
        last = page_count(pdf) - 1
        signer = doc.get("signer") if isinstance(doc.get("signer"), Mapping) else {}
        assert isinstance(signer, Mapping)
        data = pdf.read_bytes()
        block = find_signer_block(data, str(signer.get("full_name") or ""),
                                  str(signer.get("position") or "") or None, last)
        box = fit_to_image(block, _image_ratio(image) if image is not None else None)
        width, height = _page_size(data, last)
        return SignaturePlace(doc_id, str(doc.get("subject") or ""), pdf, last, width,
                              height, box)

    # --- badges --------------------------------------------------------------------------
    def signature_states(self, doc_ids: Sequence[str], *, verify: bool = True
                         ) -> dict[str, SignatureState]:
        """Each document's badge from its newest cached PDF (final, else signed, else
        main): verified once per file hash, never downloading anything. With ``verify``
        False a PDF not verified yet is left out of the answer (the caller may load the
        modules, :meth:`load_modules`, and ask again for what is missing)."""
        states = self._load_states()
        result: dict[str, SignatureState] = {}
        changed = False
        newest = self._newest_pdfs(doc_ids)
        for doc_id in doc_ids:
            sha, name = newest[doc_id]
            if not sha:
                result[doc_id] = SignatureState.UNKNOWN
                continue
            known = states.get(sha)
            if known is None and not verify:
                continue
            if known is None:
                known = self._verify(sha, name)
                if known is not SignatureState.UNKNOWN:
                    with self._lock:
                        states[sha] = known
                    changed = True
            result[doc_id] = known
        if changed:
            self._save_states()
        return result

    def forget_states(self) -> None:
        """Drop the kept results (after the trust store changed)."""
        with self._lock:
            self._states = {}
        self._save_states()

    def _verify(self, sha: str, name: str) -> SignatureState:
        from eoffice_client.core.app.documents import machine_trust_dir
        from eoffice_client.core.documents.verify import verify_pdf

        try:
            path = self._context.plain_files.plain_path(sha, name)
            report = verify_pdf(path, trust_folders=[self._context.profile.root / "trust",
                                                     machine_trust_dir()])
        except ClientError as exc:
            log.info("badge of %s not known: %s", sha[:12], exc.key)
            return SignatureState.UNKNOWN
        signatures = [s for s in report.signatures if s.kind == "signature"]
        if not signatures:
            return SignatureState.NONE
        if not all(s.intact for s in report.signatures):
            return SignatureState.BROKEN
        return (SignatureState.VALID if all(s.trusted for s in signatures)
                else SignatureState.UNTRUSTED)

    def _newest_pdfs(self, doc_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Each document's newest cached PDF of the first role it has one of (final,
        else signed, else main) as (SHA-256, name); ("", "") when that one is not
        cached or there is none."""
        with self._context.store.read() as conn:
            found = stored_files.pdf_attachments(conn, doc_ids, _SIGNED_ROLES)
        newest: dict[str, tuple[str, str]] = {}
        for doc_id in doc_ids:
            pdfs = found.get(doc_id, [])
            role = next((r for r in _SIGNED_ROLES if any(p.role == r for p in pdfs)), None)
            newest[doc_id] = ("", "")
            if role is not None:
                chosen = max((p for p in pdfs if p.role == role), key=lambda p: p.uploaded_at)
                if chosen.sha256 and self._context.files.has(chosen.sha256):
                    newest[doc_id] = (chosen.sha256, chosen.file_name)
        return newest

    def _states_path(self) -> Path:
        return self._context.profile.root / SIGNING_DIR / STATES_FILE

    def _load_states(self) -> dict[str, SignatureState]:
        with self._lock:
            if self._states is None:
                self._states = {}
                try:
                    raw = json.loads(self._states_path().read_text("utf-8"))
                    self._states = {str(k): SignatureState(v) for k, v in raw.items()}
                except (OSError, ValueError, AttributeError):
                    pass  # none kept yet, or unreadable: verified again
            return self._states

    def _save_states(self) -> None:
        with self._lock:
            states = {k: v.value for k, v in (self._states or {}).items()}
        path = self._states_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(states), "utf-8")
            tmp.replace(path)
        except OSError as exc:
            log.warning("signature states not kept: %s", exc.strerror)

    # --- reading ---------------------------------------------------------------------------
    def _document(self, doc_id: str) -> dict[str, object]:
        with self._context.store.read() as conn:
            doc = documents.get_document(conn, doc_id)
        if doc is None:
            raise UnknownIdError("cli.unknown_document", id=doc_id)
        return doc

    def _pdf_of(self, doc_id: str, doc: Mapping[str, object], role: str) -> Path:
        found = [a for a in doc.get("attachments") or []  # type: ignore[attr-defined]
                 if isinstance(a, Mapping) and a.get("role") == role]
        if len(found) != 1:
            raise NotAllowedError("chain.attachment_count", id=doc_id, role=role,
                                  count=len(found))
        attachment = found[0]
        sha = str(attachment.get("sha256") or "")
        name = str(attachment.get("file_name") or "")
        if not self._context.files.has(sha):
            from eoffice_client.core.app.sync import SyncApi

            SyncApi(self._context).fetch_file(str(attachment.get("id")))
        return self._context.plain_files.plain_path(sha, name)


def _image_ratio(image: Path) -> float | None:
    from PIL import Image

    try:
        with Image.open(image) as img:
            return img.width / img.height if img.height else None
    except OSError:
        return None


def _page_size(data: bytes, page: int) -> tuple[float, float]:
    import io

    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(data)).pages[page].mediabox
    return float(box.width), float(box.height)


def certificate_problem(info: CertificateInfo, now: dt.datetime | None = None) -> str | None:
    """Why ``info`` cannot sign now, as a person reads it (None: it can), for the
    chooser to say so before any PIN is typed."""
    from eoffice_client.core.documents.signing_errors import CertificateNotUsableError
    from eoffice_client.core.documents.signing_keys import check_signing_certificate

    try:
        check_signing_certificate(info, now)
    except CertificateNotUsableError as exc:
        return exc.message()
    return None
