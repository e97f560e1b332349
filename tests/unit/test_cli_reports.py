"""``export-register`` and ``report`` through ``eoffice_client.cli.main`` on a filled cache:
files openpyxl and python-docx read back, what is printed, exit codes; and the dashboard
through the application API."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx import Document

from eoffice_client.config import Profile
from eoffice_client.core.app.application import App
from eoffice_client.core.errors import ExitCode
from tests.unit.cli_sample_profile import (  # noqa: F401  (fixtures)
    DATA,
    DOCS,
    run,
    sample_cache_fixture,
    sample_profile_fixture,
)

START, END = dt.date(2025, 6, 1), dt.date(2026, 3, 31)
PERIOD = ("--from", START.isoformat(), "--to", END.isoformat())


def in_period(value: object) -> bool:
    return isinstance(value, str) and START <= dt.date.fromisoformat(value[:10]) <= END


def registered_incoming(doc: dict[str, Any]) -> bool:
    """Decree 30: the incoming register holds the documents given an arrival number
    (số đến), by their arrival date (ngày đến)."""
    return (doc["direction"] == "incoming" and doc.get("arrival_number") is not None
            and in_period(doc.get("arrival_date")))


def numbered_outgoing(doc: dict[str, Any]) -> bool:
    """...and the outgoing register the numbered outgoing and internal ones, by their date."""
    return (doc["direction"] in ("outgoing", "internal") and doc.get("code_number") is not None
            and in_period(doc.get("issued_date")))


def data_rows(path: Path) -> list[tuple[Any, ...]]:
    """The register's rows: after its numbered column line "(1) (2) ...", before the line
    of the total ("Tổng số: N văn bản.")."""
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row[0] == "(1)") + 1
    total = next(i for i, row in enumerate(rows) if str(row[0]).startswith("Tổng số:"))
    return [row for row in rows[start:total] if any(cell is not None for cell in row)]


def printed_received(text: str) -> int:
    found = re.search(r": (\d+) văn bản đến", text)
    assert found, text
    return int(found.group(1))


def printed_count(text: str) -> int:
    found = re.search(r"\((\d+) văn bản\)", text)
    assert found, text
    return int(found.group(1))


@pytest.mark.parametrize(("kind", "belongs"), [("incoming", registered_incoming),
                                               ("outgoing", numbered_outgoing)])
def test_export_register_xlsx(sample_profile: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str], kind: str,
                              belongs: Any) -> None:
    out = tmp_path / f"sổ {kind}.xlsx"
    assert run(sample_profile, "export-register", "--kind", kind, *PERIOD, "--format", "xlsx",
               "--out", str(out)) == ExitCode.OK
    expected = [doc for doc in DOCS if belongs(doc)]
    assert expected, "the sample has documents for this register"
    rows = data_rows(out)
    assert printed_count(capsys.readouterr().out) == len(rows) == len(expected)
    texts = " ".join(str(cell) for row in rows for cell in row if cell is not None)
    for doc in expected:
        assert doc["subject"] in texts


def test_export_register_docx_and_one_register(sample_profile: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    register = next(r for r in DATA.catalog["registers"] if r["direction"] == "incoming"
                    and any(d.get("register_id") == r["id"] and registered_incoming(d)
                            for d in DOCS))
    out = tmp_path / "so-theo-doi.docx"
    assert run(sample_profile, "export-register", "--kind", "tracking", "--register",
               register["id"], *PERIOD, "--format", "docx", "--out", str(out)) == ExitCode.OK
    count = printed_count(capsys.readouterr().out)
    assert count == sum(1 for d in DOCS if registered_incoming(d)
                        and d.get("register_id") == register["id"])
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN" in text.upper()
    assert document.tables and len(document.tables[0].rows) > count


def test_report_xlsx_and_one_unit(sample_profile: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bao-cao.xlsx"
    assert run(sample_profile, "report", *PERIOD, "--format", "xlsx", "--out",
               str(out)) == ExitCode.OK
    received = printed_received(capsys.readouterr().out)
    book = openpyxl.load_workbook(out)
    assert [sheet.title for sheet in book.worksheets] == ["Tổng hợp", "Theo đơn vị",
                                                         "Theo cá nhân"]
    summary = {row[1]: row[2] for row in book.worksheets[0].iter_rows(values_only=True)
               if len(row) > 2}
    assert summary["Văn bản đến đã nhận"] == received > 0
    unit = DATA.units[1]
    whole = received
    assert run(sample_profile, "report", *PERIOD, "--unit", unit["id"], "--format", "docx",
               "--out", str(tmp_path / "don-vi.docx")) == ExitCode.OK
    assert printed_received(capsys.readouterr().out) <= whole
    assert unit["name"] in "\n".join(p.text for p in Document(str(tmp_path / "don-vi.docx"))
                                     .paragraphs)


@pytest.mark.parametrize(("args", "code", "words"), [
    (("export-register", "--kind", "incoming", "--from", "2026-13-01", "--to", "2026-03-31",
      "--format", "xlsx"), ExitCode.INVALID_INPUT, "2026-13-01"),
    (("export-register", "--kind", "incoming", "--from", "2026-03-31", "--to", "2026-03-01",
      "--format", "xlsx"), ExitCode.INVALID_INPUT, "2026-03-31"),
    (("export-register", "--kind", "incoming", *PERIOD, "--format", "pdf"),
     ExitCode.INVALID_INPUT, "pdf"),
    (("export-register", "--kind", "den", *PERIOD, "--format", "xlsx"),
     ExitCode.INVALID_INPUT, "den"),
    (("export-register", "--kind", "incoming", "--register", "khong-co", *PERIOD, "--format",
      "xlsx"), ExitCode.INVALID_INPUT, "khong-co"),
    (("export-register", "--kind", "incoming", "--format", "xlsx"), ExitCode.USAGE, "--from"),
    (("report", *PERIOD, "--unit", "khong-co", "--format", "xlsx"), ExitCode.INVALID_INPUT,
     "khong-co"),
    (("report", "--from", "hôm qua", "--to", "2026-03-01", "--format", "docx"),
     ExitCode.INVALID_INPUT, "hôm qua"),
])
def test_bad_values_write_nothing(sample_profile: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str], args: tuple[str, ...],
                                  code: int, words: str) -> None:
    out = tmp_path / "out.xlsx"
    assert run(sample_profile, *args, "--out", str(out)) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err, err
    assert not out.exists()


def test_an_unwritable_output_is_said(sample_profile: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "không có thư mục" / "so.xlsx"
    assert run(sample_profile, "export-register", "--kind", "outgoing", *PERIOD, "--format",
               "xlsx", "--out", str(out)) == ExitCode.INVALID_INPUT
    assert "không có thư mục" in capsys.readouterr().err


def test_dashboard_through_the_api(sample_profile: Path) -> None:
    with App(Profile(sample_profile)) as app:
        counts = app.reads.box_counts()
        board = app.reports.dashboard()
        cards = app.reports.dashboard(charts=False)
    assert board.to_sign == counts["to-sign"].total
    assert board.to_process == counts["to-process"].total > 0
    assert board.overdue == cards.overdue == counts["overdue"].total
    assert board.weekly_intake and not cards.weekly_intake
