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
                       "Insp.", "Supt.", "Cdr.", "Lt.-Gen.", "Maj.-Gen.", "Lt.-Col.", "Smt.", "Shri.", "H.E.", "retd.", "Retd.",
                       # abbreviations that sit inside a sentence ("at No. 10 Downing Street", "Acme Co. Ltd.")
                       "No.", "Nos.", "St.", "Jr.", "Sr.", "Inc.", "Corp.", "Co.", "Ltd.", "Mt.", "Ft.", "vs.", "Gov't.",
                       "Dept.", "Sec.", "Art.", "Para.", "approx.", "Nr.")

#: hyphenated verbs kept whole, so the parser reads them as the verb of their clause ("A and B co-chaired the talks")
WHOLE_VERBS = ("co-chair", "co-host", "co-sign", "co-sponsor")
#: hyphenated nouns of meeting kept whole ("held a tête-à-tête"): split, the parser reads "à" as the object
WHOLE_NOUNS = ("tête-à-tête", "tête-à-têtes", "tete-a-tete", "tete-a-tetes", "sit-down", "sit-downs", "co-defendant",
               "co-defendants", "co-accused", "co-founder", "co-founders", "co-worker", "co-workers", "co-pilot")
#: hyphenated titles kept whole, so that the title words know them ("the Commonwealth Secretary-General, X")
WHOLE_TITLES = ("Secretary-General", "Director-General", "Secretaries-General", "Directors-General")
WHOLE_WORDS = tuple(f"{verb}{end}" for verb in WHOLE_VERBS for end in ("", "s", "ed", "ing")) + WHOLE_NOUNS + WHOLE_TITLES


def whole_forms() -> tuple[str, ...]:
    """Every form the tokenizers keep as one token: title abbreviations ("Maj.") and :data:`WHOLE_WORDS`."""
    return tuple(form for word in TITLE_ABBREVIATIONS + WHOLE_WORDS
                 for form in dict.fromkeys((word, word.upper(), word.lower(), word[:1].upper() + word[1:])))


def _newline_boundaries(doc: "Doc") -> "Doc":
    """Start a sentence after every whitespace token that holds a line break.

    The tokenizer puts line breaks in whitespace tokens of their own; they are found
    from token attributes in bulk (``Doc.text`` would rebuild the whole text).
    """
    from spacy.attrs import IS_SPACE, ORTH

    if len(doc) < 2:
        return doc
    strings = doc.vocab.strings
    for k, (space, orth) in enumerate(doc.to_array([IS_SPACE, ORTH]).tolist()):
        if space and k + 1 < len(doc) and "\n" in strings[orth]:
            doc[k + 1].is_sent_start = True
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
    for form in whole_forms():  # "Maj. Gen. Mohammad Bagheri" is one sentence; "co-chaired" one verb
        tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_newline_boundaries", after="sentencizer")
    return nlp
