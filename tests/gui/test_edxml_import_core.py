"""``App.interop.preview_edxml`` (no Qt): it reads and maps a file and queues nothing;
``register_edxml`` queues what was previewed, as ``import_edxml`` does; a hostile or
broken file is refused (exit 9) naming the file and what is wrong, and nothing changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eoffice_client.core.app.application import App
from eoffice_client.core.errors import ClientError, ExitCode
from tests.gui.conftest import sandbox, sandbox_factory
from tests.gui.dash_support import apps
from tests.unit import edxml_samples

__all__ = ["apps", "sandbox", "sandbox_factory"]


@pytest.fixture
def clerk(sandbox_factory: Callable[..., Any], apps: Callable[[Any, str], App]) -> App:
    return apps(sandbox_factory(documents=20, seed=3), "vanthu")


def test_preview_queues_nothing_and_register_queues_it(clerk: App, tmp_path: Path) -> None:
    source = tmp_path / "van-ban.edxml"
    source.write_text(edxml_samples.document(), encoding="utf-8")
    preview = clerk.interop.preview_edxml(source)
    assert preview.kind == "document" and preview.notes
    assert clerk.reads.outbox() == []
    result = clerk.interop.register_edxml(preview)
    assert result.kind == "document" and result.attachments == 1
    assert [e.action for e in clerk.reads.outbox()] == ["create", "upload", "upload"]
    doc = clerk.reads.document_json(result.document_id) or {}
    assert doc["direction"] == "incoming" and doc["subject"] == preview.found.draft.subject  # type: ignore[union-attr]


def test_a_status_preview_has_its_summary(clerk: App, tmp_path: Path) -> None:
    source = tmp_path / "trang-thai.edxml"
    source.write_text(edxml_samples.status("05"), encoding="utf-8")
    preview = clerk.interop.preview_edxml(source)
    assert preview.kind == "status" and "05" in preview.summary
    assert clerk.reads.outbox() == []


@pytest.mark.parametrize("text", [
    "<edXML><MessageHeader>",
    '<!DOCTYPE edXML [<!ENTITY s SYSTEM "file:///etc/passwd">]><edXML>&s;</edXML>',
    "<html><body>not edXML</body></html>",
])
def test_a_bad_file_is_refused_naming_it(clerk: App, tmp_path: Path, text: str) -> None:
    source = tmp_path / "gửi nhầm.edxml"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(ClientError) as refused:
        clerk.interop.preview_edxml(source)
    assert refused.value.exit_code == ExitCode.INVALID_INPUT
    assert "gửi nhầm.edxml" in refused.value.message("vi")
    assert clerk.reads.outbox() == []
