"""Signed session cookies and per-session CSRF tokens for the web desk (standard library only).

A session is ``base64url(json) + "." + HMAC-SHA256`` under a secret made at start-up; the cookie is
HttpOnly and SameSite=Strict.  Every session, even before login, carries a random CSRF token that each
form echoes in a hidden field; POST handlers compare it in constant time.  A logged-in session is also
held server-side in :class:`LiveSessions`: logout revokes it (a kept copy of the cookie no longer
writes), and it ends after :data:`AUTH_IDLE` seconds unused or :data:`AUTH_MAX_AGE` after login.

>>> signer = Signer(b"k" * 32)
>>> session = signer.new(auth=True)
>>> signer.load(signer.dump(session)) == session
True
>>> cookie = signer.dump(session)
>>> signer.load(cookie[:-1] + ("A" if cookie[-1] != "A" else "B")) is None  # one character changed
True
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import math
import threading
import time
from collections import defaultdict, deque
from dataclasses import asdict, dataclass

COOKIE = "kg_session"
#: lifetime of a session cookie that only carries the CSRF token
MAX_AGE = 12 * 3600
#: a logged-in session ends this long after login, whatever happens
AUTH_MAX_AGE = 8 * 3600
#: ... or after this long without a request
AUTH_IDLE = 30 * 60


@dataclass(frozen=True)
class Session:
    """A browser session: random ID, CSRF token, whether the write token was given, issue time."""

    sid: str
    csrf: str
    auth: bool
    iat: int


class Signer:
    """Signs and verifies session cookies with one secret."""

    def __init__(self, secret: bytes | None = None) -> None:
        self.secret = secret or secrets.token_bytes(32)

    def new(self, *, auth: bool = False) -> Session:
        return Session(secrets.token_urlsafe(16), secrets.token_urlsafe(32), auth, int(time.time()))

    def _mac(self, body: str) -> str:
        return hmac.new(self.secret, body.encode("ascii"), hashlib.sha256).hexdigest()

    def dump(self, session: Session) -> str:
        body = base64.urlsafe_b64encode(json.dumps(asdict(session)).encode()).decode("ascii").rstrip("=")
        return f"{body}.{self._mac(body)}"

    def load(self, value: str | None) -> Session | None:
        """The session in a cookie value, or None when missing, tampered with or expired."""
        if not value or "." not in value:
            return None
        body, _, mac = value.rpartition(".")
        try:
            if not hmac.compare_digest(mac, self._mac(body)):
                return None
            data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
            session = Session(str(data["sid"]), str(data["csrf"]), bool(data["auth"]), int(data["iat"]))
        except (ValueError, KeyError, TypeError, UnicodeEncodeError):
            return None
        return session if time.time() - session.iat < MAX_AGE else None


def same_secret(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison; False when either side is empty.

    >>> same_secret("a", "a"), same_secret("", ""), same_secret("a", None)
    (True, False, False)
    """
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


class LiveSessions:
    """The logged-in sessions the server still honours (session ID → login time, last use).

    >>> live = LiveSessions()
    >>> live.add("s1"); live.active("s1"), live.active("s2")
    (True, False)
    >>> live.revoke("s1"); live.active("s1")
    False
    """

    def __init__(self, idle: float = AUTH_IDLE, max_age: float = AUTH_MAX_AGE, limit: int = 10_000) -> None:
        self.idle, self.max_age, self.limit = idle, max_age, limit
        self._live: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def add(self, sid: str) -> None:
        now = time.time()
        with self._lock:
            if len(self._live) >= self.limit:  # drop the oldest logins rather than grow without bound
                for old in sorted(self._live, key=lambda k: self._live[k][0])[: self.limit // 10]:
                    del self._live[old]
            self._live[sid] = (now, now)

    def active(self, sid: str) -> bool:
        """True (and the idle clock restarts) when ``sid`` is logged in and neither idle nor too old."""
        now = time.time()
        with self._lock:
            times = self._live.get(sid)
            if times is None:
                return False
            if now - times[0] > self.max_age or now - times[1] > self.idle:
                del self._live[sid]
                return False
            self._live[sid] = (times[0], now)
            return True

    def revoke(self, sid: str) -> None:
        with self._lock:
            self._live.pop(sid, None)


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
