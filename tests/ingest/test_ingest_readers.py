"""Readers: every input format, and one clear one-line ReaderError for every kind of bad input."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from kg.ingest import readers
from kg.ingest.readers import MAX_BYTES, ReaderError, expand_paths, iter_documents, read_path

STORY = "Leaders meet in Oslo\n\nPresident Ann Lee met Prime Minister Raj Patel in Oslo on Monday."

HTML = """<!doctype html><html><head><title>Leaders meet in Oslo - Example News</title>
<link rel="canonical" href="https://news.example.org/oslo">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-03-05T10:00:00Z">
<script>var tracking = "President Evil met Nobody";</script></head>
<body><nav>Home | World</nav><article><h1>Leaders meet in Oslo</h1>
<p>President Ann Lee met Prime Minister Raj Patel in Oslo on Monday, officials said after the talks.</p>
<p>The two leaders discussed trade, energy and security, and agreed to meet again in the spring.</p>
</article><script>document.write("injected text")</script><footer>Leave a Reply</footer></body></html>"""


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode() if isinstance(data, str) else data)
    return p


def test_plain_text_first_line_is_title(tmp_path: Path) -> None:
    [doc] = read_path(write(tmp_path, "a.txt", STORY), published="2025-03-05", url="https://x.org/a")
    assert (doc.title, doc.published, doc.url, doc.path) == ("Leaders meet in Oslo", date(2025, 3, 5),
                                                             "https://x.org/a", str(tmp_path / "a.txt"))


def test_plain_text_dateline_supplies_publication_date(tmp_path: Path) -> None:
    [doc] = read_path(write(tmp_path, "a.txt", "Title\nBy A. Writer Published: Sat 26 Feb 2022, 2:30 PM\n\nBody."))
    assert doc.published == date(2022, 2, 26)


def test_identity_is_the_content_hash(tmp_path: Path) -> None:
    [a] = read_path(write(tmp_path, "a.txt", STORY))
    [b] = read_path(write(tmp_path, "b.md", STORY))
    assert a.iri_hash == b.iri_hash


def test_html_main_text_and_metadata_without_scripts(tmp_path: Path) -> None:
    [doc] = read_path(write(tmp_path, "a.html", HTML))
    assert doc.text and doc.text.startswith("Leaders meet in Oslo")
    assert "Ann Lee met" in doc.text
    assert "tracking" not in doc.text and "injected" not in doc.text
    assert doc.url == "https://news.example.org/oslo"
    assert doc.publisher == "Example News" and doc.published == date(2025, 3, 5)


def test_html_fallback_parser_drops_scripts() -> None:
    from kg.ingest.htmltext import _fallback

    parts = _fallback(HTML)
    assert "Ann Lee met" in parts["text"] and "tracking" not in parts["text"]
    assert parts["url"] == "https://news.example.org/oslo"


def test_json_record_and_list(tmp_path: Path) -> None:
    rec = {"text": STORY, "title": "T", "url": "https://x.org/1", "published": "2025-03-05", "publisher": "P"}
    [doc] = read_path(write(tmp_path, "a.json", json.dumps(rec)))
    assert (doc.title, doc.url, doc.publisher, doc.published) == ("T", "https://x.org/1", "P", date(2025, 3, 5))
    docs = read_path(write(tmp_path, "b.json", json.dumps([rec, {**rec, "text": STORY + " More."}])))
    assert len(docs) == 2


def test_jsonl_records(tmp_path: Path) -> None:
    lines = "\n".join(json.dumps({"text": f"{STORY} {i}"}) for i in range(3)) + "\n\n"
    assert len(read_path(write(tmp_path, "a.jsonl", lines))) == 3


def test_published_option_overrides_the_record(tmp_path: Path) -> None:
    [doc] = read_path(write(tmp_path, "a.json", json.dumps({"text": STORY, "published": "2020-01-01"})),
                      published="2025-03-05")
    assert doc.published == date(2025, 3, 5)


def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(HTML.encode())))
    [doc] = read_path("-")
    assert doc.path == "-" and doc.url == "https://news.example.org/oslo"


def test_folders_are_read_recursively(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", STORY)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "b.json", json.dumps({"text": STORY + "!"}))
    write(tmp_path / "sub", "image.png", b"\x89PNG")
    (tmp_path / ".hidden").mkdir()
    write(tmp_path / ".hidden", "c.txt", STORY)
    assert [Path(p).name for p in expand_paths([tmp_path])] == ["a.txt", "b.json"]


def test_non_utf8_is_decoded_with_a_warning(tmp_path: Path) -> None:
    warnings: list[str] = []
    [doc] = read_path(write(tmp_path, "a.txt", "Caf\xe9 talks\nMinister Jos\xe9 Ruiz met Ann Lee.".encode("cp1252")),
                      warnings=warnings)
    assert doc.text and "José Ruiz" in doc.text
    assert warnings == [f"{tmp_path / 'a.txt'}: not valid UTF-8, decoded as cp1252"]


@pytest.mark.parametrize("name, data, problem", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x00\x01\x02PNG\x00" * 10, "binary file"),
    ("scripts.html", b"<html><head><script>var a=1;</script></head><body><script>b()</script></body></html>",
     "no article text found in HTML"),
    ("notext.json", json.dumps({"title": "x"}).encode(), "record has no 'text'"),
    ("bad.json", b"{not json", "invalid JSON"),
    ("baddate.json", json.dumps({"text": "x y z", "published": "someday soon"}).encode(),
     "unparseable published date 'someday soon'"),
])
def test_bad_input_raises_one_line_reader_error(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(ReaderError) as info:
        read_path(path)
    message = str(info.value)
    assert message.startswith(str(path)) and problem in message and "\n" not in message


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # a sparse 50 MB file: cheap to make, never read
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(ReaderError, match=r"huge.txt: file is 50 MB, larger than the 10 MB limit"):
        read_path(path)
    assert MAX_BYTES == 10 * 1024 * 1024


def test_bad_published_option_is_a_reader_error(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="--published: unparseable published date"):
        read_path(write(tmp_path, "a.txt", STORY), published="32/13/2025x")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="no such file"):
        read_path(tmp_path / "nope.txt")


def test_iter_documents_reports_bad_files_and_continues(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", STORY)
    write(tmp_path, "b.txt", b"")
    write(tmp_path, "c.txt", STORY + " Again.")
    results = list(iter_documents([tmp_path]))
    assert [isinstance(r, ReaderError) for _, r in results] == [False, True, False]


def test_reader_module_has_documented_cap() -> None:
    assert "MAX_BYTES" in (readers.__doc__ or "")


def test_utf16_and_utf32_text_is_read(tmp_path):
    from kg.ingest.readers import read_path

    text = "Minsk talks\nBelarusian President Alexander Lukashenko met U.S. envoy Keith Kellogg in Minsk — “a frank talk”."
    for encoding in ("utf-16", "utf-32", "utf-16-le"):
        f = tmp_path / f"{encoding}.txt"
        f.write_bytes(text.encode(encoding))
        warnings: list[str] = []
        [doc] = read_path(f, warnings=warnings)
        assert doc.text is not None and doc.text.strip() == text
        assert bool(warnings) == (encoding == "utf-16-le")  # only the unmarked one is a guess worth a warning


def test_binary_with_a_utf16_mark_is_still_binary(tmp_path):
    import pytest

    from kg.ingest.readers import ReaderError, read_path

    f = tmp_path / "x.txt"
    f.write_bytes(b"\xff\xfe" + bytes(range(256)) * 4)
    with pytest.raises(ReaderError, match="x.txt: (binary file, not text|not valid UTF-16 text)"):
        read_path(f)
