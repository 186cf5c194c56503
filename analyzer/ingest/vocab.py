"""Compiled patterns of web-page furniture: the vocabulary the boilerplate classifier and the page
metadata reader share.

Patterns whose words are written in lower case (``LOWER`` below) are matched against the
lowercased text: case-folding once per line is much faster than ``re.IGNORECASE``.

Every pattern is a general rule of news pages (menus, subscribe blocks, captions, bylines, bios,
related-story headings), none names one story's people, outlets or places. All are compiled once at
import and written without nested unbounded repeats, so no input can make them backtrack
catastrophically.

>>> bool(RELATED_HEADING_RE.fullmatch("you may also like"))
True
>>> bool(BOILER_LINE_RE.fullmatch("skip to main content"))
True
"""

from __future__ import annotations

import re

from analyzer.patterns import guarded, prefixed

# A sentence end inside a unit: lowercase/digit/closing mark, terminator, space, then a capital or quote.
SENTENCE_BREAK_RE = re.compile(r"[a-z0-9%)\]\"”’][.!?…][\"'”’»)]?\s+[\"“‘'(A-Z0-9]")
WORD_RE = re.compile(r"[^\W\d_][\w'’.&-]*")
QUOTE_RE = re.compile(r"[\"“”«»]")
READER_RE = prefixed("youw", r"\b(?:you|your|yours|our|us|we)\b")

# A line of punctuation only: "-", "***", "— — —", "____".
SEPARATOR_RE = re.compile(r"[-–—_*=~•·#|/\\+.]+(?: [-–—_*=~•·#|/\\+.]+)*")
# Leading list markers and markdown heading marks.
MARKER_RE = re.compile(r"^(?:[-–—•·*▪►▸◦‣>+›»→▶◆■□○●]|#{1,6}|\d{1,2}[.)])\s+")

_SMALL_WORDS = (
    "a an the and or but nor of in on at to for by with from as into onto over per vs via up off out "
    "amid after before than about against between through under"
)
SMALL_WORDS = frozenset(_SMALL_WORDS.split())

# The heading of a page's own summary list ("Key points", "What we know"): its items are the story's.
SUMMARY_HEADING_RE = re.compile(
    r"(?:key (?:points|facts|takeaways|developments)|main points|what we know(?: so far)?|at a glance"
    r"|in brief|highlights|summary|the essentials|(?:the )?story so far)"
)
RELATED_HEADING_RE = re.compile(
    r"(?:\[[^\[\]]{1,24}\]\s*)?"
    r"(?:related(?: (?:stories|articles|news|coverage|content|posts|reading|topics|links))?"
    r"|(?:read|see|watch) (?:more|also|next)(?: (?:news|stories|on this(?: story| topic)?))?"
    r"|(?:also|more) (?:read|on this(?: story| topic)?|from [\w .'’&-]{1,40}|in [\w .'’&-]{1,30})"
    r"|more (?:news|stories|headlines|articles|top stories|coverage)"
    r"|(?:the )?latest(?: (?:news|stories|articles|headlines|updates|videos))?"
    r"|(?:most |the most )?popular(?: (?:now|today|stories|articles|news|this week|posts))?"
    r"|most (?:read|viewed|shared|commented|recent|watched)(?: (?:stories|articles|news|today|this week))?"
    r"|trending(?: (?:now|stories|news|today|topics))?"
    r"|you (?:may|might|will) (?:also )?(?:like|enjoy|be interested in)"
    r"|recommended(?: (?:for you|stories|articles|reading|videos))?"
    r"|editors?['’]?s?['’]? (?:picks?|choice)"
    r"|must[- ]reads?|(?:daily|weekly|monthly) (?:best|top) (?:articles|stories|reads)"
    r"|top (?:stories|news|headlines|picks|reads)|news ?feed|in case you missed it|don['’]?t miss"
    r"|what to (?:read|watch) next|up next|further reading|other (?:stories|news|articles)"
    r"|(?:more|other) (?:from|by) (?:this|the) (?:author|writer|section)|sponsored (?:stories|links)"
    r"|from (?:around|across) the web|elsewhere on [\w .'’&-]{1,40})"
    r"\s*[:.…]*",
)
# "Related: Some headline", "READ MORE: Some headline": the unit is one link, drop it alone.
RELATED_INLINE_RE = re.compile(
    r"(?:related|read (?:more|also|next)|see also|also read|more|watch|listen|recommended)\s*(?::|>>|»|\|)\s*\S",
)

