"""Word lists the rule-based extractor relies on: countries, demonyms, titles.

These are general English and geopolitical vocabulary, not article text.  The
gazetteer (``kg.resolve``), when present, adds named actors on top of them.

>>> COUNTRY_FORMS["U.S."]
'United States'
>>> DEMONYMS["belarusian"]
'Belarus'
>>> DEMONYMS["cambodian"], COUNTRY_FORMS["Cambodia"]  # from the packaged gazetteer
('Cambodia', 'Cambodia')
>>> is_title_word("minister")
True
"""

from __future__ import annotations

#: canonical country name -> (surface forms, demonyms, capital/seat metonyms)
_COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "United States": (("United States", "United States of America", "U.S.", "US", "USA", "U.S.A.", "America"),
                      ("American", "US", "U.S."), ("Washington", "White House")),
    "Russia": (("Russia", "Russian Federation"), ("Russian",), ("Moscow", "Kremlin")),
    "Ukraine": (("Ukraine",), ("Ukrainian",), ("Kyiv", "Kiev")),
    "Belarus": (("Belarus",), ("Belarusian", "Belarussian"), ("Minsk",)),
    "China": (("China", "People's Republic of China", "PRC"), ("Chinese",), ("Beijing",)),
    "United Kingdom": (("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
                       ("British", "UK", "U.K."), ("London", "Downing Street")),
    "France": (("France",), ("French",), ("Paris", "Elysee", "Élysée")),
    "Germany": (("Germany",), ("German",), ("Berlin",)),
    "Italy": (("Italy",), ("Italian",), ("Rome",)),
    "Spain": (("Spain",), ("Spanish",), ("Madrid",)),
    "Poland": (("Poland",), ("Polish",), ("Warsaw",)),
    "Canada": (("Canada",), ("Canadian",), ("Ottawa",)),
    "Japan": (("Japan",), ("Japanese",), ("Tokyo",)),
    "South Korea": (("South Korea", "Republic of Korea"), ("South Korean",), ("Seoul",)),
    "North Korea": (("North Korea", "DPRK"), ("North Korean",), ("Pyongyang",)),
    "India": (("India",), ("Indian",), ("New Delhi",)),
    "Pakistan": (("Pakistan",), ("Pakistani",), ("Islamabad",)),
    "Iran": (("Iran", "Islamic Republic of Iran"), ("Iranian",), ("Tehran",)),
    "Iraq": (("Iraq",), ("Iraqi",), ("Baghdad",)),
    "Syria": (("Syria",), ("Syrian",), ("Damascus",)),
    "Israel": (("Israel",), ("Israeli",), ("Jerusalem",)),
    "Turkey": (("Turkey", "Türkiye"), ("Turkish",), ("Ankara",)),
    "Saudi Arabia": (("Saudi Arabia",), ("Saudi",), ("Riyadh",)),
    "Qatar": (("Qatar",), ("Qatari",), ("Doha",)),
    "Egypt": (("Egypt",), ("Egyptian",), ("Cairo",)),
    "Kenya": (("Kenya",), ("Kenyan",), ("Nairobi",)),
    "Nigeria": (("Nigeria",), ("Nigerian",), ("Abuja",)),
    "South Africa": (("South Africa",), ("South African",), ("Pretoria",)),
    "Brazil": (("Brazil",), ("Brazilian",), ("Brasilia", "Brasília")),
    "Mexico": (("Mexico",), ("Mexican",), ()),
    "Venezuela": (("Venezuela",), ("Venezuelan",), ("Caracas",)),
    "Cuba": (("Cuba",), ("Cuban",), ("Havana",)),
    "Nicaragua": (("Nicaragua",), ("Nicaraguan",), ("Managua",)),
    "Argentina": (("Argentina",), ("Argentine", "Argentinian"), ("Buenos Aires",)),
    "Australia": (("Australia",), ("Australian",), ("Canberra",)),
    "Georgia": (("Georgia",), ("Georgian",), ("Tbilisi",)),
    "Armenia": (("Armenia",), ("Armenian",), ("Yerevan",)),
    "Azerbaijan": (("Azerbaijan",), ("Azerbaijani",), ("Baku",)),
    "Kazakhstan": (("Kazakhstan",), ("Kazakh",), ("Astana",)),
    "Hungary": (("Hungary",), ("Hungarian",), ("Budapest",)),
    "Serbia": (("Serbia",), ("Serbian",), ("Belgrade",)),
    "Moldova": (("Moldova",), ("Moldovan",), ("Chisinau",)),
    "Lithuania": (("Lithuania",), ("Lithuanian",), ("Vilnius",)),
    "Latvia": (("Latvia",), ("Latvian",), ("Riga",)),
    "Estonia": (("Estonia",), ("Estonian",), ("Tallinn",)),
    "Finland": (("Finland",), ("Finnish",), ("Helsinki",)),
    "Sweden": (("Sweden",), ("Swedish",), ("Stockholm",)),
    "Norway": (("Norway",), ("Norwegian",), ("Oslo",)),
    "Netherlands": (("Netherlands",), ("Dutch",), ("The Hague",)),
    "Switzerland": (("Switzerland",), ("Swiss",), ("Bern", "Geneva")),
    "Austria": (("Austria",), ("Austrian",), ("Vienna",)),
    "Vatican": (("Vatican", "Holy See"), ("Vatican",), ()),
    "Afghanistan": (("Afghanistan",), ("Afghan",), ("Kabul",)),
    "Vietnam": (("Vietnam",), ("Vietnamese",), ("Hanoi",)),
    "Indonesia": (("Indonesia",), ("Indonesian",), ("Jakarta",)),
    "Philippines": (("Philippines",), ("Philippine", "Filipino"), ("Manila",)),
    "Taiwan": (("Taiwan",), ("Taiwanese",), ("Taipei",)),
    "Lebanon": (("Lebanon",), ("Lebanese",), ("Beirut",)),
    "Jordan": (("Jordan",), ("Jordanian",), ("Amman",)),
    "United Arab Emirates": (("United Arab Emirates", "UAE"), ("Emirati",), ("Abu Dhabi",)),
    "Greece": (("Greece",), ("Greek",), ("Athens",)),
    "Ireland": (("Ireland",), ("Irish",), ("Dublin",)),
    "Myanmar": (("Myanmar", "Burma"), ("Burmese",), ()),
    "New Zealand": (("New Zealand",), ("New Zealand",), ("Wellington",)),
    "Slovakia": (("Slovakia",), ("Slovak",), ("Bratislava",)),
    "Czech Republic": (("Czech Republic", "Czechia"), ("Czech",), ("Prague",)),
    "Slovenia": (("Slovenia",), ("Slovenian",), ("Ljubljana",)),
    "Croatia": (("Croatia",), ("Croatian",), ("Zagreb",)),
    "Romania": (("Romania",), ("Romanian",), ("Bucharest",)),
    "Bulgaria": (("Bulgaria",), ("Bulgarian",), ("Sofia",)),
    "Denmark": (("Denmark",), ("Danish",), ("Copenhagen",)),
    "Belgium": (("Belgium",), ("Belgian",), ()),
    "Portugal": (("Portugal",), ("Portuguese",), ("Lisbon",)),
    "Somalia": (("Somalia",), ("Somali",), ("Mogadishu",)),
    "Ethiopia": (("Ethiopia",), ("Ethiopian",), ("Addis Ababa",)),
    "Sudan": (("Sudan",), ("Sudanese",), ("Khartoum",)),
    "Libya": (("Libya",), ("Libyan",), ("Tripoli",)),
    "Algeria": (("Algeria",), ("Algerian",), ("Algiers",)),
    "Morocco": (("Morocco",), ("Moroccan",), ("Rabat",)),
    "Tunisia": (("Tunisia",), ("Tunisian",), ("Tunis",)),
    "Oman": (("Oman",), ("Omani",), ("Muscat",)),
    "Kuwait": (("Kuwait",), ("Kuwaiti",), ()),
    "Bahrain": (("Bahrain",), ("Bahraini",), ("Manama",)),
    "Yemen": (("Yemen",), ("Yemeni",), ("Sanaa",)),
    "Haiti": (("Haiti",), ("Haitian",), ("Port-au-Prince",)),
    "Colombia": (("Colombia",), ("Colombian",), ("Bogota", "Bogotá")),
    "Chile": (("Chile",), ("Chilean",), ("Santiago",)),
    "Peru": (("Peru",), ("Peruvian",), ("Lima",)),
    "Uruguay": (("Uruguay",), ("Uruguayan",), ("Montevideo",)),
    "Thailand": (("Thailand",), ("Thai",), ("Bangkok",)),
    "Malaysia": (("Malaysia",), ("Malaysian",), ("Kuala Lumpur",)),
    "Singapore": (("Singapore",), ("Singaporean",), ()),
    "Bangladesh": (("Bangladesh",), ("Bangladeshi",), ("Dhaka",)),
    "Sri Lanka": (("Sri Lanka",), ("Sri Lankan",), ("Colombo",)),
    "Uzbekistan": (("Uzbekistan",), ("Uzbek",), ("Tashkent",)),
    "Mongolia": (("Mongolia",), ("Mongolian",), ("Ulaanbaatar",)),
    "Palestine": (("Palestine", "Palestinian Authority"), ("Palestinian",), ("Ramallah",)),
}

