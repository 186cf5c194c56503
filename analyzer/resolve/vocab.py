"""Word tables for speaker names: countries and demonyms, titles, ranks, institutions, generic people.

General vocabulary of news text, not of one story.

>>> _COUNTRIES["norwegian"], _ROLE_CLASS["premier"]
('norway', 'prime minister')
"""

from __future__ import annotations

from analyzer.names import NAME_CONNECTORS

_COUNTRY_TABLE = """
united states: us, u.s., usa, u.s.a., america, american, united states of america
united kingdom: uk, u.k., britain, great britain, british; south korea: south korean, republic of korea
north korea: north korean, dprk, democratic people's republic of korea; korea: korean
ukraine: ukrainian; russia: russian, russian federation; china: chinese, prc, people's republic of china
japan: japanese; taiwan: taiwanese; france: french; germany: german; italy: italian; spain: spanish
portugal: portuguese; netherlands: dutch, holland; belgium: belgian; poland: polish; greece: greek
turkey: turkish, turkiye; iran: iranian; iraq: iraqi; syria: syrian; israel: israeli; lebanon: lebanese
jordan: jordanian; egypt: egyptian; saudi arabia: saudi; yemen: yemeni; qatar: qatari
united arab emirates: uae, emirati; india: indian; pakistan: pakistani; afghanistan: afghan
bangladesh: bangladeshi; indonesia: indonesian; philippines: philippine, filipino; vietnam: vietnamese
thailand: thai; malaysia: malaysian; myanmar: burmese, burma; australia: australian
new zealand: new zealander; canada: canadian; mexico: mexican; brazil: brazilian
argentina: argentine, argentinian; chile: chilean; colombia: colombian; venezuela: venezuelan
peru: peruvian; cuba: cuban; haiti: haitian; nigeria: nigerian; kenya: kenyan; ethiopia: ethiopian
south africa: south african; sudan: sudanese; somalia: somali; libya: libyan; morocco: moroccan
algeria: algerian; tunisia: tunisian; belarus: belarusian; georgia: georgian; armenia: armenian
azerbaijan: azerbaijani; kazakhstan: kazakh; moldova: moldovan; romania: romanian; hungary: hungarian
czech republic: czechia, czech; slovakia: slovak; austria: austrian; switzerland: swiss; sweden: swedish
norway: norwegian; finland: finnish; denmark: danish; ireland: irish; estonia: estonian; latvia: latvian
lithuania: lithuanian; serbia: serbian; croatia: croatian
"""