# Whole units that are page furniture (matched after stripping trailing ":" "." "…").
BOILER_LINE_RE = re.compile(
    r"(?:skip to (?:the )?(?:main )?(?:content|navigation|search|footer|menu|article)(?: \w+)?"
    r"|(?:quick|direct) access to .{0,60}(?: (?:quick|direct) access to .{0,60}){0,3}"
    r"|jump to (?:navigation|content|search|comments)"
    r"|(?:main |site |open |close )?(?:menu|navigation|search)|toggle (?:navigation|menu|search)"
    r"|home(?:page)?|edit(?: (?:post|article|page|story))?|print(?: this)?(?: (?:article|page|story))?"
    r"|e-?mail(?: this)?(?: (?:article|story|page))?"
    r"|share(?: \S+){0,4}|tweet|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|flipboard"
    r"|copy(?: the)? link|link copied|comments? ?\(?\d*\)?|\d+ comments?"
    r"|(?:leave|post|add|view|show|read|see|load) (?:a |all |the )?(?:\d+ )?comments?"
    r"|advertisement|advert|ad|sponsored(?: content)?|promoted(?: content)?|paid (?:content|post)"
    r"|(?:read|continue|keep) (?:more|reading)|(?:load|show|see|view) more|more"
    r"|listen(?: to (?:this|the) (?:article|story|episode))?(?: \d+ min(?:utes?)?)?"
    r"|subscribe(?: (?:now|today|for free|here))?|log ?in|sign ?in|sign ?up|sign ?out|log ?out|register"
    r"|join(?: (?:now|us|today))?|donate(?: now)?|become a (?:member|subscriber|supporter|patron)"
    r"|follow(?: us)?(?: on \S+)?|back to top|top|next(?: (?:article|story|post|page))?"
    r"|previous(?: (?:article|story|post|page))?|(?:\d+ )?min(?:ute)?s? read"
    r"|[\d,.]+ ?[km]? views?|views?:? ?[\d,.]*"
    r"|(?:photo|video|image|gallery|audio|graphic|slideshow)s?"
    r"|cookie(?:s| settings| policy| preferences)?|privacy(?: policy| settings)?"
    r"|terms(?: of (?:use|service))?|contact(?: us)?|about(?: us)?|all rights reserved"
    r"|(?:©|copyright|\(c\)).{0,160}"
    r"|[#№]?\d{1,4}|(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
)

# Membership, subscription and newsletter blocks.
PROMO_RE = guarded(
    "snmbiyectdwfa",
    r"\b(?:subscri(?:be|bed|bing|ption)|sign(?:ing|ed)? up|newsletters?|membership"
    r"|become (?:a |our )?(?:member|subscriber|supporter|patron)|indicates required"
    r"|your (?:inbox|email|support|subscription|account|donation)|e-?mail address"
    r"|enter (?:your|a|correct|valid) e-?mail|successfu?l+y subscribed|confirmation e-?mail"
    r"|thank you for (?:signing|subscribing|reading|your support|supporting)"
    r"|support (?:our|independent|quality|local) journalism|(?:daily|weekly|free) (?:e-?mail|briefing)"
    r"|download (?:our|the) app|click here|(?:audio|summary|article) (?:is|was) (?:created|generated)"
    r"|created with (?:the help of )?ai|ai assistance|share (?:it|this) on|follow us"
    r"|this (?:site|website) uses cookies|accept (?:all )?cookies)\b",
)
DISCLAIMER_RE = prefixed(
    "vodamt",
    r"\b(?:(?:views|opinions) expressed|do(?:es)? not (?:necessarily )?reflect the (?:views|opinions?|position)"
    r"|all rights reserved|may not be (?:published|reproduced|broadcast|redistributed)"
    r"|this (?:article|story|content) (?:is|was) (?:sponsored|paid for|produced in partnership))\b",
)

