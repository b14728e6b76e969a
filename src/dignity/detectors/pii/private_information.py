"""``dignity.pii.v1``: the publishing of others' private information without their permission.

Finds phone numbers (validated with ``phonenumbers``), email addresses, UK postcodes and street
addresses, National Insurance numbers, bank details, payment cards, IBANs, dates of birth and
phrases pointing at someone's home, family or workplace. Each item's shape gives a base score;
its context then decides whose it is: a self-disclosure frame ("call me on", "our office is at")
makes it the member's own and drops it below the 0.5 decision line, a third-person cue ("ring
her on", "his address is") or a call to use it raises it, and words tying it to an organisation
or a public venue lower it. Officially published contacts in ``allowed`` are never reported.

Cost: text without a digit or "@" only meets one keyword scan for pointer phrases.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import ClassVar

from dignity.detectors.pii import candidates as found
from dignity.detectors.pii.allowlist import AllowList
from dignity.detectors.pii.candidates import Candidate
from dignity.detectors.pii.context import (
    Owner,
    after_landmark,
    block_owner,
    incites,
    is_example,
    is_organisational,
    is_reference,
    owner_of,
    window_before,
)
from dignity.detectors.pii.patterns import ANY_DIGIT
from dignity.detectors.pii.pointers import Pointer, find_pointers
from dignity.detectors.pii.rationale import Situation, explain
from dignity.model import Finding, Message, Span

CATEGORY = "private_information"
POINTER = "home_or_family_pointer"

# When two items overlap, the more specific shape wins (an IBAN holds digits that look like an
# account number; a card number can hold a phone-shaped run).
_PRIORITY = (
    "iban",
    "payment_card",
    "national_insurance_number",
    "bank_account",
    "email_address",
    "phone_number",
    "date_of_birth",
    "uk_postcode",
    "street_address",
)
_RANK = {label: rank for rank, label in enumerate(_PRIORITY)}
_REFERENCE_SENSITIVE = frozenset({"phone_number", "payment_card", "bank_account"})
_INHERIT_REACH = 40
_PLACE_LABELS = frozenset({"uk_postcode", "street_address"})
# An "address is" pointer runs on to the address it introduces, when that follows in the
# same sentence: "Her address is 7 Rowan Terrace" is one statement, not a phrase and an item.
_ANNOUNCE_REACH = 60


class PrivateInformationDetector:
    """Finds others' private information published without their permission."""

    name: ClassVar[str] = "dignity.pii.v1"
    categories: ClassVar[frozenset[str]] = frozenset({CATEGORY})

    def __init__(self, *, allowed: Sequence[str] = (), default_region: str = "GB") -> None:
        self.allowed = tuple(allowed)
        self.default_region = default_region
        self._allow: AllowList | None = None

    def load(self) -> None:
        """Normalise the allow-list; idempotent."""
        if self._allow is None:
            self._allow = AllowList.build(self.allowed, self.default_region.upper())

    def detect(self, message: Message) -> tuple[Finding, ...]:
        """Every item of private information in ``message``, scored; empty when there is none."""
        text = message.text
        if not text:
            return ()
        if self._allow is None:
            self.load()
        assert self._allow is not None
        items = _resolve_overlaps(self._candidates(text), len(text))
        pointers = list(find_pointers(text))
        if not items and not pointers:
            return ()
        pointers = [_run_on(text, pointer, items) for pointer in pointers]
        inciting = incites(text)
        findings = [
            *self._score_items(text, items, pointers, inciting, self._allow),
            *(_pointer_finding(text, pointer, inciting, self.name) for pointer in pointers),
        ]
        findings.sort(key=lambda f: (f.spans[0].start, f.spans[0].end, f.label))
        return tuple(findings)

    def _candidates(self, text: str) -> Iterator[Candidate]:
        if "@" in text:
            yield from found.find_emails(text)
        if ANY_DIGIT.search(text) is None:
            return
        yield from found.find_ibans(text)
        yield from found.find_cards(text)
        yield from found.find_ninos(text)
        yield from found.find_bank_accounts(text)
        yield from found.find_phones(text, self.default_region.upper())
        yield from found.find_birth_dates(text)
        yield from found.find_postcodes(text)
        yield from found.find_street_addresses(text)

    def _score_items(
        self,
        text: str,
        items: list[Candidate],
        pointers: list[Pointer],
        inciting: bool,
        allow: AllowList,
    ) -> Iterator[Finding]:
        previous_end = 0
        previous_owner = Owner.UNKNOWN
        pointer_starts = [p.start for p in pointers]
        for index, item in enumerate(items):
            floor = previous_end
            previous_end = item.end
            if allow.allows(item):
                previous_owner = Owner.UNKNOWN
                continue
            if item.label in _REFERENCE_SENSITIVE and is_reference(text, item.start):
                continue
            if is_example(text, item.start):
                continue  # "e.g. QQ 12 34 56 C", "the test card 4242 4242 4242 4242"
            if item.label in _PLACE_LABELS and after_landmark(text, item.start):
                continue  # "House of Commons, London SW1A 0AA"
            window = window_before(text, item.start, floor)
            owner = owner_of(window)
            if (
                owner is Owner.UNKNOWN
                and floor > 0
                and item.start - floor <= _INHERIT_REACH
                and len(window) == item.start - floor
            ):
                owner = previous_owner  # one frame governs a run: "call me on X or Y"
            if owner is Owner.UNKNOWN:
                owner = block_owner(text, item.start)
            if owner is not Owner.SELF and _inside_pointer(item, pointers, pointer_starts):
                owner = Owner.OTHER
            previous_owner = owner
            score, situation = _score(text, item, owner, inciting, items, index)
            spans = tuple(Span.of(text, s, e) for s, e in ((item.start, item.end), *item.extra))
            yield Finding(
                category=CATEGORY,
                score=score,
                detector=self.name,
                label=item.label,
                rationale=explain(item.label, situation),
                spans=spans,
            )


