"""Reading the question's words: its kind (when, who, count ...), its relation, its status and tense,
and its names, each on which side of the relation.  Each reader marks the tokens it takes as used; the
runs of tokens left over are the names.

>>> toks = [Token(w, w.lower(), w.lower()) for w in "who did Merkel meet".split()]
>>> parsed = ParsedQuestion(text="who did Merkel meet")
>>> for read in (read_kind, read_relation, read_status, read_names):
...     read(parsed, toks)
>>> parsed.kind, parsed.relation, parsed.tense, parsed.subject, parsed.asked
('who', 'meet', 'past', 'Merkel', 'object')
"""

from __future__ import annotations

from kg.query.question_parts import ParsedQuestion, Token
from kg.query.question_words import AUX, BREAKERS, FILLER, FUTURE, PAST, RELATION_WORDS, STATUS_WORDS, TYPE_WORDS, YESNO


def read_kind(parsed: ParsedQuestion, toks: list[Token]) -> None:
    """The kind of question from its first words, what a count counts, and a type word for the side asked."""
    words = [t.low for t in toks]
    first = words[0] if words else ""
    if first == "when":
        parsed.kind = "when"
    elif first == "where":
        parsed.kind = "where"
    elif words[:2] == ["how", "many"] or words[:2] == ["how", "often"]:
        parsed.kind = "count"
        nxt = words[2] if len(words) > 2 else ""
        parsed.count = "events"
        if nxt in ("people", "persons", "prisoners", "detainees", "citizens", "hostages", "inmates") or (
                nxt.endswith("s") and nxt not in TYPE_WORDS and nxt not in RELATION_WORDS and nxt not in ("times", "visits")):
            # "how many Americans": a head count (dip:personCount), not a name or a type of actor
            parsed.count = "persons"
            toks[2].used = True
        elif nxt in TYPE_WORDS:
            parsed.count = "actors"
        elif RELATION_WORDS.get(nxt) == "advise":
            parsed.count = "actors"
    elif first in ("who", "whom", "which", "what") and not _is_between(words):
        parsed.kind = "who"
    elif first in YESNO:
        parsed.kind = "yesno"
    else:
        parsed.kind = "list"
    for tok in toks[:3]:
        if tok.low in ("who", "whom", "when", "where", "how", "many", "which", "what", "often"):
            tok.used = True
    # "which countries" / "how many companies": a type for the side asked about
    for i, tok in enumerate(toks[:4]):
        if tok.low in TYPE_WORDS and not tok.used and i > 0 and toks[i - 1].low in ("which", "what", "many"):
            parsed.subject_type = TYPE_WORDS[tok.low]  # moved to the object side by read_names when needed
            tok.used = True


def _is_between(words: list[str]) -> bool:
    return "between" in words or (words[:2] == ["what", "happened"]) or "relations" in words


def read_relation(parsed: ParsedQuestion, toks: list[Token]) -> None:
    """The relation word (by form or lemma; "pardoned or released" is both), else "between" for relations in general."""
    words = [t.low for t in toks]
    for tok in toks:
        rel = RELATION_WORDS.get(tok.low) or RELATION_WORDS.get(tok.lemma)
        if rel is None or tok.used:
            continue
        if {rel, parsed.relation} == {"release", "pardon"}:  # "pardoned or released": both classes
            parsed.relation = "pardon-or-release"
            tok.used = True
            continue
        if parsed.relation is None:
            parsed.relation = rel
        tok.used = True
        tok.pos = "REL"
    if parsed.relation is None and _is_between(words):
        parsed.relation = "between"
    for tok in toks:
        if tok.low in ("between", "relations", "relation", "happened", "links", "or"):
            tok.used = True


def read_status(parsed: ParsedQuestion, toks: list[Token]) -> None:
    """The status asked for (planned, cancelled, refused, negative) and the tense."""
    words = {t.low for t in toks}
    for tok in toks:
        status = STATUS_WORDS.get(tok.low)
        if status and not (status == "planned" and parsed.status):
            parsed.status = parsed.status if parsed.status in ("cancelled", "refused") else status
            tok.used = True
    if words & {"not", "never"} and parsed.status is None:
        parsed.status = "negative"
    if words & FUTURE or any(t.low in ("is", "are") for t in toks[:2]) and any(t.low.endswith("ing") and t.pos == "REL" for t in toks):
        parsed.tense = "future"
    elif words & PAST or any(t.pos == "REL" and t.low.endswith("ed") or t.low in ("met", "spoke", "freed") for t in toks):
        parsed.tense = "past"
    if parsed.kind == "when" and parsed.tense is None and any(t.low in ("is", "are") for t in toks[:2]):
        parsed.tense = "future"
    for tok in toks:
        if tok.low in AUX or tok.low in ("not", "never", "n't"):
            tok.used = True