# Captions: a parenthesised photo credit at the end, or a caption opener at the start.
# (LOWER) credit words inside a closing parenthesis: "(Ana Ruiz / AFP via Getty Images)".
CAPTION_CREDIT_RE = re.compile(
    r"\bvia\b|\bgetty\b|\bphoto|\bimages?\b|\bcredit|\bcourtesy\b|\bshutterstock\b|\bfile\b|\bhandout\b"
    r"|\bpool\b|\bepa\b|\bsupplied\b"
)
# (original case) "Name / AGENCY" or "Name/AP" inside that parenthesis.
CAPTION_SLASH_RE = re.compile(r"[A-Za-z] / [A-Za-z]|/ ?[A-Z]{2,}\b")
# (LOWER) unmistakable caption openers: "Photo:", "Pictured:", "This photo ...", "Image credit ...".
CAPTION_START_RE = re.compile(
    r"(?:(?:file |handout |main |top |featured )?(?:image|photo|picture|photograph|caption|illustration"
    r"|graphic|video|screenshot|screengrab)s?\s?(?::|credit\b|courtesy\b)"
    r"|pictured:|(?:in )?this (?:file |handout |undated |aerial )?(?:photo|picture|image|photograph"
    r"|video|screenshot|screengrab)\b)"
)
# (LOWER) openers that also start prose ("Photos of the dam show ..."): a caption only without attribution.
CAPTION_SOFT_START_RE = re.compile(
    r"(?:image|photo|picture|photograph|video|screenshot|footage)s? (?:of|shows?|showing|by)\b"
)
ATTRIBUTION_RE = prefixed("stacr", r"\b(?:said|says|told|according to|reported|stated|claimed|announced)\b")
# A caption glued to the end of a body line: "... technology. This photo taken on ... shows ...".
# The match starts with the sentence's closing mark (a consumed first character lets the engine skip
# ahead fast): the caption starts one character after the match.
INNER_CAPTION_RE = re.compile(
    r"[.!?][\"'”’]?\s+(?:This|In this|A|An) (?:file |handout |undated )?(?:photo|picture|image|photograph)"
    r"\b(?: \S+){0,3} (?:taken|released|provided|shows|showing|distributed|published|made|obtained)\b",
)
CAPTION_TAIL_RE = re.compile(r"\s(?:photo|image|picture|credit)s?\s?(?::|by)\s[^.!?]{2,80}$")

BYLINE_RE = re.compile(r"(?i:by|written by|words by|reported by|story by)\s+[A-Z]")
BYLINE_END_RE = re.compile(r"\b(?:published|updated|posted)\s*$")
DATE_LINE_LEAD_RE = re.compile(r"(?:published|updated|posted|last updated|first published)\b")
# A page's date under a bare label, on the page's first line, which may go on with the headline or the lead:
# "date 2021-02-04 Crews hope for rain", "Date: 04/02/2021" ("Dated 2019-01-12 filings show" is a sentence).
DATE_LABEL_RE = re.compile(r"(?i:date)\s*:?\s+(?:\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{4})(?:\s+|$)")

# What is left of a date line once its date words are removed.
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = (
    r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
)
DATE_WORD_RE = re.compile(
    rf"\b(?:{_MONTHS}|{_WEEKDAYS}|am|pm|a\.m|p\.m|gmt|bst|utc|cet|cest|est|edt|pst|pdt|et|kst|jst|ist"
    r"|published|updated|posted|last|first|on|at|min|mins|minute|minutes|read|h|hours?|days?|ago)\b\.?"
    r"|\d+(?:st|nd|rd|th|h)?",
)
DATE_PUNCT_RE = re.compile(r"[\s,.:/|·•()+\-–—]+")

