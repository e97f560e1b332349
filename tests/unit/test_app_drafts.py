"""``app.drafts``: a draft saved as a queued create, then as a patch of only what changed,
its body kept locally (and gone with a discard), a quyết định's body split and joined by
the renderer's parser, a broken PDF refused as the main file with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from eoffice_client.config import Profile
from eoffice_client.core.app.application import App
from eoffice_client.core.app.drafts import DraftInput, decision_parts, decision_text
from eoffice_client.core.errors import ClientError, InvalidInputError, NotAllowedError
from tests.unit.cli_sample_profile import (  # noqa: F401  (fixtures)
    DOCS,
    sample_cache_fixture,
    sample_profile_fixture,
)

SUBJECT = "Về việc tổng kết công tác chuyển đổi số năm 2026"
BODY = "Thực hiện Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh.\nĐề nghị các đơn vị báo cáo."


def draft(**fields: object) -> DraftInput:
    return DraftInput("outgoing", "CV", SUBJECT, {"urgency": 1, **fields}, BODY)


def test_a_draft_is_created_then_patched_with_only_what_changed(sample_profile: Path) -> None:
    with App(Profile(sample_profile)) as app:
        saved = app.drafts.save(None, draft(copies=3))
        assert saved.created
        doc = app.reads.require_document(saved.document_id)
        assert (doc.status, doc.subject, doc.urgency, doc.copies) == ("draft", SUBJECT, 1, 3)
        assert app.drafts.body(saved.document_id) == BODY
        assert app.drafts.editable(saved.document_id)
        again = app.drafts.save(saved.document_id, DraftInput(
            "outgoing", "CV", SUBJECT, {"urgency": 2, "copies": 3, "due_date": None},
            BODY + "\nTrân trọng."))
        assert again.patched == ("urgency",)
        assert app.reads.require_document(saved.document_id).urgency == 2
        assert app.drafts.body(saved.document_id).endswith("Trân trọng.")
        kinds = [e.kind for e in app.reads.outbox() if e.document_id == saved.document_id]
        assert kinds == ["create", "patch"]
        unchanged = app.drafts.save(saved.document_id, DraftInput(
            "outgoing", "CV", SUBJECT, {"urgency": 2, "copies": 3}, BODY))
        assert unchanged.patched == ()
        app.drafts.discard(saved.document_id)
        assert app.drafts.body(saved.document_id) == ""
        assert not app.drafts.editable(saved.document_id)


def test_bad_input_saves_nothing(sample_profile: Path) -> None:
    with App(Profile(sample_profile)) as app:
        before = len(app.reads.outbox())
        with pytest.raises(InvalidInputError) as empty:
            app.drafts.save(None, DraftInput("outgoing", "CV", "   ", {}, BODY))
        assert "subject" in empty.value.message("vi")
        with pytest.raises(InvalidInputError):
            app.drafts.save(None, DraftInput("incoming", "CV", SUBJECT, {}, BODY))
        assert len(app.reads.outbox()) == before


def test_another_persons_document_is_not_editable(sample_profile: Path) -> None:
    theirs = next(d for d in DOCS if d["direction"] == "outgoing"
                  and d["status"] == "in_review")
    with App(Profile(sample_profile)) as app:
        assert not app.drafts.editable(theirs["id"])
        with pytest.raises(NotAllowedError) as refused:
            app.drafts.save(theirs["id"], DraftInput("outgoing", theirs["type_code"],
                                                     SUBJECT, {}, ""))
        assert "người soạn" in refused.value.message("vi")


def test_a_broken_pdf_is_refused_as_the_main_file(sample_profile: Path, tmp_path: Path) -> None:
    broken = tmp_path / "du-thao.pdf"
    broken.write_bytes(b"not a pdf at all")
    with App(Profile(sample_profile)) as app:
        saved = app.drafts.save(None, draft())
        with pytest.raises(ClientError) as refused:
            app.drafts.attach_main(saved.document_id, broken)
        assert int(refused.value.exit_code) == 9
        assert "du-thao.pdf" in refused.value.message("vi")
        assert "không phải tệp PDF" in refused.value.message("vi")
        assert app.drafts.pending_files(saved.document_id) == 0


def test_a_decision_body_goes_there_and_back() -> None:
    grounds = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
               "Theo đề nghị của Giám đốc Sở Nội vụ."]
    articles = [["Ban hành kèm theo Quyết định này Quy chế làm việc."],
                ["Điều 2. Quyết định này có hiệu lực từ ngày ký.", "Bãi bỏ quy chế cũ."]]
    text = decision_text(grounds, articles)
    assert "Điều 1. Ban hành" in text and "Điều 2. Quyết định này" in text
    assert "Điều 2. Điều 2." not in text
    parts = decision_parts(text)
    assert parts.grounds == tuple(grounds)
    assert parts.articles == (("Ban hành kèm theo Quyết định này Quy chế làm việc.",),
                              ("Quyết định này có hiệu lực từ ngày ký.", "Bãi bỏ quy chế cũ."))
    assert decision_parts("Chỉ một đoạn.").grounds == ("Chỉ một đoạn.",)
