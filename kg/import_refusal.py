"""What ``kg import`` refuses with, shared by the checked path (:mod:`kg.importer`) and the bulk path
(:mod:`kg.bulkload`): the one-line refusal, the parser's error in ``FILE:LINE:COLUMN`` form, the progress callback.

>>> from pathlib import Path
>>> str(syntax_refusal(Path("data.nq"), SyntaxError("Parser error at line 3 between columns 1 and 5: bad IRI")))
'data.nq: bad IRI'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

_PARSER_AT = re.compile(r"^Parser error at line \d+ between columns \d+ and \d+: ")
#: ``progress(phase, quads so far, bytes read, file size)``; phase is "checking", "checking and loading" or
#: "loading" (bytes unknown: 0, 0).
Progress = Callable[[str, int, int, int], None]


class ImportRefused(ValueError):
    """The file breaks an import rule; the one-line message names the file, the line and the reason."""


def syntax_refusal(path: Path, exc: SyntaxError) -> ImportRefused:
    """A parser's error as ``FILE:LINE:COLUMN: what`` (one line)."""
    message = " ".join(_PARSER_AT.sub("", str(exc.msg or exc)).split())
    where = f":{exc.lineno}" + (f":{exc.offset}" if exc.offset else "") if exc.lineno else ""
    return ImportRefused(f"{path}{where}: {message}")
