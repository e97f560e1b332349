"""One call for the ``render`` command and the compose window: a contract Document ->
its Decree-30 .docx, and the PDF for approval when asked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from eoffice_client.core.documents.content import DraftContent
from eoffice_client.core.documents.convert import DEFAULT_TIMEOUT_S, ConverterKind, convert_to_pdf
from eoffice_client.core.documents.docx_render import render_docx
from eoffice_client.core.documents.errors import DocumentFileError
from eoffice_client.core.documents.from_document import (
    DraftingDirectory,
    Organization,
    draft_from_document,
)

#: The head's title by the first words of the organisation's name (after KT./TL./TUQ.).
HEAD_TITLES = (
    ("ủy ban nhân dân", "Chủ tịch"), ("uỷ ban nhân dân", "Chủ tịch"),
    ("hội đồng nhân dân", "Chủ tịch"), ("sở ", "Giám đốc"), ("bộ ", "Bộ trưởng"),
    ("văn phòng", "Chánh Văn phòng"), ("ban quản lý", "Trưởng ban"), ("ban ", "Trưởng ban"),
    ("cục ", "Cục trưởng"), ("chi cục", "Chi cục trưởng"), ("trường", "Hiệu trưởng"),
    ("bệnh viện", "Giám đốc"), ("trung tâm", "Giám đốc"), ("thanh tra", "Chánh Thanh tra"),
)


@dataclass(frozen=True)
class RenderResult:
    content: DraftContent
    docx: Path
    pdf: Path | None = None
    converter: ConverterKind | None = None


def head_title_for(name: str) -> str:
    """The title of an organisation's head, from its name: "Sở Tư pháp" -> "Giám đốc"."""
    lowered = name.strip().lower()
    for start, title in HEAD_TITLES:
        if lowered.startswith(start):
            return title
    return "Thủ trưởng"


def organization_from_info(info: Mapping[str, object], place: str = "",
                           parent_name: str = "") -> Organization:
    """The issuing organisation from ``GET /info``'s ``organization`` (org_id, org_name,
    code); ``place`` and ``parent_name`` from settings where the server does not say."""
    name = str(info.get("org_name") or "")
    return Organization(org_id=str(info.get("org_id") or ""), name=name,
                        code=str(info.get("code") or ""), place=place,
                        parent_name=parent_name, head_title=head_title_for(name))


def read_body_file(path: Path) -> str:
    """The body text of ``render --body FILE.txt`` (UTF-8, a BOM allowed)."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DocumentFileError("documents.file_missing", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise DocumentFileError("documents.file_unreadable", path=str(path),
                                detail=detail[:200]) from None


def render_document(document: Mapping[str, object], directory: DraftingDirectory,
                    today: dt.date, out_docx: Path, body_text: str | None = None,
                    out_pdf: Path | None = None,
                    timeout_s: float = DEFAULT_TIMEOUT_S) -> RenderResult:
    """Writes ``document`` as a Decree-30 .docx to ``out_docx`` and, when ``out_pdf`` is
    given, converts it (ConverterMissingError, exit 9, when no converter is installed:
    the .docx is written all the same)."""
    content = draft_from_document(document, directory, today, body_text)
    render_docx(content, out_docx)
    if out_pdf is None:
        return RenderResult(content, out_docx)
    converted = convert_to_pdf(out_docx, out_pdf, timeout_s=timeout_s)
    return RenderResult(content, out_docx, converted.pdf, converted.converter)