#: international organisations (surface -> canonical)
ORGANIZATIONS: dict[str, str] = {
    "European Union": "European Union", "EU": "European Union", "E.U.": "European Union",
    "NATO": "NATO", "United Nations": "United Nations", "UN": "United Nations", "U.N.": "United Nations",
    "G7": "G7", "G20": "G20", "OSCE": "OSCE", "African Union": "African Union", "ASEAN": "ASEAN",
    "Treasury": "U.S. Department of the Treasury", "State Department": "U.S. Department of State",
    "Pentagon": "U.S. Department of Defense", "OFAC": "Office of Foreign Assets Control",
    "HM Treasury": "HM Treasury", "OFSI": "Office of Financial Sanctions Implementation",
    "Hamas": "Hamas", "Hezbollah": "Hezbollah", "Taliban": "Taliban", "Houthis": "Houthis", "Houthi": "Houthis", "Ansar Allah": "Houthis", "Huthis": "Houthis", "Islamic State": "Islamic State",
    # armed groups that take and free hostages; a name that opens with "al-" is read by no capitalised run
    "al-Shabaab": "al-Shabaab", "Al-Shabaab": "al-Shabaab", "al-Shabab": "al-Shabaab", "al-Qaeda": "al-Qaeda",
    "Al-Qaeda": "al-Qaeda", "al-Qaida": "al-Qaeda", "Boko Haram": "Boko Haram",
    "JNIM": "Jama'at Nusrat al-Islam wal-Muslimin", "ELN": "National Liberation Army (Colombia)",
    "FARC": "Revolutionary Armed Forces of Colombia", "M23": "March 23 Movement",
    "IAEA": "IAEA", "Red Cross": "International Committee of the Red Cross", "ICRC": "International Committee of the Red Cross",
    "Security Council": "United Nations Security Council",
    "UN Security Council": "United Nations Security Council", "U.N. Security Council": "United Nations Security Council",
    "United Nations Security Council": "United Nations Security Council",
    # bodies whose names hold a comma or a lower-case "and", which no capitalised run reads whole
    "Foreign, Commonwealth and Development Office": "Foreign, Commonwealth and Development Office",
    "Foreign and Commonwealth Office": "Foreign, Commonwealth and Development Office",
    "National Security and Defence Council": "National Security and Defense Council of Ukraine",
    "National Security and Defense Council": "National Security and Defense Council of Ukraine",
    "Department of Foreign Affairs and Trade": "Department of Foreign Affairs and Trade",
    "Ministry of Foreign Affairs and Trade": "Ministry of Foreign Affairs and Trade",
}

