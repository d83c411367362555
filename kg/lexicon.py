"""The word lists the extractors share, and which mentions each relation may join.

Titles and honorifics (``kg.mentions`` splits them off names as roles), and
the visible part of the relation rules in ``kg.relate`` (and of the event
triggers in ``kg.events``): verb, verb + preposition and event-noun tables
mapping words to ontology properties, the reporting verbs, and each
property's signature (the spaCy labels its subject and object may have).
Data only; no stage of its own.
"""

from __future__ import annotations

import re

from rdflib import URIRef

from .vocab import KG

__all__ = ["ACTOR", "ARMS", "BOSS_NOUNS", "BUILDING_WORDS", "CLAIM_VERBS", "CLUB_FIRSTS", "CLUB_WORDS",
           "COMMON_ACRONYMS", "COMPANY_ENDS", "DEFAULT_SIGNATURE", "DESCRIBED_PEOPLE", "EVENT_NAMES",
           "EVENT_WORDS", "FEATURE_PAIRS", "FEATURE_WORDS", "HIGH_TITLES", "HONORIFICS", "INSTITUTION_ENDS",
           "JOB_NOUNS", "KILLING_VERBS", "KIND_NOUNS", "KIND_PREFIXES", "LIGHT_VERBS", "NAME_TITLES",
           "NAMING_VERBS", "NATIONALS", "NOT_JOBS", "NOT_SURNAMES", "NOUN_PREDICATES", "OF_PLACE",
           "ORG_CLASS", "ORG_WORDS", "PERSON_CONTEXT", "PERSON_NOUNS", "PHONE_WORDS", "PLACE", "PLACE_HEADS",
           "PLACE_NOUNS", "PREP_PREDICATES", "PRODUCT_NOUNS", "SAY_VERBS", "SHORTENED_ENDS", "SIGNATURE",
           "STATE_GROUPS", "TITLE_HEADS", "TITLE_MODIFIERS", "VERB_PREDICATES", "VICTIM_WORDS",
           "WASHINGTON_DC"]

#: Acronyms of common nouns, mostly technology, that the model takes for names: "better AI",
#: "an IPTV service", "VoIP calls" (no organisation, place or person).
COMMON_ACRONYMS = {"AI", "PC", "TV", "DVD", "CD", "GPS", "SMS", "MMS", "MP3", "3G", "VoIP", "HD", "LCD",
                   "RFID", "ISP", "IP", "DVR", "PVR", "PDA", "HDTV", "DRM", "P2P", "IPTV", "USB", "CPU", "RAM",
                   "DSL", "ADSL", "LAN", "WLAN", "URL", "HTML", "SIM", "GSM", "CCTV", "ATM", "DNA", "HIV",
                   "PhD", "MBA", "CEO", "GDP", "IPO", "3D", "IPv4", "IPv6"}
#: Groups of states named by their number: "the G7", "G8 summit", "the G20" (no place, no person).
STATE_GROUPS = re.compile(r"G-?(?:7|8|10|20|77)")
#: The capital written with its district: one place, the city news calls "Washington".
WASHINGTON_DC = re.compile(r"Washington ?, ?D\.? ?C\.?")

