"""Telephone numbers: a cheap regular-expression pre-filter, then ``phonenumbers`` decides.

The pre-filter finds runs of digits and separators long enough to be a number; each run is then
tried whole and, when that fails, as its sub-runs of digit groups (a number followed by a count,
or a year followed by a number), each parsed and validated by ``phonenumbers``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import phonenumbers

# A run of digits, spaces, dots, dashes and brackets, optionally led by "+" or "00". Every
# quantifier is bounded and the look-behind stops a run from starting inside a longer token, so
# the scan is linear in the length of the text.
_RUN = re.compile(r"(?<![\w+£$€#/.,:-])\+?\(?\d[\d ().\-\u00a0]{5,24}\d(?![\w%/]|[.,]\d)")
_GROUP = re.compile(r"\+?\(?\d+\)?")

# Ofcom reserves these ranges for drama; ``phonenumbers`` deliberately treats some as invalid,
# but to a reader they are indistinguishable from a real mobile or landline number.
_DRAMA_PREFIXES = {"+447700900": 13, "+441632960": 13}

_MAX_ATTEMPTS = 24
_MAX_GROUPS = 7


class LineKind(StrEnum):
    """What kind of line a number is: a person's, or an organisation's shared one."""

    MOBILE = "mobile"
    LANDLINE = "landline"
    ORGANISATION = "organisation"


_ORGANISATION_TYPES = frozenset(
    {
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.PREMIUM_RATE,
        phonenumbers.PhoneNumberType.SHARED_COST,
        phonenumbers.PhoneNumberType.UAN,
    }
)
_MOBILE_TYPES = frozenset({phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.PAGER})


@dataclass(frozen=True, slots=True)
class PhoneMatch:
    """A validated number: where it is, its E.164 form and what kind of line it is."""

    start: int
    end: int
    e164: str
    kind: LineKind


def national_prefix(region: str) -> str:
    """The trunk prefix of ``region``'s national numbers ("0" for GB), or "" where it has none."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region.upper(), None)
    if metadata is None:
        return ""
    return str(metadata.national_prefix or "")


def to_e164(raw: str, region: str) -> str | None:
    """``raw`` as an E.164 number when it parses as a valid (or drama-reserved) number."""
    parsed = _parse(raw, region)
    if parsed is None:
        return None
    return parsed[0]


@lru_cache(maxsize=4096)
def _parse(raw: str, region: str) -> tuple[str, LineKind] | None:
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    for prefix, length in _DRAMA_PREFIXES.items():
        if e164.startswith(prefix) and len(e164) == length:
            kind = LineKind.MOBILE if prefix == "+447700900" else LineKind.LANDLINE
            return e164, kind
    if not phonenumbers.is_valid_number(number):
        return None
    number_type = phonenumbers.number_type(number)
    if number_type in _ORGANISATION_TYPES:
        return e164, LineKind.ORGANISATION
    if number_type in _MOBILE_TYPES:
        return e164, LineKind.MOBILE
    return e164, LineKind.LANDLINE


def _plausible_start(candidate: str, trunk: str) -> bool:
    if candidate.startswith(("+", "00")):
        return True
    if not trunk:
        return True
    return candidate.lstrip("(").startswith(trunk)


def find_phone_numbers(text: str, region: str) -> Iterator[PhoneMatch]:
    """Every valid telephone number in ``text``, national ones read as numbers of ``region``."""
    trunk = national_prefix(region)
    for run in _RUN.finditer(text):
        groups = [(g.start() + run.start(), g.end() + run.start()) for g in _GROUP.finditer(run[0])]
        yield from _numbers_in_groups(text, groups, region, trunk)


def _numbers_in_groups(
    text: str, groups: list[tuple[int, int]], region: str, trunk: str
) -> Iterator[PhoneMatch]:
    digits_before = [0]
    for start, end in groups:
        digits_before.append(digits_before[-1] + sum(char.isdigit() for char in text[start:end]))
    attempts = 0
    first = 0
    while first < len(groups):
        head_start, head_end = groups[first]
        if not _plausible_start(text[head_start:head_end], trunk) or (
            head_end - head_start == 1 and text[head_end : head_end + 1] in {".", ","}
        ):  # "0.1908 0.1034 0.0909" is a row of decimals, not a number starting 0
            first += 1
            continue
        found = False
        for last in range(min(len(groups), first + _MAX_GROUPS), first, -1):
            digits = digits_before[last] - digits_before[first]
            if not 7 <= digits <= 15:
                continue
            start, end = groups[first][0], groups[last - 1][1]
            candidate = text[start:end]
            if candidate.count("(") != candidate.count(")"):
                continue
            attempts += 1
            if attempts > _MAX_ATTEMPTS:
                return
            parsed = _parse(candidate, region)
            if parsed is not None:
                yield PhoneMatch(start, end, parsed[0], parsed[1])
                first = last
                found = True
                break
        if not found:
            first += 1
