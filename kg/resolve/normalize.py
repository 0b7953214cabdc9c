"""Text normalisation shared by the gazetteer index and the resolver.

Both sides of every lookup go through :func:`norm`, so "the Kremlin's",
"KREMLIN" and "Kremlin" meet at the same key.  Keep this function cheap: it runs
once per mention.

>>> norm("The Kremlin’s")
'kremlin'
>>> norm("U.S.")
'us'
>>> norm("Russia's president")
'russia president'
>>> norm("Lukašenka")
'lukasenka'
"""

from __future__ import annotations

import re
import unicodedata

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u00b4": "'"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_DOTS = re.compile(r"(?<=\w)\.(?=\w|\s|$)")
_NON_WORD = re.compile(r"[^a-z0-9']+")
_LEADING_THE = re.compile(r"^the\s+")


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping the characters otherwise.

    >>> fold("Zelenskyy Çavuşoğlu")
    'zelenskyy cavusoglu'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    # invisible format characters (soft hyphen, word joiner, zero-width space) never tell two names apart
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c) and unicodedata.category(c) != "Cf")
    # a few letters have no decomposition
    return stripped.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d").casefold()


def norm(text: str, *, strip_the: bool = True) -> str:
    """Normalise a mention or alias into a lookup key.

    Accents and case are folded, dots in abbreviations dropped ("U.S." -> "us"),
    possessives removed ("Moscow's" -> "moscow"), punctuation and hyphens become
    spaces and a leading "the" is removed.

    >>> norm("the UN Secretary-General")
    'un secretary general'
    >>> norm("Mr. Lavrov")
    'mr lavrov'
    """
    s = fold(text).translate(_APOS)
    s = _POSSESSIVE.sub("", s)
    s = _DOTS.sub("", s)
    s = _NON_WORD.sub(" ", s).replace("'", "").strip()
    s = " ".join(s.split())
    if strip_the:
        s = _LEADING_THE.sub("", s)
    return s
