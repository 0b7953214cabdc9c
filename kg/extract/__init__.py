"""Extraction: documents in, sourced :class:`kg.model.Assertion` objects out.

Extractors are chosen by name (:func:`get_extractor`): the default ``parse``
(a trained English pipeline and relation frames over its parse) and ``rules``
(patterns only, no trained model).  Importing this package loads nothing heavy.

>>> from kg.extract import get_extractor
>>> get_extractor("rules").name
'rules'
"""

from kg.extract.registry import Extractor, available, get_extractor, register

__all__ = ["Extractor", "available", "get_extractor", "register"]
