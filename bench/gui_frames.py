"""The window's frames under a steady wheel and a thumb drag, and typing's stalls, measured
in this process (bench/bench_gui.py runs them; see its docstring for what a frame is)."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

STEPS_PER_SECOND = 60
DRAG_FRAMES = 60  # one second from the bottom to the top


def timed_application() -> Any:
    """A QApplication that records when it handles each event of the event loop (the
    outermost ``notify`` calls: nested events are inside their parent's time)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    class TimedApplication(QApplication):
        def __init__(self, argv: list[str]) -> None:
            super().__init__(argv)
            self.depth = 0
            self.recording = False
            self.spans: list[tuple[float, float, float]] = []  # start, end, CPU seconds

        def notify(self, receiver: QObject, event: QEvent) -> bool:
            if self.depth or not self.recording:
                self.depth += 1
                try:
                    return super().notify(receiver, event)
                finally:
                    self.depth -= 1
            started, cpu = time.perf_counter(), time.thread_time()
            self.depth = 1
            try:
                return super().notify(receiver, event)
            finally:
                self.depth = 0
                self.spans.append((started, time.perf_counter(), time.thread_time() - cpu))

    return TimedApplication(sys.argv[:1])


def spin(app: Any, until: Callable[[], bool], seconds: float) -> None:
    end = time.monotonic() + seconds
    while not until():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get ready")
        app.processEvents()
        time.sleep(0.005)


def _steady(app: Any, count: int, step: Callable[[int], bool]
            ) -> tuple[list[float], list[float]]:
    """Calls ``step(k)`` at 60 a second from the event loop until it returns False or
    ``count`` steps were made; returns each frame's busy time and the CPU time this
    thread spent in it (ms)."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    period = 1 / STEPS_PER_SECOND
    loop = QEventLoop()
    ticks: list[float] = []
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)

    def tick() -> None:
        k = len(ticks)
        ticks.append(start + k * period)
        if k >= count or not step(k):
            ticks.append(time.perf_counter())
            loop.quit()
            return
        timer.start(max(0, round((start + (k + 1) * period - time.perf_counter()) * 1000)))

    timer.timeout.connect(tick)
    app.spans.clear()
    app.recording = True
    start = time.perf_counter() + period
    timer.start(round(period * 1000))
    loop.exec()
    app.recording = False
    return _frames(ticks, app.spans)


def _frames(ticks: list[float], spans: list[tuple[float, float, float]]
            ) -> tuple[list[float], list[float]]:
    """The busy time of each interval between two ticks (ms): every event that started
    in it, whole; and the CPU time of those events."""
    frames, cpu = [0.0] * (len(ticks) - 1), [0.0] * (len(ticks) - 1)
    k = 0
    for started, ended, seconds in spans:
        while k < len(frames) - 1 and started >= ticks[k + 1]:
            k += 1
        if ticks[0] <= started:
            frames[k] += (ended - started) * 1000
            cpu[k] += seconds * 1000
    return frames[:-1], cpu[:-1]  # the last interval is the loop's end


def scroll(app: Any, table: Any, wheel_steps: int | None) -> dict[str, Any]:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent, QWheelEvent
    from PySide6.QtWidgets import QStyle, QStyleOptionSlider

    bar, viewport = table.verticalScrollBar(), table.viewport()
    bar.setValue(0)
    app.processEvents()
    centre = QPointF(viewport.rect().center())

    def wheel(_k: int) -> bool:
        if bar.value() >= bar.maximum():
            return False
        event = QWheelEvent(centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(),
                            QPoint(0, -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        app.sendEvent(viewport, event)
        return True

    wheel_frames, wheel_cpu = _steady(app, wheel_steps or 10**9, wheel)
    reached = bar.value()
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    handle = bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                        QStyle.SubControl.SC_ScrollBarSlider, bar)
    groove = bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                        QStyle.SubControl.SC_ScrollBarGroove, bar)
    x, top, bottom = handle.center().x(), groove.top(), handle.center().y()

    def mouse(kind: Any, y: float, buttons: Any) -> None:
        at = QPointF(x, y)
        app.sendEvent(bar, QMouseEvent(kind, at, QPointF(bar.mapToGlobal(at.toPoint())),
                                       Qt.MouseButton.LeftButton, buttons,
                                       Qt.KeyboardModifier.NoModifier))

    mouse(QMouseEvent.Type.MouseButtonPress, bottom, Qt.MouseButton.LeftButton)

    def drag(k: int) -> bool:
        y = bottom - (bottom - top) * (k + 1) / DRAG_FRAMES
        mouse(QMouseEvent.Type.MouseMove, y, Qt.MouseButton.LeftButton)
        return True

    drag_frames, drag_cpu = _steady(app, DRAG_FRAMES, drag)
    mouse(QMouseEvent.Type.MouseButtonRelease, top, Qt.MouseButton.NoButton)
    every = sorted(wheel_frames + drag_frames)
    return {"wheel": _summary(wheel_frames, wheel_cpu), "drag": _summary(drag_frames, drag_cpu),
            "wheel_reached": reached, "wheel_maximum": bar.maximum(),
            "drag_ended_at": bar.value(), "frame_p99_ms": _p99(every),
            "frame_max_ms": every[-1]}


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.99) - 1)]


def _summary(frames: list[float], cpu: list[float]) -> dict[str, Any]:
    return {"frames": len(frames), "median_ms": statistics.median(frames),
            "p99_ms": _p99(frames), "max_ms": max(frames),
            "over_16ms": sum(1 for f in frames if f > 16),
            "cpu_median_ms": statistics.median(cpu), "cpu_p99_ms": _p99(cpu),
            "cpu_max_ms": max(cpu)}


def typing(app: Any, window: Any) -> dict[str, Any]:
    """Types key by key (120 ms apart, by a timer) while a 5 ms timer measures stalls."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    text = "quyet dinh ve viec ubnd"
    search, documents = window.search, window.documents
    search.clear()
    search.setFocus()
    state: dict[str, Any] = {"last": time.perf_counter(), "stall": 0.0, "typed": 0,
                             "searches": 0}

    def tick() -> None:
        now = time.perf_counter()
        state["stall"] = max(state["stall"], (now - state["last"]) * 1000)
        state["last"] = now

    def type_one() -> None:
        if state["typed"] < len(text):
            QTest.keyClicks(search, text[state["typed"]])
            state["typed"] += 1

    documents.listLoaded.connect(lambda: state.__setitem__("searches", state["searches"] + 1))
    ticker, typer = QTimer(), QTimer()
    ticker.timeout.connect(tick)
    ticker.start(5)
    typer.timeout.connect(type_one)
    typer.start(120)
    state["last"] = time.perf_counter()
    spin(app, lambda: state["typed"] >= len(text) and not window.runner.busy()
          and documents.query.search == text, 60)
    deadline = time.monotonic() + 1.0
    spin(app, lambda: time.monotonic() > deadline, 5)
    ticker.stop()
    typer.stop()
    return {"typing_stall_ms": state["stall"], "typing_searches": state["searches"],
            "search_results": documents.model.rowCount()}
