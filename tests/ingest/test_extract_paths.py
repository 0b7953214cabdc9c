"""``kg.ingest.batch.extract_paths``: the library call behind ``kg extract`` (per-document results and per-input
errors, in input order, across batch boundaries; an extractor crash names its file and the rest go on)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.extract import get_extractor
from kg.ingest.batch import Extracted, InputError, extract_paths
from kg.model.core import Assertion, Document


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    texts = {
        "a.txt": "Talks\nPresident Ann Lee met Raj Patel in Geneva.",
        "b.txt": "",
        "c.txt": "Calls\nPresident Omar Diaz spoke by phone with Eva Stone.",
        "d.txt": "Talks\nChancellor Eva Stone met Ann Lee in Vienna.",
        "e.txt": "Talks\nPresident Raj Patel met Omar Diaz in Oslo.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _summary(items: list[Extracted | InputError]) -> list[tuple[str, str]]:
    return [(Path(i.path).name, "error" if isinstance(i, InputError) else
             ",".join(sorted(a.claim.relation for a in i.assertions))) for i in items]


def test_results_and_errors_come_in_input_order_across_batches(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    for batch in (1, 2, 64):
        items = list(extract_paths([folder], extractor="rules", batch=batch))
        assert _summary(items) == [("a.txt", "meets"), ("b.txt", "error"), ("c.txt", "talksWith"),
                                   ("d.txt", "meets"), ("e.txt", "meets")], batch
    error = items[1]
    assert isinstance(error, InputError) and str(error).startswith(str(folder / "b.txt")) and "\n" not in str(error)


def test_url_and_published_override_the_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks\nPresident Ann Lee met Raj Patel in Geneva.", encoding="utf-8")
    [item] = extract_paths([tmp_path / "a.txt"], extractor="rules", url="https://example.org/x",
                           published="2025-03-01")
    assert isinstance(item, Extracted)
    assert item.source == "https://example.org/x" and item.path == str(tmp_path / "a.txt")
    assert item.document.published is not None and item.document.published.isoformat() == "2025-03-01"
    assert {a.source.url for a in item.assertions} == {"https://example.org/x"}


class _Fragile:
    """The rules extractor, except that it crashes on documents mentioning Vienna (and on any batch holding one)."""

    name = "fragile"

    def __init__(self) -> None:
        self.real = get_extractor("rules")

    def extract(self, document: Document) -> Iterator[Assertion]:
        if "Vienna" in document.text:
            raise RuntimeError("boom\nsecond line")
        return self.real.extract(document)

    def extract_many(self, documents: list[Document]) -> Iterator[list[Assertion]]:
        if any("Vienna" in d.text for d in documents):
            raise RuntimeError("batch boom")
        return (list(self.real.extract(d)) for d in documents)


def test_an_extractor_crash_names_its_file_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    items = list(extract_paths([folder], extractor=_Fragile(), batch=64))
    assert _summary(items) == [("a.txt", "meets"), ("b.txt", "error"), ("c.txt", "talksWith"),
                               ("d.txt", "error"), ("e.txt", "meets")]
    crash = items[3]
    assert str(crash) == f"{folder / 'd.txt'}: extraction failed: RuntimeError: boom"


def test_reader_warnings_are_collected(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Talks\nPresident René Lee met Raj Patel.\n".encode("cp1252"))
    warnings: list[str] = []
    items = list(extract_paths([tmp_path / "a.txt"], extractor="rules", warnings=warnings))
    assert len(items) == 1 and isinstance(items[0], Extracted)
    assert warnings and all(str(tmp_path / "a.txt") in w for w in warnings)
