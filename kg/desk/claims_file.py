"""Bulk analyst claims from CSV or YAML: every row is validated before anything is written.

>>> rows = parse_claims_text("- {subject: A, relation: meets, object: B, source: 'https://x.org/1'}", "c.yaml")
>>> rows[0].relation
'meets'
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from kg.model.inputs import ClaimInput, one_line_error


class ClaimsFileError(ValueError):
    """A claims file is malformed; the message names the file, row and field."""


def parse_claims_text(text: str, name: str) -> list[ClaimInput]:
    """Parse and validate claims from CSV (``.csv``) or YAML text; raise on the first bad row."""
    claims, errors = parse_claims_lenient(text, name)
    if errors:
        raise ClaimsFileError(errors[0])
    return claims


def parse_claims_lenient(text: str, name: str) -> tuple[list[ClaimInput], list[str]]:
    """(valid claims, one-line errors naming row and field) for ``--skip-invalid``."""
    records = _records(text, name)
    claims, errors = [], []
    for number, record in records:
        try:
            claims.append(ClaimInput(**{k: v for k, v in record.items() if v not in (None, "")}))
        except ValidationError as exc:
            errors.append(f"{name}: row {number}: {one_line_error(exc)}")
        except TypeError as exc:
            errors.append(f"{name}: row {number}: {exc}")
    return claims, errors


def _records(text: str, name: str) -> list[tuple[int, dict[str, Any]]]:
    if name.lower().endswith(".csv"):
        # newline="": the csv module sees the line ends itself (a lone CR is a line end, not a csv.Error).
        reader = csv.DictReader(io.StringIO(text, newline=""))
        try:
            missing = {"subject", "relation", "object", "source"} - set(reader.fieldnames or [])
            if missing:
                raise ClaimsFileError(f"{name}: missing column(s) {', '.join(sorted(missing))}")
            return [(i + 2, dict(row)) for i, row in enumerate(reader)]
        except csv.Error as exc:
            raise ClaimsFileError(f"{name}: line {reader.line_num}: malformed CSV ({exc})") from None
    try:
        data = yaml.safe_load(text)
    except RecursionError:
        raise ClaimsFileError(f"{name}: YAML nested too deeply to read (a claim is a flat mapping)") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise ClaimsFileError(f"{name}:{where} is not valid YAML") from None
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ClaimsFileError(f"{name}: expected a list of claims (mappings)")
    return [(i + 1, r) for i, r in enumerate(data)]


#: largest claims file read (about 100,000 rows of CSV); its claims are held in memory until the one write
MAX_CLAIMS_BYTES = 32 * 1024 * 1024


def read_claims_file(path: Path, *, limit: int = MAX_CLAIMS_BYTES) -> str:
    """The text of a claims file; ClaimsFileError (one line naming the file) when unreadable or too large."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ClaimsFileError(f"{path}: file is {size / 1048576:.1f} MB, larger than the "
                                  f"{limit / 1048576:.0f} MB limit for a claims file (split it; each part is one write)")
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimsFileError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
