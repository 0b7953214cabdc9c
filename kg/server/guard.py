"""Limits on guessing and on one client's share of the query slots.

:class:`FailureLimiter` counts failed logins and wrong bearer tokens per client address in a sliding
window, and over all clients together (a guesser with many addresses); past the limit every attempt,
right or wrong, is refused with 429 and ``Retry-After`` until the window has room again.
:class:`ClientSlots` caps the queries one client address runs at once.

>>> limiter = FailureLimiter(per_client=2, overall=100, window=60)
>>> limiter.retry_after("10.0.0.1") is None
True
>>> limiter.failed("10.0.0.1"); limiter.failed("10.0.0.1")
>>> 0 < limiter.retry_after("10.0.0.1") <= 60, limiter.retry_after("10.0.0.2") is None
(True, True)
>>> slots = ClientSlots(per_client=1)
>>> slots.take("a"), slots.take("a"), slots.take("b")
(True, False, True)
>>> slots.give("a"); slots.take("a")
True
"""

from __future__ import annotations

import math
import threading
import time
from collections import defaultdict, deque

#: minimum length of a write token (``kg serve`` refuses shorter ones)
MIN_TOKEN_LENGTH = 16


def check_token(token: str | None) -> str | None:
    """``token`` stripped, or ValueError when it is shorter than :data:`MIN_TOKEN_LENGTH`.

    >>> check_token("x")
    Traceback (most recent call last):
    ...
    ValueError: token: 1 characters, at least 16 needed (e.g. python -c "import secrets; print(secrets.token_urlsafe(24))")
    """
    if token is None:
        return None
    token = token.strip()
    if len(token) < MIN_TOKEN_LENGTH:
        raise ValueError(f"token: {len(token)} characters, at least {MIN_TOKEN_LENGTH} needed "
                         '(e.g. python -c "import secrets; print(secrets.token_urlsafe(24))")')
    return token


class FailureLimiter:
    """At most ``per_client`` failures per address and ``overall`` in total within ``window`` seconds."""

    def __init__(self, per_client: int = 10, overall: int = 100, window: float = 60.0) -> None:
        self.per_client, self.overall, self.window = per_client, overall, window
        self._clients: dict[str, deque[float]] = defaultdict(deque)
        self._all: deque[float] = deque()
        self._lock = threading.Lock()

    def _trim(self, times: deque[float], now: float) -> None:
        while times and times[0] <= now - self.window:
            times.popleft()

    def retry_after(self, client: str) -> int | None:
        """Seconds to wait before the next attempt from ``client``, or None when it may try now."""
        now = time.monotonic()
        with self._lock:
            mine = self._clients.get(client, deque())
            self._trim(mine, now)
            self._trim(self._all, now)
            waits = []
            if len(mine) >= self.per_client:
                waits.append(mine[0] + self.window - now)
            if len(self._all) >= self.overall:
                waits.append(self._all[0] + self.window - now)
            if not mine and client in self._clients:
                del self._clients[client]
        return max(1, math.ceil(max(waits))) if waits else None

    def failed(self, client: str) -> None:
        """Record one failed attempt from ``client``."""
        now = time.monotonic()
        with self._lock:
            self._clients[client].append(now)
            self._all.append(now)
            if len(self._clients) > 10_000:  # forget the oldest addresses rather than grow without bound
                for key in list(self._clients)[:1000]:
                    del self._clients[key]


class ClientSlots:
    """How many queries each client address runs at once, at most ``per_client``."""

    def __init__(self, per_client: int = 4) -> None:
        self.per_client = per_client
        self._running: dict[str, int] = defaultdict(int)
        self._lock = threading.Lock()

    def take(self, client: str) -> bool:
        with self._lock:
            if self._running[client] >= self.per_client:
                return False
            self._running[client] += 1
            return True

    def give(self, client: str) -> None:
        with self._lock:
            self._running[client] -= 1
            if self._running[client] <= 0:
                del self._running[client]
