"""Security headers on every response, and redirects that never echo the request's ``Host``.

A pure ASGI middleware: each response gets ``X-Content-Type-Options: nosniff``,
``Referrer-Policy: no-referrer`` and, unless the route set its own, a locked-down
``Content-Security-Policy`` (nothing loads, no framing) with ``X-Frame-Options: DENY``.  An absolute
``Location`` pointing at the host the client named is rebuilt from ``public_url`` (or made relative),
so a spoofed ``Host:`` header cannot send a browser elsewhere.

>>> SecurityHeaders(None).public_url is None
True
"""

from __future__ import annotations

from typing import Any, Callable
from urllib.parse import urlsplit, urlunsplit

Scope = dict[str, Any]
Message = dict[str, Any]
API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


class SecurityHeaders:
    """Add security headers to every HTTP response and rebuild redirects from configuration."""

    def __init__(self, app: Any, public_url: str | None = None) -> None:
        self.app = app
        self.public_url = public_url.rstrip("/") if public_url else None

    async def __call__(self, scope: Scope, receive: Callable[[], Any], send: Callable[[Message], Any]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = self._fixed(list(message.get("headers") or []))
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _fixed(self, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
        names = {k.lower() for k, _ in headers}
        out = []
        for key, value in headers:
            if key.lower() == b"location":
                value = self._location(value.decode("latin-1")).encode("latin-1")
            out.append((key, value))
        if b"x-content-type-options" not in names:
            out.append((b"x-content-type-options", b"nosniff"))
        if b"referrer-policy" not in names:
            out.append((b"referrer-policy", b"no-referrer"))
        if b"content-security-policy" not in names:
            out.append((b"content-security-policy", API_CSP.encode()))
            if b"x-frame-options" not in names:
                out.append((b"x-frame-options", b"DENY"))
        return out

    def _location(self, location: str) -> str:
        """An absolute redirect target keeps only its path, under ``public_url`` when configured.

        >>> SecurityHeaders(None, "https://kg.example/")._location("http://evil.example/ui/")
        'https://kg.example/ui/'
        >>> SecurityHeaders(None)._location("http://evil.example/ui/?a=1")
        '/ui/?a=1'
        """
        parts = urlsplit(location)
        if not parts.netloc:
            return location
        local = urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
        return (self.public_url + local) if self.public_url else local