#: Words that make a title on their own ("President", "Minister").
TITLE_HEADS = {
    "president", "minister", "secretary", "chancellor", "premier", "king", "queen", "prince",
    "princess", "senator", "sen.", "governor", "gov.", "mayor", "general", "gen.", "admiral",
    "colonel", "col.", "commander", "chief", "chairman", "chairwoman", "chair", "ceo", "cfo",
    "director", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "leader",
    "judge", "justice", "pope", "sheikh", "emir", "sultan", "professor", "prof.", "officer",
    "attorney", "prosecutor", "coach", "manager", "captain", "founder", "boss", "executive",
    "representative", "rep.", "lawmaker", "mp", "congressman", "congresswoman", "deputy",
    "chairperson", "head", "lieutenant", "lt.", "sergeant", "sgt.", "major", "marshal", "capt.", "cpl.",
    "sheriff", "trooper", "emperor", "empress", "archduke", "archduchess", "tsar", "czar",
    "commissioner", "inspector", "detective", "bishop", "archbishop", "cardinal", "rabbi",
    "imam", "ayatollah", "dr", "dr.", "sir", "dame", "lord", "lady", "striker", "midfielder",
    "defender", "goalkeeper", "analyst", "economist", "chef", "singer", "actor", "actress",
}
#: Nouns for a job, beyond titles: "a lawyer at Baker McKenzie".
JOB_NOUNS = {t for t in TITLE_HEADS if t.isalpha()} | {
    "lawyer", "engineer", "employee", "worker", "correspondent", "reporter", "writer", "editor",
    "partner", "consultant", "adviser", "advisor", "scientist", "researcher", "member", "official",
    "comptroller", "treasurer", "producer", "designer", "columnist", "trader", "banker"}
#: What a person may be of an organisation without working for it: "a former Beatles fan",
#: "Acme's biggest shareholder", "French Open champion Gaston Gaudio" (a contest's; a show's creator).
NOT_JOBS = {"fan", "supporter", "customer", "client", "user", "shareholder", "investor", "rival",
            "critic", "victim", "admirer", "follower", "reader", "viewer", "listener", "subscriber",
            "champion", "winner", "finalist", "medallist", "nominee", "creator", "runner-up"}
#: Jobs only a person holds, and what only a person is of a place: "Harrington, a professor of
#: political science", "Smith, a native of Glasgow" are people
#: ("Acme, the market leader", "Fiat, a producer of cars", "Shell, the operator" are not).
PERSON_NOUNS = JOB_NOUNS - {"leader", "head", "chief", "member", "partner", "employee", "worker", "boss",
                            "founder", "trader", "banker", "producer", "designer", "representative",
                            "deputy", "executive", "consultant", "adviser", "advisor", "manager",
                            "director", "captain", "coach", "chef", "chair", "major", "general"} | {
                               "native", "resident", "citizen", "spy", "conspirator", "accomplice"}
#: Computing nouns after a product's name: "the Windows operating system", "Windows PCs",
#: "iTunes software" (a nationality or a faith is not followed by them).
PRODUCT_NOUNS = {"operating", "software", "version", "versions", "pc", "pcs", "computer", "computers",
                 "laptop", "laptops", "program", "programs", "xp", "server", "servers", "update", "updates",
                 "upgrade", "browser", "virus", "viruses", "console", "consoles", "handset", "handsets"}
#: Nouns for someone, whose name "called" or "named" gives: "a mysterious man called Raoul".
SOMEONE_NOUNS = {"man", "woman", "boy", "girl", "person", "guy", "child", "youngster", "stranger", "friend"}
#: Heads of organisations: "the boss of X" makes X an organisation.
BOSS_NOUNS = {"boss", "chief", "chairman", "chairwoman", "ceo", "cfo", "founder", "owner", "executive",
              "spokesman", "spokeswoman", "spokesperson", "director", "shareholder", "shareholders"}
#: Words that qualify a title ("Defense", "Prime", "Foreign").
TITLE_MODIFIERS = {
    "defense", "defence", "foreign", "interior", "finance", "prime", "vice", "acting", "first",
    "health", "trade", "economy", "economic", "energy", "home", "culture", "education", "labour",
    "labor", "transport", "environment", "agriculture", "state", "attorney", "supreme", "grand",
    "senior", "junior", "assistant", "associate", "managing", "opposition", "shadow", "deputy",
    "executive", "chief", "general", "army", "military", "police", "party", "foreign-affairs",
    "treasury", "justice", "industry", "security", "intelligence", "development", "science",
    "technology", "communications", "information", "sports", "tourism", "housing", "employment",
    "welfare", "immigration", "european", "national", "regional", "federal", "central", "news",
    "financial", "operating", "technical", "creative", "commercial", "team", "club", "union",
    "sporting", "football", "marketing", "sales", "press", "artistic", "musical", "legal", "medical",
    "research", "programme", "programming", "production", "political", "strategy", "corporate",
    "digital", "editorial", "fund",
}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame"}

