"""Quotations and their speakers: who "I" is in ``"I spoke to her," he wrote``.

A quotation is a span between paired quotation marks (curly, or straight ones paired within a
paragraph). Its speaker is named in the attribution beside it: after the closing mark
(``", Biden said``, ``," said Biden``, ``," the president wrote``) or before the opening one
(``Biden said: "``). :func:`speaker_slot` gives the character span of that attribution's subject;
:mod:`kg.extract.coref` resolves the mention found there, and a first-person "I"/"me" inside the
quotation is that speaker.

>>> text = 'Talks\\n\\n"I have just spoken to Ana Ruiz," Tom Berg wrote on Friday.'
>>> [(text[a:b]) for a, b in quotations(text)]
['"I have just spoken to Ana Ruiz,"']
>>> a, b = speaker_slot(text, *quotations(text)[0])
>>> text[a:b]
'Tom Berg'
"""

from __future__ import annotations

import re

#: verbs that attribute a quotation to its speaker
REPORTING = (r"(?:said|says|say|wrote|writes|told|tells|added|adds|tweeted|posted|declared|stated|noted|explained|"
             r"recalled|insisted|stressed|continued|remarked|replied|asked|announced|warned)")
_AFTER = re.compile(rf"\s*(?:[—–-]\s*)?(?:{REPORTING}\s+(?P<inv>[^.,;:!?\"“”\n]{{1,60}})|"
                    rf"(?P<slot>[^.;!?\"“”\n]{{1,60}}?)\s+(?:(?:also|later|then|has|had|once)\s+)?{REPORTING}\b)")
_BEFORE = re.compile(rf"(?P<slot>[^.;!?\"“”\n]{{1,60}}?)\s+(?:(?:also|later|then|has|had)\s+)?{REPORTING}"
                     r"(?:\s+[^.;!?\"“”\n]{0,30}?)?\s*[:,]\s*$")
_PAIRS = re.compile(r"“[^“”]{1,2000}”|\"[^\"\n]{1,2000}\"")


def quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of the quotations in ``text``, marks included, in reading order."""
    return [(m.start(), m.end()) for m in _PAIRS.finditer(text)]


def speaker_slot(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the words naming the speaker of the quotation ``text[start:end]``, or None.

    >>> t = 'He left. "We will talk again," said Foreign Minister Ana Ruiz.'
    >>> a, b = speaker_slot(t, 9, 30); t[a:b]
    'Foreign Minister Ana Ruiz'
    >>> t = 'Ana Ruiz said on Monday: "I met him."'
    >>> a, b = speaker_slot(t, 25, len(t)); t[a:b]
    'Ana Ruiz'
    >>> speaker_slot('"Nothing," it read.', 0, 10) is None
    True
    """
    m = _AFTER.match(text, end)
    if m:
        group = "inv" if m.group("inv") else "slot"
        return m.start(group), m.end(group)
    line_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    m = _BEFORE.search(text[line_start:start])
    if m:
        return line_start + m.start("slot"), line_start + m.end("slot")
    return None


#: a transcript's speaker label at the start of a paragraph: "Question (Ana Ruiz, Daily Post):", "Q:", "MR LEE:",
#: "Official Spokesperson:". Who asks or answers is not a party to what is said after it.
SPEAKER_LABEL = re.compile(
    r"^[ \t]*(?:(?:Q|A|Question|Answer|Questioner|Journalist|Reporter|Moderator|Interviewer|Participant|"
    r"(?:(?:Official|Deputy|Chief|Press)\s+)?Spokes(?:person|man|woman)|(?:MR|MS|MRS|DR)\.?\s+[A-Z][A-Z'’-]+)"
    r"(?:\s*\([^()\n]{1,60}\))?|[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2}(?:\s*\([^()\n]{1,60}\))?|"
    # a parliament's record: "Minister for Foreign Affairs (Deputy Cathal Ó Riordáin):"
    r"[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|of|for|and|the)){0,8}[ \t]*\([A-Z][\w.'’-]*(?:[ \t]+[\w.'’-]+){1,4}\))"
    r"[ \t]*:\s+",
    re.MULTILINE)


def speaker_label_end(sentence: str) -> int:
    """Where a transcript's speaker label ends at the start of ``sentence`` (0 when it has none).

    >>> speaker_label_end("Question (Ana Ruiz, Daily Post): Did the minister meet Tom Berg?")
    33
    >>> speaker_label_end("Canada sanctioned three officials: A, B and C.")
    0
    """
    m = SPEAKER_LABEL.match(sentence)
    return m.end() if m else 0


#: label words that name a role in the conversation, not who holds it
_ROLE_LABELS = frozenset({"Q", "A", "QUESTION", "ANSWER", "QUESTIONER", "JOURNALIST", "REPORTER", "MODERATOR", "HOST",
                          "INTERVIEWER", "PARTICIPANT", "SPOKESPERSON", "SPOKESMAN", "SPOKESWOMAN", "MR", "MS", "MRS",
                          "DR", "SECRETARY", "MINISTER", "PRESIDENT", "AMBASSADOR", "OFFICIAL", "DEPUTY", "CHIEF",
                          "PRESS", "SENIOR", "ADMINISTRATION", "STATE", "DEPARTMENT", "PRIME", "FOREIGN", "GENERAL"})


def turn_speaker(text: str, pos: int) -> str | None:
    """Who speaks the transcript turn holding ``pos``: the name in brackets after a role ("HOST (Maya Lind):") or
    the name words of its label ("BERG:"); None outside a turn or for a role alone ("Q:").

    >>> t = "HOST (Maya Lind): When did you meet him?\\nBERG: I met him in June.\\nQ: And then?"
    >>> turn_speaker(t, t.index("I met")), turn_speaker(t, t.index("When")), turn_speaker(t, t.index("then"))
    ('Berg', 'Maya Lind', None)
    """
    label = None
    for m in SPEAKER_LABEL.finditer(text, 0, pos + 1):
        if m.end() > pos:
            break
        label = m
    if label is None:
        return None
    bracket = re.search(r"\(([^(),]{3,40})\)", label.group())
    words = (bracket.group(1) if bracket else label.group()).replace(":", " ").replace(".", " ").split()
    names = [w for w in words if w.upper() not in _ROLE_LABELS and not w.startswith("(")]
    if bracket:
        return " ".join(names) or None
    return " ".join(w.capitalize() for w in names) if names and all(w.isupper() for w in names) else None
