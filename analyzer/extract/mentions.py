"""What a mention of a speaker names: a person, a body or a group, and the key one document knows it by.

"Governor Ruth Amsel" is a person, "the Harbour Board" a body, "Residents of Kavak" a group; a pronoun
refers back to the last speaker of its kind ("she", "it", "they").

>>> kind_of("union leader Mirela Danek"), kind_of("the Harbour Board"), kind_of("Residents of Kavak")
('person', 'org', 'plural')
>>> speaker_key("Governor Ruth Amsel") == speaker_key("Amsel")
True
"""

from __future__ import annotations

from functools import lru_cache

from analyzer.extract.vocab import AGENT_NOUNS
from analyzer.names import initials

__all__ = ["bare_name", "definite_head", "kind_of", "speaker_key"]


_ORG_WORDS = frozenset(
    [
        "service",
        "ministry",
        "agency",
        "council",
        "office",
        "house",
        "department",
        "government",
        "police",
        "forces",
        "army",
        "command",
        "committee",
        "commission",
        "assembly",
        "union",
        "organisation",
        "organization",
        "group",
        "bank",
        "court",
        "party",
        "centre",
        "center",
        "institute",
        "university",
        "association",
        "cross",
        "staff",
        "administration",
        "authority",
        "authorities",
        "bureau",
        "navy",
        "military",
        "guard",
        "coastguard",
        "agency's",
        "network",
        "fund",
        "board",
        "federation",
        "parliament",
        "cabinet",
        "kremlin",
        "pentagon",
    ]
)
# The last word of a firm's name ("Nordic Lines", "Karsten Minerals"): no surname ends so
_FIRM_NAME_ENDS = frozenset(
    {"lines", "airlines", "airways", "holdings", "industries", "motors", "systems", "logistics", "shipping"}
    | {"refining", "chemicals", "minerals", "pharmaceuticals", "technologies", "inc", "ltd", "llc", "plc"}
    | {"corp", "corporation", "company", "securities", "insurance", "railways", "utilities", "brands"}
)
# Nouns that name one person by their role.
_PERSON_ROLES = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "secretary",
        "president",
        "premier",
        "governor",
        "mayor",
        "official",
        "diplomat",
        "commander",
        "general",
        "captain",
        "colonel",
        "lieutenant",
        "sergeant",
        "major",
        "admiral",
        "chief",
        "director",
        "head",
        "adviser",
        "advisor",
        "aide",
        "deputy",
        "ambassador",
        "envoy",
        "senator",
        "lawmaker",
        "legislator",
        "mp",
        "councillor",
        "councilor",
        "prosecutor",
        "investigator",
        "inspector",
        "officer",
        "policeman",
        "doctor",
        "nurse",
        "engineer",
        "lawyer",
        "teacher",
        "farmer",
        "pharmacist",
        "economist",
        "analyst",
        "expert",
        "researcher",
        "scientist",
        "medic",
        "activist",
        "critic",
        "leader",
        "chancellor",
        "king",
        "queen",
        "prince",
        "sheriff",
        "marshal",
        "coroner",
        "registrar",
        "master",
        "witness",
        "resident",
        "colleague",
        "volunteer",
        "worker",
        "rescuer",
        "landlord",
        "organiser",
        "organizer",
        "representative",
        "observer",
    ]
)
# Agent nouns that name one person, never a body: "a spokesman" speaks for a body but is no body.
_PERSON_AGENTS = frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "secretary",
        "president",
        "governor",
        "mayor",
        "official",
        "diplomat",
        "commander",
        "general",
        "captain",
        "chief",
        "director",
        "adviser",
        "advisor",
    }
)
_KIND_LINKS = frozenset({"of", "for", "at", "in", "from"})
# Capitalised titles before a personal name that are not agent nouns.
_TITLES = frozenset(
    {"dr", "mr", "mrs", "ms", "prof", "professor", "gen", "col", "lt", "capt", "sgt", "sen", "rep"}
)
_TITLES_AND_ROLES = _TITLES | AGENT_NOUNS


@lru_cache(maxsize=4096)  # a story names the same few speakers over and over
def kind_of(mention: str) -> str:
    """person, org or plural: what a pronoun may refer back to."""
    words = mention.replace("’", "'").split()
    low = [w.lower().strip(".,") for w in words]
    if not low:
        return "org"
    # the head comes before a prepositional phrase: "Residents of Kavak", "Doctors at the city hospital"
    if "&" in low:
        return "org"  # "Harwell Power & Light", "Marks & Spencer": partners' names make one firm
    link = next((i for i in range(1, len(low)) if low[i] in _KIND_LINKS), len(low))
    head = low[link - 1]
    if head.endswith("s") and head.rstrip("s") in AGENT_NOUNS and head not in _ORG_WORDS:
        return "plural"
    if head in _PERSON_ROLES:
        return "person"  # "the harbour master", "the head of the agency", "a spokesman for the group"
    if low[0] == "the" and len(low) > 1:
        return "org"  # people take no article: "the Common Front" is a body
    if _titled_name(words, low):
        return "person"  # "union leader Mirela Danek", "Army spokesman Colonel Radek Sorin"
    if link < len(low) and low[link] == "of" and words[0][:1].isupper() and words[-1][:1].isupper():
        return "org"  # a name with "of" in it names a body: "Confederation of Ardenian Labour"
    if (
        head in _ORG_WORDS
        or any(w in _ORG_WORDS for w in low[:link])
        or (head in AGENT_NOUNS and head not in _PERSON_AGENTS)
    ):
        return "org"
    if low[-1] in _FIRM_NAME_ENDS:
        return "org"  # "Nordic Lines", "Halvane Pharmaceuticals", "Ostmar Chemicals": a firm, no "she"
    if words[-1][:1].isupper() and not words[-1].isupper():
        return "person"
    return "org" if words[-1].isupper() else "person"


