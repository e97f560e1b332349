"""The application's look: base font and text colour (ui/app.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from eoffice_client.ui.app import TEXT_COLOUR


def test_base_font_and_text_colour_come_from_the_application(filled_profile: Any,
                                                             open_window: Any) -> None:
    """10 pt text in the app's colour on every widget, set on the application (not by a
    style sheet rule per widget); disabled texts keep the style's lighter colour."""
    window = open_window(filled_profile(20)).window
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert "QWidget {" not in app.styleSheet()
    for widget in (window.documents.table, window.boxes, window.search):
        assert widget.font().pointSizeF() == 10
    palette = window.documents.table.palette()
    text = QColor(TEXT_COLOUR)
    assert palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text) == text
    assert palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text) != text
