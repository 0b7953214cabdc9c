"""Signed session cookies and per-session CSRF tokens for the web desk (standard library only).

A session is ``base64url(json) + "." + HMAC-SHA256`` under a secret made at start-up; the cookie is
HttpOnly and SameSite=Strict.  Every session, even before login, carries a random CSRF token that each
form echoes in a hidden field; POST handlers compare it in constant time.

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
import time
from dataclasses import asdict, dataclass

COOKIE = "kg_session"
MAX_AGE = 12 * 3600


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
