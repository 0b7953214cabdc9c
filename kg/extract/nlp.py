"""The shared spaCy pipeline: a blank English tokenizer with rule-based sentences.

Built once per process (``functools.lru_cache``): constructing a pipeline is
far slower than running it.  Line breaks always end a sentence, so headlines,
datelines and list items never merge with the paragraph that follows.

>>> nlp = get_nlp()
>>> [s.text for s in nlp("Headline here\\nTrump met Putin. They talked.").sents]
['Headline here\\n', 'Trump met Putin.', 'They talked.']
>>> len(list(nlp("He met his counterpart, Maj. Gen. Ali Bagheri, in Tehran.").sents))
1
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc


#: abbreviated titles that end in a full stop but not a sentence
TITLE_ABBREVIATIONS = ("Maj.", "Brig.", "Lt.", "Col.", "Capt.", "Sgt.", "Cmdr.", "Adm.", "Gen.", "Gov.", "Sen.", "Rep.",
                       "Amb.", "Pres.", "Dr.", "Prof.", "Mr.", "Mrs.", "Ms.", "Rev.", "Hon.", "Fr.", "Cpl.", "Pvt.",
                       "Insp.", "Supt.", "Cdr.", "Lt.-Gen.", "Maj.-Gen.", "Lt.-Col.", "Smt.", "Shri.")


def _newline_boundaries(doc: "Doc") -> "Doc":
    """Start a sentence after every token that contains a line break (found by text offsets, not token by token)."""
    from bisect import bisect_right

    from spacy.attrs import IDX

    text = doc.text
    if "\n" not in text or len(doc) < 2:
        return doc
    starts = doc.to_array([IDX]).tolist()
    pos = text.find("\n")
    while pos != -1:
        k = bisect_right(starts, pos)  # the first token starting after the line break
        if 0 < k < len(doc):
            doc[k].is_sent_start = True
        pos = text.find("\n", pos + 1)
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> "Language":
    """Return the process-wide pipeline (blank ``en`` + sentencizer + line breaks)."""
    import spacy
    from spacy.language import Language
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    if not Language.has_factory("kg_newline_boundaries"):
        Language.component("kg_newline_boundaries", func=_newline_boundaries)
    nlp = spacy.blank("en")
    tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]
    for abbr in TITLE_ABBREVIATIONS:  # "Maj. Gen. Mohammad Bagheri" is one sentence
        for form in (abbr, abbr.upper(), abbr.lower()):
            tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_newline_boundaries", after="sentencizer")
    return nlp
