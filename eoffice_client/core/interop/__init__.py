"""edXML (QCVN 102:2016) exchange with other agencies: import, export, status messages.

Public API (no Qt): :func:`read_edxml` -> :class:`EdxmlDocument` | :class:`EdxmlStatus`
(raises :class:`EdxmlError`, exit 9); :func:`export_issued` / :func:`export_document`;
:func:`export_status`; :func:`match_status`; :func:`exchange_context`.
"""

from eoffice_client.core.interop.edxml_export import (
    OrgCodes,
    check_status_code,
    export_document,
    export_status,
)
from eoffice_client.core.interop.edxml_import import Catalogue, describe_unmapped, read_edxml
from eoffice_client.core.interop.edxml_status import match_status, status_summary
from eoffice_client.core.interop.exchange import ExchangeContext, exchange_context, export_issued
from eoffice_client.core.interop.model import (
    BusinessKind,
    EdxmlDocument,
    EdxmlStatus,
    ExportResult,
    ImportedAttachment,
    IncomingDraft,
    Organisation,
    OutgoingFile,
    ResponseRef,
    Signer,
    StaffInfo,
    Unmapped,
)
from eoffice_client.core.interop.safexml import EdxmlError, EdxmlLimits

__all__ = [
    "BusinessKind", "Catalogue", "EdxmlDocument", "EdxmlError", "EdxmlLimits", "EdxmlStatus",
    "ExchangeContext", "ExportResult", "ImportedAttachment", "IncomingDraft", "OrgCodes",
    "Organisation", "OutgoingFile", "ResponseRef", "Signer", "StaffInfo", "Unmapped",
    "check_status_code", "describe_unmapped", "exchange_context", "export_document",
    "export_issued", "export_status", "match_status", "read_edxml", "status_summary",
]
