"""Source keys: which outlet a URL, domain or publisher name stands for (the grading registry's key).

>>> source_key("https://www.Reuters.com/world/x"), source_key("Associated Press")
('reuters.com', 'associated press')
"""

from __future__ import annotations

from urllib.parse import urlsplit


def source_key(source: str | None) -> str:
    """The registry key of a source: URL host without ``www.``, else the lower-cased name.

    >>> source_key("")
    Traceback (most recent call last):
    ValueError: source: a domain, URL or publisher name is required
    """
    text = (source or "").strip()
    if not text:
        raise ValueError("source: a domain, URL or publisher name is required")
    if "://" in text:
        host = urlsplit(text).hostname or ""
        if not host:
            raise ValueError(f"source: {text!r} has no host")
        text = host
    text = text.lower().rstrip(".")
    return text[4:] if text.startswith("www.") else text
