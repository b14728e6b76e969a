"""Officially published contact details, which the detector never reports.

A representative's constituency office number, a party's press email or an organisation's
address may be posted freely. Entries are normalised the way the detector normalises what it
finds (phone numbers to E.164, emails to lower case, postcodes without spaces, addresses to
letters and digits), so any formatting of an allowed item matches; an entry holding several
items ("22 Mill Lane, Leeds LS1 4AB") allows each of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dignity.detectors.pii import candidates
from dignity.detectors.pii.phones import to_e164


@dataclass(frozen=True, slots=True)
class AllowList:
    """Normalised keys of allowed items; ``allows`` answers for one candidate."""

    keys: frozenset[str]

    @classmethod
    def build(cls, entries: Iterable[str], region: str) -> AllowList:
        keys: set[str] = set()
        for entry in entries:
            text = entry.strip()
            if not text:
                continue
            phone = to_e164(text, region)
            if phone is not None:
                keys.add(phone)
            keys.add(text.lower())
            keys.add(candidates.normalise_postcode(text))
            for found in (
                *candidates.find_phones(text, region),
                *candidates.find_emails(text),
                *candidates.find_postcodes(text),
                *candidates.find_street_addresses(text),
                *candidates.find_bank_accounts(text),
                *candidates.find_ibans(text),
            ):
                keys.add(found.key)
        return cls(frozenset(keys))

    def allows(self, candidate: candidates.Candidate) -> bool:
        return candidate.key in self.keys
