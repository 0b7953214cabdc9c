"""Trigger lexicons and the clause-level cues around them: status, groups, places.

Each trigger is a regular expression over sentence text with a named group
``t`` marking the trigger words; :mod:`kg.extract.relations` pairs it with the
actor mentions around it.

>>> sorted({t.relation for t in TRIGGERS if t.regex.search("He spoke by phone with her")})
['talksWith']
>>> status_before("Obama declined to meet", 14)
'refused'
>>> status_before("Trump is scheduled to meet", 23)
'planned'
>>> find_group("pardoned 16 individuals, including", 8)
('individuals', 16, 9, 23)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.numerals import COUNT, count_value


@dataclass(frozen=True)
class Trigger:
    """A relation trigger: the relation, its regex, its base confidence and pairing mode."""

    relation: str
    regex: re.Pattern[str]
    confidence: float
    mode: str  # verb | noun | call | adviser | freeze | list | added
    event_type: str | None = None
    keys: tuple[str, ...] = ()  # lower-case substrings one of which every match contains (a cheap pre-filter)


def _t(relation: str, pattern: str, confidence: float, mode: str, event_type: str | None = None) -> Trigger:
    return Trigger(relation, re.compile(pattern, re.IGNORECASE), confidence, mode, event_type)


_Q = r"[”\"’']?"
TRIGGERS: tuple[Trigger, ...] = (
    # meetings and summits
    _t("meets", r"\b(?P<t>met|meet|meets|meeting|meetings|sat down|sit down|sits down)\b" + _Q, 0.9, "verb"),
    _t("meets", r"\b(?P<t>summit|summits)\b", 0.75, "noun", "Summit"),
    # "Zelensky and Kellogg held talks on air defence": a pair holding talks with no "with"
    _t("meets", r"\b(?:held|hold|holds|holding)\s+(?:[\w-]+\s+){0,3}?(?P<t>talks|consultations|negotiations)\b"
                r"(?!\s+(?:[\w-]+\s+){0,4}?(?:with|to|between)\b)", 0.75, "verb", "Meeting"),
    _t("meets", r"\b(?P<t>hosted|hosts|host|hosting|welcomed|welcomes|welcoming|received|receives|receiving|greeted|greets)\b",
       0.8, "verb", "Visit"),
    _t("meets", r"\b(?P<t>visited|visits|visiting)\b", 0.75, "verb", "Visit"),
    # "Prabowo called on President Murmu" (a courtesy call), not "called on X to resign" (a demand)
    _t("meets", r"\b(?P<t>called on|calls on|calling on|paid a courtesy call on|paid a call on)\b"
                r"(?![^.;]{0,90}?\bto\s+(?!discuss|review|exchange|talk|brief|convey|deliver|hand|present|"
                r"congratulate|pay|meet|thank|bid)[a-z]+)", 0.75, "verb", "Meeting"),
    # calls and talks
    _t("talksWith", r"\b(?P<t>spoke|speak|speaks|speaking|spoken|talked|talk|talks|talking|phoned|telephoned"
                    r"|conversation|conversations|call|calls)" + _Q + r"(?=(?:\s+[\w-]+){0,4}?\s+(?:with|to)\b|\s+between\b)", 0.9, "verb",
       "Call"),
    _t("talksWith", r"\b(?P<t>(?:phone|telephone)\s+(?:calls?|conversations?|talks?)|phoned|telephoned"
                    r"|(?:spoken|spoke|speak|speaks|talked|talks?|conversation)\s+(?:by|on the|over the)\s+(?:tele)?phone"
                    r"|(?:phone|telephone|video)\s+(?:calls?|conversations?|talks|conference))\b", 0.9, "verb", "Call"),
    # "X called Y": a phone call when a person follows directly ("called on/for", "so-called" are not calls)
    _t("talksWith", r"(?<![-\w])(?P<t>called|calls|rang|phones|telephones)(?=\s+(?!on\b|for\b|off\b|it\b|in\b|out\b|up\b|"
                    r"back\b|a\b|an\b|the\s+(?:sanctions|move|decision|attack|meeting|election|vote|talks|report|"
                    r"claims?|plan|deal|strike)\b)(?:(?:his|her|their|the)\s+)?(?-i:[A-Z]))", 0.85, "call", "Call"),
    # releases and pardons
    _t("pardons", r"\b(?P<t>pardoned|pardons|pardon|pardoning|amnestied|commuted\s+the\s+sentences?\s+of"
                  r"|(?:granted|grants|granting|announced|declared|signed|issued)\s+(?:a\s+|an\s+|new\s+|the\s+)?"
                  r"(?:general\s+|mass\s+|presidential\s+)?(?:pardons?|clemency|amnesty|amnesties)(?:\s+(?:to|for))?)\b",
       0.9, "verb"),
    # "Among those freed were X and Y" (the releaser was named before)
    _t("releases", r"\b(?P<t>(?:among\s+)?(?:those|the\s+(?:prisoners|detainees|people|men|women|inmates|hostages))\s+"
                   r"(?:freed|released|set free|pardoned|granted\s+(?:clemency|amnesty|pardons?))\s+(?:on \w+day\s+)?"
                   r"(?:were|are|was|is|include|includes|included))\b", 0.75, "list", "PrisonerRelease"),
    _t("releases", r"\b(?P<t>released|releases|release|releasing|freed|frees|free|freeing|set free|sets free"
                   r"|handed over|swapped|exchanged|swap|(?<!\bin )exchange(?! for\b))\b"
                   # "exchanged views/greetings/letters" is not a prisoner exchange
                   r"(?!\s+(?:(?:their|frank|warm|friendly|detailed|diplomatic)\s+)?(?:views|greetings|letters|messages|"
                   r"ideas|notes|fire|gifts|information|opinions|pleasantries|documents|instruments|words|blows|"
                   r"congratulations|proposals|visits|experiences|data))", 0.85, "verb"),
    # sanctions
    # "Belavia, which has been under US sanctions since 2023": the subject is a target of the named imposer
    _t("sanctions", r"\bunder\s+(?:[A-Z][\w.]*\s+){1,3}(?P<t>sanctions)\b", 0.7, "under"),
    _t("sanctions", r"\b(?P<t>sanctioned|sanctioning|sanctions|sanction|blacklisted|blacklists|designated|designates"
                    r"|designating)\b", 0.85, "verb"),
    # "froze the assets of", "the freezing of assets against", "asset freezes on"
    _t("sanctions", r"\b(?P<t>(?:full\s+)?asset\s+freezes?|froze|freeze|freezes|freezing(?:\s+of\s+(?:the\s+)?assets)?|"
                    r"restrictive\s+measures|"
                    r"punitive\s+measures|travel\s+bans?)(?=\s+(?:on|the assets of|assets of|against))",
       0.75, "freeze"),
    # "the United Kingdom's October 15 designations of X and Y", "OFAC's designation in March of X"
    _t("sanctions", r"\b(?P<t>designations?)(?=\s+(?:(?:on|in)\s+[\w ]{3,20}?\s+)?of\s)", 0.75, "designation"),
    # "Among those targeted were X and Y", "The measures target X": targets named after the action
    _t("sanctions", r"\b(?P<t>(?:among\s+)?(?:those|the\s+(?:individuals|entities|companies|people|officials|firms|persons))"
                    r"\s+(?:targeted|sanctioned|designated|listed|named|hit|blacklisted)\s+(?:on \w+day\s+)?"
                    r"(?:were|are|was|is|include|includes|included)"
                    r"|(?:the\s+)?(?:new\s+)?(?:measures|sanctions|penalties|designations|listings)\s+(?:also\s+)?"
                    r"(?:target|targets|targeted|hit|name|named)"
                    # "The individuals subject to the measures are", "Those designated include"
                    r"|(?:the\s+)?(?:individuals|entities|persons|people|companies|officials)\s+(?:subject\s+to|covered\s+by|"
                    r"named\s+in)\s+(?:the|these|today's)\s+(?:measures|sanctions|designations|listings?)\s+"
                    r"(?:are|were|include|included)"
                    # "They include X; Y; and Z" right after a sanctions sentence
                    r"|(?:they|these|those)\s+(?:include|included|are|were)(?=\s*:?\s+[A-Z]))\b", 0.8, "list"),
    # "added X and Y to its sanctions list"
    _t("sanctions", r"\b(?P<t>added|adds|adding)\b(?=[^.;]{1,150}?\bto\s+(?:its|their|the|a|an)\s+(?:[\w-]+\s+){0,2}?"
                    r"(?:sanctions?\s+(?:list|register|regime)|blacklist|black\s+list|entity\s+list|list\s+of\s+sanctioned))",
       0.85, "added"),
    # advisers
    _t("advises", r"\b(?P<t>(?:(?:senior|top|chief|special|foreign[- ]policy|national security|economic|political|"
                  r"military|security|longtime|close|diplomatic)\s+)?(?:adviser|advisor|aide|counselor|counsellor)s?"
                  r"|(?:deputy\s+)?chief\s+of\s+staff|(?<=[’']s )NSA)\b", 0.85,
       "adviser"),
)

_KEYS: dict[tuple[str, str], tuple[str, ...]] = {
    ("meets", "verb"): ("met", "meet", "sat down", "sit down", "sits down", "host", "welcom", "receiv", "greet", "visit",
                        "talks", "consultations", "negotiations", "called on", "calls on", "calling on", "call on"),
    ("meets", "noun"): ("summit",),
    ("talksWith", "verb"): ("spok", "speak", "talk", "phon", "conversation", "call", "video"),
    ("talksWith", "call"): ("call", "rang", "phones"),
    ("pardons", "verb"): ("pardon", "amnest", "commuted", "clemency"),
    ("releases", "verb"): ("releas", "free", "handed over", "swap", "exchang"),
    ("releases", "list"): ("freed", "released", "set free", "pardoned", "granted"),
    ("sanctions", "verb"): ("sanction", "blacklist", "designat"),
    ("sanctions", "freeze"): ("freez", "froze", "measures", "ban"),
    ("sanctions", "designation"): ("designation",),
    ("sanctions", "under"): ("under",),
    ("sanctions", "added"): ("add",),
    ("advises", "adviser"): ("advis", "aide", "counsel", "chief of staff", "'s nsa", "’s nsa"),
}
TRIGGERS = tuple(Trigger(t.relation, t.regex, t.confidence, t.mode, t.event_type, _KEYS.get((t.relation, t.mode), ()))
                 for t in TRIGGERS)

_NEG = re.compile(r"\b(not|n[’']t|never|no longer|no plans? to|without|cannot|fail(?:s|ed)? to)\b|\w+n[’']t\b",
                  re.IGNORECASE)
_REFUSE = re.compile(r"\b(declin(?:ed|es|ing)|refus(?:ed|es|ing)|rejected|rejects|ruled out|snubbed|turned down)\b",
                     re.IGNORECASE)
_CANCEL = re.compile(r"\b(cancel(?:l?ed|s|ling)?|called off|postponed|scrapped|pulled out)\b", re.IGNORECASE)
_CANCEL_AFTER = re.compile(r"[^.;:—]{0,90}?\b(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?"
                           r"(?:cancel(?:l)?ed|called off|postponed|scrapped|shelved|put off|scuttled)\b", re.IGNORECASE)
#: a cancelling verb right before the event noun ("calls off the summit", "scrapped a planned visit")
_CANCEL_BEFORE = re.compile(r"\b(?:cancel(?:s|l?ed|l?ing)?|call(?:s|ed|ing)?\s+off|postpon(?:e|es|ed|ing)|"
                            r"scrap(?:s|ped|ping)?|shelv(?:e|es|ed|ing)|scuttl(?:e|es|ed|ing)|ax(?:e|es|ed|ing)|"
                            r"put(?:s|ting)?\s+off|pull(?:s|ed|ing)?\s+out\s+of)\b", re.IGNORECASE)
_WERE_SCHEDULED = re.compile(r"\b(?:was|were|had been)\s+(?:scheduled|set|due|supposed|expected|planning|going)\s+to\b",
                             re.IGNORECASE)
_PLAN = re.compile(r"\b(will|would|shall|[’']ll|is to|are to|plans?|planning|planned|scheduled|set to|expected|due to|"
                   r"slated|going to|intends?|agreed|poised|potential|possible|proposed|upcoming|future|prospective|"
                   r"anticipated|awaited|impending|forthcoming|looming|"
                   r"prepar(?:e|es|ing)|could|may|might|hopes?|wants?|seeks?|invit(?:e|ed|es|ation)|offered|"
                   r"discuss(?:ed|ing)?|aims?|ready)\b|\bto$", re.IGNORECASE)
_PLAN_TRAVEL = re.compile(r"\b(?:will|is|are)\s+(?:(?:expected|scheduled|set|due|planning|going|to)\s+)*(?:to\s+)?"
                          r"(?:travel|visit|go|fly|head|come|arrive|attend)\b[^.;]*\b(?:for|to)\s*$", re.IGNORECASE)
_PLAN_AFTER = re.compile(r"\b((?:is|are)\s+(?:scheduled|expected|set|due|planned|slated)\b|in the coming (?:days|weeks|months)|next (?:week|month|year)|later this (?:week|month|year)"
                         r"|in the near future|soon|tomorrow)\b", re.IGNORECASE)
_DEMAND = re.compile(r"\b(call(?:s|ed|ing)? for|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|press(?:es|ed)? for|should be|"
                     r"lift(?:s|ed|ing)?|eas(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|relief|waive[sd]?|threat(?:en(?:s|ed)?)?)\b",
                     re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:but|while|although|whereas|and)\b|\bbut\b|\.\s|[“”\"]")


def clause_left(text: str, pos: int, max_chars: int = 60) -> str:
    """The part of ``text`` before ``pos`` in the same clause (at most ``max_chars``)."""
    left = text[max(0, pos - max_chars):pos]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    return left[breaks[-1].end():] if breaks else left


def status_before(text: str, pos: int, end: int | None = None) -> str:
    """held | planned | negated | refused | cancelled, from cues before ``pos`` (and after ``end``).

    >>> status_before("the two leaders won't have any one-on-one meetings", 43)
    'negated'
    >>> status_before("They were scheduled to meet at Sochi, but the U.S. pulled out", 24)
    'cancelled'
    """
    left = clause_left(text, pos)
    words = left.split()
    near = " ".join(words[-6:])
    if _REFUSE.search(near):
        return "refused"
    if _NEG.search(near) or re.search(r"\bno\s+(?:[a-z-]+\s+)?$|\bno\s+(?:[a-z-]+\s+)?(?:talks|meetings?|contacts?|"
                                      r"summit|calls?)\b", left):  # "held no talks (at the summit)"
        return "negated"
    if end is not None and re.match(r"\s+no\s+(?:[a-z-]+\s+){0,2}(?:prisoners|detainees|hostages|one)\b", text[end:end + 40]):
        return "negated"  # "has freed no prisoners", "has released no one"
    if end is not None and _CANCEL_AFTER.match(text, end):  # "a planned meeting between X and Y was called off"
        return "cancelled"
    if _CANCEL_BEFORE.search(" ".join(words[-4:])):  # "Trump calls off Budapest summit with Putin"
        return "cancelled"
    if _WERE_SCHEDULED.search(near):
        if _CANCEL.search(text[pos:]):
            return "cancelled"
        return "planned"
    if _PLAN.search(" ".join(words[-5:])):
        return "planned"
    if _PLAN_TRAVEL.search(left):  # "is expected to visit Ankara next week for talks with"
        return "planned"
    after = text[end if end is not None else pos:]
    after = after[:120]
    if _PLAN_AFTER.search(after) and not re.search(r"\b(has|have|had|was|were)\b", near):
        return "planned"
    return "held"


def is_demand(text: str, pos: int) -> bool:
    """True when the trigger is demanded, lifted or threatened rather than done ("calls for the release"),
    or only recommended ("the EU should impose travel bans and asset freezes on").

    >>> is_demand("The EU should impose travel bans and asset freezes on X", 37)
    True
    """
    left = clause_left(text, pos, 60)
    return bool(_DEMAND.search(" ".join(left.split()[-4:])) or _SHOULD.search(" ".join(left.split()[-8:])))


_SHOULD = re.compile(r"\b(?:should|ought to|must|needs? to|has to|have to)\b", re.IGNORECASE)


_NUM_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_GROUP = re.compile(
    r"\b(?:(?P<n>" + COUNT + r"|dozens|hundreds|thousands|several|some)\s+(?:of\s+)?)?"
    # a filler word is never the count ("the two servicemen": two counts them)
    r"(?:(?:of the|of them|the|(?!(?:\d|(?:" + "|".join(_NUM_WORDS) + r")\b))[a-z][a-z-]+)\s+){0,3}?(?P<g>political prisoners|prisoners|detainees|inmates|individuals|people|"
    r"persons|opponents|activists|dissidents|critics|hostages|captives|journalists|protesters|americans|citizens|"
    r"nationals|prisoners of war|pows|soldiers|men|women|politicians|figures|lawmakers|students|migrants|fishermen|"
    r"sailors|convicts|foreigners|servicemen|civilians|bloggers|reporters|demonstrators|priests|clerics|workers|"
    r"crew members|seafarers|traders|merchants|businessmen|employees|pilgrims|tourists|teachers|doctors|nurses|"
    r"monks|nuns|miners|farmers|herders|drivers|truckers|engineers|contractors|athletes|academics|researchers|"
    r"(?-i:[A-Z][a-z]+(?:ans|ese|is|ers|ards|ons|es|ns|ks|chs))(?!\s+[a-z]+(?:ers|men|ees|ists|ants|ents|ors)\b))\b",
    re.IGNORECASE)  # "two Danes", "three Britons" (not "nine Senegalese fishermen": the fishermen)


_COUNT_AHEAD = re.compile(r"\b" + COUNT)


def find_group(text: str, pos: int, window: int = 45) -> tuple[str, int | None, int, int] | None:
    """The group of persons named right after ``pos``: (label, count, start, end) in ``text`` coordinates."""
    spelled = _COUNT_AHEAD.search(text, pos, min(len(text), pos + window))
    if spelled is not None:  # a count spelled out in full takes room of its own ("one thousand two hundred ...")
        window += spelled.end() - spelled.start()
    m = _GROUP.search(text, pos, min(len(text), pos + window))
    if not m or re.search(r"[.;]", text[pos:m.start()]):
        return None
    count = count_value(m["n"]) if m["n"] else None  # "16", "forty-three (43)", "one thousand two hundred"
    if m["g"][0].isupper() and count is None:
        return None  # a nationality ("eight Russians") is a group of persons only with a count
    start = m.start("n") if m["n"] else m.start("g")
    return group_label(text[m.end("n") if m["n"] else m.start("g"):m.end()]), count, start, m.end()


#: words between a count and the group's noun that say nothing of who they are ("12 more prisoners")
_GROUP_FILLERS = frozenset({"of", "the", "them", "those", "more", "other", "others", "additional", "remaining",
                            "further", "some", "another", "all", "a", "an", "its", "their"})


def group_label(words: str) -> str:
    """The label of a counted group: its own words after the count, without fillers ("Indian fishermen").

    >>> group_label(" more Indian fishermen"), group_label("of the prisoners"), group_label("Danes")
    ('Indian fishermen', 'prisoners', 'Danes')
    """
    kept = words.split()
    while len(kept) > 1 and kept[0].lower() in _GROUP_FILLERS:
        kept = kept[1:]
    return " ".join(kept) or "prisoners"


_PLACE = re.compile(r"\b(?:in|at|to)\s+(?P<p>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w.'’-]*)*)"
                    r"(?:(?:,\s*|\s+in\s+)(?P<q>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*))?")


_PLACE_WHERE = re.compile(r"\b(?:in|at|to|for)\s+(?P<p>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)"
                          r"(?:\s+in\s+(?P<q>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*))?,\s+where\b")


def _end_stop(place: str) -> str:
    """A place without the sentence's full stop ("Mariinsky Palace." -> "Mariinsky Palace"; "D.C." stays).

    >>> _end_stop("Mariinsky Palace."), _end_stop("Washington, D.C.")
    ('Mariinsky Palace', 'Washington, D.C.')
    """
    last = place.split()[-1] if place.split() else ""
    return place[:-1] if place.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", last) else place


def find_place(text: str, pos: int, exclude: tuple[str, ...] = ()) -> str | None:
    """A place for an event triggered at ``pos``: "in|at X[, Y]" after it, else "X, where" before it.

    >>> find_place("He will meet Putin at Joint Base Elmendorf-Richardson in Anchorage on Friday", 8)
    'Joint Base Elmendorf-Richardson, Anchorage'
    """
    from kg.extract.lexicon import MONTHS, WEEKDAYS

    from kg.extract.lexicon import COUNTRY_FORMS, DEMONYMS

    def ok(m: re.Match[str]) -> bool:
        words = re.sub(r"^the\s+", "", m["p"]).split()
        first = words[0].lower().rstrip(".,;:").rstrip("’'s")
        return (first not in MONTHS and first not in WEEKDAYS and not (len(words) == 1 and first in DEMONYMS and words[0] not in COUNTRY_FORMS)
                and not any(m["p"].startswith(x) for x in exclude if x))

    def fmt(m: re.Match[str]) -> str:
        place = _end_stop(re.sub(r"^the\s+", "", m["p"]))
        tail = _end_stop(m["q"]) if m["q"] else ""
        return f"{place}, {tail}" if tail and tail.split()[0].lower() not in MONTHS + WEEKDAYS else place
    for m in _PLACE.finditer(text, pos):
        if m.group(0).startswith("to ") or m.start() - pos > 60:
            continue
        if ok(m):
            return fmt(m)
    for m in _PLACE_WHERE.finditer(text[:pos]):
        if ok(m):
            return fmt(m)
    return None
