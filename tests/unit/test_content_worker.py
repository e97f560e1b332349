"""The extraction process: a file that hangs, kills or bloats its reader is skipped with
its reason, the next file is read by a new reader, and the caller never sees an error."""

from __future__ import annotations

import sys
import time

import pytest

from eoffice_client.core.content.worker import Extractor
from tests.unit.content_children import dying_child, greedy_child, hanging_child
from tests.unit.content_samples import broken_pdf, pages_pdf


def test_the_child_reads_pdfs_and_refuses_broken_ones() -> None:
    with Extractor() as reader:
        good = reader.extract(pages_pdf(["Công văn về Trục liên thông"]))
        bad = reader.extract(broken_pdf())
        empty = reader.extract(b"")
        again = reader.extract(pages_pdf(["Đường tỉnh"]))
    assert good.reason is None and "truc lien thong" in good.words
    assert bad.reason == "documents.pdf_broken" and empty.reason == "documents.pdf_empty"
    assert again.words == "duong tinh"
    assert reader.started == 1, "refused files do not cost a new process"


def test_a_file_that_hangs_its_reader_is_stopped_at_the_deadline() -> None:
    with Extractor(max_seconds=0.5, child=hanging_child) as reader:
        reader.deadline_s = 1.0
        started = time.monotonic()
        hung = reader.extract(b"hang forever")
        took = time.monotonic() - started
        after = reader.extract(b"%PDF- next")
    assert hung.reason == "content.timeout" and took < 10
    assert after.reason is None and after.words == "fine words"
    assert reader.restarts == 1


def test_a_reader_that_dies_skips_that_file_only() -> None:
    with Extractor(child=dying_child) as reader:
        died = reader.extract(b"die now")
        after = reader.extract(b"%PDF- next")
    assert died.reason == "content.crashed"
    assert after.words == "fine words"


@pytest.mark.skipif(sys.platform == "win32", reason="the memory bound is POSIX rlimit")
def test_a_file_needing_too_much_memory_is_skipped_as_too_big() -> None:
    with Extractor(child=greedy_child, memory_limit=512 * 1024 * 1024) as reader:
        greedy = reader.extract(b"%PDF-greedy")
        after = reader.extract(pages_pdf(["Sau đó"]))
    assert greedy.reason == "content.too_big"
    assert after.words == "sau do"


def test_a_file_over_the_size_bound_is_not_sent() -> None:
    with Extractor(max_bytes=100) as reader:
        assert reader.extract(b"%PDF-" + b"0" * 200).reason == "content.too_big"
        assert reader.restarts == 0
