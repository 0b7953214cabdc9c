"""The attribute ruler of the trained pipeline, with its one-token rules looked up instead of matched.

``en_core_web_sm`` maps fine-grained tags to parts of speech, morphology and a few lemmas with an
``attribute_ruler`` of some 180 token patterns, run through spaCy's ``Matcher``: a third of the
tagger-and-parser's time on this project's sentences. Nearly all of them look at one token's tag,
lower-case form, dependency label and whether it is white space, so which of them match a token
depends only on those four values. :class:`LookupAttributeRuler` evaluates the one-token patterns
once per distinct combination (a dictionary lookup afterwards), keeps a ``Matcher`` for the few
patterns over two tokens or with other operators, and applies the matches through the original
ruler in the original order, so the result is the ruler's own (a test compares the two).

>>> from kg.extract.model import get_model
>>> doc = get_model()("She has met him twice.")
>>> [(t.text, t.pos_, t.lemma_) for t in doc][:3]
[('She', 'PRON', 'she'), ('has', 'AUX', 'have'), ('met', 'VERB', 'meet')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: token attributes a one-token pattern may test to be looked up (anything else goes to the Matcher)
_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")


_OPERATORS = ({"IN"}, {"NOT_IN"}, {"REGEX"})


def _test(spec: Any, value: Any) -> bool:
    """Whether ``value`` satisfies one attribute of a token pattern (as the ``Matcher`` reads it).

    >>> _test({"IN": ["is", "are"]}, "is"), _test({"NOT_IN": ["det"]}, "det"), _test({"REGEX": "^n'?t$"}, "n't")
    (True, False, True)
    """
    if isinstance(spec, dict):
        if "IN" in spec:
            return value in spec["IN"]
        if "NOT_IN" in spec:
            return value not in spec["NOT_IN"]
        return re.search(spec["REGEX"], value) is not None
    return bool(value == spec)


def _plain(token: dict[str, Any]) -> bool:
    """A token pattern over the looked-up attributes with operators :func:`_test` reads."""
    return set(token) <= set(_KEYS) and all(not isinstance(v, dict) or set(v) in _OPERATORS for v in token.values())


def _simple(pattern: list[dict[str, Any]]) -> bool:
    return len(pattern) == 1 and _plain(pattern[0])


def _SETTABLE_IDS() -> tuple[int, ...]:
    """Attribute ids set through ``Doc.from_array``: part of speech, morphology, lemma."""
    from spacy.attrs import LEMMA, MORPH, POS

    return (POS, MORPH, LEMMA)


class _Rules(NamedTuple):
    rules: tuple[tuple[int, int], ...]  # (rule number, match id) of the one-token rules that match
    starts: bool  # whether a longer rule may start at the token
    merged: tuple[tuple[int, int], ...] | None  # (column of _SETTABLE_IDS, value) after every rule; None: not settable


class LookupAttributeRuler:
    """Callable pipeline step equal to ``ruler`` (a spaCy ``AttributeRuler``), faster on one-token rules."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        strings = ruler.vocab.strings
        self.single: list[tuple[int, int, dict[str, Any]]] = []  # (rule number, match id, token pattern)
        self.matcher = Matcher(ruler.vocab)
        #: first tokens of the longer patterns: the Matcher runs only on a sentence holding one
        self.starts: list[dict[str, Any] | None] = []
        for number, entry in enumerate(ruler.patterns):
            match_id = strings[str(number)]
            rest = []
            for pattern in entry["patterns"]:
                if _simple(pattern):
                    self.single.append((number, match_id, pattern[0]))
                else:
                    rest.append(pattern)
                    self.starts.append(pattern[0] if _plain(pattern[0]) else None)
            if rest:
                self.matcher.add(str(number), rest)
        self._memo: dict[tuple[int, ...], _Rules] = {}
        # the rules name a few lower-case forms: every other form is one class ("\0"), so the lookup stays small
        tests = [spec for _n, _m, pat in self.single for attr, spec in pat.items() if attr == "LOWER"] + \
            [spec for start in self.starts if start for attr, spec in start.items() if attr == "LOWER"]
        self._named = {w for spec in tests for w in ([spec] if isinstance(spec, str) else spec.get("IN", []) +
                                                     spec.get("NOT_IN", []))}
        self._regexes = [spec["REGEX"] for spec in tests if isinstance(spec, dict) and "REGEX" in spec]
        self._lower_class: dict[int, int] = {0: 0}

    def _rules_for(self, key: tuple[int, ...], strings: Any) -> "_Rules":
        """What the one-token rules do to a token with these (hashed) attributes."""
        tag, lower, dep, space = key
        lower = self._lower_class.get(lower, -1)
        if lower == -1:
            form = strings[key[1]]
            lower = key[1] if form in self._named or any(re.search(r, form) for r in self._regexes) else 1
            self._lower_class[key[1]] = lower
        key = (tag, lower, dep, space)
        found = self._memo.get(key)
        if found is None:
            values = {"TAG": strings[tag] if tag else "", "LOWER": strings[lower] if lower > 1 else "\0" * lower,
                      "DEP": strings[dep] if dep else "", "IS_SPACE": bool(space)}

            def fits(pat: dict[str, Any]) -> bool:
                return all(_test(spec, values[attr]) for attr, spec in pat.items())

            rules = tuple(sorted((number, match_id) for number, match_id, pat in self.single if fits(pat)))
            merged: dict[int, int] | None = {}
            for number, _m in rules:  # later rules win, as in the ruler
                attrs = self.ruler.attrs[number]
                if merged is None or not set(attrs) <= set(_SETTABLE_IDS()):
                    merged = None
                    continue
                merged.update(attrs)
            found = _Rules(rules, any(start is None or fits(start) for start in self.starts),
                           None if merged is None else tuple((_SETTABLE_IDS().index(a), v) for a, v in merged.items()))
            self._memo[key] = found
        return found

    def __call__(self, doc: "Doc") -> "Doc":
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        strings = doc.vocab.strings
        per_token = [self._rules_for(key, strings) for key in map(tuple, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist())]
        longer = [(int(strings[m_id]), m_id, s, e) for m_id, s, e in self.matcher(doc, allow_missing=True, as_spans=False)
                  ] if any(r.starts for r in per_token) else []  # type: ignore[misc]
        if longer or any(r.merged is None for r in per_token):
            # a longer rule matched, or a rule sets a tag or a label: the ruler applies them itself
            matches = [(number, match_id, i, i + 1) for i, r in enumerate(per_token) for number, match_id in r.rules]
            self.ruler.set_annotations(doc, sorted(matches + longer))
            return doc
        settable: Any = list(_SETTABLE_IDS())  # spaCy's stubs want list[int | str]
        values: Any = doc.to_array(settable)
        for i, r in enumerate(per_token):
            for column, value in r.merged or ():
                values[i, column] = value
        doc.from_array(settable, values)
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)
