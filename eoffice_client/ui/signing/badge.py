"""The signature badge of a document row: valid (green tick), untrusted (amber "!"),
broken (red cross), none (no icon), unknown (no icon: the PDF is not here).

:class:`SignatureBadges` asks ``app.signatures.signature_states`` off the GUI thread for
the rows shown and keeps the answers; the list's model reads :meth:`icon` and
:meth:`tooltip` (or :meth:`data` for a column's DecorationRole/ToolTipRole) and repaints
when :attr:`updated` names the documents whose badge came in.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from eoffice_client.core.app.application import App
from eoffice_client.core.app.types import SignatureState
from eoffice_client.ui.signing.common import AppGetter, load_signing_modules
from eoffice_client.ui.tasks import TaskRunner

PIXELS = 32
#: the states a list row shows a badge for (a row without a checked signed PDF shows none)
SHOWN = frozenset({SignatureState.VALID, SignatureState.UNTRUSTED, SignatureState.BROKEN})
COLORS = {
    SignatureState.VALID: QColor("#1e7b34"),
    SignatureState.UNTRUSTED: QColor("#b26a00"),
    SignatureState.BROKEN: QColor("#b3261e"),
}


def _mark(painter: QPainter, state: SignatureState) -> None:
    """The white sign inside the disc."""
    pen = QPen(Qt.GlobalColor.white, PIXELS * 0.12, Qt.PenStyle.SolidLine,
               Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    s = PIXELS
    if state is SignatureState.VALID:
        path = QPainterPath(QPointF(s * 0.28, s * 0.52))
        path.lineTo(s * 0.44, s * 0.68)
        path.lineTo(s * 0.72, s * 0.34)
        painter.drawPath(path)
    elif state is SignatureState.BROKEN:
        painter.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67))
        painter.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67))
    else:
        painter.drawLine(QPointF(s * 0.5, s * 0.27), QPointF(s * 0.5, s * 0.56))
        painter.drawPoint(QPointF(s * 0.5, s * 0.72))


def badge_icon(state: SignatureState) -> QIcon:
    """A coloured disc with its sign; an empty icon for none and unknown."""
    color = COLORS.get(state)
    if color is None:
        return QIcon()
    pixmap = QPixmap(PIXELS, PIXELS)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(QRectF(1, 1, PIXELS - 2, PIXELS - 2))
    _mark(painter, state)
    painter.end()
    return QIcon(pixmap)


class SignatureBadges(QObject):
    """The badges of the rows, fetched in the background and kept by document."""

    updated = Signal(list)  # the ids whose badge changed

    def __init__(self, app_getter: AppGetter, runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app_getter
        self._runner = runner
        self.states: dict[str, SignatureState] = {}
        self._icons: dict[SignatureState, QIcon] = {}

    def request(self, doc_ids: Sequence[str]) -> None:
        """Find the badges of ``doc_ids`` (those already known are not asked again).

        Until pyHanko's modules are loaded the worker answers only what needs no
        verifying (no PDF, or one verified before); the modules are then loaded on this
        thread, and only when a PDF waits to be verified."""
        app = self._app()
        wanted = [d for d in dict.fromkeys(doc_ids) if d not in self.states]
        if app is None or not wanted:
            return
        verify = app.signatures.modules_loaded
        self._runner.run(lambda _task: app.signatures.signature_states(wanted, verify=verify),
                         lambda states: self._answered(app, wanted, states), self._failed,
                         label="signature badges", show_progress=False)

    def _answered(self, app: App, wanted: list[str], states: dict[str, SignatureState]
                  ) -> None:
        self._arrived(states)
        unverified = [d for d in wanted if d not in states]
        if unverified:
            load_signing_modules(app)
            self._runner.run(lambda _task: app.signatures.signature_states(unverified),
                             self._arrived, self._failed, label="signature badges",
                             show_progress=False)

    def refresh(self, doc_ids: Sequence[str]) -> None:
        """Ask again (after a sync brought new files, or the trust store changed)."""
        for doc_id in doc_ids:
            self.states.pop(doc_id, None)
        self.request(doc_ids)

    def _arrived(self, states: dict[str, SignatureState]) -> None:
        changed = [d for d, s in states.items() if self.states.get(d) is not s
                   and (s in SHOWN or self.states.get(d) in SHOWN)]  # what a row shows
        self.states.update(states)
        if changed:
            self.updated.emit(changed)

    def _failed(self, _exc: BaseException) -> None:
        """No badge is shown; the rows stay as they are (the log has the reason)."""

    def state(self, doc_id: str) -> SignatureState:
        return self.states.get(doc_id, SignatureState.UNKNOWN)

    def icon(self, doc_id: str) -> QIcon:
        state = self.state(doc_id)
        if state not in self._icons:
            self._icons[state] = badge_icon(state)
        return self._icons[state]

    def tooltip(self, doc_id: str) -> str:
        return self.describe(self.state(doc_id))

    def describe(self, state: SignatureState) -> str:
        texts = {
            SignatureState.VALID: self.tr("Signatures valid: intact and trusted."),
            SignatureState.UNTRUSTED: self.tr(
                "Signatures intact, but a signer is not trusted on this computer (its root "
                "certificate is not in the trust store)."),
            SignatureState.BROKEN: self.tr(
                "Signature broken: the PDF was changed after it was signed, or the "
                "signature cannot be checked. Do not rely on this file."),
            SignatureState.NONE: self.tr("Not signed."),
            SignatureState.UNKNOWN: self.tr("Signatures not checked: the PDF is not on this "
                                            "computer yet."),
        }
        return texts[state]

    def shown(self, doc_id: str) -> tuple[QIcon, str] | None:
        """The badge a list row shows beside its number, with its tooltip: only where a
        signed PDF was checked (a row without one shows nothing)."""
        if self.states.get(doc_id) not in SHOWN:
            return None
        return self.icon(doc_id), self.tooltip(doc_id)

    def data(self, doc_id: str, role: int) -> QIcon | str | None:
        """For a model's ``data()``: the icon, the tooltip, else None."""
        if role == Qt.ItemDataRole.DecorationRole:
            return self.icon(doc_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(doc_id)
        return None
