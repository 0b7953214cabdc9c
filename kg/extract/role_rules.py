"""Positional rules for standing roles: who advises whom ("X, an adviser to Y", "Y's adviser X").

>>> from kg.extract.rules import RuleExtractor
>>> from kg.model.core import Document
>>> doc = Document.from_text("Jane Roe, a senior adviser to John Doe, spoke to reporters.")
>>> sorted((s.label, o.label) for a in RuleExtractor(resolver=None).extract(doc) for s, o in a.claim.pairs())
[('Jane Roe', 'John Doe')]
"""

from __future__ import annotations

import re

from kg.extract.findings import DocState, Found, _span
from kg.extract.pairing import _ADVISEE_PREP, _APPOS_LEFT, _POSS, PairingSentence
from kg.extract.patterns import Trigger

#: a person's name right before the role noun, with at most one modifier between ("Zelensky aide X",
#: "Putin foreign policy adviser X")
_BARE_POSS = re.compile(r"^\s+(?:(?:senior|top|chief|longtime|close|closest|trusted|principal|special|political|"
                        r"foreign[- ]policy|economic|security|national)\s+){0,2}$")


#: the words between a person and the role given to them ("X is an adviser to Y", "X was appointed special
#: adviser to Y", "X has been named senior adviser to Y")
_NAMED_AS = re.compile(r"\b(?:is|was|as|became|named|appointed|made|remains|remained|serves|served)\s+"
                       r"(?:(?:now|currently|also|still|long)\s+)?(?:as\s+)?"
                       r"(?:an?|the)?\s*[\w-]*\s*$")


#: a copula between the adviser's name and "his"/"her" before the role noun ("X has been his closest adviser")
_COPULA_LEFT = re.compile(r"^\s*,?\s*(?:has\s+been|had\s+been|is|was|became|remains|remained)\s+"
                          r"(?:(?:now|long|also|still)\s+)?$", re.IGNORECASE)
#: a copula between the adviser and the advisee's possessive ("X is President Y's adviser", "she is the
#: President's special adviser")
_COPULA_POSS = re.compile(r"\s+(?:has\s+been|had\s+been|is|was|became|remains|remained)\s+"
                          r"(?:(?:now|long|also|still|officially)\s+)?(?:the\s+)?", re.IGNORECASE)
#: a description between a role noun and the name in apposition to it (", the retired general X", ", former envoy X")
_DESCRIBED_NAME = re.compile(r",\s+(?:(?:the|a|an)\s+)?(?:(?:retired|former|veteran|longtime|seasoned|ex-)\s*)+(?=[a-z])",
                             re.IGNORECASE)
#: a second role joined to the first before the name ("chief of staff and longtime adviser, X")
_MORE_ROLES = re.compile(r"^\s+and\s+(?:[a-z-]+\s+){0,2}(?:adviser|advisor|aide|counsel+or|spokes(?:wo)?man|deputy)\b",
                         re.IGNORECASE)
#: the field of advice after the role noun ("adviser for European affairs", "aide on climate policy")
_FIELD = re.compile(r"^\s+(?:for|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:affairs|policy|issues|matters|relations|"
                    r"questions|security|strategy|trade|economy|media|communications|publicity|climate|energy|"
                    r"defen[cs]e|finance|development|health|migration)\b(?=\s*[,.]|\s+(?:to|of)\s)", re.IGNORECASE)