# A calendar date: "May 25, 2024", "21 October 2024", "2024-10-21", "21/10/2024" (read by pagemeta).
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DATE = (
    rf"\b(?P<m1>{_MONTH})\.?\s(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<y1>\d{{4}})(?!\d)"
    rf"|(?<!\d)(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<m2>{_MONTH})\.?,?\s(?P<y2>\d{{4}})(?!\d)"
    r"|(?<!\d)(?P<y3>\d{4})(?P<s3>[-/.])(?P<m3>\d{1,2})(?P=s3)(?P<d3>\d{1,2})(?!\d)"
    r"|(?<![\d.])(?P<a4>\d{1,2})(?P<s4>[-/.])(?P<b4>\d{1,2})(?P=s4)(?P<y4>\d{4})(?!\d)"
)
DATE_RE = guarded(r"jfmasond\d", _DATE, re.I)  # a month's first letter or a digit
# Where a date starts, for tests of whether a line holds one (analyzer.patterns.prefixed): the
# same dates, the separators of numeric dates spelled out instead of referred back to.
DATE_START_RE = prefixed(
    r"jfmasond\d",
    rf"\b(?:{_MONTH})\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}(?!\d)"
    rf"|(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?(?:{_MONTH})\.?,?\s\d{{4}}(?!\d)"
    r"|(?<!\d)\d{4}(?:-\d{1,2}-|/\d{1,2}/|\.\d{1,2}\.)\d{1,2}(?!\d)"
    r"|(?<![\d.])\d{1,2}(?:-\d{1,2}-|/\d{1,2}/|\.\d{1,2}\.)\d{4}(?!\d)",
    re.I,
)

# Syndication credits kept for the extractor: "(Yonhap)", "— Reuters", "Source: BBC", "With AFP".
_NAME = r"(?:[Tt]he )?[A-Z][\w&.'’-]*(?:[ /][A-Z&][\w&.'’-]*){0,3}"
_WIRE = (
    r"AP|AFP|Reuters|REUTERS|Yonhap|YONHAP|Xinhua|Kyodo|EFE|ANSA|dpa|DPA|PA|UPI|Bloomberg|TASS|Interfax"
    r"|Ukrinform|Bernama|PTI|ANI|IANS|AAP|Anadolu|CNA|NHK|Agence France-Presse|Associated Press"
    r"|Press Association|PA Media|Agence France Presse|The Associated Press"
)
# "By Reuters", "By The Associated Press": a wire agency's own byline names the outlet.
BYLINE_WIRE_RE = re.compile(rf"(?i:by)\s+(?P<wire>{_WIRE})\s*$")
_ORG = (
    r"(?:[Tt]he )?(?:[A-Z][\w&.'’-]* ){0,3}(?i:news|times|post|herald|press|agency|daily|journal|tribune"
    r"|gazette|media|wire|network|broadcasting)"
)
_JOIN = r"\s?(?:,|and|&|/)\s?"
CREDIT_RE = re.compile(
    # editors' initials may open a closing credit: "mkg/hc (Reuters, AFP, dpa, AP)"
    r"(?:[a-z]{2,4}(?:/[a-z]{2,4}){1,3}\s)?"
    rf"(?:\(\s?(?:{_WIRE}|{_NAME})(?:{_JOIN}(?:{_WIRE}|{_NAME})){{0,3}}\s?\)"
    rf"|[—–-]{{1,2}}\s?(?:{_WIRE}|{_ORG})(?:{_JOIN}(?:{_WIRE}|{_ORG})){{0,3}}"
    rf"|(?i:sources?|via)\s?:\s?{_NAME}(?:{_JOIN}{_NAME}){{0,3}}"
    rf"|(?i:with )(?i:additional )?(?i:reporting (?:by|from) )?(?:{_WIRE})(?:{_JOIN}(?:{_WIRE})){{0,3}}"
    rf"|(?i:(?:additional )?reporting by) [^.!?]{{2,80}}|(?:{_WIRE})(?:{_JOIN}(?:{_WIRE})){{0,3}})\.?"
)