def read_names(parsed: ParsedQuestion, toks: list[Token]) -> None:
    """Runs of unused tokens are names; their side follows the relation word and the voice."""
    rel_at = next((i for i, t in enumerate(toks) if t.pos == "REL"), None)
    runs: list[tuple[int, str, str]] = []  # (position, name, word before it)
    current: list[Token] = []
    start = 0
    for i, tok in enumerate(toks + [Token("", "", "", used=True)]):
        breaker = tok.used or tok.low in BREAKERS
        if breaker and current:
            while current and current[0].low in ("the", "a", "an") and len(current) > 1 and current[1].low in FILLER:
                current.pop(0)
            name = " ".join(t.text for t in current)
            if name.lower() not in FILLER and not all(t.low in FILLER for t in current):
                runs.append((start, name, toks[start - 1].low if start else ""))
            current = []
        if not breaker:
            if tok.low in FILLER and not current and tok.low not in ("the",):
                tok.used = True
                continue
            if tok.low in TYPE_WORDS and not current:
                _set_type(parsed, toks, i, rel_at)
                tok.used = True
                continue
            if not current:
                start = i
            current.append(tok)
    passive = rel_at is not None and any(t.low == "by" for t in toks[rel_at + 1:]) and any(
        t.low in ("was", "were", "is", "are", "been", "be") for t in toks[:rel_at])
    noun_advise = rel_at is not None and toks[rel_at].low in ("adviser", "advisers", "advisor", "advisors")
    before = [r for r in runs if rel_at is None or r[0] < rel_at]
    after = [r for r in runs if rel_at is not None and r[0] > rel_at]
    names = [r[1] for r in runs]
    if parsed.relation in ("meet", "call", "between") or parsed.relation is None:
        parsed.subject, parsed.object = (names + [None, None])[:2]
        parsed.unknown += [f"the extra name {n!r}" for n in names[2:]]
        if parsed.kind in ("who", "count") and parsed.object is None:
            parsed.asked = "object"
            if parsed.subject_type and parsed.subject is not None:
                parsed.object_type, parsed.subject_type = parsed.subject_type, None
        return
    if noun_advise:  # "who are X's advisers", "is A an adviser to B", "who is an adviser of X"
        possessive = [r for r in runs if _followed_by(toks, r[0], "'s")]
        target = [r for r in after if r[2] in ("to", "of", "for")] or possessive
        if target:
            parsed.object = target[0][1]
            others = [r[1] for r in runs if r is not target[0]]
            parsed.subject = others[0] if others else None
        elif len(names) == 1 and parsed.kind != "yesno":  # "how many advisers does Biden have"
            parsed.object = names[0]
        else:
            parsed.subject, parsed.object = (names + [None, None])[:2]
        if parsed.subject is None:
            parsed.asked = "subject"
        return
    if passive:  # "who was sanctioned by X", "was X pardoned by Y"
        agents = [r for r in after if r[2] == "by"]
        patients = [r for r in runs if r not in agents]
        parsed.subject = agents[0][1] if agents else None
        parsed.object = patients[0][1] if patients else None
    elif rel_at is not None and rel_at > 0 and toks[rel_at - 1].low == "many":  # "how many visits did X make"
        parsed.subject, parsed.object = (names + [None, None])[:2]
    else:
        parsed.subject = before[0][1] if before else None
        parsed.object = after[0][1] if after else (before[1][1] if len(before) > 1 else None)
    if parsed.kind in ("who", "count"):
        parsed.asked = "object" if parsed.subject and not parsed.object else "subject" if parsed.object and not parsed.subject else None
        if parsed.asked is None and not parsed.names:  # "who pardoned prisoners": the question word is the subject
            parsed.asked = "subject"
        if parsed.asked == "object" and parsed.subject_type:
            parsed.object_type, parsed.subject_type = parsed.subject_type, None


def _followed_by(toks: list[Token], start: int, word: str) -> bool:
    for tok in toks[start:]:
        if tok.low == word:
            return True
        if tok.used:
            return False
    return False


def _set_type(parsed: ParsedQuestion, toks: list[Token], i: int, rel_at: int | None) -> None:
    kind = TYPE_WORDS[toks[i].low]
    if rel_at is not None and i > rel_at:
        parsed.object_type = kind
    else:
        parsed.subject_type = parsed.subject_type or kind
