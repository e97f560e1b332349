"""Registers and the report printed to PDF by LibreOffice: A4 landscape, no column lost."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from eoffice_client.core.documents.convert import libreoffice_profile
from eoffice_client.core.reports.exports import report_layout, write_layout
from eoffice_client.core.reports.model import OutputFormat, Period, RegisterKind, ReportNames
from eoffice_client.core.reports.processing import compute_report
from eoffice_client.core.reports.registers import Replies, build_register
from eoffice_client.sandbox.sample_data import generate
from tests.unit.reports_sample import ORG_NAME, TODAY

LAST_HEADER = {RegisterKind.INCOMING: "Ghi chú", RegisterKind.OUTGOING: "Ghi chú",
               RegisterKind.TRACKING: "Ghi chú"}
FIRST_HEADER = {RegisterKind.INCOMING: "Ngày đến", RegisterKind.OUTGOING: "Số, ký hiệu",
                RegisterKind.TRACKING: "Số đến"}
A4_LANDSCAPE = (841.89, 595.28)  # points


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui"
    return found


def to_pdf(files: list[Path], out_dir: Path, profile: Path) -> None:
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(out_dir), *map(str, files)],
        check=True, capture_output=True, timeout=240, env={**os.environ, "HOME": str(profile)})


def pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return [p for p in text.split("\f") if p.strip()]


def page_size(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    line = next(x for x in info.splitlines() if x.startswith("Page size:"))
    width, _, height = line.split(":", 1)[1].split()[:3]
    return float(width), float(height)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every register and the report, as .xlsx and .docx, from 300 sample documents."""
    folder = tmp_path_factory.mktemp("print")
    data = generate(300, 3, TODAY)
    docs = list(data.iter_documents())
    directory = ReportNames.from_objects(users=data.users, units=data.units,
                                       catalog=data.catalog, organisation_name=ORG_NAME,
                                       viewer_name="Hoàng Thị Thu Hà")
    period = Period(TODAY - dt.timedelta(days=400), TODAY)
    layouts = {kind.value: build_register(kind, docs, directory, period,
                                          replies=Replies.from_documents(docs), today=TODAY)
               for kind in RegisterKind}
    layouts["report"] = report_layout(
        compute_report(docs, directory, period, today=TODAY), directory)
    sources = []
    for name, layout in layouts.items():
        assert layout.sections[0].table.rows, name  # the sample fills every register
        for fmt in OutputFormat:
            path = folder / f"{name}-{fmt.value}.{fmt.value}"
            write_layout(layout, path, fmt)
            sources.append(path)
    # printed as the app prints: a LibreOffice profile that has the shipped fonts, so the
    # result does not depend on the fonts this machine happens to have
    to_pdf(sources, folder, libreoffice_profile(folder / "lo"))
    return {p.stem: p for p in folder.glob("*.pdf")}


@pytest.mark.slow
@pytest.mark.parametrize("fmt", [f.value for f in OutputFormat])
@pytest.mark.parametrize("kind", list(RegisterKind))
def test_every_page_is_a4_landscape_with_all_columns(printed: dict[str, Path],
                                                     kind: RegisterKind, fmt: str) -> None:
    pdf = printed[f"{kind.value}-{fmt}"]
    width, height = page_size(pdf)
    assert (round(width), round(height)) == tuple(round(v) for v in A4_LANDSCAPE)
    texts = [t for t in pages(pdf) if not t.strip().startswith("Tổng số:")]  # the last line
    assert len(texts) >= 2, "the sample should need more than one page"
    for number, text in enumerate(texts, start=1):
        # the header repeats on every page, and its last column is on the page
        assert FIRST_HEADER[kind] in text, f"page {number}: no header"
        assert LAST_HEADER[kind] in text, f"page {number}: last column off the page"
    assert "(9)" in texts[0] or kind != RegisterKind.INCOMING
    assert "(10)" in texts[0] or kind != RegisterKind.OUTGOING


@pytest.mark.slow
@pytest.mark.parametrize("fmt", [f.value for f in OutputFormat])
def test_report_prints_its_coverage_and_tables(printed: dict[str, Path], fmt: str) -> None:
    text = "\n".join(pages(printed[f"report-{fmt}"]))
    assert "BÁO CÁO TÌNH HÌNH XỬ LÝ VĂN BẢN ĐẾN" in text
    assert "Theo dữ liệu trên máy của Hoàng Thị Thu Hà" in text
    for header in ("Chỉ tiêu", "Văn bản đến đã nhận", "Đơn vị", "Người xử lý", "STT"):
        assert header in text
