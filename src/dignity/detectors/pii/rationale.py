"""Plain-language reasons, one per label and situation, that a member can read and accept."""

from __future__ import annotations

from enum import StrEnum


class Situation(StrEnum):
    """Why a finding scored as it did, which decides how its reason is worded."""

    PUBLISHED = "published"
    OWN = "own"
    ORGANISATION = "organisation"
    WEAK = "weak"


_WHAT: dict[str, tuple[str, str]] = {
    "phone_number": ("This looks like a personal phone number", "number"),
    "email_address": ("This looks like a personal email address", "email address"),
    "uk_postcode": (
        "This is a full postcode, which narrows a home down to a handful of doors",
        "postcode",
    ),
    "street_address": ("This looks like a home address", "address"),
    "national_insurance_number": (
        "This looks like a National Insurance number",
        "National Insurance number",
    ),
    "bank_account": ("This looks like bank account details", "bank details"),
    "payment_card": ("This looks like a payment card number", "card number"),
    "iban": ("This looks like a bank account number (IBAN)", "bank details"),
    "date_of_birth": ("This looks like someone's date of birth", "date of birth"),
    "home_or_family_pointer": (
        "This tells people where someone lives, where their family can be found or where they work",
        "whereabouts",
    ),
}


def explain(label: str, situation: Situation) -> str:
    """One sentence saying what was found and why it does or does not breach the code."""
    what, noun = _WHAT[label]
    if situation is Situation.OWN:
        return f"{what}, but it appears to be the member's own, which they are free to share."
    if situation is Situation.ORGANISATION:
        return f"{what}, but it appears to belong to an organisation or a public venue."
    if situation is Situation.WEAK:
        return f"{what}, but on its own it does not identify a private individual."
    return f"{what}; publishing someone's {noun} without their permission breaches the code."
