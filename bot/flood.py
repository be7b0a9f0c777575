"""Flood protection: a sliding window per user, in this process (per replica).

More than ``FLOOD_MAX_MESSAGES`` messages (and button presses) within
``FLOOD_WINDOW_SECONDS`` get one polite note, then nothing until the window
has room again. Other users are not affected. With several replicas a user's
messages are spread over them, so the effective limit is per replica.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


# Kept: a rate limiter (aiolimiter) makes callers wait; this refuses at once, per user key.
class FloodGuard:
    def __init__(
        self,
        max_messages: int,
        window_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_messages = max_messages
        self.window = window_seconds
        self._clock = clock
        self._seen: dict[int, deque[float]] = {}
        self._warned: set[int] = set()
        self._last_sweep = clock()

    def check(self, user_id: int) -> str:
        """``ok``, ``warn`` (the first message over the limit) or ``drop``."""
        now = self._clock()
        self._sweep(now)
        times = self._seen.setdefault(user_id, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        if len(times) >= self.max_messages:
            # Ignored messages are not counted: the window passes on its own.
            if user_id in self._warned:
                return "drop"
            self._warned.add(user_id)
            return "warn"
        self._warned.discard(user_id)
        times.append(now)
        return "ok"

    def _sweep(self, now: float) -> None:
        # Forget idle users now and then so memory stays bounded.
        if now - self._last_sweep < self.window:
            return
        self._last_sweep = now
        for user_id in [u for u, t in self._seen.items() if not t or now - t[-1] >= self.window]:
            del self._seen[user_id]
            self._warned.discard(user_id)
