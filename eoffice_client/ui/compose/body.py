"""The body of the draft: paragraphs, one a line; for a quyết định its căn cứ lines and
its articles, each article a block of lines (the first line printed after "Điều N.",
numbered when the document is made). The text is split and joined by the core's own
parser (``app.drafts``), so what the form shows is what the .docx prints."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QStackedWidget, QVBoxLayout, QWidget

from eoffice_client.core.app.drafts import decision_parts, decision_text

DECISION = "QD"


def _editor(parent: QWidget) -> QPlainTextEdit:
    editor = QPlainTextEdit(parent)
    editor.setTabChangesFocus(True)
    return editor


def article_blocks(text: str) -> list[list[str]]:
    """Blocks of lines separated by empty lines: one article each."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


class BodyEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type_code = ""
        self.stack = QStackedWidget(self)
        plain_page = QWidget(self.stack)
        self.plain_hint = QLabel(plain_page)
        self.plain_hint.setObjectName("hint")
        self.plain_hint.setWordWrap(True)
        self.plain = _editor(plain_page)
        plain_layout = QVBoxLayout(plain_page)
        plain_layout.setContentsMargins(0, 0, 0, 0)
        plain_layout.addWidget(self.plain_hint)
        plain_layout.addWidget(self.plain, 1)
        decision_page = QWidget(self.stack)
        self.grounds_caption = QLabel(decision_page)
        self.grounds = _editor(decision_page)
        self.grounds_caption.setBuddy(self.grounds)
        self.articles_caption = QLabel(decision_page)
        self.articles_caption.setWordWrap(True)
        self.articles = _editor(decision_page)
        self.articles_caption.setBuddy(self.articles)
        decision_layout = QVBoxLayout(decision_page)
        decision_layout.setContentsMargins(0, 0, 0, 0)
        decision_layout.addWidget(self.grounds_caption)
        decision_layout.addWidget(self.grounds, 1)
        decision_layout.addWidget(self.articles_caption)
        decision_layout.addWidget(self.articles, 2)
        self.stack.addWidget(plain_page)
        self.stack.addWidget(decision_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.retranslate()

    def retranslate(self) -> None:
        self.plain_hint.setText(self.tr("One paragraph per line; each is printed justified "
                                        "with a first-line indent."))
        self.plain.setAccessibleName(self.tr("Body"))
        self.plain.setPlaceholderText(self.tr("Thực hiện …, đề nghị …"))
        self.grounds_caption.setText(self.tr("Legal grounds (căn cứ), one per line:"))
        self.grounds.setAccessibleName(self.tr("Legal grounds"))
        self.grounds.setPlaceholderText(self.tr("Căn cứ Luật …;"))
        self.articles_caption.setText(self.tr("Articles: one block each, separated by an "
                                              "empty line (numbered Điều 1., Điều 2., …):"))
        self.articles.setAccessibleName(self.tr("Articles"))

    def is_decision(self) -> bool:
        return self.type_code == DECISION

    def set_type(self, type_code: str) -> None:
        """A quyết định gets the căn cứ and articles editors; the text moves across."""
        text = self.text()
        self.type_code = type_code
        self.stack.setCurrentIndex(1 if self.is_decision() else 0)
        self.set_text(text)

    def text(self) -> str:
        """The body as the renderer reads it."""
        if not self.is_decision():
            return "\n".join(line.strip() for line in self.plain.toPlainText().splitlines()
                             if line.strip())
        grounds = [line for line in self.grounds.toPlainText().splitlines() if line.strip()]
        return decision_text(grounds, article_blocks(self.articles.toPlainText()))

    def set_text(self, text: str) -> None:
        if not self.is_decision():
            self.plain.setPlainText(text)
            return
        parts = decision_parts(text)
        self.grounds.setPlainText("\n".join(parts.grounds))
        self.articles.setPlainText("\n\n".join("\n".join(a) for a in parts.articles))

    def set_read_only(self, read_only: bool) -> None:
        """Read-only, an empty body says where it is: the text is kept on the drafter's
        computer only; the reviewer reads it in the PDF."""
        elsewhere = self.tr("The text is kept on the drafter's computer: read it in the PDF "
                            "(tab «Files and PDF»).")
        for editor in (self.plain, self.grounds):
            editor.setPlaceholderText(elsewhere if read_only else "")
        if not read_only:
            self.retranslate()
        for editor in (self.plain, self.grounds, self.articles):
            editor.setReadOnly(read_only)