def _advises(sent: PairingSentence, trig: Trigger, ts: int, te: int, state: DocState) -> list[Found]:
    text = sent.text
    field = _FIELD.match(text[te:])
    if field:  # "Costa's senior adviser for European affairs, Rui Mota": the name after the field
        te += field.end()
    adviser = advisee = None
    ai = bi = None
    prep = _ADVISEE_PREP.match(text[te:])
    if prep:
        at = te + prep.end()  # "adviser to the President": the title mention starts at its "the"
        r = [i for i, (a, b) in enumerate(sent.loc) if a < at < b][:1] or sent.right(at, max_chars=60)
        if r and sent.ms[r[0]].kind == "title" and r[0] + 1 < len(sent.ms) and sent.left(ts) and \
                re.fullmatch(r"\s*,\s*", text[sent.loc[r[0]][1]:sent.loc[r[0] + 1][0]]) and \
                any(e.type == "Person" for e in sent.ents([r[0] + 1])):
            r = [r[0] + 1]  # "adviser to Uzbekistan's Prime Minister, X": the name the title stands before
        if r:
            bi, advisee = r[0], sent.ents(r[:1])[0]
            for i in range(len(sent.ms) - 1, -1, -1):
                if sent.loc[i][1] <= ts and _APPOS_LEFT.match(text[sent.loc[i][1]:ts]):
                    ai = i
                    break
            if ai is None and bi + 1 < len(sent.ms) and re.fullmatch(r"\s*,\s*", text[sent.loc[bi][1]:sent.loc[bi + 1][0]]):
                ai = bi + 1  # "An aide to Y, X, said"
            if ai is None and bi + 1 < len(sent.ms) and sent.ms[bi].kind == "title" and sent.ms[bi + 1].kind == "name" \
                    and re.fullmatch(r"\s+(?:on(?:\s+[a-z-]+){1,5}\s+)?", text[sent.loc[bi][1]:sent.loc[bi + 1][0]]):
                ai = bi + 1  # "Aide to the President of Russia Yuri Ushakov said": the name after the advisee's title
            if ai is None:  # "X is an adviser to Y"
                left = sent.left(ts)
                ai = left[-1] if left and _NAMED_AS.search(text[sent.loc[left[-1]][1]:ts]) else None
    else:
        for i in range(len(sent.ms) - 1, -1, -1):
            if sent.loc[i][1] <= ts and _POSS.match(text[sent.loc[i][1]:ts]):
                bi, advisee = i, sent.ents([i])[0] if sent.ents([i]) else None
                break
            if sent.loc[i][1] <= ts and _BARE_POSS.match(text[sent.loc[i][1]:ts]):
                # "top Zelensky aide X": a person's name before the role noun, without "'s"
                ents = sent.ents([i])
                if ents and ents[0].type == "Person":
                    bi, advisee = i, ents[0]
                break
        if bi is not None:
            more = _MORE_ROLES.match(text[te:])  # "Y's chief of staff and longtime adviser, X"
            at = te + (more.end() if more else 0)
            described = _DESCRIBED_NAME.match(text[at:])  # "her chief adviser, the retired general X"
            r = sent.right(at, max_chars=4 + (described.end() if described else 0))
            inside = [i for i, (a, b) in enumerate(sent.loc) if a < te < b]  # "adviser Francesco Talo"
            if inside:
                ai = inside[0]
            elif r:
                ai = r[0]
            elif bi > 0 and _APPOS_LEFT.match(text[sent.loc[bi - 1][1]:sent.loc[bi][0]]):
                ai = bi - 1
            elif re.search(r"\bas\s+$", text[:sent.loc[bi][0]]):
                # "X has, in three years as President Y's national security adviser, become ...": the subject
                first = sent.clause_subject(sent.loc[bi][0])
                ai = first if first != bi else None
            elif bi > 0 and sent.ms[bi].kind != "pronoun" and _COPULA_POSS.fullmatch(text[sent.loc[bi - 1][1]:sent.loc[bi][0]]):
                ai = bi - 1  # "X is President Y's special adviser", "she is the President's adviser"
            elif bi > 0 and sent.ms[bi].kind == "pronoun" and _COPULA_LEFT.match(text[sent.loc[bi - 1][1]:sent.loc[bi][0]]):
                # "Y's secretary, X, has been his closest adviser": X advises the other person the sentence names
                ai = bi - 1
                adviser_ents = sent.ents([ai])
                others = [e for k in range(ai) for e in sent.ents([k]) if e.type == "Person" and e not in adviser_ents]
                advisee = others[-1] if others and (advisee is None or advisee in adviser_ents) else advisee
    poss = re.search(r"(?<!\bas )\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$", text[:ts])
    if (ai is None or advisee is None) and poss and not prep:
        # "Duda ..., his chief of staff Malgorzata Paprocka said": the possessor is the clause subject
        first = sent.clause_subject(poss.start())
        inside = [i for i, (a, b) in enumerate(sent.loc) if a < te < b]
        r = inside or sent.right(te, max_chars=4)
        if first is not None and r and r[0] != first:
            ai, bi, advisee = r[0], first, (sent.ents([first]) or [None])[0]
    one_of = re.search(r",\s+(?:one|another)\s+of\s+(?:his|her|the\s+\w+[’']s)\s+(?:[\w-]+\s+){0,2}$", text[:ts])
    if (ai is None or advisee is None) and one_of:
        # "X, one of her closest advisers, met ...": X advises whom "her" stands for
        named = [i for i, (_a, b) in enumerate(sent.loc) if b == one_of.start()]
        owner = [i for i, (a, _b) in enumerate(sent.loc) if one_of.start() < a < ts]
        if named and owner and sent.ents(owner[:1]):
            ai, bi, advisee = named[0], owner[0], sent.ents(owner[:1])[0]
    if (ai is None or advisee is None) and re.search(r"\bas\s+(?:his|her)\s+(?:[\w-]+\s+){0,3}$", text[:ts]):
        # "President Y appointed X as his foreign policy adviser": X advises the clause subject
        first = sent.clause_subject(ts)
        left = [i for i in sent.left(ts, allow_prep=True) if i != first]
        if first is not None and left:
            ai, bi, advisee = left[-1], first, (sent.ents([first]) or [None])[0]
    if ai is None or advisee is None:
        return []
    ents = sent.ents([ai])
    adviser = ents[0] if ents else None
    if adviser is None or adviser is advisee or adviser.type != "Person":
        return []
    a, b = _span(sent, ts, te, [ai, bi] if bi is not None else [ai])
    out = [Found("advises", adviser, advisee, start=a, end=b, confidence=trig.confidence)]
    pred = re.search(r"\bpredecessor\s*,?\s*", text)
    if pred:
        r = sent.right(pred.end(), max_chars=20)
        for e in sent.ents(r[:1]):
            if e.type == "Person" and e not in (adviser, advisee):
                pa, pb = _span(sent, pred.start(), pred.end(), r[:1])
                out.append(Found("advises", e, advisee, start=min(a, pa), end=max(b, pb),
                                 confidence=trig.confidence * 0.8, notes=["predecessor"]))
    return out

