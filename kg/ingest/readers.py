"""Readers: files, folders and stdin to :class:`kg.model.Document` objects.

Formats are chosen by extension (``.txt``/``.md`` plain text, ``.html``/``.htm``
HTML, ``.json`` one record or a list, ``.jsonl`` one record a line) or, for
stdin and unknown extensions, by sniffing the content.  Plain text: the first
line is the headline.  HTML goes through trafilatura (main text, title,
canonical URL, date, publisher; scripts never become text).  JSON records have
``text`` (required), ``title``, ``url``, ``published``, ``publisher``.

Every problem raises :class:`ReaderError` with one line naming the file.
Files above :data:`MAX_BYTES` are refused before they are read.  Text that is
not UTF-8 is decoded as cp1252 (then latin-1) and a warning says so; UTF-16 and UTF-32 with a byte-order
mark are read as such (without one, ASCII-range UTF-16 is recognised, with a warning).

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = p.write_text("Leaders meet\\nAnn Lee met Raj Patel.")
>>> [d.title for d in read_path(p, published="2025-08-15")]
['Leaders meet']
>>> _ = p.write_text("   ")
>>> read_path(p)
Traceback (most recent call last):
...
kg.ingest.readers.ReaderError: ...a.txt: empty file
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from kg.ingest.htmltext import html_to_parts
from kg.model.core import Document

#: largest input accepted, in bytes (documented in docs/extraction.md)
MAX_BYTES = 10 * 1024 * 1024
TEXT_EXT = {".txt", ".md", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSON_EXT = {".json"}
JSONL_EXT = {".jsonl", ".ndjson"}
KNOWN_EXT = TEXT_EXT | HTML_EXT | JSON_EXT | JSONL_EXT
_DATELINE = re.compile(r"(?:Published|Updated|Posted|Date)\s*:?\s*(?P<d>[^|\n]{6,40})|^(?P<l>(?:\w{3,9}\.?\s+\d{1,2},\s+\d{4}"
                       r"|\d{1,2}\s+\w{3,9}\s+\d{4}|\d{4}-\d{2}-\d{2}))", re.MULTILINE)


class ReaderError(ValueError):
    """An input that cannot be read; the message is one line: ``<source>: <problem>``."""


def parse_date(value: Any, source: str) -> date | None:
    """A publication date from ISO text or free text ("Sat 26 Feb 2022"); ReaderError if unparseable.

    >>> parse_date("2025-08-15T11:30:00-08:00", "x")
    datetime.date(2025, 8, 15)
    >>> parse_date("not a date", "x.json")
    Traceback (most recent call last):
    ...
    kg.ingest.readers.ReaderError: x.json: unparseable published date 'not a date'
    """
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    from dateutil import parser

    try:
        return parser.parse(str(value), fuzzy=False).date()
    except (ValueError, OverflowError, TypeError):
        raise ReaderError(f"{source}: unparseable published date {str(value)[:40]!r}") from None


def _wide_encoding(data: bytes) -> tuple[str, bool] | None:
    """The UTF-16/UTF-32 encoding of ``data`` and whether a byte-order mark declared it, or None.

    Without a mark, text is taken for UTF-16 only when nearly every other byte is NUL (ASCII-range text).

    >>> _wide_encoding("Trump met Putin".encode("utf-16")), _wide_encoding("Trump met Putin".encode("utf-16-le"))
    (('utf-16', True), ('utf-16-le', False))
    >>> _wide_encoding(b"Trump met Putin") is None
    True
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32", True
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", True
    head = data[:8192]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le", False
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be", False
    return None


