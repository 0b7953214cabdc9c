"""Limits on guessing and on one client's share of the query slots.

:class:`FailureLimiter` counts failed logins and wrong bearer tokens per client address in a sliding
window, and over all clients together (a guesser with many addresses); past the limit every attempt,
right or wrong, is refused with 429 and ``Retry-After`` until the window has room again.
:class:`ClientSlots` caps the queries one client address runs at once (more wait, in a bounded queue).

>>> limiter = FailureLimiter(per_client=2, overall=100, window=60)
>>> limiter.retry_after("10.0.0.1") is None
True
>>> limiter.failed("10.0.0.1"); limiter.failed("10.0.0.1")
>>> 0 < limiter.retry_after("10.0.0.1") <= 60, limiter.retry_after("10.0.0.2") is None
(True, True)
>>> import asyncio
>>> async def demo():
...     slots = ClientSlots(per_client=1, waiting=0)
...     await slots.acquire("a"); await slots.acquire("b")
...     try:
...         await slots.acquire("a")
...     except SlotsFull:
...         return "a waits for its own slot; b has its own"
>>> from concurrent.futures import ThreadPoolExecutor  # a thread of its own: the caller may have a loop running
>>> ThreadPoolExecutor(1).submit(asyncio.run, demo()).result()
'a waits for its own slot; b has its own'
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import defaultdict

from kg.web.auth import FailureLimiter as FailureLimiter  # the web desk's login limiter, shared by the server

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


class SlotsFull(Exception):
    """The client already runs its share of queries and has too many waiting."""


class ClientSlots:
    """Each client address runs at most ``per_client`` queries at once; up to ``waiting`` more wait their turn.

    A busy client queues behind its own queries only, so it cannot take the slots of the others; past
    ``waiting`` queued requests it is refused (:class:`SlotsFull`, answered 429).
    """

    def __init__(self, per_client: int = 4, waiting: int = 16) -> None:
        self.per_client, self.waiting = per_client, waiting
        self._sems: dict[str, asyncio.Semaphore] = {}
        self._queued: dict[str, int] = defaultdict(int)
        self._running: dict[str, int] = defaultdict(int)

    async def acquire(self, client: str) -> None:
        """Wait for one of ``client``'s slots (call on the event loop)."""
        sem = self._sems.setdefault(client, asyncio.Semaphore(self.per_client))
        if sem.locked():
            if self._queued[client] >= self.waiting:
                raise SlotsFull(client)
            self._queued[client] += 1
            try:
                await sem.acquire()
            finally:
                self._queued[client] -= 1
                if not self._queued[client]:
                    del self._queued[client]
        else:
            await sem.acquire()
        self._running[client] += 1

    def release(self, client: str) -> None:
        self._sems[client].release()
        self._running[client] -= 1
        if not self._running[client] and not self._queued.get(client):  # idle: forget the address
            del self._running[client], self._sems[client]