#: verb lemma -> property, for the direct object ("Russia annexed Crimea").
VERB_PREDICATES: dict[str, URIRef] = {
    "phone": KG.phoned, "telephone": KG.phoned, "ring": KG.phoned, "call": KG.phoned,
    "meet": KG.met, "host": KG.met, "receive": KG.met,
    "reject": KG.rejects, "oppose": KG.rejects, "condemn": KG.rejects, "denounce": KG.rejects,
    "deny": KG.rejects, "dismiss": KG.rejects,
    "support": KG.supports, "back": KG.supports, "endorse": KG.supports, "defend": KG.supports,
    "annex": KG.annexed, "invade": KG.invaded, "attack": KG.invaded, "occupy": KG.invaded,
    "recognize": KG.recognized, "recognise": KG.recognized,
    "flee": KG.fled, "escape": KG.fled,
    "kill": KG.killed, "murder": KG.killed, "assassinate": KG.killed, "execute": KG.killed,
    "slay": KG.killed, "shoot": KG.killed, "stab": KG.killed,
    "join": KG.memberOf, "lead": KG.worksFor, "head": KG.worksFor, "chair": KG.worksFor,
    "found": KG.worksFor, "run": KG.worksFor, "manage": KG.worksFor, "coach": KG.worksFor,
    "represent": KG.affiliatedWith,
}
#: (verb lemma, preposition) -> property, for a prepositional object.
PREP_PREDICATES: dict[tuple[str, str], URIRef] = {
    ("discuss", "with"): KG.discussedWith, ("talk", "with"): KG.discussedWith,
    ("talk", "to"): KG.discussedWith, ("speak", "with"): KG.discussedWith,
    ("speak", "to"): KG.discussedWith, ("confer", "with"): KG.discussedWith,
    ("meet", "with"): KG.met, ("hold", "with"): KG.discussedWith,
    ("work", "for"): KG.worksFor, ("work", "at"): KG.worksFor, ("serve", "in"): KG.memberOf,
    ("teach", "at"): KG.worksFor, ("lecture", "at"): KG.worksFor,
    ("bear", "in"): KG.bornIn, ("bear", "at"): KG.bornIn, ("bear", "near"): KG.bornIn,
    ("live", "in"): KG.livesIn, ("reside", "in"): KG.livesIn, ("grow", "in"): KG.livesIn,
    ("base", "in"): KG.basedIn, ("headquarter", "in"): KG.basedIn,
    ("locate", "in"): KG.locatedIn, ("situate", "in"): KG.locatedIn,
    ("flee", "from"): KG.fled, ("escape", "from"): KG.fled,
    ("side", "with"): KG.supports,
}
#: event noun -> (property, preposition that introduces the other party).
NOUN_PREDICATES: dict[str, tuple[URIRef, str]] = {
    "call": (KG.phoned, "with"), "conversation": (KG.discussedWith, "with"),
    "talk": (KG.discussedWith, "with"), "meeting": (KG.met, "with"),
    "discussion": (KG.discussedWith, "with"), "invasion": (KG.invaded, "of"),
    "annexation": (KG.annexed, "of"), "recognition": (KG.recognized, "of"),
    "assassination": (KG.killed, "of"), "murder": (KG.killed, "of"),
    "killing": (KG.killed, "of"), "support": (KG.supports, "for"),
    "rejection": (KG.rejects, "of"),
}
#: Verbs of the table whose object is a claim: a name as their direct object is no such thing
#: ("James denied Duff" in goal, "Scotland were denied a try", "the club dismissed its coach").
CLAIM_VERBS = {"deny", "dismiss"}
SAY_VERBS = {"say", "tell", "state", "announce", "claim", "add", "insist", "warn", "declare"}
LIGHT_VERBS = {"hold", "have", "make", "conduct", "place", "during", "after", "in"}
PHONE_WORDS = {"phone", "telephone", "video", "call"}
ACTOR = {"PERSON", "ORG", "GPE", "NORP", "PRON"}
PLACE = {"GPE", "LOC", "FAC"}
#: property -> (subject labels, object labels) it may join.
SIGNATURE: dict[URIRef, tuple[set[str], set[str]]] = {
    KG.killed: ({"PERSON", "ORG", "NORP", "PRON"}, {"PERSON", "PRON"}),
    KG.worksFor: ({"PERSON", "PRON"}, {"ORG", "PRON"}),  # "its boss": kept if "its" is an ORG
    KG.memberOf: ({"PERSON", "ORG", "GPE", "PRON"}, {"ORG", "NORP"}),
    KG.livesIn: ({"PERSON", "PRON"}, PLACE),
    # a demonym stands for its country: "Dutch-born Anton Corbijn", "Swiss-based Xstrata"
    KG.bornIn: ({"PERSON", "PRON"}, PLACE | {"NORP"}),
    KG.basedIn: ({"ORG"}, PLACE | {"NORP"}),
    KG.locatedIn: (PLACE, PLACE),
    KG.fled: ({"PERSON", "NORP", "PRON"}, PLACE),
    KG.annexed: (ACTOR, PLACE),
    KG.invaded: (ACTOR, PLACE),
    KG.affiliatedWith: ({"PERSON", "PRON", "ORG"}, ACTOR | {"FAC"}),
}
DEFAULT_SIGNATURE = (ACTOR, ACTOR | PLACE | {"EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})

#: Nouns that make the proper noun modifying them a place: "the Crimea region".
PLACE_NOUNS = {"region", "province", "oblast", "city", "town", "district", "peninsula",
               "territory", "county", "state", "republic", "enclave", "village", "valley"}
#: Nouns that, in apposition to a place, say what it is inside: "Yerevan, the capital of
#: Armenia" (not "the home state of his wife", not "the valley of the Kings").
PLACE_HEADS = (PLACE_NOUNS - {"state", "valley"}) | {"capital", "port", "suburb", "island", "resort",
                                                    "municipality", "nation", "country", "kingdom",
                                                    "borough", "neighbourhood", "neighborhood",
                                                    "area", "hamlet", "township"}

#: Last words that make a name a natural feature, a street or an area ("Sea of Japan" ends
#: otherwise; not "county": "Derby County" is a club).
FEATURE_WORDS = {"river", "lake", "bay", "sea", "ocean", "gulf", "strait", "straits", "mountains", "hills",
                 "valley", "canyon", "desert", "plateau", "peninsula", "island", "islands", "beach",
                 "coast", "creek", "glacier", "street", "avenue", "boulevard", "square", "range",
                 "district", "province", "parish", "prefecture", "oblast", "governorate", "borough"}
#: Last words of a club's name after its town ("Manchester United", "Nottingham Forest", "Hull
#: City"; "Mexico City", "Cape Town" are known places and stay places), which name the club alone too.
CLUB_WORDS = {"united", "city", "rovers", "athletic", "wanderers", "rangers", "albion", "town",
              "forest", "fc", "hotspur", "villa", "wednesday", "orient", "argyle", "thistle", "alexandra"}
#: First words of clubs named abroad before their town ("Real Madrid", "Bayern Munich", "Dynamo
#: Kiev", "Maccabi Tel Aviv"), as written, capitalised.
CLUB_FIRSTS = {"Real", "Atletico", "Athletic", "Sporting", "Racing", "Dynamo", "Dinamo", "Spartak",
               "Lokomotiv", "Torpedo", "Maccabi", "Hapoel", "Steaua", "Rapid", "Sparta", "Slavia",
               "Partizan", "Legia", "Borussia", "Werder", "Bayer", "Bayern", "Hertha", "Eintracht",
               "Fortuna", "Olympique", "Deportivo", "Inter", "Shakhtar", "Zenit", "Galatasaray"}
#: Organisations' nouns that begin no organisation's name, so that capitalised at the start of a
#: sentence they are still no part of the name after them: "Telco BT said", "Chipmaker Intel" (not
#: "Bank Leumi", "Union Carbide", "Network Rail", "Giant Eagle"; nor a person's job: "Broadcaster
#: Chris Evans").
KIND_PREFIXES = {"telco", "chipmaker", "carmaker", "automaker", "retailer", "insurer",
                 "brewer", "bookmaker", "brokerage", "conglomerate", "firm", "subsidiary", "supermarket",
                 "watchdog", "regulator", "airline", "charity", "manufacturer"}
#: Last words of the name of a contest, a festival or an award ceremony ("the French Open",
#: "the Grand Slam", "the Golden Globes"), and such names of one word: events, not places.
EVENT_WORDS = {"open", "cup", "championship", "championships", "games", "olympics", "paralympics",
               "festival", "award", "awards", "globes", "trophy", "prix", "bowl", "marathon", "slam",
               "tournament", "masters", "grammys", "oscars", "emmys", "baftas"}
EVENT_NAMES = {"bafta", "baftas", "oscar", "oscars", "grammy", "grammys", "emmy", "emmys", "olympics",
               "paralympics", "superbowl"}
#: ...and two last words ("Nottingham Forest" is a club, "Ocala National Forest" a forest).
FEATURE_PAIRS = {("national", "forest"), ("national", "park"), ("national", "monument"), ("river", "channel")}

#: High titles: a name in apposition to one is a person's ("the last King of Peru, Atahualpa").
HIGH_TITLES = {"prince", "princess", "king", "queen", "president", "senator", "sen.", "sheikh",
               "emir", "sultan", "pope", "premier", "ayatollah", "archbishop", "cardinal", "lord", "lady",
               "emperor", "empress", "archduke", "archduchess", "tsar", "czar"}
#: ...and those that start a person's name the model typed otherwise ("Prince Norodom Ranariddh"
#: was a place; not "King Kong", "Lord's"), unless it ends in a building word ("King Edward VII
#: Hospital").
NAME_TITLES = HIGH_TITLES - {"king", "queen", "premier", "lord", "lady"}
BUILDING_WORDS = {"hospital", "hall", "university", "college", "school", "hotel", "bridge", "street",
                  "road", "park", "theatre", "theater", "centre", "center", "house", "stadium", "airport",
                  "station", "trust", "award", "cup", "prize", "foundation", "fund", "island", "islands",
                  "bay", "land"}
#: Words before "of" that make a known city after it a place: "70 miles northeast of Boise",
#: "a native of Glasgow", "the mayor of Tulsa".
OF_PLACE = {"native", "north", "south", "east", "west", "northeast", "northwest", "southeast",
            "southwest", "outskirts", "suburbs", "centre", "center", "mayor", "heart"}
#: Last words of a company's name, after which "of" introduces its town: "Pittsburgh-Corning
#: Corp. of Pittsburgh".
COMPANY_ENDS = {"corp", "corp.", "inc", "inc.", "co", "co.", "ltd", "ltd.", "plc", "llc", "company",
                "corporation"}
#: Last words that the short form of an organisation's name leaves out: "Labour" is "the Labour
#: Party", "Yukos" "Yukos Corp", "Chelsea" "Chelsea FC".
SHORTENED_ENDS = {w.rstrip(".") for w in COMPANY_ENDS} | {"party", "group", "holdings", "fc", "club"}
#: Words of a killing: whom they are about is a person ("the assassin of Lincoln").
VICTIM_WORDS = {"assassinate", "assassination", "assassin", "murder", "murderer", "killer"}
#: Verbs whose named object is a person: "shot Lincoln", "killed Mendes" (but "kill the bill":
#: a common noun, never a name).
KILLING_VERBS = VICTIM_WORDS | {"kill", "shoot", "stab", "strangle", "slay", "behead", "abduct", "kidnap"}
#: Verbs that give a person a title: "made Emile Jonassaint provisional president".
NAMING_VERBS = {"make", "name", "appoint", "elect", "nominate", "crown", "proclaim"}
#: Armed and police bodies, whose name no person's starts with: "the Soviet Navy Nikolai Kuznetsov".
ARMS = frozenset({"fleet", "army", "navy", "police", "force", "forces", "guard", "corps", "patrol"})
#: Last words of an organisation's name that end no person's: "Oberlin College" is no person.
INSTITUTION_ENDS = COMPANY_ENDS | {"college", "university", "school", "institute", "academy", "hospital",
                                   "foundation", "society", "council", "committee", "commission", "association",
                                   "agency", "ministry", "department"}
#: Words in an organisation's name beyond ``ORG_CLASS``: "the Warner Group".
ORG_WORDS = {"group", "company", "co", "co.", "corporation", "association", "foundation", "institute",
             "society", "trust", "fund", "holdings", "partners", "ventures", "brothers"}
#: Words whose object or possessor is a person: "the assassination of X", "X's widow".
PERSON_CONTEXT = VICTIM_WORDS | {
                  "widow", "widower", "wife", "husband", "son", "daughter", "brother", "sister",
                  "mother", "father", "biographer"}
#: Head nouns of a definite description that points back at something named ("the
#: minister", "the company", "the country"), with the label of the mentions it may stand
#: for.  A person's title finds only a person holding that role; the rest find an
#: organisation, country or city named shortly before them (``kg.resolve``).
NOMINAL_HEADS: dict[str, str] = {
    **{t: "PERSON" for t in TITLE_HEADS
       if t.isalpha() and t not in HONORIFICS | {"head", "chief", "major", "justice", "chair",
                                                 "boss", "executive", "deputy", "officer",
                                                 "lord", "lady"}},
    **{noun: "ORG" for noun in (
        "company", "firm", "group", "bank", "club", "airline", "carrier", "agency", "ministry",
        "party", "union", "team", "band", "organisation", "organization", "broadcaster",
        "corporation", "retailer", "manufacturer", "maker", "insurer", "supermarket", "newspaper",
        "charity", "regulator", "watchdog", "university", "conglomerate", "publisher")},
    "country": "GPE", "nation": "GPE", "city": "GPE", "town": "GPE",
}
#: What kind of organisation a word in its name or a description's head noun says it is:
#: "the party" is not "BBC Radio 4" nor "Dundee University", "the band" not "Kerrang magazine".
#: Heads missing here ("company", "group", "organisation") may stand for any organisation.
ORG_CLASS: dict[str, str] = {
    **dict.fromkeys(("party",), "party"),
    **dict.fromkeys(("university", "college", "school"), "university"),
    **dict.fromkeys(("club", "team", "fc"), "club"),
    **dict.fromkeys(("band",), "band"),
    **dict.fromkeys(("bbc", "radio", "tv", "television", "channel", "newspaper", "magazine",
                     "broadcaster", "publisher", "news"), "media"),
    **dict.fromkeys(("agency", "ministry", "department", "regulator", "watchdog", "commission",
                     "council", "committee", "court", "parliament", "assembly", "authority",
                     "office"), "public"),
    **dict.fromkeys(("union",), "union"),
    **dict.fromkeys(("bank", "airline", "airways", "airlines", "carrier", "retailer", "supermarket",
                     "insurer", "manufacturer", "maker", "plc", "inc", "corp", "ltd"), "business"),
}
#: Words a person's name may modify that are no surname: "the John Smith Foundation".
NOT_SURNAMES = BUILDING_WORDS | FEATURE_WORDS | EVENT_WORDS | ORG_WORDS | INSTITUTION_ENDS | {
    w.lower() for w in ORG_CLASS} | {"government", "administration", "trophy", "show", "doctrine", "report",
                                     "plan", "memorial", "presidency", "premiership", "era", "years",
                                     "episode"} | TITLE_HEADS
#: Common nouns that say, as a spaCy label, what the name right after them is ("captain Fabien
#: Pelous", "oil firm Yukos", "the film Vera Drake", "the programme Go Digital") or the name they are in apposition to ("Unison,
#: Britain's biggest union", organisations and places only).  Not nouns that also come before a
#: team, a film or a firm: "champion", "holder", "winner", "nominee", "leader", "member",
#: "partner", "owner", "host", "producer", "designer", "maker", "rival", "publisher", "analyst"
#: ("analyst Gartner", "publisher Jason O'Grady").
KIND_NOUNS: dict[str, str] = {
    **dict.fromkeys((PERSON_NOUNS - {"analyst"}) | (PERSON_CONTEXT - VICTIM_WORDS - {"biographer"}) | {
        "captain", "coach", "manager", "director", "boss", "founder", "chef", "adviser", "advisor",
        "consultant", "skipper", "winger", "flanker", "hooker", "fly-half", "star", "rapper",
        "guitarist", "drummer", "frontman", "presenter", "supermodel", "model", "blogger", "seed",
        "comedian", "spokesman", "spokeswoman", "businessman", "businesswoman", "tycoon", "billionaire",
        "widow", "finalist", "semifinalist", "semi-finalist", "wildcard", "qualifier"}, "PERSON"),
    **{n: "ORG" for n, lab in NOMINAL_HEADS.items() if lab == "ORG" and n not in ("maker", "publisher")},
    **dict.fromkeys(("giant", "carmaker", "subsidiary", "brewer", "bookmaker", "telco", "website",
                     "label", "studio", "chain", "network", "operator", "brokerage", "duo", "side",
                     "outfit", "brand", "monopoly", "unit"), "ORG"),
    **dict.fromkeys(("town", "village", "city", "suburb", "port", "province", "region", "capital", "county",
                     "district", "island", "resort", "enclave", "mine", "oilfield"), "GPE"),
    **dict.fromkeys(("film", "movie", "album", "single", "song", "comedy", "drama", "biopic",
                     "sitcom", "series", "serial", "soap", "show", "novel", "musical", "documentary",
                     "thriller", "opera", "programme", "program", "epic", "sequel", "remake", "blockbuster", "hit"),
                    "WORK_OF_ART"),
}
#: Labels of the mentions that name nothing themselves and stand for a named one: pronouns
#: ("he", "its") and definite descriptions ("the minister").
ANAPHORS = frozenset({"PRON", "NOM"})


#: Nouns for one person of a nation, beyond a demonym used as a noun ("the American"): "the
#: Dutchman said", "beat the Swede"; with the country (as ``kg.gazetteer.country`` names it).
NATIONALS: dict[str, str] = {
    **dict.fromkeys(("dutchman", "dutchwoman"), "Netherlands"),
    **dict.fromkeys(("frenchman", "frenchwoman"), "France"),
    **dict.fromkeys(("englishman", "englishwoman"), "England"),
    **dict.fromkeys(("welshman", "welshwoman"), "Wales"),
    **dict.fromkeys(("irishman", "irishwoman"), "Ireland"),
    **dict.fromkeys(("scotsman", "scotswoman", "scot"), "Scotland"),
    **dict.fromkeys(("briton", "brit"), "United Kingdom"),
    "swede": "Sweden", "dane": "Denmark", "finn": "Finland", "pole": "Poland", "turk": "Turkey",
    "czech": "Czech Republic", "greek": "Greece", "thai": "Thailand", "spaniard": "Spain",
    "aussie": "Australia", "swiss": "Switzerland"}
#: Roles of descriptions that stand for a person named before them without a title
#: (``kg.nominal.person_descriptions``): "the Dutchman", "the 21-year-old".
DESCRIBED_PEOPLE = frozenset({"national", "year-old"})


def stands_for(label: str, role: str) -> str:
    """The label a mention counts as for the tables above: a definite description counts as
    what its head noun names ("the company" as ``ORG``), anything else as itself.

    >>> stands_for("NOM", "company"), stands_for("NOM", "minister"), stands_for("GPE", "")
    ('ORG', 'PERSON', 'GPE')
    """
    if label == "NOM" and role in DESCRIBED_PEOPLE:
        return "PERSON"
    return NOMINAL_HEADS.get(role, label) if label == "NOM" else label
