"""The ``--faults`` spec of cli-v1.md: bad-network behaviour for training and tests.

``error_rate=0.2,reset_rate=0.1,delay_ms=300,rate_limit=5,cursor_ttl_s=60,duplicate_rate=0.1``
"""

from __future__ import annotations

import random
import threading
import time
from collections import deque
from dataclasses import dataclass, field, fields


class FaultSpecError(ValueError):
    """A ``--faults`` spec that cannot be read; the message names the faulty part."""


RATES = ("error_rate", "reset_rate", "duplicate_rate")
COUNTS = ("delay_ms", "rate_limit", "cursor_ttl_s")


@dataclass
class Faults:
    error_rate: float = 0.0  # share of requests answered 500/502/503/504 before anything is done
    reset_rate: float = 0.0  # share of answers whose connection is cut mid-body
    delay_ms: int = 0  # added before every answer
    rate_limit: int = 0  # requests per second before 429 (0: no limit)
    cursor_ttl_s: int = 0  # cursors older than this answer 410 (0: never)
    duplicate_rate: float = 0.0  # share of changes sent twice; pages overlap as often
    rng: random.Random = field(default_factory=random.Random, repr=False, compare=False)
    _hits: deque[float] = field(default_factory=deque, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @classmethod
    def parse(cls, spec: str | None) -> Faults:
        """Reads ``name=value,...``; raises :class:`FaultSpecError` naming what is wrong."""
        faults = cls()
        for part in (spec or "").split(","):
            part = part.strip()
            if not part:
                continue
            name, sep, raw = part.partition("=")
            name = name.strip()
            if not sep:
                raise FaultSpecError(f"{part!r}: expected name=value")
            if name in RATES:
                setattr(faults, name, _rate(name, raw))
            elif name in COUNTS:
                setattr(faults, name, _count(name, raw))
            else:
                known = ", ".join(RATES + COUNTS)
                raise FaultSpecError(f"unknown fault {name!r} (known: {known})")
        return faults

    def describe(self) -> str:
        """The active faults as a spec (empty when none)."""
        parts = [
            f"{f.name}={getattr(self, f.name)}" for f in fields(self)
            if f.name in RATES + COUNTS and getattr(self, f.name)
        ]
        return ",".join(parts)

    def chance(self, rate: float) -> bool:
        return rate > 0 and (rate >= 1 or self.rng.random() < rate)

    def over_rate_limit(self, now: float | None = None) -> bool:
        """True when this request exceeds ``rate_limit`` requests in the last second."""
        if self.rate_limit <= 0:
            return False
        now = time.monotonic() if now is None else now
        with self._lock:
            while self._hits and self._hits[0] <= now - 1.0:
                self._hits.popleft()
            if len(self._hits) >= self.rate_limit:
                return True
            self._hits.append(now)
            return False


def _rate(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise FaultSpecError(f"{name}={raw!r}: expected a number between 0 and 1") from None
    if not 0.0 <= value <= 1.0:
        raise FaultSpecError(f"{name}={raw!r}: expected a number between 0 and 1")
    return value


def _count(name: str, raw: str) -> int:
    try:
        value = int(raw.strip())
    except ValueError:
        raise FaultSpecError(f"{name}={raw!r}: expected a whole number >= 0") from None
    if value < 0:
        raise FaultSpecError(f"{name}={raw!r}: expected a whole number >= 0")
    return value
