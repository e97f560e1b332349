"""Choosing the signing key for a batch: a PKCS#12 file, or a PKCS#11 token (library,
token and certificate chosen here, each certificate shown with its holder, issuer and
validity), and the PIN or password typed ONCE.

"Use this key" opens the key once off the GUI thread (``app.signatures.check_key``): a
wrong PIN, a locked token, an expired certificate or one without the signing usage is
said in the dialog, which stays open with what was typed. Only a key that opened is
handed on, as a :class:`~eoffice_client.ui.signing.common.KeyChoice` that holds the PIN
in memory for the batch.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.core.app.application import App
from eoffice_client.core.app.chain_types import KeySource, Pkcs11Key, Pkcs12Key
from eoffice_client.core.app.signatures import (
    CertificateInfo,
    TokenInfo,
    certificate_problem,
)
from eoffice_client.ui.file_dialogs import start_folder
from eoffice_client.ui.signing.common import KeyChoice, error_label, error_message, show_error
from eoffice_client.ui.tasks import TaskRunner

#: The last key file and token library chosen in this run (paths only, never a secret).
_REMEMBERED: dict[str, str] = {}


def _date(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%d/%m/%Y")


class KeyDialog(QDialog):
    """Emits :attr:`chosen` with the opened key's :class:`KeyChoice`, then closes."""

    chosen = Signal(object)  # KeyChoice

    def __init__(self, app: App, runner: TaskRunner, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.runner = runner
        self.choice: KeyChoice | None = None
        self.busy = False
        self._tokens: list[TokenInfo] = []
        self._certificates: list[CertificateInfo] = []
        self.setWindowTitle(title)
        self.setMinimumWidth(700)
        self.file_kind = QRadioButton(self.tr("Key file (PKCS#12: .p12, .pfx)"), self)
        self.token_kind = QRadioButton(self.tr("USB token (PKCS#11)"), self)
        kinds = QButtonGroup(self)
        for button in (self.file_kind, self.token_kind):
            kinds.addButton(button)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._token_page())
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_label = QLabel(self)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Use this key"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.file_kind.toggled.connect(self._kind_changed)
        remembered_token = "library" in _REMEMBERED and "p12" not in _REMEMBERED
        (self.token_kind if remembered_token else self.file_kind).setChecked(True)
        self._kind_changed()

    # --- layout --------------------------------------------------------------------------
    def _file_page(self) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        self.p12_path = QLineEdit(_REMEMBERED.get("p12", ""), page)
        self.p12_path.setPlaceholderText(self.tr("The key file your certificate came in"))
        browse = QPushButton(self.tr("Browse…"), page)
        browse.clicked.connect(self._browse_p12)
        row.addWidget(QLabel(self.tr("Key file:"), page))
        row.addWidget(self.p12_path, 1)
        row.addWidget(browse)
        return page

    def _token_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.library = QComboBox(page)
        self.library.setEditable(True)
        self.library.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.library.setMinimumContentsLength(28)
        for lib in self.app.signatures.token_libraries():
            label = f"{lib.vendor}: {lib.path}" if lib.vendor else str(lib.path)
            self.library.addItem(label, str(lib.path))
        if _REMEMBERED.get("library"):
            self.library.setEditText(_REMEMBERED["library"])
        find = QPushButton(self.tr("Find tokens"), page)
        find.clicked.connect(self.find_tokens)
        row = QHBoxLayout()
        row.addWidget(self.library, 1)
        row.addWidget(find)
        form.addRow(self.tr("Token library:"), row)
        self.token = QComboBox(page)
        self.token.currentIndexChanged.connect(self._token_changed)
        form.addRow(self.tr("Token:"), self.token)
        self.certs = QTreeWidget(page)
        self.certs.setHeaderLabels([self.tr("Holder"), self.tr("Issuer"), self.tr("Valid from"),
                                    self.tr("Valid to"), self.tr("Note")])
        self.certs.setRootIsDecorated(False)
        self.certs.setMinimumHeight(110)
        self.certs.currentItemChanged.connect(self._certificate_changed)
        form.addRow(self.tr("Certificate:"), self.certs)
        return page

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        kinds = QHBoxLayout()
        kinds.addWidget(self.file_kind)
        kinds.addWidget(self.token_kind)
        kinds.addStretch(1)
        layout.addLayout(kinds)
        layout.addWidget(self.pages)
        secret_row = QFormLayout()
        secret_row.addRow(self.secret_label, self.secret)
        layout.addLayout(secret_row)
        note = QLabel(self.tr("Asked once for the whole batch, kept in memory only until "
                              "the batch ends; never saved."), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _kind_changed(self) -> None:
        by_file = self.file_kind.isChecked()
        self.pages.setCurrentIndex(0 if by_file else 1)
        for index in range(self.pages.count()):  # the stack as tall as the page shown
            policy = QSizePolicy.Policy.Preferred if index == self.pages.currentIndex() \
                else QSizePolicy.Policy.Ignored
            page = self.pages.widget(index)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.adjustSize()
        self.secret_label.setText(self.tr("Password of the key file:") if by_file
                                  else self.tr("PIN of the token:"))
        show_error(self.error, "")
        self.secret.clear()  # a file's password is not the token's PIN
        if not by_file and self.token.count() == 0 and self.library.currentText():
            self.find_tokens()

    # --- the token's side ----------------------------------------------------------------
    def library_path(self) -> Path:
        index = self.library.currentIndex()
        text = self.library.currentText().strip()
        if index >= 0 and text == self.library.itemText(index):
            return Path(str(self.library.itemData(index)))
        return Path(text)

    def find_tokens(self) -> None:
        library = self.library_path()
        if not str(library) or str(library) == ".":
            self.say(self.tr("Give the token library (ask IT staff where the "
                                           "token's software put it)."))
            return
        show_error(self.error, "")
        self.runner.run(lambda _task: self.app.signatures.tokens(library), self._tokens_found,
                        self._token_failed, label="tokens")

    def _tokens_found(self, tokens: list[TokenInfo]) -> None:
        self._tokens = [t for t in tokens if t.label]  # an empty slot has no label
        self.token.clear()
        for token in self._tokens:
            state = self.tr(" (locked)") if token.locked else ""
            self.token.addItem(f"{token.label} — {token.manufacturer} {token.model}{state}",
                               token.slot)
        if not self._tokens:
            self._token_say(self.tr("No token is plugged in that this library can reach. "
                                    "Plug the token in, then Find tokens."))

    def current_token(self) -> TokenInfo | None:
        index = self.token.currentIndex()
        return self._tokens[index] if 0 <= index < len(self._tokens) else None

    def _token_changed(self, _index: int) -> None:
        self.certs.clear()
        self._certificates = []
        token = self.current_token()
        if token is None:
            return
        self._token_say(self._token_problem())
        key = Pkcs11Key(self.library_path(), token_label=token.label, slot=token.slot)
        self.runner.run(lambda _task: self.app.signatures.certificates(key),
                        lambda found: self._certificates_found(token, found),
                        self._token_failed, label="certificates")

    def _token_problem(self) -> str:
        token = self.current_token()
        if token is None:
            return ""
        if token.locked:
            text = self.tr("The token «%1» is locked (the PIN was typed wrong too many "
                           "times). Ask the certificate provider to unlock it.")
        elif token.pin_final_try:
            text = self.tr("Only one PIN try is left on «%1»: one more wrong PIN locks it.")
        elif token.pin_count_low:
            text = self.tr("Few PIN tries are left on «%1»: type the PIN carefully.")
        else:
            return ""
        return text.replace("%1", token.label)

    def _certificates_found(self, token: TokenInfo, certificates: list[CertificateInfo]
                            ) -> None:
        if self.current_token() != token:
            return  # another token was chosen meanwhile
        self._certificates = list(certificates)
        self.certs.clear()
        for info in certificates:
            problem = certificate_problem(info)
            item = QTreeWidgetItem([info.holder_name, info.issuer, _date(info.valid_from),
                                    _date(info.valid_to),
                                    self.tr("cannot sign") if problem else self.tr("ok")])
            item.setToolTip(4, problem or "")
            self.certs.addTopLevelItem(item)
        for column in range(self.certs.columnCount()):
            self.certs.resizeColumnToContents(column)
        usable = [i for i, c in enumerate(certificates) if certificate_problem(c) is None]
        first = self.certs.topLevelItem(usable[0] if usable else 0)
        if first is not None:
            self.certs.setCurrentItem(first)

    def _certificate_changed(self) -> None:
        info = self.current_certificate()
        problem = certificate_problem(info) if info is not None else None
        self._token_say(self._token_problem() or problem or "")

    def _token_say(self, text: str) -> None:
        """What the token's side found, said only while that side is shown (a late
        answer must not overwrite the key file's message)."""
        if self.token_kind.isChecked() and not self.busy:
            self.say(text)

    def _token_failed(self, exc: BaseException) -> None:
        self._token_say(error_message(exc))

    def current_certificate(self) -> CertificateInfo | None:
        item = self.certs.currentItem()
        index = self.certs.indexOfTopLevelItem(item) if item is not None else -1
        return self._certificates[index] if 0 <= index < len(self._certificates) else None

    # --- the file's side -----------------------------------------------------------------
    def _browse_p12(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Key file"), self.p12_path.text() or str(start_folder("keys")),
            self.tr("Key files (*.p12 *.pfx);;All files (*)"))
        if name:
            self.p12_path.setText(name)

    # --- opening the key -----------------------------------------------------------------
    def key(self) -> KeySource | str:
        """The key the fields name, or what is missing (a message)."""
        if self.file_kind.isChecked():
            text = self.p12_path.text().strip()
            if not text:
                return self.tr("Choose the key file.")
            if not Path(text).is_file():
                return self.tr("The key file «%1» is not there.").replace("%1", text)
            return Pkcs12Key(Path(text))
        token = self.current_token()
        if token is None:
            return self.tr("Choose the token (plug it in, then Find tokens).")
        info = self.current_certificate()
        if self._certificates and info is None:
            return self.tr("Choose the certificate to sign with.")
        label = info.label if info is not None else None
        return Pkcs11Key(self.library_path(), token_label=token.label, key_label=label,
                         slot=token.slot)

    def accept(self) -> None:
        if self.busy:
            return
        key = self.key()
        if isinstance(key, str):
            self.say(key)
            return
        if not self.secret.text():
            self.say(self.tr("Type the password of the key file.")
                       if isinstance(key, Pkcs12Key) else self.tr("Type the PIN of the token."))
            self.secret.setFocus()
            return
        secret = self.secret.text()
        self._set_busy(True)
        show_error(self.error, "")
        self.runner.run(lambda _task: self.app.signatures.check_key(key, lambda: secret),
                        lambda info: self._opened(key, secret, info), self._failed,
                        label="check key")

    def _opened(self, key: KeySource, secret: str, info: CertificateInfo) -> None:
        self._set_busy(False)
        if isinstance(key, Pkcs12Key):
            _REMEMBERED.pop("library", None)
            _REMEMBERED["p12"] = str(key.path)
        else:
            _REMEMBERED.pop("p12", None)
            _REMEMBERED["library"] = str(key.library)
        self.choice = KeyChoice(key, secret, info)
        self.secret.clear()
        self.chosen.emit(self.choice)
        super().accept()

    def say(self, text: str) -> None:
        """The message under the fields, the dialog grown to show all of it."""
        show_error(self.error, text)
        if text:
            self.adjustSize()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.say(error_message(exc))
        self.secret.selectAll()
        self.secret.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ok.setEnabled(not busy)
        self.ok.setText(self.tr("Opening the key…") if busy else self.tr("Use this key"))

    def reject(self) -> None:
        self.secret.clear()
        super().reject()