def _run_on(text: str, pointer: Pointer, items: list[Candidate]) -> Pointer:
    """An "address is" pointer extended to the address or postcode it announces, if given."""
    if pointer.kind != "address":
        return pointer
    for item in items:
        if item.start < pointer.end or item.label not in _PLACE_LABELS:
            continue
        gap = text[pointer.end : item.start]
        if item.start - pointer.end > _ANNOUNCE_REACH or any(c in gap for c in ".!?;\n"):
            break
        return Pointer(pointer.start, item.end, pointer.kind, pointer.score)
    return pointer


def _inside_pointer(item: Candidate, pointers: list[Pointer], starts: list[int]) -> bool:
    """Whether ``item`` is the object of a pointer phrase ("she lives at <item>")."""
    right = bisect_right(starts, item.start)
    return any(p.end + 2 >= item.start for p in pointers[max(0, right - 4) : right])


def _score(
    text: str, item: Candidate, owner: Owner, inciting: bool, items: list[Candidate], index: int
) -> tuple[float, Situation]:
    score = item.score
    situation = Situation.PUBLISHED if score >= 0.5 else Situation.WEAK
    if item.detail in {"organisation", "role"}:
        situation = Situation.ORGANISATION
    if _beside_address(item, items[max(0, index - 2) : index + 3]):
        score += 0.1
    if owner is Owner.OTHER:
        score += 0.15
    if inciting and owner is not Owner.SELF:
        score += 0.1
    if owner is Owner.SELF:
        return round(min(score, 1.0) * 0.3, 3), Situation.OWN
    if is_organisational(text, item.start, item.end):
        score -= 0.15 if owner is Owner.OTHER else 0.3
        if score < 0.5:
            situation = Situation.ORGANISATION
    score = round(max(0.0, min(score, 1.0)), 3)
    if score >= 0.5:
        situation = Situation.PUBLISHED
    return score, situation


def _beside_address(item: Candidate, items: list[Candidate]) -> bool:
    """A postcode right after a street address (or the address it completes) is stronger."""
    if item.label not in {"uk_postcode", "street_address"}:
        return False
    other = "street_address" if item.label == "uk_postcode" else "uk_postcode"
    return any(
        i.label == other and (0 <= item.start - i.end <= 30 or 0 <= i.start - item.end <= 30)
        for i in items
    )


def _pointer_finding(text: str, pointer: Pointer, inciting: bool, detector: str) -> Finding:
    score = min(1.0, pointer.score + (0.1 if inciting else 0.0))
    return Finding(
        category=CATEGORY,
        score=round(score, 3),
        detector=detector,
        label=POINTER,
        rationale=explain(POINTER, Situation.PUBLISHED),
        spans=(Span.of(text, pointer.start, pointer.end),),
    )


def _resolve_overlaps(items: Iterator[Candidate], length: int) -> list[Candidate]:
    """Keep the most specific item where two overlap; return them in text order."""
    kept: list[Candidate] = []
    taken = bytearray(length)
    for item in sorted(items, key=lambda c: (_RANK[c.label], c.start)):
        ranges = ((item.start, item.end), *item.extra)
        if any(any(taken[s:e]) for s, e in ranges):
            continue
        for s, e in ranges:
            taken[s:e] = b"\x01" * (e - s)
        kept.append(item)
    kept.sort(key=lambda c: c.start)
    return kept