def decode(data: bytes, source: str, warnings: list[str] | None = None) -> str:
    """UTF-8 text of ``data``; binary is refused, other encodings fall back to cp1252/latin-1 with a warning."""
    if not data.strip():
        raise ReaderError(f"{source}: empty file")
    wide = _wide_encoding(data)
    if wide is not None:  # UTF-16/32 text holds NUL bytes; it is text all the same
        encoding, declared = wide
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise ReaderError(f"{source}: not valid {encoding.upper()} text") from None
        if "\x00" in text or not text.strip():
            raise ReaderError(f"{source}: binary file, not text")
        if not declared and warnings is not None:
            warnings.append(f"{source}: no byte-order mark, decoded as {encoding.upper()}")
        return text
    if b"\x00" in data[:8192]:
        raise ReaderError(f"{source}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if warnings is not None:
            warnings.append(f"{source}: not valid UTF-8, decoded as {enc}")
        return text
    raise ReaderError(f"{source}: cannot decode text")  # pragma: no cover - latin-1 decodes anything


def _sniff(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<head" in head:
        return "html"
    if head.startswith(("{", "[")):
        try:
            json.loads(text)
            return "json"
        except RecursionError:
            return "json"  # read_text reports the depth, naming the input
        except ValueError:
            return "jsonl" if head.startswith("{") else "text"
    return "text"


def _dateline(text: str, source: str) -> date | None:
    """A publication date written near the top of a plain-text article, if any."""
    for m in _DATELINE.finditer("\n".join(text.splitlines()[:6])):
        try:
            return parse_date((m["d"] or m["l"]).strip(" ,"), source)
        except ReaderError:
            continue
    return None


def _doc(text: str, source: str, *, title: str | None, url: str | None, published: Any, publisher: str | None,
         path: str | None) -> Document:
    text = text.strip("\ufeff")
    if not text.strip():
        raise ReaderError(f"{source}: no text")
    return Document.from_text(text, title=title, url=url, publisher=publisher, published=published, path=path)


def _from_text(text: str, source: str, meta: dict[str, Any], path: str | None) -> Document:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    published = meta.get("published") or _dateline(text, source)
    return _doc(text, source, title=first[:300] or None, url=meta.get("url"), published=published,
                publisher=None, path=path)


def _from_html(raw: str, source: str, meta: dict[str, Any], path: str | None) -> Document:
    parts = html_to_parts(raw)
    if not parts.get("text"):
        raise ReaderError(f"{source}: no article text found in HTML")
    published = meta.get("published") or parse_date(parts.get("date"), source)
    return _doc(parts["text"], source, title=parts.get("title"), url=meta.get("url") or parts.get("url"),
                published=published, publisher=parts.get("publisher"), path=path)


def _from_record(rec: Any, source: str, meta: dict[str, Any], path: str | None) -> Document:
    if not isinstance(rec, dict):
        raise ReaderError(f"{source}: expected a JSON object, got {type(rec).__name__}")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReaderError(f"{source}: record has no 'text'")
    published = meta.get("published") or parse_date(rec.get("published"), source)
    return _doc(text, source, title=rec.get("title"), url=meta.get("url") or rec.get("url"), published=published,
                publisher=rec.get("publisher"), path=path)


def read_text(text: str, source: str, *, kind: str | None = None, published: Any = None, url: str | None = None,
              path: str | None = None) -> list[Document]:
    """Documents in ``text`` (already decoded) of ``kind`` text|html|json|jsonl (sniffed when None)."""
    meta = {"published": parse_date(published, "--published"), "url": url}
    kind = kind or _sniff(text)
    if kind == "html":
        return [_from_html(text, source, meta, path)]
    if kind == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReaderError(f"{source}: invalid JSON ({exc.msg} at line {exc.lineno})") from None
        except RecursionError:
            raise ReaderError(f"{source}: JSON nested too deeply to read (an article record is a few levels deep)") from None
        records = data if isinstance(data, list) else [data]
        if not records:
            raise ReaderError(f"{source}: the JSON list holds no records")
        return [_from_record(r, f"{source}[{i}]" if isinstance(data, list) else source, meta, path)
                for i, r in enumerate(records)]
    if kind == "jsonl":
        docs = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ReaderError(f"{source}:{n}: invalid JSON ({exc.msg})") from None
            except RecursionError:
                raise ReaderError(f"{source}:{n}: JSON nested too deeply to read") from None
            docs.append(_from_record(rec, f"{source}:{n}", meta, path))
        if not docs:
            raise ReaderError(f"{source}: empty file")
        return docs
    return [_from_text(text, source, meta, path)]


def read_path(path: str | Path, *, published: Any = None, url: str | None = None,
              warnings: list[str] | None = None) -> list[Document]:
    """Documents in one file (or ``-`` for stdin)."""
    source = str(path)
    if source == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ReaderError(f"-: input larger than {MAX_BYTES // (1024 * 1024)} MB")
        return read_text(decode(data, "-", warnings), "-", published=published, url=url, path="-")
    p = Path(path)
    if not p.exists():
        raise ReaderError(f"{source}: no such file")
    if p.is_dir():
        raise ReaderError(f"{source}: is a folder (use iter_documents)")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise ReaderError(f"{source}: file is {size / 1048576:.0f} MB, larger than the {MAX_BYTES // 1048576} MB limit")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReaderError(f"{source}: cannot read ({exc.strerror})") from None
    ext = p.suffix.lower()
    kind = ("html" if ext in HTML_EXT else "json" if ext in JSON_EXT else "jsonl" if ext in JSONL_EXT
            else "text" if ext in TEXT_EXT else None)
    return read_text(decode(data, source, warnings), source, kind=kind, published=published, url=url, path=source)


def expand_paths(paths: list[str | Path]) -> list[str]:
    """Files named by ``paths``: folders recursively (known extensions, no hidden files), sorted.

    >>> expand_paths(["-"])
    ['-']
    """
    out: list[str] = []
    for path in paths:
        p = Path(path)
        if str(path) != "-" and p.is_dir():
            out.extend(str(f) for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in KNOWN_EXT
                       and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(str(path))
    return out


def iter_documents(paths: list[str | Path], *, published: Any = None, url: str | None = None,
                   warnings: list[str] | None = None) -> Iterator[tuple[str, list[Document] | ReaderError]]:
    """(file, documents or the ReaderError) for every file under ``paths``; one bad file never stops the rest.

    A failure no reader foresaw still names its file and lets the run go on.
    """
    for f in expand_paths(paths):
        try:
            yield f, read_path(f, published=published, url=url, warnings=warnings)
        except ReaderError as exc:
            yield f, exc
        except Exception as exc:  # noqa: BLE001 - isolation: the next file is still read
            first = (str(exc).splitlines() or [""])[0][:300]
            yield f, ReaderError(f"{f}: cannot read ({type(exc).__name__}: {first})")