COUNTRY_FORMS: dict[str, str] = {}
DEMONYMS: dict[str, str] = {}
METONYMS: dict[str, str] = {}
for _name, (_forms, _dems, _mets) in _COUNTRIES.items():
    for _f in _forms:
        COUNTRY_FORMS[_f] = _name
    for _d in _dems:
        DEMONYMS[_d.lower()] = _name
    for _m in _mets:
        METONYMS[_m] = _name

#: country names that are also common given names or words; only the hand-written table above may add them
_AMBIGUOUS_COUNTRY_WORDS = frozenset({"Chad", "Jordan", "Georgia", "Guinea", "Niger", "Dominica", "Jersey", "Man",
                                      "Turkey", "China", "Israel", "Sudan", "Mali", "Togo", "Nauru", "Malawi"})


#: those country names, by name: a country only where the words after it say so ("Niger's junta", "Chad's president")
AMBIGUOUS_COUNTRIES: dict[str, str] = {}


def _add_gazetteer_countries() -> None:
    """Every ISO country the packaged gazetteer knows: names, short names and demonyms not listed above."""
    import csv

    try:
        from kg.rdf.resources import gazetteer_path

        with gazetteer_path("countries.csv").open(encoding="utf-8") as fh:
            rows = [r for r in csv.DictReader(line for line in fh if not line.startswith("#"))]
    except (OSError, ImportError):  # pragma: no cover - a checkout without the data still extracts
        return
    by_id: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_id.setdefault(row["id"], []).append(row)
    for forms in by_id.values():
        name = next((r["alias"] for r in forms if r["kind"] == "name"), None)
        if name is None:
            continue
        canonical = COUNTRY_FORMS.get(name, name)
        for r in forms:
            alias, kind = r["alias"], r["kind"]
            if alias in _AMBIGUOUS_COUNTRY_WORDS and kind in ("name", "short") and alias not in COUNTRY_FORMS:
                AMBIGUOUS_COUNTRIES[alias] = canonical
            if "," in alias or alias in _AMBIGUOUS_COUNTRY_WORDS:
                continue
            if kind in ("name", "short", "alias", "acronym") and alias not in COUNTRY_FORMS:
                COUNTRY_FORMS[alias] = canonical
            elif kind == "demonym" and alias.lower() not in DEMONYMS:
                DEMONYMS[alias.lower()] = canonical