# Author biographies: "<Name> has worked as a staff writer at <Outlet> since 2022. He began his career ..."
BIO_START_RE = re.compile(
    r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3} (?:is|was|has been|has worked as|works as|serves as|joined)"
    r"\b[^.]{0,80}\b(?:writer|reporter|correspondent|editor|journalist|columnist|contributor|producer"
    r"|author|analyst|photographer|intern|fellow)s?\b"
)
BIO_SIGNAL_RE = re.compile(
    r"\b(?:since (?:19|20)\d\d|(?:began|started|launched) (?:his|her|their) (?:career|journalism)"
    r"|has (?:also )?(?:worked|written|freelanced|reported|contributed) (?:as|at|for|from)"
    r"|previously (?:worked|wrote|served|reported|covered)|freelanced|graduate(?:d)? (?:of|from)"
    r"|holds an? (?:degree|master|bachelor|ba|ma|phd)|(?:work|writing|reporting) has appeared"
    r"|is the author of|(?:he|she|they) (?:lives|live) in|joined \S+(?: \S+){0,3} (?:as|in) )",
    re.I,
)

# Outlet names: a short Title Case line holding one of these words (a general vocabulary of mastheads).
OUTLET_WORD_RE = re.compile(
    r"\b(?:media|news|times|post|group|journal|daily|herald|press|tribune|network|agency|gazette|independent"
    r"|review|today|global|weekly|chronicle|observer|telegraph|guardian|insider|magazine|radio|tv"
    r"|broadcasting|wire|report|reporter|examiner|courier|standard|mirror|express|star|sun|monitor"
    r"|dispatch|bulletin|herald|inquirer|register|record|leader|mail|online|digest)\b",
    re.I,
)
GENERIC_SECTION_WORDS = frozenset(
    [
        "world",
        "local",
        "national",
        "international",
        "business",
        "latest",
        "breaking",
        "top",
        "more",
        "politics",
        "sports",
        "sport",
        "opinion",
        "news",
        "today",
        "live",
        "world's",
        "home",
        "economy",
        "science",
        "technology",
        "tech",
        "health",
        "culture",
        "entertainment",
        "video",
        "videos",
        "photos",
        "weather",
        "asia",
        "europe",
        "americas",
        "africa",
        "middle",
        "east",
        "us",
        "uk",
        "global",
        "daily",
        "weekly",
    ]
)
SUBSCRIBE_OUTLET_RE = re.compile(
    r"^\s*(?i:subscribe to|sign up for|sign up to)\s+(?P<name>(?:The )?[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,4})"
    r"(?:['’]s?(?i: (?:free|daily|weekly|morning|evening|best))*\s+(?i:newsletters?)\b|\s*$)",
    re.M,
)
# Words that make "Subscribe to X" a product, not a masthead ("Our Newsletter", "Premium Access").
PROMO_NAME_WORDS = frozenset(
    [
        "our",
        "your",
        "this",
        "free",
        "premium",
        "daily",
        "weekly",
        "breaking",
        "email",
        "e-mail",
        "newsletter",
        "newsletters",
        "updates",
        "alerts",
        "access",
        "subscription",
        "subscriptions",
        "plan",
        "plans",
        "membership",
        "unlimited",
        "digital",
        "print",
        "edition",
        "us",
        "today's",
    ]
)
SIGNOFF_EMAIL_RE = re.compile(
    r"^[ \t]*[\w.+-]{1,64}@(?P<domain>[\w-]{1,63}(?:\.[\w-]{1,63}){1,4})[ \t]*$", re.M
)
URL_DOMAIN_RE = re.compile(r"https?://(?P<host>[\w.-]{1,253})")
WEBMAIL_DOMAINS = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "hotmail.com",
        "outlook.com",
        "live.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "protonmail.com",
        "proton.me",
        "gmx.com",
        "gmx.de",
        "mail.com",
        "yandex.ru",
        "yandex.com",
        "qq.com",
        "163.com",
        "naver.com",
    ]
)