def _vocab(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _load_countries() -> dict[str, str]:
    table: dict[str, str] = {}
    for entry in _COUNTRY_TABLE.replace("\n", ";").split(";"):
        key, _, rest = entry.partition(":")
        for name in (key, *rest.split(",")):
            if name.strip():
                table.setdefault(name.strip(), key.strip())
    return table


_COUNTRIES = _load_countries()
_COUNTRY_WORDS = frozenset(w for name in _COUNTRIES for w in name.split())
_MAX_COUNTRY_WORDS = max(len(name.split()) for name in _COUNTRIES)

_ARTICLES = frozenset({"the", "a", "an"})
_DETERMINERS = _ARTICLES | {"its", "their", "his", "her", "our", "this", "that"}
_INDEFINITE = _vocab("a an one another some several many two three four five other numerous multiple various")
_PREPOSITIONS = _vocab("for of to at from with by in on about under within inside near among against")
_POSTMODIFIERS = _PREPOSITIONS | _vocab(
    "familiar close who that which speaking briefed involved based according knowledgeable aware"
)
_CONNECTORS = NAME_CONNECTORS
_TITLES = _vocab("""president premier chancellor minister secretary spokesperson spokesman spokeswoman
    adviser advisor captain capt general gen governor gov mayor director chief head official
    commander cmdr ambassador envoy senator sen representative rep congressman congresswoman
    judge justice attorney prosecutor chairman chairwoman chair chairperson ceo cfo founder
    leader king queen prince princess emir sheikh sultan dictator ruler colonel col lieutenant
    lt major maj sergeant sgt admiral adm marshal brigadier officer inspector superintendent
    commissioner sheriff deputy assistant undersecretary coordinator manager administrator
    professor prof pope cardinal bishop archbishop rabbi imam reverend rev councillor councilor
    councilman councilwoman mp mep rapporteur negotiator correspondent analyst economist master""")
_HONORIFICS = _vocab("mr mrs ms miss dr sir dame lord lady madam mme herr")
_RANKS = {
    "vice": "vice",
    "deputy": "vice",
    "assistant": "vice",
    "under": "vice",
    "acting": "acting",
    "interim": "acting",
    "former": "former",
    "ex": "former",
    "late": "former",
    "then": "former",
    "outgoing": "former",
}
_ROLE_CLASS = {
    "president": "president",
    "dictator": "president",
    "ruler": "president",
    "prime minister": "prime minister",
    "premier": "prime minister",
    "chancellor": "prime minister",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "adviser": "adviser",
    "advisor": "adviser",
    "gen": "general",
    "capt": "captain",
    "cmdr": "commander",
    "col": "colonel",
    "lt": "lieutenant",
    "maj": "major",
    "sgt": "sergeant",
    "adm": "admiral",
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "prof": "professor",
    "rev": "reverend",
}
_INSTITUTIONS = _vocab("""ministry ministries department office agency service services council committee commission
    house staff forces force army navy police guard coastguard command corps court bank fund union
    unions party government administration assembly parliament senate congress institute university
    college school hospital center centre authority authorities bureau board network news times
    post press group company corporation corp inc ltd llc plc association federation league alliance
    coalition front movement organisation organization foundation directorate intelligence cabinet
    presidency secretariat embassy consulate mission tribunal media tv radio channel journal gazette
    herald tribune daily weekly magazine region province state states city county municipality
    district republic kingdom nations international security defense defence affairs health interior
    finance treasury emergency emergencies rescue fire brigade battalion regiment division unit fleet
    headquarters society observatory monitor watch program programme project""")
_GENERIC_PEOPLE = _vocab("""official officials source sources witness witnesses eyewitness eyewitnesses diplomat diplomats
    analysts experts resident residents observer observers insider insiders aide aides person people
    individual individuals someone lawmakers legislators investigators employees staffers workers
    activists doctors medics journalists reporters survivors villagers locals bystanders members
    representatives negotiators officers soldiers spokespeople employee worker staffer activist doctor
    medic journalist reporter survivor villager bystander member soldier""")
_NON_NAMES = _vocab("""he she they it we i you his her their its our this that these those who whom which there here
    what the a an and or but of for with without to in on at by from according monday tuesday
    wednesday thursday friday saturday sunday january february march july september october
    november december today yesterday tomorrow""")
_NOT_NAME = _TITLES | _HONORIFICS | _INSTITUTIONS | _NON_NAMES | _GENERIC_PEOPLE | frozenset(_RANKS)
_PARTICLES = _vocab("de da del della di du des van von der den ter bin ibn al el la le dos das")
_SUFFIXES = _vocab("jr sr ii iii iv")
_GENERIC_POSSESSORS = _vocab(
    "country nation state city region government kingdom republic island capital province territory"
)
_LOWER_FIRST = (
    _GENERIC_PEOPLE
    | _TITLES
    | _INSTITUTIONS
    | _vocab("""senior local regional national federal provincial municipal military government police
        organisers organizers protesters demonstrators rescuers unions authorities hospital""")
)
_LEMMAS = {
    "defence": "defense",
    "organisation": "organization",
    "centre": "center",
    "programme": "program",
    "labour": "labor",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
}
_SYNONYM_GROUPS = (
    ("intelligence service", "intelligence agency", "spy agency", "spy service", "intelligence services"),
    ("intelligence service", "intelligence"),
    ("health ministry", "health department"),
    ("interior ministry", "home ministry", "interior department", "internal affairs ministry", "home office"),
    ("defense ministry", "defense department"),
    ("foreign ministry", "foreign affairs ministry", "foreign office", "foreign affairs department"),
    ("justice ministry", "justice department"),
    ("finance ministry", "finance department"),
    ("emergency ministry", "emergencies ministry", "emergency situations ministry"),
    ("police", "police force", "police service", "police department"),
    ("military", "armed forces", "armed force"),
    ("coastguard", "coast guard"),
    ("fire service", "fire department", "fire brigade", "fire and rescue service"),
    ("general staff",),
)
_SYNONYMS = {phrase: group[0] for group in _SYNONYM_GROUPS for phrase in group}