@lru_cache(maxsize=4096)
def bare_name(mention: str) -> bool:
    """A name of capitalised words only, with no title or role: "Nordic Lines" or "Deniz Arkan" alike.

    >>> bare_name("Nordic Lines"), bare_name("Governor Emre Tolan"), bare_name("the ministry")
    (True, False, False)
    """
    words = mention.replace("’", "'").split()
    return len(words) >= 2 and all(
        w[:1].isupper() and not w.isupper() and w.lower().strip(".,") not in _TITLES_AND_ROLES for w in words
    )


def _titled_name(words: list[str], low: list[str]) -> bool:
    """A personal name after a title: the phrase ends in two or more capitalised words, none of them a
    body's word, after a lower-case role noun or a capitalised title ("Minister", "Colonel", "Dr.").

    >>> _titled_name("union leader Mirela Danek".split(), "union leader mirela danek".split())
    True
    >>> _titled_name("Ministry of Defence".split(), "ministry of defence".split())
    False
    """
    run = 0
    for word, lw in zip(reversed(words), reversed(low), strict=True):
        if not word[:1].isupper() or word.isupper() or lw in _ORG_WORDS or lw in AGENT_NOUNS:
            break
        run += 1
    if run < 2 or run == len(words):
        return False
    before = low[-run - 1]
    return before in AGENT_NOUNS or before in _TITLES


def definite_head(mention: str) -> str | None:
    """The head noun of a definite description with no name in it: "the intelligence agency" -> agency."""
    words = mention.split()
    if len(words) < 2 or len(words) > 4 or words[0].lower() != "the":
        return None
    if words[-1][:1].isupper() or any(w[:1].isupper() and w.lower() in AGENT_NOUNS for w in words[1:]):
        return None  # "the Harbour Board" is a name; "the Norvian car-parts maker" a description
    head = words[-1].lower()
    return head if head in AGENT_NOUNS and not head.endswith("s") else None


@lru_cache(maxsize=4096)
def same_actor(earlier: str, later: str) -> bool:
    """Whether a later mention in one document names the speaker of an earlier one another way: by its
    initials ("DGHS"), as a description made of its words ("the directorate"), or with a possessive
    ("Tanvara's space agency" for "the Tanvara Space Agency").

    >>> same_actor("the Directorate General of Health Services", "The directorate")
    True
    >>> same_actor("Harwick Port Holdings", "HPH"), same_actor("Tanvara's space agency", "The Tanvara Space Agency")
    (True, True)
    >>> same_actor("the Ministry of Health", "the finance ministry"), same_actor("Harwick Port Holdings", "HP")
    (False, False)
    >>> same_actor("the Department of Health", "DOH"), same_actor("Ana Perez", "AP")
    (True, False)
    """
    a, b = _name_words(earlier), _name_words(later)
    if not a or not b:
        return False
    if a == b:
        return True
    for short, name in ((later, earlier), (earlier, later)):
        if " " not in short.strip() and short.isupper() and 2 <= len(short) <= 6:
            return _initialled(name, short)
    # a description made of the name's own words: lower case after its article, its head in the name
    described = later.split()
    if (
        len(described) >= 2
        and described[0].lower() == "the"
        and not any(w[:1].isupper() for w in described[1:])
    ):
        return b < a and described[-1].lower() in a
    return False


def _initialled(name: str, letters: str) -> bool:
    """Whether ``letters`` are the initials of a body's name of three words or more, with or without its
    small words ("HPH" for Harwick Port Holdings, "DOH" for Department of Health); not a person's ("AP" is
    not Ana Perez)."""
    words = [w for w in name.split() if w.lower() not in {"the", "a", "an"}]
    if len(words) < 3:
        return False
    capitals = initials(" ".join(words))
    every = "".join(w[0] for w in words if w[:1].isalpha())
    return letters.lower() in {capitals.lower(), every.lower()}


@lru_cache(maxsize=4096)
def _name_words(name: str) -> frozenset[str]:
    words = [w.strip(".,").lower().removesuffix("'s").removesuffix("’s") for w in name.split()]
    return frozenset(w for w in words if w and w not in {"the", "a", "an"})


@lru_cache(maxsize=4096)
def speaker_key(name: str) -> str:
    """One key for the ways one document names a speaker: a person by surname, a body by its words."""
    words = name.replace("’", "'").lower().split()
    if words and words[0] == "the":
        words = words[1:]
    if kind_of(name) == "person" and words:
        return words[-1]
    return " ".join(words)
