"""The dashboard: five cards and three charts over the local cache, refreshed off the GUI
thread.

Figures come from ``app.reports.dashboard()`` (core/reports/dashboard.py), which counts
each card by the store's own box definitions, so a card equals its box. ``refresh()``
reads them in TaskRunner tasks, the cards first (``dashboard(charts=False)``, the quick
read) and then the charts; a refresh asked while one runs is done once that one ends (a
burst of syncs costs at most two reads). A click on a card or a bar emits
``openList(box, ListFilters)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QTime, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from eoffice_client.ui.dashboard.cards import CARD_STYLE, Card
from eoffice_client.ui.dashboard.charts import ALERT_COLOR, BAR_COLOR, MAX_ROWS, Bar, BarChart
from eoffice_client.ui.dashboard.selection import (
    CARD_BOXES,
    Selection,
    card_selection,
    unit_selection,
    waiting_selection,
    week_selection,
)
from eoffice_client.ui.tasks import TaskRunner
from eoffice_client.ui.window.errors import error_text

if TYPE_CHECKING:
    from eoffice_client.core.app.application import App
    from eoffice_client.core.app.reports import Dashboard

AppSource = Callable[[], "App | None"]


class DashboardView(QWidget):
    """``openList(box, filters)``: show this box narrowed by these ``ListFilters``;
    ``countsShown(Dashboard)``: new card counts are on screen (the charts follow);
    ``loaded(Dashboard)``: every figure is."""

    openList = Signal(str, object)
    countsShown = Signal(object)
    loaded = Signal(object)

    def __init__(self, app_source: AppSource, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_source, self.runner = app_source, runner
        self.figures: Dashboard | None = None
        self.busy = False
        self._again = False
        self.setObjectName("dashboard")
        self.setStyleSheet(CARD_STYLE + "QFrame#dashPanel { background: #ffffff; "
                           "border: 1px solid #d9dee4; border-radius: 6px; }")
        self.cards = {key: Card(key, self) for key in CARD_BOXES}
        for card in self.cards.values():
            card.clicked.connect(lambda _=False, c=card: self._card_clicked(c.key))
        self.by_unit = BarChart(horizontal=True, color=ALERT_COLOR)
        self.waiting = BarChart(horizontal=False)
        self.intake = BarChart(horizontal=False, color=BAR_COLOR)
        self.by_unit.barClicked.connect(self._unit_clicked)
        self.waiting.barClicked.connect(self._waiting_clicked)
        self.intake.barClicked.connect(self._week_clicked)
        self._build()
        self.retranslate()

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setObjectName("docTitle")
        self.state = QLabel(self)
        self.state.setObjectName("hint")
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.state)
        top.addWidget(self.refresh_button)
        cards = QHBoxLayout()
        cards.setSpacing(10)
        for card in self.cards.values():
            cards.addWidget(card)
        charts = QGridLayout()
        charts.setSpacing(10)
        self.unit_title, self.waiting_title, self.intake_title = QLabel(), QLabel(), QLabel()
        charts.addWidget(self._panel(self.unit_title, self.by_unit), 0, 0)
        charts.addWidget(self._panel(self.waiting_title, self.waiting), 0, 1)
        charts.addWidget(self._panel(self.intake_title, self.intake), 1, 0, 1, 2)
        charts.setColumnStretch(0, 3)
        charts.setColumnStretch(1, 2)
        charts.setRowStretch(0, 3)
        charts.setRowStretch(1, 2)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(14, 12, 14, 12)
        inner.setSpacing(12)
        inner.addLayout(top)
        inner.addLayout(cards)
        inner.addLayout(charts, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _panel(self, title: QLabel, chart: BarChart) -> QFrame:
        panel = QFrame()
        panel.setObjectName("dashPanel")
        title.setObjectName("sectionTitle")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addWidget(title)
        layout.addWidget(chart, 1)
        chart.setMinimumHeight(190)
        return panel

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Overview"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Count again from the local data"))
        self.unit_title.setText(self.tr("Overdue by unit"))
        self.waiting_title.setText(self.tr("Waiting on a leader, by days"))
        self.intake_title.setText(self.tr("Incoming documents per week"))
        for chart, title in ((self.by_unit, self.unit_title), (self.waiting, self.waiting_title),
                             (self.intake, self.intake_title)):
            chart.setAccessibleName(title.text())
        for key, card in self.cards.items():
            card.set_texts(self.card_title(key), self.card_hint(key))
        if self.figures is not None:
            self.show_figures(self.figures)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def card_title(self, key: str) -> str:
        return {"unread_incoming": self.tr("Unread incoming"),
                "to_sign": self.tr("Waiting for signature"),
                "to_process": self.tr("To process"), "overdue": self.tr("Overdue"),
                "due_soon": self.tr("Due soon")}[key]

    def card_hint(self, key: str) -> str:
        if key == "due_soon":
            days = self.figures.due_soon_days if self.figures else 3
            return self.tr("within %1 working days").replace("%1", str(days))
        return ""

    # --- refreshing -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Counts again in the background (connect the sync's ``finished`` here): the
        cards first (the quick read), then the charts."""
        if self.busy:
            self._again = True
            return
        app = self.app_source()
        if app is None:
            self.state.setText(self.tr("The overview appears once the local data is loaded."))
            return
        self.busy, self._again = True, False
        self.state.setText(self.tr("Updating…"))
        self.refresh_button.setEnabled(False)
        self.runner.run(lambda _task: app.reports.dashboard(charts=False),
                        lambda figures: self._counted(app, figures), self._failed,
                        label="dashboard-cards", show_progress=False)

    def _counted(self, app: App, figures: Dashboard) -> None:
        self.show_cards(figures)
        self.countsShown.emit(figures)
        self.runner.run(lambda _task: app.reports.dashboard(), self._done, self._failed,
                        label="dashboard-charts", show_progress=False)

    def _done(self, figures: Dashboard) -> None:
        self._finish()
        self.show_figures(figures)
        now = QLocale().toString(QTime.currentTime(), "HH:mm")
        self.state.setText(self.tr("Updated at %1").replace("%1", now))
        self.loaded.emit(figures)
        self._maybe_again()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.state.setText(self.tr("Could not count: %1").replace("%1", error_text(exc)))
        self._maybe_again()

    def _finish(self) -> None:
        self.busy = False
        self.refresh_button.setEnabled(True)

    def _maybe_again(self) -> None:
        if self._again:
            self.refresh()

    # --- showing --------------------------------------------------------------------------
    def show_figures(self, figures: Dashboard) -> None:
        self.show_cards(figures)
        self.show_charts(figures)

    def show_cards(self, figures: Dashboard) -> None:
        self.figures = figures if self.figures is None else replace(
            self.figures, today=figures.today, unread_incoming=figures.unread_incoming,
            to_sign=figures.to_sign, to_process=figures.to_process, overdue=figures.overdue,
            due_soon=figures.due_soon, due_soon_days=figures.due_soon_days,
            due_soon_until=figures.due_soon_until)
        counts = {"unread_incoming": figures.unread_incoming, "to_sign": figures.to_sign,
                  "to_process": figures.to_process, "overdue": figures.overdue,
                  "due_soon": figures.due_soon}
        for key, card in self.cards.items():
            card.set_count(counts[key], alert=key == "overdue")
            card.set_texts(self.card_title(key), self.card_hint(key))

    def show_charts(self, figures: Dashboard) -> None:
        self.figures = figures
        units = figures.overdue_by_unit
        bars = [Bar(self.unit_name(u.name), u.count) for u in units[:MAX_ROWS]]
        if len(units) > MAX_ROWS:  # the bars still add up to the card
            bars[-1] = Bar(self.tr("Other units"), sum(u.count for u in units[MAX_ROWS - 1:]))
        self.by_unit.set_bars(bars, self.tr("Nothing is overdue."))
        self.waiting.set_bars([Bar(self.age_label(b.key), b.count)
                               for b in figures.waiting_on_leaders],
                              self.tr("No document is waiting on a leader."))
        self.intake.set_bars([Bar(self.week_label(w.week_start), w.count, self.tr(
            "Week from %1: %2 documents").replace("%1", w.week_start.strftime("%d/%m/%Y"))
            .replace("%2", str(w.count))) for w in figures.weekly_intake],
            self.tr("No incoming documents in these weeks."))

    def unit_name(self, name: str) -> str:
        return name or self.tr("Not assigned to a unit")

    def age_label(self, key: str) -> str:
        return {"0-1": self.tr("0–1 days"), "2-3": self.tr("2–3 days"),
                "4-7": self.tr("4–7 days"), "8+": self.tr("8 days or more")}.get(key, key)

    @staticmethod
    def week_label(monday: dt.date) -> str:
        return monday.strftime("%d/%m")

    # --- clicks ---------------------------------------------------------------------------
    def _emit(self, selection: Selection) -> None:
        self.openList.emit(selection.box, selection.filters)

    def _card_clicked(self, key: str) -> None:
        figures = self.figures
        today = figures.today if figures else dt.date.today()
        until = figures.due_soon_until if figures else None
        self._emit(card_selection(key, today, self.card_title(key), until))

    def _unit_clicked(self, index: int) -> None:
        units = self.figures.overdue_by_unit if self.figures is not None else ()
        if index == MAX_ROWS - 1 and len(units) > MAX_ROWS:  # "other units": all overdue
            self._card_clicked("overdue")
        elif index < len(units):
            unit = units[index]
            name = self.unit_name(unit.name)
            self._emit(unit_selection(unit.unit_id, unit.name, self.tr(
                "Overdue: %1").replace("%1", name)))

    def _waiting_clicked(self, index: int) -> None:
        if self.figures is not None and index < len(self.figures.waiting_on_leaders):
            bucket = self.figures.waiting_on_leaders[index]
            self._emit(waiting_selection(bucket.min_days, bucket.max_days, self.tr(
                "Waiting on a leader: %1").replace("%1", self.age_label(bucket.key))))

    def _week_clicked(self, index: int) -> None:
        if self.figures is not None and index < len(self.figures.weekly_intake):
            monday = self.figures.weekly_intake[index].week_start
            self._emit(week_selection(monday, self.tr("Incoming in the week from %1").replace(
                "%1", monday.strftime("%d/%m/%Y"))))
