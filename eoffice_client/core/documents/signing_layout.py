"""Choosing the box and the field name of a new signature from what the PDF holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eoffice_client.core.documents.pdf_box import PdfBox
from eoffice_client.core.documents.signing_appearance import SignatureRole
from eoffice_client.core.documents.signing_keys import CertificateInfo
from eoffice_client.core.documents.signing_place import (
    LEADER_BOX_WIDTH,
    attachment_text_box,
    fallback_leader_box,
    find_signer_block,
    seal_box,
)

if TYPE_CHECKING:
    from eoffice_client.core.documents.signing import SignRequest

#: Field names by role (ASCII: some tools drop non-ASCII letters from /T).
FIELD_BASE = {
    SignatureRole.LEADER: "ChuKyLanhDao",
    SignatureRole.ORGANISATION: "ChuKyCoQuan",
    SignatureRole.ATTACHMENT: "ChuKyCoQuan",
    SignatureRole.PLAIN: "ChuKy",
}
MAX_IMAGE_WIDTH = LEADER_BOX_WIDTH * 1.5


def _signature_fields(reader):
    from pyhanko.sign.fields import enumerate_sig_fields

    return list(enumerate_sig_fields(reader, filled_status=None))


def empty_field_box(reader, name: str) -> PdfBox | None:  # type: ignore[no-untyped-def]
    """The box of the empty signature field ``name`` (prepared at certification)."""
    from pyhanko.pdf_utils.form_tools import get_single_field_annot

    for field_name, value, ref in _signature_fields(reader):
        if field_name != name or value is not None:
            continue
        widget = get_single_field_annot(ref.get_object())
        rect = [float(v) for v in widget.get("/Rect", [0, 0, 0, 0])]
        x1, x2 = sorted((rect[0], rect[2]))
        y1, y2 = sorted((rect[1], rect[3]))
        return PdfBox(_page_index_of(reader, ref, widget), x1, y1, x2, y2)
    return None


def field_name_for(reader, role: SignatureRole) -> str:  # type: ignore[no-untyped-def]
    """A fresh name for the role, or the empty field prepared for it (the seal's)."""
    fields = _signature_fields(reader)
    taken = {name for name, _value, _ref in fields}
    base = FIELD_BASE[role]
    if any(name == base and value is None for name, value, _ref in fields):
        return base
    if base not in taken:
        return base
    number = 2
    while f"{base}{number}" in taken:
        number += 1
    return f"{base}{number}"


def _idnum(obj) -> int | None:  # type: ignore[no-untyped-def]
    return getattr(obj, "idnum", None)


def _page_index_of(reader, field_ref, widget) -> int:  # type: ignore[no-untyped-def]
    """The page holding ``widget``: its /P, else the page whose /Annots list it."""
    target = _idnum(widget.raw_get("/P")) if "/P" in widget else None
    own = {_idnum(field_ref)} | {_idnum(kid) for kid in
                                 (widget.get("/Kids") or [])} - {None}
    count = int(reader.root["/Pages"]["/Count"])
    for index in range(count - 1, -1, -1):
        page_ref, _resources = reader.find_page_for_modification(index)
        if target is not None and _idnum(page_ref) == target:
            return index
        annots = page_ref.get_object().get("/Annots")
        if annots is not None and any(_idnum(annots.raw_get(i)) in own
                                      for i in range(len(annots))):
            return index
    return count - 1


def leader_widget_box(reader) -> PdfBox | None:  # type: ignore[no-untyped-def]
    """The box of the leader's signature: the field we name so, else the certification
    signature, else the last visible signature."""
    from pyhanko.pdf_utils.form_tools import get_single_field_annot

    candidates: list[tuple[int, int, object, list[float], object]] = []
    for name, value, ref in _signature_fields(reader):
        if value is None:
            continue
        field = ref.get_object()
        widget = get_single_field_annot(field)
        rect = [float(v) for v in widget.get("/Rect", [0, 0, 0, 0])]
        if rect[2] - rect[0] < 1 or rect[3] - rect[1] < 1:
            continue
        is_cert = "/Reference" in value.get_object()
        rank = 2 if name.startswith(FIELD_BASE[SignatureRole.LEADER]) else 1 if is_cert else 0
        candidates.append((rank, len(candidates), widget, rect, ref))
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c[0], c[1]))
    rect = best[3]
    x1, x2 = sorted((rect[0], rect[2]))
    y1, y2 = sorted((rect[1], rect[3]))
    return PdfBox(_page_index_of(reader, best[4], best[2]), x1, y1, x2, y2)


def _image_ratio(image) -> float | None:  # type: ignore[no-untyped-def]
    from PIL import Image

    try:
        with Image.open(image) as img:
            return img.width / img.height if img.height else None
    except OSError:
        return None  # reported when the style loads the image


def fit_to_image(box: PdfBox, ratio: float | None) -> PdfBox:
    """Shrink ``box`` around its centre to the image's aspect ratio, so that "a third
    of the image" and "a third of the box" are the same."""
    if not ratio:
        return box
    width = min(box.height * ratio, MAX_IMAGE_WIDTH)
    height = width / ratio
    cx, cy = (box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2
    return PdfBox(box.page, cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)


def _page_size(reader, index: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    page_ref, _resources = reader.find_page_for_modification(index)
    box = [float(v) for v in page_ref.get_object()["/MediaBox"]]
    return box[2] - box[0], box[3] - box[1]


def choose_box(reader, data: bytes, request: SignRequest,  # type: ignore[no-untyped-def]
               certificate: CertificateInfo) -> PdfBox | None:
    """The explicit box, else the role's Decree-30 place; None = invisible."""
    role = request.role
    if request.box is not None:
        return request.box
    if role is SignatureRole.ATTACHMENT:
        longest = max(len(request.main_document_number or ""), len("2026-01-01T00:00:00+07:00"))
        return attachment_text_box(*_page_size(reader, 0), longest)
    if role is SignatureRole.ORGANISATION:
        prepared = empty_field_box(reader, FIELD_BASE[SignatureRole.ORGANISATION])
        if prepared is not None:
            return prepared
        leader = leader_widget_box(reader)
        if leader is None:
            leader = fallback_leader_box(_page_size(reader, -1)[0], -1)
        return seal_box(leader)
    if role is SignatureRole.PLAIN and request.image is None:
        return None
    page = -1 if request.page is None else request.page
    block = find_signer_block(data, request.signer_name or certificate.holder_name,
                              request.signer_title or certificate.title, page)
    return fit_to_image(block, _image_ratio(request.image) if request.image else None)
