"""Rendering a Decree-30 .docx: the time in the process, against python-docx itself.

    python -m bench.bench_render [--runs 30] [--paragraphs 12]

The subject is a quyết định (header table, căn cứ, articles, closing table) and a công
văn with ``--paragraphs`` body paragraphs. The baseline is a bare python-docx Document
with the same paragraphs' texts added and saved, measured in the same run. Both are
saved to memory. The first render of the process (font metrics read, python-docx's
template parsed) is reported apart from the median of the following runs. Target: both
under 200 ms; exits 1 when missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from eoffice_client.core.documents.content import Article, Decision, DraftContent, Signer

TARGET_MS = 200.0


def _contents(paragraphs: int) -> list[DraftContent]:
    sentence = ("Thực hiện Kế hoạch số 125/KH-UBND ngày 15/6/2025 của Ủy ban nhân dân tỉnh, "
                "các cơ quan, đơn vị khẩn trương triển khai dịch vụ công trực tuyến toàn "
                "trình, báo cáo kết quả trước ngày 20 tháng 02 năm 2026.")
    decision = Decision(
        "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn",
        tuple(f"Căn cứ văn bản số {n}/2025/NĐ-CP của Chính phủ" for n in range(1, 5)),
        tuple(Article(sentence) for _ in range(max(1, paragraphs - 4))))
    decision_content = DraftContent(
        "QD", "Quyết định", "Ủy ban nhân dân tỉnh Lạng Sơn", "QĐ-UBND", "Lạng Sơn",
        "Về việc phê duyệt Kế hoạch", 2026, number=5, date=dt.date(2026, 2, 5),
        decision=decision, signer=Signer("KT", "Phó Chủ tịch", "Nguyễn Văn Định", "Chủ tịch"),
        recipients=("Chủ tịch, các PCT UBND tỉnh", "Cổng thông tin điện tử tỉnh"),
        drafting_unit="KT")
    letter = replace(decision_content, type_code="CV", type_name="Công văn",
                     notation="UBND-KT", subject="V/v chuyển đổi số", number=None, date=None,
                     decision=None, addressees=("Sở Tài chính", "Sở Nội vụ"),
                     body=tuple(sentence for _ in range(paragraphs)), urgency=1)
    return [decision_content, letter]


def _texts(content: DraftContent) -> list[str]:
    """The texts the renderer puts in paragraphs, for the bare baseline."""
    texts = [content.issuer_name, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc", "Số:", content.place, content.subject]
    texts += list(content.body)
    if content.decision is not None:
        texts += list(content.decision.grounds) + [a.text for a in content.decision.articles]
    texts += ["Nơi nhận:", *content.recipients, "- Lưu: VT.", "KT. CHỦ TỊCH", "Nguyễn Văn A"]
    return texts


def _bare(texts: list[str]) -> bytes:
    from docx import Document

    doc = Document()
    for text in texts:
        doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _time_ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_render", description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--paragraphs", type=int, default=12)
    args = parser.parse_args(argv)
    from eoffice_client.core.documents.docx_render import render_docx_bytes

    contents = _contents(args.paragraphs)
    first_ms = _time_ms(partial(render_docx_bytes, contents[0]))
    missed = first_ms > TARGET_MS
    print(f"first render in the process: {first_ms:.1f} ms (target < {TARGET_MS:.0f} ms)")
    for content in contents:
        texts = _texts(content)
        ours = [_time_ms(partial(render_docx_bytes, content)) for _ in range(args.runs)]
        bare = [_time_ms(partial(_bare, texts)) for _ in range(args.runs)]
        ours_ms, bare_ms = statistics.median(ours), statistics.median(bare)
        print(f"{content.type_code}: render median {ours_ms:.1f} ms, max {max(ours):.1f} ms; bare "
              f"python-docx with the same {len(texts)} paragraphs {bare_ms:.1f} ms; "
              f"ratio {ours_ms / bare_ms:.2f}x")
        missed = missed or ours_ms > TARGET_MS
    print("target met" if not missed else "TARGET MISSED")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
