"""A pure ASGI middleware that answers 413 to request bodies over a size limit.

It checks ``Content-Length`` first and, for chunked bodies, counts bytes as
they arrive, so an oversized body is never buffered whole.

>>> BodyLimit(None, max_body=10).max_body
10
"""

from __future__ import annotations

import json
from typing import Any, Callable

Scope = dict[str, Any]
Message = dict[str, Any]


class BodyLimit:
    """Reject HTTP requests whose body exceeds ``max_body`` bytes with 413."""

    def __init__(self, app: Any, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Callable[[], Any], send: Callable[[Message], Any]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            await self._reject(send)
            return
        seen = 0
        too_big = False

        async def counted() -> Message:
            nonlocal seen, too_big
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    too_big = True
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await self._reject(send)
        except Exception:
            if too_big:
                await self._reject(send)
                return
            raise

    async def _reject(self, send: Callable[[Message], Any]) -> None:
        body = json.dumps({"detail": f"request body is larger than {self.max_body} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass
