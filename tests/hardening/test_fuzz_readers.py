"""Fuzzing the article readers (kg.ingest.readers): random bytes, encodings, JSON/JSONL records, HTML, sizes.

Every input ends in documents or a :class:`~kg.ingest.readers.ReaderError` of one line naming the input,
never another exception (an lxml AssertionError, a RecursionError, a KeyError) and never a hang.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import readers
from tests.hardening._common import EXAMPLES, check_clean

FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
KINDS = st.sampled_from([None, "text", "html", "json", "jsonl"])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "shift_jis", "koi8-r"])
JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
                       lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                       max_leaves=10)
FIELD = st.one_of(JSONISH, st.text(max_size=60),
                  st.sampled_from(["2025-08-15", "Sat 26 Feb 2022", "not a date", "99999-99-99", "0000-00-00",
                                   "2025-08-15T11:30:00-08:00", "1e400", "", " "]))


def check_reader_error(exc: BaseException, source: str = "fuzz") -> None:
    """Fail unless ``exc`` is a ReaderError whose one-line message names ``source``."""
    check_clean(exc, (readers.ReaderError,))
    assert str(exc).startswith(source), f"the message does not name the input: {exc}"


def _read(text: str, kind: str | None, published: object = None) -> None:
    try:
        docs = readers.read_text(text, "fuzz", kind=kind, published=published)
    except Exception as exc:  # noqa: BLE001 - the contract is checked here
        if isinstance(exc, readers.ReaderError) and str(exc).startswith("--published"):
            return  # the --published option named as the bad input
        check_reader_error(exc)
        return
    assert docs and all(d.text and d.text.strip() for d in docs)


def test_empty_json_list_is_an_error():
    with pytest.raises(readers.ReaderError):
        readers.read_text("[]", "empty.json", kind="json")


@FUZZ
@given(data=st.binary(max_size=2048), kind=KINDS)
def test_random_bytes(data: bytes, kind: str | None) -> None:
    warnings: list[str] = []
    try:
        text = readers.decode(data, "fuzz", warnings)
    except Exception as exc:  # noqa: BLE001
        check_reader_error(exc)
        return
    _read(text, kind)


@FUZZ
@given(text=st.text(max_size=400), enc=ENCODINGS, kind=KINDS)
def test_text_in_other_encodings(text: str, enc: str, kind: str | None) -> None:
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    try:
        decoded = readers.decode(data, "fuzz", [])
    except Exception as exc:  # noqa: BLE001
        check_reader_error(exc)
        return
    _read(decoded, kind)


RECORD = st.dictionaries(st.sampled_from(["text", "title", "url", "published", "publisher", "extra"]), FIELD, max_size=6)


@FUZZ
@given(records=st.lists(st.one_of(RECORD, JSONISH), max_size=4), as_list=st.booleans(), jsonl=st.booleans(),
       published=st.one_of(st.none(), FIELD))
def test_json_and_jsonl_records(records: list, as_list: bool, jsonl: bool, published: object) -> None:
    if jsonl:
        text = "\n".join(json.dumps(r) for r in records)
        _read(text or "\n", "jsonl", published if isinstance(published, (str, type(None))) else None)
    else:
        value = records if as_list else (records[0] if records else {})
        _read(json.dumps(value), "json", published if isinstance(published, (str, type(None))) else None)


TAGS = ["<html>", "</html>", "<head>", "<title>", "</title>", "<body>", "</body>", "<p>", "</p>", "<script>",
        "</script>", "<article>", "<meta property=\"article:published_time\" content=\"", "<link rel=canonical href=\"",
        "\">", "<time datetime=\"", "<!--", "-->", "<![CDATA[", "]]>", "<div>", "<h1>", "&amp;", "&#0;", "&#xD800;",
        "<?xml version=\"1.0\"?>", "<!DOCTYPE html>", "<style>", "<svg onload=x>", "\x00", "<meta charset=\"koi8-r\">"]


@FUZZ
@given(parts=st.lists(st.one_of(st.sampled_from(TAGS), st.text(max_size=40)), max_size=30))
def test_html_fragments(parts: list[str]) -> None:
    _read("".join(parts), "html")


@FUZZ
@given(data=st.binary(max_size=512), ext=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".bin", ""]),
       published=st.one_of(st.none(), st.sampled_from(["2025-08-15", "garbage", "31/02/2025"])))
def test_read_path_on_files(tmp_path_factory: pytest.TempPathFactory, data: bytes, ext: str, published: object) -> None:
    path = tmp_path_factory.mktemp("fz") / f"article{ext}"
    path.write_bytes(data)
    try:
        docs = readers.read_path(path, published=published, warnings=[])
    except Exception as exc:  # noqa: BLE001
        if isinstance(exc, readers.ReaderError) and str(exc).startswith("--published"):
            return
        check_reader_error(exc, str(path))
        return
    assert docs


def test_sizes_and_odd_paths(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Title\n" + b"x " * (readers.MAX_BYTES // 2 + 10))
    with pytest.raises(readers.ReaderError, match="larger than"):
        readers.read_path(big)
    just = tmp_path / "just.txt"
    just.write_bytes(b"Title\n" + b"a" * (readers.MAX_BYTES - 7))
    assert readers.read_path(just)[0].title == "Title"
    with pytest.raises(readers.ReaderError, match="is a folder"):
        readers.read_path(tmp_path)
    with pytest.raises(readers.ReaderError, match="no such file"):
        readers.read_path(tmp_path / "missing.txt")
    link = tmp_path / "loop.txt"
    link.symlink_to(link)
    with pytest.raises(Exception) as info:
        readers.read_path(link)
    check_reader_error(info.value, str(link))
    # a deeply nested JSON document must not blow the stack with an unclean RecursionError
    for kind in ("json", None, "jsonl"):
        with pytest.raises(readers.ReaderError) as info:
            readers.read_text("[" * 4_000_000, "deep.json", kind=kind)
        check_reader_error(info.value, "deep.json")


def test_malformed_html_is_a_reader_error(tmp_path):
    from kg.api import KnowledgeGraph
    from kg.ingest.pipeline import ingest_paths

    (tmp_path / "bad.html").write_text("<svg onload=x><html>", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Talks\nAnn Lee met Raj Patel in Geneva.", encoding="utf-8")
    with KnowledgeGraph.open("memory:") as graph:
        summary = ingest_paths(graph, [tmp_path])
    assert (summary.failed, summary.documents) == (1, 1)