_add_gazetteer_countries()

#: title words and phrases (lower case) that precede or describe a person
_TITLE_PHRASES = (
    "president", "vice president", "vice-president", "prime minister", "foreign minister", "defence minister",
    "defense minister", "interior minister", "finance minister", "minister", "secretary of state",
    "secretary", "state secretary", "treasury secretary", "defense secretary", "foreign secretary",
    "home secretary", "chancellor", "king", "queen", "leader", "opposition leader", "supreme leader",
    "spokesperson", "spokesman", "spokeswoman", "press secretary", "deputy press secretary",
    "principal deputy press secretary", "ambassador", "envoy", "special envoy", "adviser", "advisor",
    "senior adviser", "senior advisor", "national security adviser", "national security advisor", "aide",
    # abbreviated titles of wire copy ("Gov. Kathy Hochul", "Amb. Linda Reyes", "Adm. John Lee")
    "gov.", "amb.", "adm.", "cmdr.", "cdr.", "prof.", "sec.", "supt.", "cpl.", "pvt.", "rev.", "atty.",
    "counselor", "councilor", "councillor", "state councilor", "state councillor", "general", "gen.", "lt.", "lt", "gen", "col", "maj.", "maj", "brig.", "brig", "retd.", "col.", "colonel", "admiral", "mr.", "mrs.", "ms.", "dr.",
    "mr", "mrs", "ms", "dr", "hon.", "hon", "h.e.", "honourable", "honorable", "excellency", "smt.", "smt", "shri", "shri.", "sri", "senator", "sen.", "rep.", "representative", "governor", "premier", "emir",
    "crown prince", "prince", "princess", "sheikh", "pope", "ayatollah", "commander", "chief", "director",
    "candidate", "presidential candidate", "deputy", "cabinet secretary", "former", "exiled", "acting", "interim", "transitional",
    "caretaker", "jailed", "imprisoned",
    # Malay and Bruneian honorifics before a name ("Dato' Seri X", "Dato Haji Z"); not "Tan Sri", whose "Tan" is
    # also a family name ("Truong Tan Sang"): a title after it cuts it off ("Tan Sri Dr. Y")
    "dato'", "dato’", "dato", "datuk", "datin", "seri", "haji", "hajjah", "pehin", "encik",
    "detained", "dissident", "activist", "journalist", "head of state", "top diplomat", "diplomat",
    "chairman", "chairwoman", "speaker", "mayor", "fm", "official", "lawmaker", "chief of staff",
    "president-elect", "new", "senior", "first", "first lady", "top", "then", "opposition", "the", "a", "an", "his", "her",
    "its", "their", "marine", "sergeant", "sgt.", "captain", "capt.", "major", "lieutenant", "pilot", "soldier",
    "corporal", "cpl.", "private", "brigadier", "marshal", "gendarme", "dame", "sir",
    "veteran", "reporter", "correspondent", "blogger", "dealer", "arms dealer", "star", "player", "coach",
    "counterpart", "businessman", "businesswoman", "oligarch", "tycoon", "executive secretary", "senior director", "staff", "foreign", "security", "national",
    "commissioner", "emperor", "empress", "high representative", "chancellor", "crown princess", "grand duke",
    "secretary-general", "secretary general", "director-general", "envoy", "negotiator", "interior", "defence",
    "defense", "finance", "citizen", "intelligence", "spy", "army", "navy", "military", "opposition politician",
    "politician", "dissident", "rights", "defender", "lawyer", "human",
    # the bench, the prosecution and the clergy ("Judge X", "Prosecutor General Y", "Cardinal Z")
    "judge", "prosecutor", "prosecutor general", "attorney general", "cardinal", "archbishop", "bishop", "sultan",
    "advocate", "adv.",
    # Burmese honorifics before a name ("U Than Soe Oo", "Daw Nilar Aung")
    "u", "daw",
    # ministries named in titles ("External Affairs Minister", "Trade Secretary", "Justice Minister")
    "external affairs minister", "foreign affairs minister", "home affairs minister", "trade minister",
    "economy minister", "energy minister", "justice minister", "health minister", "transport minister",
    "culture minister", "trade secretary", "energy secretary", "business secretary", "commerce secretary",
)
TITLE_WORDS: frozenset[str] = frozenset(w for p in _TITLE_PHRASES for w in p.split())

