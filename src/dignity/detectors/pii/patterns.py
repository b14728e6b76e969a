"""The shapes of the identifiers, as compiled regular expressions.

Every quantifier is bounded and every pattern is anchored by a look-behind that stops a match
from starting inside a longer token, so each scan is linear in the length of the text (a
megabyte of digits or letters costs milliseconds, never a catastrophic backtrack).
"""

from __future__ import annotations

import re

ANY_DIGIT = re.compile(r"\d")

# Email: found by expanding around each "@" (see ``candidates``); these are the characters allowed.
EMAIL_LOCAL_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-'"
)
EMAIL_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")

# UK postcode, by Royal Mail's position rules (outward code, optional space, inward code).
POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])("
    r"GIR ?0AA"
    r"|[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)"
    r" ?[0-9][ABD-HJLNP-UW-Z]{2}"
    r")(?![A-Za-z0-9])",
    re.IGNORECASE,
)

# National Insurance number: two letters, three pairs of digits, a letter A-D.
NINO = re.compile(
    r"(?<![A-Za-z0-9])([A-Z]{2})[ \-]?(\d{2})[ \-]?(\d{2})[ \-]?(\d{2})[ \-]?([A-D])"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE,
)

# IBAN: country code, check digits, then up to 30 letters and digits in optional groups of four.
IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,32}", re.IGNORECASE)

# Payment card: 13-19 contiguous digits, groups of four (4-4-4-4, 4-4-4-4-3) or Amex's 4-6-5.
CARD = re.compile(
    r"(?<![\d.,£$€-])(?:"
    r"\d{13,19}"
    r"|\d{4}(?P<sep>[ \-])\d{4}(?P=sep)\d{4}(?P=sep)\d{1,4}(?:(?P=sep)\d{1,3})?"
    r"|\d{4}(?P<asep>[ \-])\d{6}(?P=asep)\d{4,5}"
    r")(?![\d]|[ \-]\d|[.,]\d)"
)

# Sort code (three pairs of digits with a dash or space) and an eight-digit account number.
SORT_CODE = re.compile(r"(?<![\d.,/:-])(\d{2})([ .\-]?)(\d{2})\2(\d{2})(?![\d]|[\-/.:]\d)")
ACCOUNT_NUMBER = re.compile(r"(?<![\d.,£$€/:-])(?:\d{8}|\d{4} \d{4})(?![\d]|[ .,/:-]\d)")

# A UK street address: optional flat, a house number, one to four capitalised words, a street
# type. "St" is both Saint and Street; it is accepted as a name word and as a street type.
STREET_TYPES = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Place|Pl|Court|Ct"
    "|Gardens|Gdns|Terrace|Tce|Grove|Hill|Row|Walk|Mews|Square|Sq|Park|View|Rise|Parade|Green"
    "|Vale|Wharf|Yard|Gate|Crofts?|Fields?|Meadows?|Boulevard|Chase|Hollow|End|Bank|Mount"
    "|Approach|Heights|Ridge|Circus|Brae|Wynd|Paddocks?|Causeway|Embankment|Brow"
)
STREET_ADDRESS = re.compile(
    r"(?<![\w£$€.,/-])"
    r"(?P<flat>(?:Flat|Apartment|Apt|Unit)\.? ?\d{1,4}[A-Za-z]?,? )?"
    r"(?P<number>\d{1,4}[A-Za-z]?),? "
    r"(?P<name>(?:(?:St\.? )?[A-Z][A-Za-z'’\-]{1,20} ){1,3}?)"
    rf"(?P<type>{STREET_TYPES})\b"
)

# Dates, used only in a birth context (see ``context.BIRTH_CUE``).
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# Days written out, as in "the twenty-third of May".
_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
ORDINAL_WORDS = {word: day for day, word in enumerate(_ORDINALS, start=1)}
_ORDINAL_DAY = (
    r"(?:(?:twenty|thirty)[ \-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth"
)
_YEAR = r"\d{4}|['’]?\d{2}(?!\d)"
DATE = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?P<d1>\d{1,2})[/.\-](?P<m1>\d{1,2})[/.\-](?P<y1>\d{4}|\d{2})"
    r"|(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2})"
    rf"|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? (?P<m3>{_MONTHS})\.?(?:,? (?P<y3>{_YEAR}))?"
    rf"|(?P<m4>{_MONTHS})\.? (?P<d4>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y4>{_YEAR}))?"
    rf"|(?P<d5>{_ORDINAL_DAY})(?: of)? (?P<m5>{_MONTHS})\.?(?:,? (?P<y5>{_YEAR}))?"
    r")(?![\w/]|[.\-]\d)",
    re.IGNORECASE,
)
