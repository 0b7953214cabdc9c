"""HTML to article text and metadata: trafilatura, or a stdlib fallback.

The fallback (used only when trafilatura cannot be imported) keeps paragraph
text and drops ``script``, ``style``, ``nav``, ``header``, ``footer`` and forms.

>>> parts = _fallback("<html><head><title>T</title><script>x()</script></head><body><p>Hello.</p></body></html>")
>>> parts["title"], parts["text"]
('T', 'T\\n\\nHello.')
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "form", "aside", "template", "svg", "iframe"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "li", "br", "article", "section", "blockquote", "tr"}


def html_to_parts(html: str) -> dict[str, Any]:
    """``{text, title, url, date, publisher}`` of an HTML page; text starts with the title line."""
    try:
        import trafilatura
    except Exception:  # noqa: BLE001 - broken optional dependency chain (lxml.html.clean)
        return _fallback(html)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception:  # noqa: BLE001 - lxml/htmldate raise bare AssertionErrors on some malformed pages
        return _fallback(html)
    if doc is None:
        return {}
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (d.get("text") or "").strip()
    title = (d.get("title") or "").strip() or None
    if text and title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return {"text": text, "title": title, "url": d.get("url"), "date": d.get("date"),
            "publisher": d.get("sitename") or d.get("hostname")}


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.in_title = False
        self.title = ""
        self.chunks: list[str] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in _SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = a.get("property") or a.get("name") or ""
            self.meta[key.lower()] = a.get("content", "")
        elif tag == "link" and a.get("rel") == "canonical":
            self.meta["canonical"] = a.get("href", "")
        if tag in _BLOCK:
            self.chunks.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip:
            self.skip -= 1
        elif tag == "title":
            self.in_title = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skip:
            self.chunks.append(data)


def _fallback(html: str) -> dict[str, Any]:
    p = _Parser()
    p.feed(html)
    paras = [" ".join(c.split()) for c in "".join(p.chunks).split("\n\n")]
    body = "\n\n".join(c for c in paras if c)
    title = " ".join(p.title.split()) or p.meta.get("og:title") or None
    text = f"{title}\n\n{body}" if title and body and not body.startswith(title) else body
    return {"text": text if body else "", "title": title, "url": p.meta.get("canonical") or p.meta.get("og:url"),
            "date": p.meta.get("article:published_time") or p.meta.get("date"),
            "publisher": p.meta.get("og:site_name")}