#: head nouns that make a title NP refer to a person ("the Belarusian leader")
ROLE_NOUNS: dict[str, str] = {
    "president": "president", "leader": "leader", "prime minister": "prime minister",
    "premier": "prime minister", "chancellor": "chancellor", "foreign minister": "foreign minister",
    "fm": "foreign minister", "top diplomat": "foreign minister", "secretary of state": "secretary of state",
    "secretary": "secretary", "minister": "minister", "king": "king", "counterpart": "counterpart",
    "supreme leader": "supreme leader", "spokesperson": "spokesperson", "spokesman": "spokesperson",
    "adviser": "adviser", "advisor": "adviser", "secretary-general": "secretary-general",
    "director-general": "director-general",
    # descriptions that name one person as well as a title does ("the crown prince later met ...")
    "vice president": "vice president", "vice-president": "vice president", "crown prince": "crown prince",
    "crown princess": "crown princess", "queen": "queen", "emir": "emir", "pope": "pope", "emperor": "emperor",
    "envoy": "envoy", "special envoy": "envoy", "ambassador": "ambassador", "governor": "governor",
    "commissioner": "commissioner", "high representative": "high representative", "chairman": "chairman",
    "chairwoman": "chairwoman", "head of state": "leader", "top diplomat": "foreign minister",
}

#: nouns that describe a person without an office ("the Australian journalist", "the freed activist"): they refer
#: back to a person the story gave that description, never to an office holder looked up in the gazetteer
DESCRIPTIONS: frozenset[str] = frozenset(
    "journalist reporter correspondent activist dissident blogger lawyer businessman businesswoman veteran marine "
    "soldier pilot star player diplomat researcher academic oligarch tycoon".split())

#: head words of organisation names ("Treasury Department", "Atlantic Council")
ORG_HEADS: frozenset[str] = frozenset("""
Department Ministry Council Chamber Tribunal Union Agency Bank Corps Force Forces Committee Commission Court Party
Government Office Group Organization Organisation Nations Institute Centre Center Foundation Army
Navy Guard Guards Unit Service Services Parliament Assembly Congress Senate Cabinet Administration Company
Corporation Fund Alliance Movement Front Bureau Authority League Association Network Team Industries
Holdings Systems Corp Corp. Inc Inc. Ltd Ltd. LLC Enterprises Technologies Airways Conglomerate Brigade Battalion
Co Co. Limited PLC Plc GmbH AG JSC PJSC OJSC CJSC OOO ZAO OAO PAO FZE FZCO DMCC LLP SARL SRL Bhd SA S.A. Shipping Maritime Lines Trading Petroleum Energy Logistics Oil Gas
Aviation Electronics Mining Metals Steel Chemicals Shipyard Shipbuilding Investments Investment Capital Partners
Ventures Resources Solutions Exports Imports Refinery Petrochemical Petrochemicals Tankers Navigation Marine Airlines
""".split())

