"""edXML against the local cache: what the application API calls (read-only on the store).

    with store.read() as conn:
        context = exchange_context(conn)
    result = read_edxml(path, catalogue=context.catalogue)          # import
    export_issued(doc, out, context=context, locate=file_cache_path)  # edxml export
    export_status(doc, "03", out, sender=context.sender, org_codes=context.org_codes(),
                  staff=context.staff)                              # edxml status

``locate`` maps a file's sha256 to its path in the profile's file cache (or None when the
file was not fetched); the sync's FileCache provides it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from eoffice_client.core.domain.doctypes import document_type
from eoffice_client.core.errors import InvalidInputError
from eoffice_client.core.interop.edxml_export import OrgCodes, export_document
from eoffice_client.core.interop.edxml_import import Catalogue
from eoffice_client.core.interop.model import ExportResult, Organisation, OutgoingFile, StaffInfo
from eoffice_client.core.store.directory import get_catalog, get_unit
from eoffice_client.core.store.documents import get_me
from eoffice_client.core.store.meta import get_meta

ORGANIZATION_KEY = "organization"


@dataclass(frozen=True)
class ExchangeContext:
    sender: Organisation  # this organisation, by its edXML code
    staff: StaffInfo  # the cache's user (văn thư) as edXML StaffInfo
    catalog: Mapping[str, Any] = field(default_factory=dict)

    @property
    def catalogue(self) -> Catalogue:
        return Catalogue.from_catalog(self.catalog)

    def org_codes(self) -> OrgCodes:
        """A fresh code table (it collects the warnings of one export)."""
        return OrgCodes.from_catalog(self.catalog)

    def type_name(self, type_code: str) -> str:
        for item in self.catalog.get("document_types") or []:
            if item.get("code") == type_code:
                return str(item.get("name") or type_code)
        known = document_type(type_code)
        return known.name if known else type_code


def exchange_context(conn: Connection) -> ExchangeContext:
    catalog = get_catalog(conn) or {}
    organisation = get_meta(conn, ORGANIZATION_KEY)
    org = organisation if isinstance(organisation, dict) else {}
    org_id = str(org.get("org_id") or "")
    code = next((str(o.get("edxml_code")) for o in catalog.get("organizations") or []
                 if o.get("id") == org_id and o.get("edxml_code")), org_id)
    me = get_me(conn) or {}
    unit = get_unit(conn, str(me.get("unit_id"))) if me.get("unit_id") else None
    return ExchangeContext(
        sender=Organisation(code, str(org.get("org_name") or "")),
        staff=StaffInfo(department=str((unit or {}).get("name") or ""),
                        staff=str(me.get("full_name") or "")),
        catalog=catalog)


def export_issued(doc: Mapping[str, Any], out: Path, *, context: ExchangeContext,
                  locate: Callable[[str], Path | None], now: dt.datetime | None = None
                  ) -> ExportResult:
    """The issued document ``doc`` as edXML: its last ``final`` PDF, then its appendices
    whose files are cached (exit 7 when not issued, 9 when the final PDF is not here)."""
    files: list[OutgoingFile] = []
    attachments = list(doc.get("attachments") or [])
    final = [a for a in attachments if a.get("role") == "final"]
    if final:
        path = locate(str(final[-1].get("sha256") or ""))
        if path is None:
            raise InvalidInputError("interop.no_final_pdf")
        files.append(_file(final[-1], path))
    for item in attachments:
        if item.get("role") == "appendix":
            path = locate(str(item.get("sha256") or ""))
            if path is not None:
                files.append(_file(item, path))
    return export_document(doc, files, out, sender=context.sender,
                           org_codes=context.org_codes(),
                           type_name=context.type_name(str(doc.get("type_code") or "")),
                           staff=context.staff, now=now)


def _file(attachment: Mapping[str, Any], path: Path) -> OutgoingFile:
    return OutgoingFile(str(attachment.get("file_name") or path.name),
                        str(attachment.get("content_type") or "application/pdf"), str(path))
