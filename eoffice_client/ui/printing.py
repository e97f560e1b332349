"""Printing (QtPrintSupport): a document, its phiếu xử lý (processing slip), and a list."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from eoffice_client.core.app.records import AssignmentInfo, Directory, DocumentDetail
from eoffice_client.core.app.types import Row
from eoffice_client.core.domain.enums import (
    ASSIGNMENT_ROLE_LABELS,
    COMMENT_KIND_LABELS,
    STATUS_LABELS,
    URGENCY_LABELS,
    label,
)
from eoffice_client.ui import display
from eoffice_client.ui.document_view import action_name
from eoffice_client.ui.table_model import format_date

STYLE = (
    "body{font-family:'Times New Roman','DejaVu Serif',serif;font-size:12pt}"
    "table{border-collapse:collapse}td,th{border:1px solid #444;padding:3px 5px;"
    "vertical-align:top}th{background:#eee}h2{text-align:center}"
)

translate = QCoreApplication.translate


def _e(value: Any) -> str:
    return html.escape(str(value or ""))


def _pairs(rows: Sequence[tuple[str, str]]) -> str:
    return (
        "<table width='100%'>"
        + "".join(
            f"<tr><th align='left' width='30%'>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows
        )
        + "</table>"
    )


def document_html(doc: DocumentDetail, directory: Directory, lang: str) -> str:
    rows = [
        (translate("Printing", "Number/notation"), doc.code),
        (translate("Printing", "Type"), directory.type_name(doc.type_code)),
        (translate("Printing", "Issuer"), doc.issuer_name),
        (translate("Printing", "Issued on"), format_date(doc.issued_date)),
        (translate("Printing", "Arrival number"), str(doc.arrival_number or "")),
        (translate("Printing", "Arrived on"), format_date(doc.arrival_date)),
        (translate("Printing", "Urgency"), label(URGENCY_LABELS, doc.urgency, lang)),
        (translate("Printing", "Due"), format_date(doc.due_date)),
        (translate("Printing", "Status"), label(STATUS_LABELS, doc.status, lang)),
        (translate("Printing", "Files"), ", ".join(a.file_name for a in doc.attachments)),
    ]
    return (
        f"<html><head><style>{STYLE}</style></head><body>"
        f"<h2>{_e(doc.subject)}</h2>{_pairs(rows)}</body></html>"
    )


def slip_html(doc: DocumentDetail, directory: Directory, lang: str) -> str:
    """Phiếu xử lý văn bản: the document, its assignments, directives and what was done."""
    head = _pairs(
        [
            (translate("Printing", "Number/notation"), doc.code),
            (translate("Printing", "Issuer"), doc.issuer_name),
            (translate("Printing", "Arrival number"), str(doc.arrival_number or "")),
            (translate("Printing", "Subject"), doc.subject),
            (translate("Printing", "Due"), format_date(doc.due_date)),
        ]
    )
    assignments = "".join(
        f"<tr><td>{_e(label(ASSIGNMENT_ROLE_LABELS, a.role, lang))}</td>"
        f"<td>{_e(_assignee(directory, a))}</td>"
        f"<td>{_e(format_date(a.due_date))}</td></tr>"
        for a in doc.assignments
    )
    comments = "".join(
        f"<tr><td>{_e(label(COMMENT_KIND_LABELS, c.kind, lang))}</td>"
        f"<td>{_e(display.person(directory, c.author_id))}</td>"
        f"<td>{_e(c.text)}</td></tr>"
        for c in doc.comments
    )
    history = "".join(
        f"<tr><td>{_e(display.when(h.at))}</td>"
        f"<td>{_e(display.person(directory, h.actor_id))}</td>"
        f"<td>{_e(action_name(h.action))}</td>"
        f"<td>{_e(display.history_detail(directory, h.action, h.detail))}</td></tr>"
        for h in doc.history
    )
    title = _e(translate("Printing", "DOCUMENT PROCESSING SLIP"))
    t_assign = _e(translate("Printing", "Assignments"))
    t_role = _e(translate("Printing", "Role"))
    t_who = _e(translate("Printing", "Person or unit"))
    t_due = _e(translate("Printing", "Due"))
    t_comments = _e(translate("Printing", "Directives and comments"))
    t_kind = _e(translate("Printing", "Kind"))
    t_by = _e(translate("Printing", "By"))
    t_text = _e(translate("Printing", "Text"))
    t_history = _e(translate("Printing", "History"))
    t_date = _e(translate("Printing", "Time"))
    t_action = _e(translate("Printing", "Action"))
    t_detail = _e(translate("Printing", "Detail"))
    return (
        f"<html><head><style>{STYLE}</style></head><body><h2>{title}</h2>{head}"
        f"<h3>{t_assign}</h3><table width='100%'><tr><th>{t_role}</th><th>{t_who}</th>"
        f"<th>{t_due}</th></tr>{assignments}</table>"
        f"<h3>{t_comments}</h3><table width='100%'><tr><th>{t_kind}</th><th>{t_by}</th>"
        f"<th>{t_text}</th></tr>{comments}</table>"
        f"<h3>{t_history}</h3><table width='100%'><tr><th>{t_date}</th><th>{t_by}</th>"
        f"<th>{t_action}</th><th>{t_detail}</th></tr>{history}</table></body></html>"
    )


def _assignee(directory: Directory, assignment: AssignmentInfo) -> str:
    if assignment.assignee_type == "unit":
        return display.unit(directory, assignment.assignee_id)
    return display.person(directory, assignment.assignee_id)


def list_html(title: str, rows: Sequence[Row], lang: str) -> str:
    body = "".join(
        f"<tr><td>{i}</td><td>{_e(r.code)}</td><td>{_e(r.subject)}</td><td>{_e(r.issuer)}</td>"
        f"<td>{_e(format_date(r.date))}</td><td>{_e(format_date(r.due_date))}</td>"
        f"<td>{_e(label(STATUS_LABELS, r.status, lang))}</td></tr>"
        for i, r in enumerate(rows, 1)
    )
    header = "".join(
        f"<th>{_e(h)}</th>"
        for h in (
            translate("Printing", "No."),
            translate("Printing", "Number/notation"),
            translate("Printing", "Subject"),
            translate("Printing", "Issuer"),
            translate("Printing", "Date"),
            translate("Printing", "Due"),
            translate("Printing", "Status"),
        )
    )
    return (
        f"<html><head><style>{STYLE}</style></head><body><h2>{_e(title)}</h2>"
        f"<table width='100%'><tr>{header}</tr>{body}</table></body></html>"
    )


def make_printer(pdf_path: Path | None = None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(30, 20, 15, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    if pdf_path is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf_path))
    return printer


def print_html(markup: str, parent: QWidget | None = None, pdf_path: Path | None = None) -> bool:
    """Prints through the print dialog, or straight into ``pdf_path`` (tests, 'save as PDF')."""
    printer = make_printer(pdf_path)
    if pdf_path is None:
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
    document = QTextDocument()
    document.setHtml(markup)
    document.print_(printer)
    return True