#: capitalised words after a name that make it a place's
PLACE_HEADS: frozenset[str] = frozenset({"City", "Province", "Region", "Oblast", "Krai", "District", "County",
                                         "Governorate", "Prefecture", "Square", "Street", "Avenue", "Airport",
                                         "Stadium", "Palace", "Bridge", "Dam", "Canal", "Harbour", "Harbor", "Railway",
                                         "Pipeline", "Refinery", "Valley", "Islands", "Strait", "Mountains", "Desert"})

#: verbs that keep someone "from" acting ("blocked the EU from sanctioning X", "stopped Sweden from freeing Y")
KEEPING_VERBS = frozenset({"block", "prevent", "stop", "bar", "keep", "prohibit", "discourage", "dissuade"})

#: capitalised words that end the name of a law or an instrument
LAW_WORDS = frozenset({"Act", "Law", "Order", "Regulations", "Decree", "Directive", "Resolution", "Treaty", "Accord",
                       "Accords", "Convention", "Charter", "Code", "Statute", "Ordinance", "Bill", "Amendment",
                       "Partnership", "Agreement", "Initiative", "Framework", "Strategy", "Programme", "Pact",
                       "Declaration", "Roadmap", "Compact", "Corridor", "Dialogue", "Mechanism"})
#: imperatives that open a sentence before a name ("Imagine Chen shaking hands with him")
IMPERATIVES = frozenset({"Imagine", "Suppose", "Picture", "Consider", "Remember", "Recall", "Envisage", "Envision"})
#: words that may stand between a possessive and the title they qualify ("Japan's new prime minister", "Mali's
#: transitional president")
TITLE_MODIFIERS = frozenset({"new", "then", "former", "acting", "interim", "transitional", "caretaker"})
#: letters after a name that are no part of it ("Rt Hon Eleanor Vance MP", "Sir John Keane KC")
POST_NOMINALS = frozenset({"MP", "MPs", "MEP", "MLA", "MSP", "TD", "QC", "KC", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD",
                           "Esq"})
#: capitalised words that never belong to a person's name
NON_NAME: frozenset[str] = frozenset("""
The A An In On At As By For From Of To And Or But However While When Where After Before This That
Within Upon Through Throughout Against Between Without Into Across Behind Beyond Regarding Concerning
These Those It Its His Her Their Our We I He She They You Mr Mrs Ms Dr Source Photo Read More Also
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Base Day Room Office Club House Debate Airport International University News Street City Summit Road
Square Palace Hall Hotel Airlines Air Press Media Times Post Day Independence Election Pre
Readout Statement Update Updated Published Leave Reply Comment Email Your Required Fields
Following Below Under Previous Any Some All No Not Both Each Analysts Officials State Global Joint
Situation Oval Security National Foreign Affairs European Eurasian Bureau Nuclear Trade Technology
Call Meeting Talks Visit Remarks Plans Next What Why How Who Which Future Thanks Grants Releases
Begins Eyes Targets Frees Says Sends Joins Makes Major Announcement Details Crisis War West East
North South Northern Southern Eastern Western Celebration Mark Marks D-Day
Meanwhile Among Separately Earlier Later Yesterday Today Tomorrow Tonight Last Instead Despite During Amid
Ahead Since Until Asked According Speaking Afterwards Elsewhere Nevertheless Moreover Still Yet Then Now
Here There Talking Addressing Writing Responding Asked Like Unlike Besides Though Although Whether If
""".split())

#: given names that are also NON_NAME words: a name only when another name word follows ("Mark Rutte")
AMBIGUOUS_GIVEN: frozenset[str] = frozenset({"Mark", "Will", "Grant", "Rose", "Joy", "Hope", "Faith", "Bill"})

#: lower-case words after a hyphen that make "X-word" a modifier, not a name part ("Trump-era")
HYPHEN_MODIFIERS: frozenset[str] = frozenset(
    "led backed based era style brokered run owned linked allied aligned appointed born made held controlled "
    "funded sponsored affiliated friendly leaning like type class level wide related designate elect".split())

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def is_title_word(word: str) -> bool:
    """True when ``word`` (any case) can be part of a person's title.

    >>> is_title_word("President"), is_title_word("Putin")
    (True, False)
    """
    return word.lower() in TITLE_WORDS
