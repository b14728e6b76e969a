"""Items that have the shape of private information, found and validated, before any context.

Each finder yields ``Candidate`` values: the label, where the item is, how strong its shape alone
is as evidence, and its normalised key (E.164 for phones, lower-case for emails, no spaces for
postcodes), which is what an allow-list entry is compared with.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from dignity.detectors.pii import checksums, patterns
from dignity.detectors.pii.context import BIRTH_CUE, LANDMARK
from dignity.detectors.pii.phones import LineKind, find_phone_numbers


@dataclass(frozen=True, slots=True)
class Candidate:
    """One item with the shape of private information, scored on its shape alone."""

    label: str
    start: int
    end: int
    score: float
    key: str
    detail: str = ""
    extra: tuple[tuple[int, int], ...] = ()
    """Further ranges of the same item (a bank account's number beside its sort code)."""


_ROLE_MAILBOXES = frozenset(
    {
        "info",
        "office",
        "press",
        "media",
        "enquiries",
        "enquiry",
        "contact",
        "admin",
        "hello",
        "team",
        "support",
        "campaigns",
        "campaign",
        "secretary",
        "noreply",
        "no-reply",
        "membership",
        "members",
        "events",
        "newsdesk",
        "news",
        "mail",
        "general",
        "help",
        "feedback",
        "volunteer",
        "volunteers",
        "donations",
        "finance",
        "council",
        "casework",
    }
)
_QUANTITY_BEFORE = re.compile(
    r"\b(?:over|nearly|about|around|some|all|than|those|these|almost|another|only|just|every"
    r"|the|of|top|first|last|latest)\s$",
    re.IGNORECASE,
)
_PLURAL_AFTER = re.compile(
    r"^\s(?:shops|stores|businesses|banks|branches|pubs|residents|households|homes|houses"
    r"|traders|sites|locations|outlets|venues|closures|stations|premises|properties|roads"
    r"|streets|schemes|developments|projects|councils|estates|flats|voters)\b",
    re.IGNORECASE,
)
_ACCOUNT_CUE = re.compile(r"\b(?:account|acc|a/c|acct)\b[^.!?\n]{0,20}$", re.IGNORECASE)
_SORT_CUE = re.compile(r"\bsort ?code\b[^.!?\n]{0,12}$", re.IGNORECASE)


def normalise_postcode(raw: str) -> str:
    """A postcode in upper case without spaces: "sw1a 1aa" and "SW1A1AA" are one key."""
    return "".join(raw.split()).upper()


_STREET_TYPE_NAMES = {
    "st": "street",
    "rd": "road",
    "ave": "avenue",
    "ln": "lane",
    "dr": "drive",
    "cres": "crescent",
    "pl": "place",
    "ct": "court",
    "gdns": "gardens",
    "tce": "terrace",
    "sq": "square",
}


def normalise_address(number: str, name: str, street_type: str) -> str:
    """A house number and street as lower-case letters and digits, "Rd" spelled "road"."""
    kind = street_type.rstrip(".").lower()
    parts = (number, name, _STREET_TYPE_NAMES.get(kind, kind))
    return "".join(char for char in " ".join(parts).lower() if char.isalnum())


def find_emails(text: str) -> Iterator[Candidate]:
    """Email addresses, found by expanding around each "@" (linear, no regex backtracking)."""
    at = text.find("@")
    floor = 0
    while at != -1:
        left = at
        while left > max(floor, at - 64) and text[left - 1] in patterns.EMAIL_LOCAL_CHARS:
            left -= 1
        while left < at and text[left] in ".'-":
            left += 1
        right = at + 1
        limit = min(len(text), at + 254)
        while right < limit and text[right] in patterns.EMAIL_DOMAIN_CHARS:
            right += 1
        while right > at + 1 and text[right - 1] in ".-":
            right -= 1
        domain = text[at + 1 : right]
        labels = domain.split(".")
        if (
            left < at
            and len(labels) >= 2
            and all(labels)
            and len(labels[-1]) >= 2
            and labels[-1].isalpha()
        ):
            local = text[left:at].lower()
            role = local.split("+")[0] in _ROLE_MAILBOXES
            key = text[left:right].lower()
            yield Candidate(
                "email_address", left, right, 0.35 if role else 0.7, key, "role" if role else ""
            )
            floor = right
        at = text.find("@", at + 1)


def find_phones(text: str, region: str) -> Iterator[Candidate]:
    """Telephone numbers validated by ``phonenumbers``; organisations' lines score low."""
    for match in find_phone_numbers(text, region):
        score = {LineKind.MOBILE: 0.7, LineKind.LANDLINE: 0.6, LineKind.ORGANISATION: 0.3}
        yield Candidate(
            "phone_number", match.start, match.end, score[match.kind], match.e164, str(match.kind)
        )


_IN_A_HANDLE = frozenset("@_#/.")


def find_postcodes(text: str) -> Iterator[Candidate]:
    """Full UK postcodes (outward and inward code), which narrow a place to a few doors."""
    for match in patterns.POSTCODE.finditer(text):
        raw = match.group(0)
        if " " not in raw and not raw.isupper():
            continue  # "ab12cd", "Hu27le": tokens not in capitals are rarely postcodes
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if before in _IN_A_HANDLE or after == "_":
            continue  # part of a handle, hashtag or link: "@KYR_SP33DY", "t.co/LB274GH"
        yield Candidate("uk_postcode", match.start(), match.end(), 0.55, normalise_postcode(raw))


def find_ninos(text: str) -> Iterator[Candidate]:
    """National Insurance numbers with a prefix HMRC allocates."""
    for match in patterns.NINO.finditer(text):
        prefix = match.group(1).upper()
        if not checksums.nino_prefix_valid(prefix):
            continue
        key = "".join(match.groups()).upper()
        yield Candidate("national_insurance_number", match.start(), match.end(), 0.85, key)


def find_ibans(text: str) -> Iterator[Candidate]:
    """IBANs of a known country's length that pass the mod-97 check."""
    for match in patterns.IBAN.finditer(text):
        raw = match.group(0).upper()  # "gb29 nwbk ..." is typed as often as "GB29 NWBK ..."
        length = checksums.IBAN_LENGTHS.get(raw[:2])
        if length is None:
            continue
        count = 0
        end = 0
        for index, char in enumerate(raw):
            if char != " ":
                count += 1
                if count == length:
                    end = index + 1
                    break
        if count != length:
            continue
        compact = raw[:end].replace(" ", "")
        if checksums.iban_valid(compact):
            yield Candidate("iban", match.start(), match.start() + end, 0.85, compact)


def find_cards(text: str) -> Iterator[Candidate]:
    """Payment card numbers: a network's range, 13 to 19 digits, Luhn-valid."""
    for match in patterns.CARD.finditer(text):
        digits = "".join(char for char in match.group(0) if char.isdigit())
        if checksums.card_number_valid(digits):
            grouped = len(digits) != len(match.group(0))
            yield Candidate(
                "payment_card", match.start(), match.end(), 0.85 if grouped else 0.75, digits
            )


def find_bank_accounts(text: str) -> Iterator[Candidate]:
    """A sort code with an account number near it, or an account number introduced as one."""
    accounts = [(m.start(), m.end()) for m in patterns.ACCOUNT_NUMBER.finditer(text)]
    starts = [a[0] for a in accounts]
    used: set[tuple[int, int]] = set()
    for match in patterns.SORT_CODE.finditer(text):
        start, end = match.span()
        window = accounts[bisect_left(starts, start - 80) : bisect_right(starts, end + 60)]
        near = [a for a in window if a not in used and -60 <= a[0] - end <= 60]
        near += [a for a in window if a not in used and 0 <= start - a[1] <= 60]
        key = match.group(1) + match.group(3) + match.group(4)
        cued = _SORT_CUE.search(text[max(0, start - 30) : start]) is not None
        if match.group(2) in {"", "."} and not cued:
            continue  # six bare or dotted digits are a sort code only when introduced as one
        if near:
            account = min(near, key=lambda a: abs(a[0] - end))
            used.add(account)
            digits = text[account[0] : account[1]].replace(" ", "")
            yield Candidate("bank_account", start, end, 0.85, key + ":" + digits, "", (account,))
        elif cued:
            # A sort code alone names a bank branch, which is public.
            yield Candidate("bank_account", start, end, 0.35, key, "sort_code_only")
    for account in accounts:
        if account in used:
            continue
        if _ACCOUNT_CUE.search(text[max(0, account[0] - 40) : account[0]]) is not None:
            digits = text[account[0] : account[1]].replace(" ", "")
            yield Candidate("bank_account", account[0], account[1], 0.65, digits, "account_only")


def find_street_addresses(text: str) -> Iterator[Candidate]:
    """A house number and a street ("14 Acacia Avenue", "Flat 3, 22 Mill Lane")."""
    for match in patterns.STREET_ADDRESS.finditer(text):
        start, end = match.span()
        if LANDMARK.match(text, start) is not None or LANDMARK.search(match.group(0)):
            continue
        if match.group("flat") is None:
            if _QUANTITY_BEFORE.search(text[max(0, start - 12) : start]) is not None:
                continue  # "over 40 High Street shops": a count, not a house number
            if _PLURAL_AFTER.match(text, end) is not None:
                continue
        score = 0.7 if match.group("flat") is not None else 0.6
        key = normalise_address(match.group("number"), match.group("name"), match.group("type"))
        yield Candidate("street_address", start, end, score, key)


def find_birth_dates(text: str) -> Iterator[Candidate]:
    """A date a few words after a birth cue ("born on", "DOB", "her birthday is").

    A noun cue ("date of birth", "DOB") may stand further from its date than the verb "born"
    ("her date of birth is on her old campaign page: 30th November 1983"). A date without a
    year is weak on its own ("born on the 4th of July" is a film); a third-person cue lifts it.
    """
    for cue in BIRTH_CUE.finditer(text):
        noun = not cue.group(0).lower().startswith("born")
        tail = text[cue.end() : cue.end() + (70 if noun else 40)]
        for match in patterns.DATE.finditer(tail):
            if not _plausible_date(match):
                continue
            gap = tail[: match.start()]
            if any(char in gap for char in ".!?;\n") or len(gap.split()) > (8 if noun else 4):
                break
            start = cue.end() + match.start()
            end = cue.end() + match.end()
            has_year = any(match.group(g) for g in ("y1", "y2", "y3", "y4", "y5"))
            yield Candidate(
                "date_of_birth", start, end, 0.75 if has_year else 0.45, match.group(0).lower()
            )
            break


def _plausible_date(match: re.Match[str]) -> bool:
    day = match.group("d1") or match.group("d2") or match.group("d3") or match.group("d4")
    words = match.group("d5")
    if words is not None:
        day = str(_ordinal_day(words))
    month = match.group("m1") or match.group("m2")
    if day is None or not 1 <= int(day) <= 31:
        return False
    return month is None or 1 <= int(month) <= 12


def _ordinal_day(words: str) -> int:
    """ "twenty-third" -> 23, "tenth" -> 10, "thirtieth" -> 30."""
    lowered = words.lower().replace("-", " ").split()
    if lowered[-1] == "thirtieth":
        return 30
    tens = {"twenty": 20, "thirty": 30}.get(lowered[0], 0) if len(lowered) > 1 else 0
    return tens + patterns.ORDINAL_WORDS.get(lowered[-1], 0)
