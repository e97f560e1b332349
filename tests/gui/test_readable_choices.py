"""Readable choices (issue 10 item 5): the highlighted item of a dropdown is visible, and
the "Trình", forward and assign pickers show each person's title and unit, list only
people who may take the action, find names without diacritics and preselect nobody."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox

from tests.gui.conftest import shoot


def _lightness_range(image: Any, rect: Any) -> tuple[QColor, int]:
    """The background (the commonest colour of the row) and the darkest lightness in it."""
    rect = rect.intersected(image.rect())
    pixels = [image.pixelColor(x, y) for x in range(rect.left(), rect.right())
              for y in range(rect.top() + 1, rect.bottom() - 1)]
    background = Counter(p.rgb() for p in pixels).most_common(1)[0][0]
    return QColor.fromRgb(background), min(p.lightness() for p in pixels)


@pytest.mark.qt_log_ignore("^This plugin does not support grabbing the keyboard$")
def test_the_highlighted_item_of_a_dropdown_is_readable(qtbot: Any) -> None:
    from eoffice_client.ui.app import create_application

    create_application()  # the application's style sheet
    combo = QComboBox()
    qtbot.addWidget(combo)
    for text in ("Thường", "Khẩn", "Thượng khẩn", "Hỏa tốc"):
        combo.addItem(text)
    combo.show()
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    highlighted = combo.model().index(2, 0)
    view.setCurrentIndex(highlighted)
    image = view.viewport().grab().toImage()
    background, ink = _lightness_range(image, view.visualRect(highlighted))
    plain, _ = _lightness_range(image, view.visualRect(combo.model().index(1, 0)))
    assert background.lightness() - ink > 120, (background.name(), ink)  # text on its band
    assert background != plain  # the highlight shows where it is
    shoot(view, "combo-popup-highlight")
    combo.hidePopup()


def _sample(filled_profile: Any, user: str) -> Any:
    from eoffice_client.core.app.application import App

    return App(filled_profile(30, user=user, name=user))


def test_submit_picker_lists_who_may_take_it_with_title_and_unit(filled_profile: Any,
                                                                qtbot: Any) -> None:
    from eoffice_client.ui.actions.params_dialog import ParamsDialog

    client = _sample(filled_profile, "chuyenvien")
    try:
        me, directory = client.session.me(), client.reads.directory()
        draft = {"id": "d1", "direction": "outgoing", "status": "draft",
                 "pending_with": [me.id], "created_by": me.id, "secrecy": 0}
        dialog = ParamsDialog("submit", [draft], me, directory)
        qtbot.addWidget(dialog)
        dialog.show()
        picker = dialog.fields["to_user_id"]
        listed = picker.visible_ids()
        assert listed and all(directory.people[i].has_role("leader") for i in listed)
        assert me.id not in listed
        assert picker.current_id() is None  # nobody preselected
        dialog.accept()
        assert dialog.isVisible() and dialog.error.text()  # choose someone first
        lanhdao = next(u for u in directory.people.values() if u.username == "lanhdao")
        unit_name = directory.units[lanhdao.unit_id].name
        row = next(picker.list.item(r).text() for r in range(picker.list.count())
                   if "Nông Đình Đông" in picker.list.item(r).text())
        assert lanhdao.title in row and unit_name in row
        picker.search.setText("nong dinh dong")  # no diacritics
        assert picker.visible_ids() == [lanhdao.id]
        shoot(dialog, "submit-picker")
        picker.choose(lanhdao.id)
        assert dialog.params()["to_user_id"] == lanhdao.id and not dialog.problems()
    finally:
        client.close()


def test_forward_and_assign_pickers_leave_out_who_cannot_take_it(filled_profile: Any,
                                                                 qtbot: Any) -> None:
    from eoffice_client.ui.actions.assign_dialog import AssignDialog
    from eoffice_client.ui.actions.params_dialog import ParamsDialog

    client = _sample(filled_profile, "lanhdao")
    try:
        me, directory = client.session.me(), client.reads.directory()
        users = list(directory.people.values())
        admin = next(u for u in users if u.username == "quantri")
        doc = {"id": "d2", "direction": "incoming", "status": "assigned",
               "pending_with": [me.id], "secrecy": 0}
        forward = ParamsDialog("forward", [doc], me, directory)
        qtbot.addWidget(forward)
        listed = forward.fields["to_user_id"].visible_ids()
        assert admin.id not in listed and me.id not in listed
        assert any(u.username == "chuyenvien" for u in users if u.id in listed)
        assign = AssignDialog(directory, count=1)
        qtbot.addWidget(assign)
        assign.show()
        people = [c for c in assign.candidates if c[0] == "user"]
        assert admin.id not in {c[1] for c in people}
        assert all(" — " in c[2] for c in people)  # each with title and unit
        assert all(box.currentData() == "" for box in assign.role_boxes)  # nobody chosen
        assign.filter.setText("duc")
        shown = [assign.candidates[r][2] for r in range(assign.table.rowCount())
                 if not assign.table.isRowHidden(r)]
        assert shown and all("Đức" in text or "đức" in text.lower() for text in shown)
        shoot(assign, "assign-picker")
    finally:
        client.close()
