"""The words a plain question is read with: relation words, actor types, statuses, and the small words
that end a name or carry no meaning (English vocabulary, not relation types: see docs/architecture.md).

The pipeline's lemma of a word is looked up in :data:`RELATION_WORDS` too, so every inflection need not
be listed; the lists below are what the word-list fallback reads when the pipeline is missing.

>>> RELATION_WORDS["summit"], RELATION_WORDS["phoned"], TYPE_WORDS["companies"], STATUS_WORDS["scrapped"]
('meet', 'call', 'Organization', 'cancelled')
>>> RELATIONS["between"]
'deal with'
"""

from __future__ import annotations

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
#: status words: what they say about the event asked for
STATUS_WORDS = {
    **dict.fromkeys(("cancel", "cancels", "cancelled", "canceled", "scrapped", "scrap", "postponed", "call off",
                     "called off", "calls off"), "cancelled"),
    **dict.fromkeys(("refuse", "refuses", "refused", "refusing", "decline", "declines", "declined", "reject",
                     "rejected", "snubbed"), "refused"),
    **dict.fromkeys(("planned", "plan", "plans", "planning", "scheduled", "schedule", "expected", "upcoming"),
                    "planned"),
}
#: auxiliaries and helper words: never part of a name
AUX = {"is", "are", "was", "were", "will", "would", "did", "do", "does", "has", "have", "had", "could", "can",
       "should", "shall", "been", "be", "being", "'ll", "going", "to", "set", "due", "about"}
#: first words of a yes/no question
YESNO = {"is", "are", "was", "were", "will", "would", "did", "do", "does", "has", "have", "had", "could", "can",
         "should", "shall"}
#: words that put a question in the future, or the past
FUTURE = {"will", "'ll", "going", "set", "due", "planned", "plan", "plans", "planning", "scheduled", "expected",
          "upcoming", "next", "shall"}
PAST = {"did", "has", "have", "had", "was", "were"}
#: words that carry no meaning for the query and are never names on their own
FILLER = {"the", "a", "an", "each", "other", "ever", "again", "please", "tell", "me", "show", "list", "give",
          "times", "time", "any", "anyone", "anybody", "someone", "somebody", "all", "who", "whom", "which", "what",
          "when", "where", "how", "many", "much", "often", "with", "and", "by", "to", "of", "on", "in", "at",
          "together", "actually", "really", "also", "so", "far", "yet", "not", "never", "n't", "been", "for",
          "about", "held", "hold", "holding", "have", "had", "take", "took", "place", "happen", "happened",
          "there", "recently", "one", "imposed", "impose", "imposes", "imposing", "put", "new", "hello", "hi",
          "first", "last", "latest", "earliest", "most", "recent", "s", "'s", "the", "face-to-face", "person",
          "officially", "formally", "personally", "publicly", "make", "made", "pay", "paid", "get", "got"}
#: words that end a name ("how many visits did Macron make")
BREAKERS = {"and", "with", "by", "or", "to", "of", "from", "on", "against", "for", "'s", "a", "an", "make", "made",
            "pay", "paid", "get", "got", "ever", "again", "together", "each", "impose", "imposed", "imposes",
            "announce", "announced", "issue", "issued", "grant", "granted", "hold", "held", "take", "took",
            "happen", "happened", "recently", "personally", "publicly", "actually", "really", "every", "all",
            "list", "show", "me", "tell", "give"}
#: "in X" phrases that are not places ("in person", "in return")
NOT_PLACES = {"person", "public", "private", "secret", "total", "all", "return", "exchange", "response"}
#: order phrases (pattern, order) read before the bare words "first" / "last"
ORDER_WORDS = [(r"\bmost recent(?:ly)?\b|\blatest\b|\blast time\b", "last"), (r"\bfirst time\b|\bearliest\b", "first")]
#: phrases read as one word (pattern, word): "held talks" is "meet", "by phone" is "call"
PHRASES = [
    (r"\bcall(?:s|ed)? off\b", "cancel"),
    (r"\bhold(?:s|ing)? talks\b|\bheld talks\b|\bsit down\b|\bsat down\b", "meet"),
    (r"\bby phone\b|\bon the phone\b|\bphone call\b", "call"),
    (r"\bimpos(?:e|ed|es|ing) sanctions (?:on|against)\b|\bsanctions (?:on|against)\b", "sanction"),
    (r"\bmeetings? between\b", "meet"),
    (r"\bwhat time\b|\bwhat date\b|\bwhat day\b|\bat what time\b", "when"),
]
