"""Text that XML 1.0 can carry: the characters it forbids become U+FFFD, so every XML export is well-formed.

XML 1.0 allows tab, newline, carriage return, U+0020-U+D7FF, U+E000-U+FFFD and U+10000-U+10FFFF; nothing
else can be written even as a character reference (``&#0;`` is not well-formed).

>>> xml_safe("Ann\\x00 Lee\\x1b")
'Ann\\ufffd Lee\\ufffd'
>>> xml_safe("Hugo Chávez\\n")
'Hugo Chávez\\n'
"""

from __future__ import annotations

import re

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD."""
    return _FORBIDDEN.sub("\ufffd", text)
