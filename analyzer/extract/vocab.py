"""General vocabulary of news attribution: reporting verbs, agent nouns, media names, stance cues.

Nothing here is about one story: these are the words reporters use in any
story to say who said what. Kept in one place so every rule reads the same
lists.

>>> "spokesman" in AGENT_NOUNS
True
>>> is_media_name("The Associated Press")
True
>>> is_media_name("National Intelligence Service")
False
"""

from __future__ import annotations

import re
from functools import lru_cache

from analyzer.patterns import prefixed

# Reporting verbs, all their forms. "put"/"place" count only as "put the toll at".
_VERB_STEMS = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "report": ("report", "reports", "reported", "reporting"),
    "state": ("state", "states", "stated", "stating"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "estimate": ("estimate", "estimates", "estimated", "estimating"),
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "announce": ("announce", "announces", "announced", "announcing"),
    "add": ("added", "adds", "adding"),
    "note": ("noted", "notes", "noting"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "deny": ("deny", "denies", "denied", "denying"),
    "reject": ("reject", "rejects", "rejected", "rejecting"),
    "dispute": ("disputed", "disputes", "disputing"),
    "dismiss": ("dismissed", "dismisses", "dismissing"),
    "warn": ("warn", "warns", "warned", "warning"),
    "allege": ("allege", "alleges", "alleged", "alleging"),
    "assert": ("assert", "asserts", "asserted", "asserting"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "explain": ("explained", "explains", "explaining"),
    "write": ("wrote", "writes", "writing"),
    "tweet": ("tweeted", "tweets", "posted"),
    "disclose": ("disclose", "discloses", "disclosed", "disclosing"),
    "reveal": ("reveal", "reveals", "revealed", "revealing"),
    "mention": ("mentioned", "mentions", "mentioning"),
    "suggest": ("suggested", "suggests"),
    "believe": ("believe", "believes", "believed"),
    "assess": ("assess", "assesses", "assessed", "assessing"),
    "predict": ("predicted", "predicts", "predicting"),
    "project": ("projected", "projects"),
    "forecast": ("forecast", "forecasts", "forecasted"),
    "calculate": ("calculated", "calculates"),
    "count": ("counted", "counts"),
    "tally": ("tallied",),
    "record": ("recorded", "records"),
    "register": ("registered",),
    "put": ("put", "puts", "putting"),
    "place": ("placed", "places"),
    "brief": ("briefed",),
    "inform": ("informed", "informs"),
    "testify": ("testified", "testifies"),
    "declare": ("declared", "declares", "declaring"),
    "emphasize": ("emphasized", "emphasised", "emphasizes", "emphasises", "emphasizing", "emphasising"),
    "stress": ("stressed", "stresses", "stressing"),
    "argue": ("argued", "argues", "arguing"),
    "maintain": ("maintained", "maintains"),
    "reiterate": ("reiterated", "reiterates", "reiterating"),
    "describe": ("described", "describes", "describing"),
    "cite": ("cited", "cites"),
    "reference": ("referenced", "references", "referencing"),
    "quote": ("quoted",),
    "show": ("showed", "shows", "shown"),
    "indicate": ("indicated",),
    "raise": ("raised",),
    "revise": ("revised",),
    "update": ("updated",),
    "lower": ("lowered",),
    "provide": ("provided",),
    "give": ("gave", "gives", "given"),
    "detail": ("detailed",),
    "publish": ("published",),
    "release": ("released",),
    "issue": ("issued",),
    "accuse": ("accused", "accuses", "accusing"),
    "fear": ("fears", "feared"),
    "expect": ("expects", "expected"),
    "anticipate": ("anticipate", "anticipates", "anticipated"),
    "find": ("found",),
    "conclude": ("concluded", "concludes"),
    "speak": ("spoke", "speaks", "speak"),
    "point": ("pointed",),
}
REPORTING_FORMS: dict[str, str] = {form: stem for stem, forms in _VERB_STEMS.items() for form in forms}

# Forms that are also nouns ("the hermit state", "reports of"): verbs only before a clause or a figure.
NOUN_LIKE_FORMS = frozenset(
    [
        "state",
        "states",
        "report",
        "reports",
        "claim",
        "claims",
        "disputes",
        "estimate",
        "estimates",
        "count",
        "counts",
        "record",
        "records",
        "fears",
        "fear",
        "notes",
        "shows",
        "release",
        "releases",
        "issue",
        "issues",
        "find",
        "finds",
        "figures",
        "quote",
        "quotes",
        "update",
        "updates",
        "tally",
    ]
)
# Verbs that only report when followed by "the figure at" ("put the toll at 87").
ESTIMATE_AT_VERBS = frozenset({"put", "place", "raise", "revise", "update", "lower"})
# Verbs that are reporting only with an actor as subject and a clause or figure after them.
WEAK_VERBS = frozenset(
    {
        "show",
        "indicate",
        "provide",
        "give",
        "detail",
        "publish",
        "release",
        "issue",
        "find",
        "expect",
        "fear",
        "anticipate",
        "believe",
        "record",
        "register",
        "count",
        "cite",
        "reference",
        "quote",
        "suggest",
        "accuse",
        "conclude",
    }
)

REPORTING_RE = re.compile(
    r"\b(" + "|".join(sorted(REPORTING_FORMS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)

# Nouns that name someone who can assert a figure: people by role, bodies, groups.
AGENT_NOUNS = frozenset(
    [
        "chairman",
        "chairwoman",
        "chairperson",
        "chairmen",
        "executive",
        "executives",
        "founder",
        "co-founder",
        "coordinator",
        "manager",
        "managers",
        "official",
        "officials",
        "spokesman",
        "spokesmen",
        "spokeswoman",
        "spokeswomen",
        "spokesperson",
        "spokespeople",
        "minister",
        "ministers",
        "ministry",
        "ministries",
        "secretary",
        "secretaries",
        "president",
        "presidents",
        "premier",
        "governor",
        "governors",
        "mayor",
        "mayors",
        "chief",
        "chiefs",
        "head",
        "heads",
        "director",
        "directors",
        "commander",
        "commanders",
        "general",
        "generals",
        "officer",
        "officers",
        "agency",
        "agencies",
        "service",
        "services",
        "office",
        "offices",
        "department",
        "departments",
        "authority",
        "authorities",
        "government",
        "governments",
        "administration",
        "administrations",
        "council",
        "councils",
        "committee",
        "committees",
        "commission",
        "commissions",
        "police",
        "policeman",
        "coastguard",
        "coastguards",
        "guard",
        "army",
        "military",
        "navy",
        "forces",
        "force",
        "staff",
        "ministry-official",
        "diplomat",
        "diplomats",
        "ambassador",
        "ambassadors",
        "envoy",
        "envoys",
        "source",
        "sources",
        "witness",
        "witnesses",
        "resident",
        "residents",
        "organiser",
        "organisers",
        "organizer",
        "organizers",
        "union",
        "unions",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "observer",
        "observers",
        "monitor",
        "monitors",
        "researcher",
        "researchers",
        "scientist",
        "scientists",
        "doctor",
        "doctors",
        "medic",
        "medics",
        "spokesperson's",
        "leader",
        "leaders",
        "lawmaker",
        "lawmakers",
        "mp",
        "mps",
        "councillor",
        "councillors",
        "councilor",
        "councilors",
        "nurse",
        "nurses",
        "paramedic",
        "paramedics",
        "engineer",
        "engineers",
        "lawyer",
        "lawyers",
        "economist",
        "economists",
        "pharmacist",
        "teacher",
        "teachers",
        "farmer",
        "farmers",
        "colleague",
        "colleagues",
        "legislator",
        "legislators",
        "senator",
        "senators",
        "representative",
        "representatives",
        "deputy",
        "deputies",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "aide",
        "aides",
        "prosecutor",
        "prosecutors",
        "investigator",
        "investigators",
        "inspector",
        "inspectors",
        "team",
        "teams",
        "group",
        "groups",
        "organisation",
        "organization",
        "organisations",
        "organizations",
        "ngo",
        "ngos",
        "charity",
        "charities",
        "campaigners",
        "activists",
        "activist",
        "critics",
        "critic",
        "federation",
        "association",
        "associations",
        "institute",
        "institutes",
        "center",
        "centre",
        "hospital",
        "hospitals",
        "operator",
        "operators",
        "company",
        "companies",
        "firm",
        "firms",
        "bank",
        "banks",
        "fund",
        "parliament",
        "assembly",
        "cabinet",
        "kremlin",
        "pentagon",
        "palace",
        "court",
        "tribunal",
        "board",
        "bureau",
        "unit",
        "units",
        "division",
        "intelligence",
        "brigade",
        "battalion",
        "regiment",
        "corps",
        "landlord",
        "landlords",
        "organizer's",
        "rescuers",
        "rescuer",
        "workers",
        "worker",
        "volunteers",
        "volunteer",
        "firefighters",
        "officials'",
        "sheriff",
        "marshal",
        "captain",
        "colonel",
        "lieutenant",
        "sergeant",
        "major",
        "admiral",
        "chancellor",
        "king",
        "queen",
        "prince",
        "spokesman's",
        "coroner",
        "registrar",
        "regulator",
        "regulators",
        "watchdog",
        "watchdogs",
        "operator",
        "media",
        "outlet",
        "outlets",
        "newspaper",
        "newspapers",
        "broadcaster",
        "broadcasters",
        "paper",
        "magazine",
        "network",
    ]
)

# Agent nouns that name an institution (not a person, not a crowd): the sources of official figures.
INSTITUTION_NOUNS = frozenset(
    [
        "ministry",
        "ministries",
        "authority",
        "authorities",
        "agency",
        "agencies",
        "government",
        "administration",
        "department",
        "office",
        "council",
        "commission",
        "committee",
        "police",
        "army",
        "military",
        "navy",
        "forces",
        "coastguard",
        "service",
        "services",
        "bureau",
        "board",
        "institute",
        "court",
        "parliament",
        "cabinet",
        "regulator",
        "watchdog",
        "bank",
        "fund",
    ]
)

# Lower-case words that may stand inside an agent noun phrase ("the regional health office").
NP_MODIFIERS = frozenset(
    [
        "senior",
        "junior",
        "top",
        "local",
        "regional",
        "provincial",
        "national",
        "federal",
        "state",
        "city",
        "county",
        "municipal",
        "district",
        "central",
        "western",
        "eastern",
        "northern",
        "southern",
        "foreign",
        "interior",
        "home",
        "health",
        "defence",
        "defense",
        "intelligence",
        "spy",
        "security",
        "military",
        "naval",
        "civil",
        "emergency",
        "disaster",
        "rescue",
        "fire",
        "public",
        "press",
        "government",
        "administration",
        "presidential",
        "prime",
        "deputy",
        "vice",
        "acting",
        "former",
        "chief",
        "general",
        "border",
        "election",
        "electoral",
        "finance",
        "economy",
        "economic",
        "trade",
        "justice",
        "education",
        "transport",
        "energy",
        "environment",
        "agriculture",
        "labour",
        "labor",
        "family",
        "independent",
        "official",
        "officials'",
        "israeli",
        "unnamed",
        "anonymous",
        "several",
        "two",
        "three",
        "four",
        "some",
        "many",
        "other",
        "unions'",
        "union",
        "police",
        "ministry",
        "hospital",
        "medical",
        "rights",
        "human",
        "news",
        "wire",
        "statistics",
        "statistical",
        "census",
        "weather",
        "meteorological",
        "humanitarian",
        "aid",
        "relief",
        "red",
        "cross",
        "crescent",
        "coast",
        "coastguard",
        "marine",
        "army",
        "air",
        "space",
        "nuclear",
        "atomic",
        "ukrainian",
        "american",
        "allied",
        "anonymous",
        "senior-level",
        "high-ranking",
        "high",
        "ranking",
        "mid-level",
        "relevant",
        "concerned",
    ]
)

DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})

PRONOUNS_PERSON = frozenset({"he", "she"})
PRONOUNS_PLURAL = frozenset({"they"})
PRONOUNS_THING = frozenset({"it"})
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_PLURAL | PRONOUNS_THING | {"we", "i"}

# Names of news organisations: wire services and broadcasters are general vocabulary of the trade.
MEDIA_NAMES = frozenset(
    [
        "reuters",
        "ap",
        "afp",
        "associated",
        "press",
        "agence",
        "france-presse",
        "france",
        "presse",
        "bloomberg",
        "bbc",
        "cnn",
        "nbc",
        "cbs",
        "abc",
        "fox",
        "npr",
        "pbs",
        "msnbc",
        "al",
        "jazeera",
        "yonhap",
        "kyodo",
        "xinhua",
        "tass",
        "ria",
        "novosti",
        "interfax",
        "ukrinform",
        "dpa",
        "ansa",
        "efe",
        "pti",
        "ani",
        "axios",
        "politico",
        "hill",
        "guardian",
        "times",
        "post",
        "journal",
        "telegraph",
        "independent",
        "economist",
        "ft",
        "wsj",
        "nyt",
        "upi",
        "bernama",
        "antara",
        "kcna",
        "nhk",
        "arirang",
        "sky",
        "euronews",
        "dw",
        "rfi",
        "france24",
        "itar",
    ]
)
MEDIA_WORDS = re.compile(
    r"\b(?:news|press|times|post|journal|herald|tribune|telegraph|gazette|daily|weekly|radio|tv|"
    r"television|broadcast(?:ing|er)?|media|wire|newswire|newspaper|outlet|magazine|channel|network|"
    r"chronicle|observer|standard|express|mirror|courier|report|dispatch|bulletin|agency|reporters?)\b",
    re.IGNORECASE,
)
GENERIC_MEDIA = re.compile(
    r"^(?:the\s+)?(?:(?:local|state|state-run|state-owned|foreign|international|national|some|several|"
    r"other|news|us|u\.s\.|western|political|regional)\s+)*(?:media|press|news\s+outlets?|outlets?|"
    r"newspapers?|news\s+agenc(?:y|ies)|broadcasters?|reports?|the\s+report|tabloids?|news\s+reports?|"
    r"media\s+outlets?|media\s+reports?)$",
    re.IGNORECASE,
)


_MEDIA_DESCRIPTOR_RE = re.compile(
    r"\b(?:broadcaster|newspaper|news\s+agency|news\s+site|news\s+website|tabloid|daily|weekly|"
    r"tv\s+channel|television|radio\s+station|public\s+broadcaster|wire\s+service|news\s+outlet|outlet)\s+[a-z0-9]",
)


_LEADING_THE_RE = re.compile(r"^the\s+")
_NAME_WORD_RE = re.compile(r"[a-z0-9][a-z0-9.\-]*")
_OFFICIAL_RE = re.compile(r"\b(?:secretary|spokes|minister)")


@lru_cache(maxsize=4096)  # a story names the same few speakers over and over
def is_media_name(text: str, known_outlets: frozenset[str] = frozenset()) -> bool:
    """Whether a noun phrase names a news organisation or "the media" in general."""
    t = text.strip().replace("’", "'")
    low = _LEADING_THE_RE.sub("", t.lower())
    if not low:
        return False
    if low in known_outlets or GENERIC_MEDIA.match(low):
        return True
    words = _NAME_WORD_RE.findall(low)
    if not words:
        return False
    if low in MEDIA_NAMES or " ".join(words) in MEDIA_NAMES:
        return True
    if (
        words[0] in MEDIA_NAMES
        and len(words) <= 3
        and words[0] not in {"times", "post", "journal", "independent"}
    ):
        return True
    if _MEDIA_DESCRIPTOR_RE.search(low):
        return True  # "local broadcaster TVK", "the daily Le Matin"
    # "NBC News", "Yonhap News Agency", "The Kyiv Independent": capitalised names with a media word
    capitalised = t[:1].isupper() or t.lower().startswith("the ")
    if capitalised and MEDIA_WORDS.search(t) and not _OFFICIAL_RE.search(low):
        head = words[-1]
        return head in {
            "news",
            "press",
            "times",
            "post",
            "journal",
            "herald",
            "tribune",
            "telegraph",
            "gazette",
            "daily",
            "radio",
            "tv",
            "television",
            "media",
            "wire",
            "newswire",
            "newspaper",
            "magazine",
            "channel",
            "network",
            "chronicle",
            "observer",
            "standard",
            "express",
            "mirror",
            "courier",
            "dispatch",
            "bulletin",
            "broadcasting",
            "broadcaster",
        } or (head == "agency" and "news" in words)
    return False


# Stance cues (compiled with prefixed: tests of whether and where a cue is; the cue's text is group m).
# what "reject/dismiss/dispute" must take to deny a claim, not act on a thing: "that ...", or a claim
# noun ("rejected reports that", "disputed the figures", "dismissed as false the claims");
# "rejected 12 amendments", "dismissed 40 cases", "rejected the plan" are actions
CLAIM_OBJECT = (
    r"\s+(?:as\s+(?:false|baseless|untrue|groundless|exaggerated)\s+)?"
    r"(?:that\b|(?:(?:the|these|those|such|any|all)\s+)?(?:[\w'’\-]+\s+){0,2}?"
    r"(?:claims?|reports?|allegations?|figures?|estimates?|tolls?|accounts?|numbers?|tall(?:y|ies)|"
    r"assertions?|suggestions?|statistics|data)\b)"
)
DENY_CUES = (
    r"\b(?:den(?:y|ies|ied|ying)|refuted|refutes|"
    rf"(?:rejected|rejects|dismissed|dismisses|disputed|disputes)(?={CLAIM_OBJECT})|"
    r"(?:is|was|are|were)\s+(?:not\s+true|false|untrue|baseless|groundless)|fake\s+news|no\s+evidence)\b"
)
DENY_RE = prefixed("draiwfn", DENY_CUES, re.IGNORECASE)
CONFIRM_CUES = (
    r"\b(?:confirm(?:s|ed|ing)?|acknowledg(?:e|es|ed|ing)|verif(?:y|ies|ied)|corroborat(?:e|es|ed)|"
    r"there\s+(?:is|was|were|are)\s+(?:now\s+)?(?:clear\s+|strong\s+|credible\s+)?evidence|(?:had|has|have)\s+(?:clear\s+|credible\s+)?evidence|(?:we|they)\s+can\s+(?:now\s+)?confirm|"
    r"it\s+is\s+(?:now\s+)?(?:clear|certain)\s+that)\b"
)
CONFIRM_RE = prefixed("cavthwi", CONFIRM_CUES, re.IGNORECASE)
HEDGE_CUES = (
    r"\b(?:if\s+(?:it\s*(?:'|’)s\s+|it\s+is\s+|they\s+are\s+|this\s+is\s+|that\s+is\s+|the\s+\w+\s+(?:is|are)\s+)?"
    r"(?:true|accurate|confirmed|correct)|could|might|may\s+(?:be|have|rise|reach|climb|exceed|number)|"
    r"possibly|potentially|unconfirmed|unverified|if\s+(?:confirmed|verified)|looking\s+into|"
    r"cannot\s+(?:yet\s+)?confirm|could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:confirm|verif)\w*)\b"
)
HEDGE_RE = prefixed("icmpul", HEDGE_CUES, re.IGNORECASE)
