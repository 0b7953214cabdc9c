"""Reading the gazetteer CSV files with errors that name file, line and field.

>>> import io
>>> rows = list(read_rows(io.StringIO("id,name\\nQ1,Universe\\n"), "x.csv", required=("id", "name")))
>>> rows[0].line, rows[0]["name"]
(2, 'Universe')
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import IO


class GazetteerError(ValueError):
    """A malformed gazetteer row: ``file:line: field 'x': problem``.

    >>> str(GazetteerError("persons.csv", 3, "id", "empty"))
    "persons.csv:3: field 'id': empty"
    """

    def __init__(self, file: str, line: int, field: str, problem: str) -> None:
        self.file, self.line, self.field, self.problem = file, line, field, problem
        super().__init__(f"{file}:{line}: field {field!r}: {problem}")


class Row(dict[str, str]):
    """A CSV row (stripped strings) that remembers its file and line."""

    file: str = ""
    line: int = 0

    def fail(self, field: str, problem: str) -> GazetteerError:
        """An error pointing at ``field`` of this row."""
        return GazetteerError(self.file, self.line, field, problem)

    def split(self, field: str) -> list[str]:
        """The ``|``-separated values of ``field``, blanks dropped."""
        return [v.strip() for v in self.get(field, "").split("|") if v.strip()]


def read_rows(stream: IO[str], name: str, required: tuple[str, ...] = ()) -> Iterator[Row]:
    """Yield :class:`Row` objects; lines starting with ``#`` are comments."""
    reader = csv.reader(stream)
    header: list[str] | None = None
    for record in reader:
        if not record or not "".join(record).strip() or record[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [h.strip() for h in record]
            missing = [f for f in required if f not in header]
            if missing:
                raise GazetteerError(name, reader.line_num, missing[0], "column missing from header")
            continue
        row = Row()
        row.file, row.line = name, reader.line_num
        if len(record) > len(header):
            raise row.fail(header[-1], f"{len(record)} fields, header has {len(header)}")
        for i, key in enumerate(header):
            row[key] = record[i].strip() if i < len(record) else ""
        for f in required:
            if not row[f]:
                raise row.fail(f, "empty")
        yield row


def read_file(path: Path, required: tuple[str, ...] = ()) -> list[Row]:
    """All rows of ``path`` (an empty list when the file does not exist)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(read_rows(fh, path.name, required))
