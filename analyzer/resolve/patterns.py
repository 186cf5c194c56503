"""Compiled patterns and character tables for speaker names (bounded, no nested repetition)."""

from __future__ import annotations

import re

_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "′": "'", "`": "'", "“": '"', "”": '"', "„": '"', "\u00a0": " "}
)
_WS = re.compile(r"\s+")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_ARTICLE = re.compile(r"(?:the|a|an)\s+(?=\S)", re.IGNORECASE)
_PARTITIVE = re.compile(
    r"(?:one|some|two|three|several|many|most|all|each|none|any) of (?:the )?(?=\S)", re.IGNORECASE
)
_KEEP_PERIOD = re.compile(r"(?:[A-Za-z]\.)+|(?:Jr|Sr|Inc|Ltd|Co|Corp|St)\.")
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*\.?")
_SEGMENT = re.compile(r"[,;]")
_TRAILING_PAREN = re.compile(r"\s*\(([^()]{1,60})\)$")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,6}|[A-Z][A-Za-z&]{1,9}")
_NAME_PUNCT = re.compile(r"[.'\"]")
_NAME_DASH = re.compile(r"[-‐–]")
_Y_ENDING = re.compile(r"(?:iy|ij|yi|ii|yy)\b")
_DOUBLE = re.compile(r"([a-z])\1+")
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&.]{1,11})\)")
_ROLE_WORDS = (
    r"prime[ \t]+minister|president|premier|chancellor|leader|minister|secretary|spokes(?:person|man|woman)"
    r"|governor|mayor|director|chief|commander|ambassador|envoy|senator|adviser|advisor|captain|general"
    r"|chairman|chairwoman|king|queen|emir|dictator"
)
_TITLE_NAME = re.compile(
    r"(?<![\w.'’-])(?P<pre>(?:[A-Z][\w.'’&-]*[ \t]+){0,4})"
    r"(?P<rank>(?i:former|ex|vice|deputy|acting|interim|late|then|outgoing)[ \t-]+)?"
    rf"(?P<role>(?i:{_ROLE_WORDS}))[ \t]+"
    r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|de|da|van|von|der|bin|al|el)){1,3})"
)
_LEAD_CHARS = " \t\n\"'([{—–-*•"
_TRAIL_CHARS = " \t\n\"',;:!?]}—–-*"
# where a title can be: a role word before a capitalised word (a cheap scan before _TITLE_NAME)
_ROLE_HIT = re.compile(rf"(?=[pPlLmMsSgGdDcCeEaAkKqQ])\b(?i:{_ROLE_WORDS})[ \t]+[A-Z]")
_TITLE_REACH = 160  # characters a title's words before its role can take
