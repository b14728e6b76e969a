"""SYNTHETIC labelled posts for the private-information (doxxing) detector.

Every example here is made up by code: the people, streets and postcodes are invented, phone
numbers come from Ofcom's drama ranges (07700 900xxx, 0161 496 0xxx, 020 7946 0xxx and friends)
or the fictional ranges of other countries (US 555-01xx), payment cards use a test issuer range,
and bank details are random. Nothing in this module is anyone's real private information.

About half the examples publish someone's details (gold spans labelled with the detector's
labels); the other half are hard negatives that look similar: members sharing their own details,
officially published contacts (the ``ALLOWED`` list, which an evaluation passes to the detector),
vote counts, years, prices, bill numbers, times, dates outside a birth context, public landmarks,
public venues, public roles and negated or hypothetical talk about addresses.

``generate(seed, n)`` is deterministic for a seed; ``write_jsonl`` writes a set for inspection.
"""

from __future__ import annotations

import json
import random
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ALLOWED", "LabelledText", "generate", "write_jsonl"]


@dataclass(frozen=True, slots=True)
class LabelledText:
    """One synthetic post with its gold spans ``(start, end, label)`` and the family it is from."""

    text: str
    spans: tuple[tuple[int, int, str], ...]
    kind: str


@dataclass(frozen=True, slots=True)
class _Gold:
    value: str
    label: str


_Slot = str | _Gold

# Officially published contacts: a representative's offices, a party's press desk, a council.
ALLOWED: tuple[str, ...] = (
    "+44 20 7946 0000",
    "0161 496 0500",
    "0113 496 0200",
    "+44 29 2018 0300",
    "press@redrosesparty.example.org",
    "office@jane-holloway-mp.example.org",
    "enquiries@leedsnorth.example.gov.uk",
    "Constituency Office, 22 Mill Lane, Leeds LS1 4AB",
    "Unit 5, 140 Station Road, Cardiff CF10 2EF",
    "Party HQ, 39 Victoria Street, London SW1H 0HW",
)

# The same contacts written the way people actually type them.
_ALLOWED_PHONE_FORMS = (
    "020 7946 0000",
    "(020) 7946 0000",
    "+442079460000",
    "020-7946-0000",
    "0207 946 0000",
    "0161 496 0500",
    "+44 161 496 0500",
    "01614960500",
    "(0161) 496 0500",
    "0113 496 0200",
    "+44 (0)113 496 0200",
    "0113-496-0200",
    "029 2018 0300",
    "02920180300",
    "+44 29 2018 0300",
)
_ALLOWED_EMAIL_FORMS = (
    "press@redrosesparty.example.org",
    "Press@RedRosesParty.example.org",
    "office@jane-holloway-mp.example.org",
    "OFFICE@jane-holloway-mp.example.org",
    "enquiries@leedsnorth.example.gov.uk",
)
_ALLOWED_ADDRESS_FORMS = (
    ("22 Mill Lane", "LS1 4AB"),
    ("22 Mill Ln", "LS14AB"),
    ("22 Mill Lane", "ls1 4ab"),
    ("140 Station Road", "CF10 2EF"),
    ("140 Station Rd", "CF102EF"),
    ("39 Victoria Street", "SW1H 0HW"),
    ("39 Victoria St", "SW1H 0HW"),
)

_FIRST = (
    "Dave",
    "Sarah",
    "Priya",
    "Tom",
    "Aisha",
    "Gareth",
    "Niamh",
    "Kwame",
    "Fiona",
    "Raj",
    "Megan",
    "Callum",
    "Zainab",
    "Steve",
    "Olu",
    "Bethan",
    "Marek",
    "Hannah",
    "Imran",
    "Lucy",
)
_LAST = (
    "Hargreaves",
    "Okafor",
    "Patel",
    "Brennan",
    "Lloyd",
    "McAllister",
    "Nowak",
    "Ahmed",
    "Fairclough",
    "Pemberton",
    "Quinn",
    "Thackeray",
    "Evans",
    "Osei",
    "Whitlock",
)
_ROLE = ("Cllr", "councillor", "the branch secretary", "that candidate", "the so-called activist")
_PRONOUNS = (("he", "his", "him"), ("she", "her", "her"), ("they", "their", "them"))
_STREETS = (
    "Acacia Avenue",
    "Mill Lane",
    "Cherry Tree Close",
    "Station Road",
    "Elm Grove",
    "St Mary's Road",
    "Church Lane",
    "Orchard Way",
    "Park View",
    "Willow Crescent",
    "Bramble Drive",
    "Foundry Street",
    "Hawthorn Gardens",
    "Kingfisher Court",
    "Marsh Terrace",
    "Beech Rd",
    "Albert St",
    "Queens Ave",
    "Heather Mews",
    "Oakfield Place",
)
_TOWNS = ("Leeds", "Salford", "Swansea", "Dundee", "Luton", "Wigan", "Ipswich", "Derby", "Hove")
_OUTWARD = ("LS6", "M14", "B29", "SW9", "E5", "CF24", "G12", "EH7", "BS6", "NE6", "L17", "S11")
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
_SCHOOLS = (
    "St Mary's primary",
    "Oakwood Academy",
    "Holy Trinity",
    "Parkside Primary",
    "the Beeches nursery on Elm Grove",
    "Castle Hill High",
    "St Joseph's RC primary",
)
_WORKPLACES = (
    "the Tesco on Mill Road",
    "the Greggs on Station Road",
    "the Co-op in Heaton",
    "the Boots opposite the bus station",
    "the B&Q near the ring road",
    "the Wetherspoons on Albert St",
    "Ward 7 at the Royal Infirmary in Salford",
)
_NINO_PREFIXES = (
    "AB",
    "AE",
    "CE",
    "EH",
    "GY",
    "HT",
    "JK",
    "KL",
    "LP",
    "MA",
    "NP",
    "PR",
    "RS",
    "SX",
    "TW",
    "WA",
    "YZ",
    "ZA",
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_UK_AREAS = (
    ("0161", "496", 3),
    ("0113", "496", 3),
    ("0121", "496", 3),
    ("0131", "496", 3),
    ("0141", "496", 3),
    ("0117", "496", 3),
    ("0118", "496", 3),
    ("020", "7946", 4),
    ("029", "2018", 4),
    ("0191", "498", 3),
)


def _fill(template: str, **slots: _Slot) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """Fill ``{name}`` slots; a ``_Gold`` slot's range becomes a gold span with its label."""
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    length = 0
    for literal, field, _spec, _conv in string.Formatter().parse(template):
        out.append(literal)
        length += len(literal)
        if field is None:
            continue
        slot = slots[field]
        value = slot.value if isinstance(slot, _Gold) else slot
        if isinstance(slot, _Gold):
            spans.append((length, length + len(value), slot.label))
        out.append(value)
        length += len(value)
    return "".join(out), tuple(spans)


class _Maker:
    """Draws the fictional values every template needs from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def pick(self, options: Sequence[str]) -> str:
        return self.r.choice(options)

    def name(self) -> str:
        return f"{self.pick(_FIRST)} {self.pick(_LAST)}"

    def person(self) -> tuple[str, str, str, str]:
        """(who, subject pronoun, possessive, object pronoun) for a third party."""
        subject, possessive, obj = self.r.choice(_PRONOUNS)
        style = self.r.random()
        if style < 0.4:
            who = self.pick(_FIRST)
        elif style < 0.7:
            who = f"{self.pick(_ROLE)} {self.pick(_LAST)}"
        else:
            who = self.name()
        return who, subject, possessive, obj

    def mobile(self) -> str:
        tail = f"{self.r.randrange(1000):03d}"
        forms = (
            f"07700 900{tail}",
            f"07700900{tail}",
            f"+44 7700 900{tail}",
            f"+447700900{tail}",
            f"07700-900-{tail}",
            f"+44 (0)7700 900{tail}",
            f"0044 7700 900{tail}",
            f"07700 900 {tail}",
            f"07700.900.{tail}",
            f"(07700) 900 {tail}",
        )
        return self.pick(forms)

    def landline(self) -> str:
        area, exchange, size = self.r.choice(_UK_AREAS)
        if area in {"020", "029"}:
            line = f"0{self.r.randrange(1000):03d}"
        else:
            line = f"0{self.r.randrange(1000):03d}"
        assert size in {3, 4}
        national = area[1:]
        forms = (
            f"{area} {exchange} {line}",
            f"({area}) {exchange} {line}",
            f"+44 {national} {exchange} {line}",
            f"{area}{exchange}{line}",
            f"{area}-{exchange}-{line}",
            f"{area}.{exchange}.{line}",
            f"+44 (0){national} {exchange} {line}",
        )
        return self.pick(forms)

    def international(self) -> str:
        tail = f"{self.r.randrange(100):02d}"
        forms = (
            f"+1 202 555 01{tail}",
            f"+1 (415) 555-01{tail}",
            f"+1-212-555-01{tail}",
            f"+61 491 570 1{tail}",
            f"+33 1 99 00 {tail} {self.r.randrange(10, 100)}",
        )
        return self.pick(forms)

    def phone(self) -> str:
        roll = self.r.random()
        if roll < 0.55:
            return self.mobile()
        if roll < 0.85:
            return self.landline()
        return self.international()

    def email(self, first: str | None = None) -> str:
        first = (first or self.pick(_FIRST)).lower()
        last = self.pick(_LAST).lower()
        user = self.pick(
            (
                f"{first}.{last}",
                f"{first}{last}{self.r.randrange(10, 99)}",
                f"{first[0]}{last}",
                f"{first}_{last}",
                f"{last}.{first}",
            )
        )
        domain = self.pick(
            ("example.com", "example.org", "example.net", "mail.example.com", "example.co.uk")
        )
        return f"{user}@{domain}"

    def postcode(self) -> str:
        inward = f"{self.r.randrange(10)}{self.pick(_INWARD_LETTERS)}{self.pick(_INWARD_LETTERS)}"
        outward = self.pick(_OUTWARD)
        return f"{outward} {inward}" if self.r.random() < 0.85 else f"{outward}{inward}"

    def street(self, *, flats: bool = True) -> str:
        number = str(self.r.randrange(1, 240))
        if self.r.random() < 0.1:
            number += self.pick(("a", "b", "A"))
        address = f"{number} {self.pick(_STREETS)}"
        if flats and self.r.random() < 0.2:
            address = f"Flat {self.r.randrange(1, 30)}, {address}"
        return address

    def nino(self) -> str:
        prefix = self.pick(_NINO_PREFIXES)
        digits = [f"{self.r.randrange(100):02d}" for _ in range(3)]
        suffix = self.pick("ABCD")
        if self.r.random() < 0.6:
            return f"{prefix} {' '.join(digits)} {suffix}"
        return f"{prefix}{''.join(digits)}{suffix}"

    def sort_code(self) -> str:
        pairs = [f"{self.r.randrange(100):02d}" for _ in range(3)]
        return self.pick(("-".join(pairs), " ".join(pairs)))

    def account(self) -> str:
        return f"{self.r.randrange(10**7, 10**8)}"

    def card(self) -> str:
        kind = self.r.random()
        if kind < 0.5:
            body = "400000" + "".join(str(self.r.randrange(10)) for _ in range(9))
        elif kind < 0.8:
            body = f"5{self.r.randrange(1, 6)}" + "".join(
                str(self.r.randrange(10)) for _ in range(13)
            )
        else:
            body = self.pick(("34", "37")) + "".join(str(self.r.randrange(10)) for _ in range(12))
        digits = body + _luhn_digit(body)
        if len(digits) == 15:
            return self.pick((f"{digits[:4]} {digits[4:10]} {digits[10:]}", digits))
        groups = " ".join(digits[i : i + 4] for i in range(0, 16, 4))
        return self.pick((groups, groups.replace(" ", "-"), digits))

    def iban(self) -> str:
        if self.r.random() < 0.75:
            bank = self.pick(("WEST", "DEMO", "FICT", "SYNT"))
            bban = bank + "".join(str(self.r.randrange(10)) for _ in range(14))
            country = "GB"
        else:
            bban = "".join(str(self.r.randrange(10)) for _ in range(18))
            country = "DE"
        compact = country + _iban_check(country, bban) + bban
        if self.r.random() < 0.15:
            compact = compact.lower()  # typed in lower case, as people do
        if self.r.random() < 0.7:
            return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        return compact

    def birth_date(self) -> str:
        day = self.r.randrange(1, 29)
        month = self.r.randrange(1, 13)
        year = self.r.randrange(1950, 2006)
        name = _MONTHS[month - 1]
        forms = (
            f"{day:02d}/{month:02d}/{year}",
            f"{day}/{month}/{year}",
            f"{day:02d}.{month:02d}.{year}",
            f"{day} {name} {year}",
            f"{day}{_ordinal(day)} {name} {year}",
            f"{name} {day}, {year}",
            f"{year}-{month:02d}-{day:02d}",
            f"{day}{_ordinal(day)} of {name} {year}",
            f"{day} {name[:3]} {year}",
            f"{day:02d}/{month:02d}/{year % 100:02d}",
            f"{_ORDINAL_WORDS[day - 1]} of {name} {year}",
            f"the {day}{_ordinal(day)} of {name}, {year}",
            f"{name[:3]} {day}{_ordinal(day)} {year}",
        )
        return self.pick(forms)

    def year(self) -> str:
        return str(self.r.randrange(1945, 2031))

    def count(self) -> str:
        return f"{self.r.randrange(1000, 60000):,}"

    def money(self) -> str:
        return self.pick(
            (
                f"£{self.r.randrange(1000, 9_999_999):,}",
                f"£{self.r.randrange(1, 400)}m",
                f"£{self.r.randrange(2, 90)}bn",
                f"£{self.r.randrange(1, 999)}.{self.r.randrange(100):02d}",
            )
        )


_ORDINAL_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
    "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth",
)  # fmt: skip


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _luhn_digit(body: str) -> str:
    total = 0
    for index, char in enumerate(reversed(body)):
        value = int(char)
        if index % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def _iban_check(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    number = int("".join(str(int(char, 36)) for char in rearranged))
    return f"{98 - number % 97:02d}"


_Family = Callable[[_Maker], tuple[str, dict[str, _Slot]]]

# ---------------------------------------------------------------------------------------------
# Families that publish someone else's details. Each returns a template and its slots.
# ---------------------------------------------------------------------------------------------


def _third_phone(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    who, subject, possessive, obj = m.person()
    template = m.pick(
        (
            "{who}'s mobile is {phone}, give {obj} a ring and tell {obj} what you think.",
            "Here's the number for {who} who blocked me: {phone}",
            "Ring {who} on {phone} and ask {obj} why {subject} voted for the cuts",
            "Got {who}'s personal number off a mate: {phone}. Do your worst.",
            "{who} won't answer emails, so {possessive} home phone is {phone}",
            "Anyone wanting a word with {who}, {possessive} number is {phone}",
            "text {who} on {phone} lol",
            "Phone number for {who}: {phone} (that's {possessive} landline, not the office)",
            "This is {who}'s number {phone} - flood it",
            "{who} gave me {possessive} number at the count, {phone}, everyone should have it",
            "{phone} <- {who}. Call {obj}.",
            "Sharing this so people know who to complain to: {who}, {phone}",
            "{who} 📞 {phone} 👀",
            "Right.\n{who}\nMobile: {phone}\nYou know what to do",
            "{who}’s number’s {phone} — found it on an old leaflet",
            "honestly someone should ring {who} at home, {phone}, and ask {obj} directly",
        )
    )
    return template, {
        "who": who,
        "subject": subject,
        "possessive": possessive,
        "obj": obj,
        "phone": _Gold(m.phone(), "phone_number"),
    }


def _third_email(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    who, subject, possessive, obj = m.person()
    first = who.split()[-1] if " " in who else who
    template = m.pick(
        (
            "{who}'s personal email is {email}, tell {obj} what you think",
            "Email {who} directly at {email} - {subject} deserves to hear from us",
            "Found {possessive} private email: {email}",
            "{email} is {who}'s gmail-equivalent, not the council one. Spam away.",
            "If anyone wants to contact {who} about this, {subject} uses {email}",
            "Here you go, {who}: {email}",
        )
    )
    return template, {
        "who": who,
        "subject": subject,
        "possessive": possessive,
        "obj": obj,
        "email": _Gold(m.email(first.lower()), "email_address"),
    }


def _third_address(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    who, subject, possessive, obj = m.person()
    street = _Gold(m.street(), "street_address")
    postcode = _Gold(m.postcode(), "uk_postcode")
    town = m.pick(_TOWNS)
    variants: tuple[tuple[str, dict[str, _Slot]], ...] = (
        (
            "{who}? {lives} {street}, {town} {postcode}. Just saying.",
            {"lives": _Gold(f"{subject.capitalize()} lives at", "home_or_family_pointer")},
        ),
        (
            "{who} {lives} {street} if anyone fancies a chat",
            {"lives": _Gold("lives at", "home_or_family_pointer")},
        ),
        (
            "{pointer} {street}, {postcode}",
            {"pointer": _Gold(f"Here's {possessive} home address:", "home_or_family_pointer")},
        ),
        (
            "{pointer} {street}, {town}, {postcode} - go round and ask {obj} yourself",
            {"pointer": _Gold(f"{who}'s address is", "home_or_family_pointer")},
        ),
        ("Everyone knows {who} is at {street}. Pay {obj} a visit.", {}),
        ("{who}, {street}, {town}. You know what to do.", {}),
        ("{subject} moved to {street} last year, right by the school", {}),
        ("For anyone leafleting: {who} is the one at {street} with the red door.", {}),
    )
    template, extra = m.r.choice(variants)
    slots: dict[str, _Slot] = {
        "who": who,
        "subject": subject,
        "possessive": possessive,
        "obj": obj,
        "street": street,
        "town": town,
        "postcode": postcode,
    }
    slots.update(extra)
    return template, slots


def _third_postcode(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    who, _subject, possessive, obj = m.person()
    template = m.pick(
        (
            "{pointer} {postcode}, shouldn't be hard to find the house",
            "{who} lives in {postcode}, one of the new builds, can't miss it",
            "{who} - {postcode}. Go and tell {obj} to {possessive} face.",
        )
    )
    pointer = _Gold(f"{possessive.capitalize()} postcode is", "home_or_family_pointer")
    return template, {
        "who": who,
        "possessive": possessive,
        "obj": obj,
        "pointer": pointer,
        "postcode": _Gold(m.postcode(), "uk_postcode"),
    }


def _third_nino(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    who, _subject, possessive, _obj = m.person()
    template = m.pick(
        (
            "{who}'s NI number is {nino}, found it on a payslip {subject} left in the office",
            "National Insurance no. for {who}: {nino}",
            "lol {who} posted a photo with {possessive} NI number in it: {nino}",
            "{nino} - that's {who}'s national insurance number, let HMRC have a look",
        )
    )
    return template, {
        "who": who,
        "subject": _subject,
        "possessive": possessive,
        "nino": _Gold(m.nino(), "national_insurance_number"),
    }


def _third_bank(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    who, _subject, possessive, _obj = m.person()
    template = m.pick(
        (
            "{who}'s bank details: sort code {sort}, account {account}",
            "Here's where {who} gets paid: {sort} / {account}",
            "{who} left {possessive} bank details on the expenses form: {sort} {account}",
            "Account {account}, sort code {sort} - that's {who}'s personal account",
        )
    )
    return template, {
        "who": who,
        "possessive": possessive,
        "sort": _Gold(m.sort_code(), "bank_account"),
        "account": _Gold(m.account(), "bank_account"),
    }


def _third_card(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    who, _subject, possessive, _obj = m.person()
    template = m.pick(
        (
            "{who} paid for the raffle with card {card}, typical",
            "Photo of {who}'s card on the table at the social: {card}",
            "{possessive} card number is {card} if anyone wants to buy themselves something",
            "{card} exp 09/27 - {who}'s. Enjoy.",
        )
    )
    return template, {
        "who": who,
        "possessive": possessive.capitalize(),
        "card": _Gold(m.card(), "payment_card"),
    }


def _third_iban(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    who, _subject, possessive, _obj = m.person()
    template = m.pick(
        (
            "{who}'s IBAN is {iban}, straight off the invoice",
            "Send {who} a penny with a message: {iban}",
            "{who} posted {possessive} bank details by mistake: {iban}",
        )
    )
    return template, {"who": who, "possessive": possessive, "iban": _Gold(m.iban(), "iban")}


def _third_dob(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    who, subject, possessive, _obj = m.person()
    template = m.pick(
        (
            "{who} was born on {dob} and still acts like a teenager",
            "{who}'s DOB is {dob} according to the leaked membership list",
            "DOB: {dob} - {who}. Put that with the address and you've got everything.",
            "{possessive} date of birth is {dob}, I checked",
            "{who}'s birthday is {dob}, send {possessive} a card lol",
            "{who}, d.o.b. {dob}",
            "{possessive} date of birth is on {possessive} old campaign page - {dob}",
            "Name: {who}\nDOB: {dob}\nYou know what to do",
        )
    )
    return template, {
        "who": who,
        "subject": subject,
        "possessive": possessive.capitalize(),
        "dob": _Gold(m.birth_date(), "date_of_birth"),
    }


def _pointer_only(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    who, subject, possessive, _obj = m.person()
    capital = subject.capitalize()
    school = m.pick(_SCHOOLS)
    work = m.pick(_WORKPLACES)
    street = m.pick(_STREETS)
    variants = (
        (
            f"{who}? {{p}}. Worth a visit at pick-up time.",
            f"{possessive.capitalize()} kids go to {school}",
        ),
        ("Fun fact: {p}.", f"{possessive} daughter goes to {school}"),
        (f"{who} will hate it when people find out {{p}}.", f"{subject} works at {work}"),
        (f"{who} reckons {subject} can hide but {{p}}.", f"{possessive} house is on {street}"),
        (
            f"Anyone near {street}? {{p}}, we should pay {_obj} a visit.",
            f"{capital} lives on {street}",
        ),
        (f"{who} acting all high and mighty but {{p}}.", f"{possessive} wife works at {work}"),
        (f"Let's all {{p}} and see how {subject} likes it.", f"turn up at {possessive} house"),
        (f"{{p}} - not hard to find {who} is it.", f"I know which school {possessive} kids go to"),
        (
            f"{who} can lecture us all day, but {{p}}.",
            f"{possessive} mum lives at number 12 on {street}",
        ),
        ("Small world: {p}.", f"{who}’s son goes to {school}"),
        ("Tell everyone: {p}.", f"{possessive} daughter's at {school}"),
        ("{p}, in year 4.", f"{possessive.capitalize()} youngest is at {school}"),
        ("{p}. Just saying.", f"{possessive.capitalize()} kids attend {school}"),
        ("{p} every morning.", f"{who} drops {possessive} son at {school}"),
        ("{p} at half three.", f"{possessive.capitalize()} kids get picked up from {school}"),
        ("{p}, nights mostly.", f"{capital} works on the tills at {work}"),
        ("{p}.", f"{capital} lives right next door to the Co-op on {street}"),
        ("{p}, the one with the red door.", f"{capital} lives just off {street}"),
        ("{p} if you want a word.", f"You'll find {_obj} every Saturday at the pub on {street}"),
        ("Funny that {p}.", f"{possessive} husband is the manager of {work}"),
        ("{p}, behind the chippy.", f"{capital} lives with {possessive} mum on {street}"),
        ("{p}.", f"{possessive} house is the one with the solar panels on {street}"),
        ("{p}. Three doors down from the pub.", f"Lives on {street}"),
    )
    template, phrase = m.r.choice(variants)
    return template, {"p": _Gold(phrase, "home_or_family_pointer")}


def _mixed_self_and_third(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    who, _subject, possessive, obj = m.person()
    template = m.pick(
        (
            "Call me on {mine} if you want to help out — or ring {who} on {theirs} and tell {obj}.",
            "My number's {mine}. {who}'s is {theirs}, since {subject} won't publish it.",
            "You can reach me at {mine_email}, but {who}'s personal email is {their_email}",
            "Email me at {mine_email} for leaflets. And {who}? {possessive} mobile is {theirs}.",
        )
    )
    return template, {
        "who": who,
        "subject": _subject,
        "possessive": possessive.capitalize(),
        "obj": obj,
        "mine": m.phone(),
        "theirs": _Gold(m.phone(), "phone_number"),
        "mine_email": m.email(),
        "their_email": _Gold(m.email(), "email_address"),
    }


_POSITIVE: tuple[tuple[str, _Family, float], ...] = (
    ("third_party_phone", _third_phone, 3.0),
    ("third_party_email", _third_email, 1.5),
    ("third_party_address", _third_address, 2.0),
    ("third_party_postcode", _third_postcode, 0.7),
    ("third_party_nino", _third_nino, 0.8),
    ("third_party_bank", _third_bank, 0.8),
    ("third_party_card", _third_card, 0.8),
    ("third_party_iban", _third_iban, 0.6),
    ("third_party_dob", _third_dob, 1.0),
    ("home_or_family_pointer", _pointer_only, 1.6),
    ("self_then_third_party", _mixed_self_and_third, 1.0),
)

# ---------------------------------------------------------------------------------------------
# Hard negatives: the same shapes, nothing private published.
# ---------------------------------------------------------------------------------------------


def _self_disclosure(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    template = m.pick(
        (
            "If you want a lift to the count, my number is {phone}.",
            "Call me on {phone} if you can help with leafleting Saturday",
            "Text me on {phone} and I'll add you to the canvassing group",
            "You can reach me on {phone} or email me at {email}",
            "Email me at {email} if you'd like a poster for your window",
            "I live at {street}, {postcode} and the potholes are a disgrace",
            "I was born on {dob}, so I remember the miners' strike well",
            "My DOB is {dob}, apparently that makes me a boomer",
            "Our office is at {street}, {postcode}, open Tuesdays",
            "Drop me a line: {email}",
            "My email's {email} — happy to help anyone with their casework",
            "Any questions, contact me on {phone}",
            "my mobile: {phone}, whatsapp works too",
            "I'm at {street} if anyone wants to collect the spare leaflets",
            "Branch secretary (that's me!):\nPhone: {phone}\nEmail: {email}",
            "Name: Jo Barnes (me)\nMobile: {phone}\nHappy to help with leafleting",
            "Drop me an email: {email}",
        )
    )
    return template, {
        "phone": m.phone(),
        "email": m.email(),
        "street": m.street(),
        "postcode": m.postcode(),
        "dob": m.birth_date(),
    }


def _allowed_contact(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    street, postcode = m.r.choice(_ALLOWED_ADDRESS_FORMS)
    template = m.pick(
        (
            "Jane Holloway's constituency office is on {phone} if you need help with a case",
            "Ring the office on {phone}, they were really helpful with my housing issue",
            "Press enquiries to {email} please, not to individual members",
            "For the surgery, write to {street}, {postcode}",
            "Problems with the council? {email} or call {phone}",
            "The campaign office at {street}, {postcode} is open till 8 tonight",
            "Contact {email} for a copy of the manifesto",
            "Phone {phone} to book a slot at Saturday's advice surgery",
            "Her office number is {phone}, it's on the parliament website",
            "Letters to {street} {postcode} are answered within ten days",
            "The MP's office: {phone}, {email}",
            "Her constituency surgery: Saturday 10-12, Bramley Library, {street}",
        )
    )
    return template, {
        "phone": m.pick(_ALLOWED_PHONE_FORMS),
        "email": m.pick(_ALLOWED_EMAIL_FORMS),
        "street": street,
        "postcode": postcode,
    }


def _numbers_in_argument(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    template = m.pick(
        (
            "Labour took the seat with {count} votes in {year}, a majority of {count2}.",
            "The council spent {money} on consultants between {year} and {year2}.",
            "Bill {billno} got its second reading at {time} on {date}.",
            "Turnout was {pct}% in {year}, down from {pct2}% in {year2}.",
            "Waiting lists hit {count} in our trust alone, {money} short on the budget.",
            "Clause {clause} of the {year} Act was never enforced.",
            "The {year}-{year2} parliament passed {small} bills.",
            "Meeting moved to {time}, see agenda item {small}.",
            "Our branch has {count} members and raised {money} last year.",
            "In {year} we lost by {small} votes; in {year2} we won by {count2}.",
            "The vote was {small} to {small2}, with {small3} abstentions.",
            "Petition {petition} has {count} signatures already!",
            "It was {money} in {year}; now it's {money2}. Explain that.",
            "Polls open {time} to 22:00 on {date}.",
            "FOI request ref {ref} came back after {small} weeks.",
            "HC Bill {billno} (session {year}-{short}) is up for report stage.",
            "Section {small} notices went out to {count} households on {date}.",
            "Call it what it is: {count} jobs lost since {year}.",
            "Grant of {money} for {small} new homes on the {year} plan.",
            "The 1922 Committee meets at {time}; {small} letters are needed.",
            "We beat them {small3}-{small4} at the charity match; it was 2 0 at half time.",
            "Rally point is 53.4808, -2.2426 (by the statue), {time} sharp.",
            "Only {pct}% of the {count} promised homes were built between {year} and {year2}.",
            "GDP grew {pct}% while real wages fell; {money} of public money went to consultants.",
            "Votes: Yes {count}, No {count2}, spoilt {small}.",
        )
    )
    return template, {
        "count": m.count(),
        "count2": m.count(),
        "year": m.year(),
        "year2": m.year(),
        "money": m.money(),
        "money2": m.money(),
        "billno": str(m.r.randrange(1, 400)),
        "time": m.pick(("19:30", "7.30pm", "10am", "18:00", "9.15")),
        "date": m.pick(
            (
                f"{m.r.randrange(1, 29)}/{m.r.randrange(1, 13):02d}/{m.year()}",
                f"{m.r.randrange(1, 29)} {m.pick(_MONTHS)} {m.year()}",
                f"{m.pick(_MONTHS)} {m.r.randrange(1, 29)}",
            )
        ),
        "pct": f"{m.r.randrange(20, 80)}.{m.r.randrange(10)}",
        "pct2": f"{m.r.randrange(20, 80)}.{m.r.randrange(10)}",
        "clause": str(m.r.randrange(1, 90)),
        "small": str(m.r.randrange(2, 400)),
        "small2": str(m.r.randrange(2, 400)),
        "small3": str(m.r.randrange(0, 40)),
        "small4": str(m.r.randrange(0, 9)),
        "petition": f"{m.r.randrange(100000, 999999)}",
        "ref": f"{m.year()}/{m.r.randrange(100000, 999999)}",
        "short": f"{m.r.randrange(10, 30)}",
    }


def _dates_without_birth(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    template = m.pick(
        (
            "The budget was announced on {date} and nothing has changed since.",
            "Branch AGM is on {date}, nominations close a week before.",
            "{who} was elected on {date} and has done nothing since.",
            "The NHS was born in {year}; we should defend it.",
            "Happy birthday to the party, {small} years old today!",
            "{who} was born in {town} and never lets us forget it.",
            "Deadline for motions is {date}.",
        )
    )
    return template, {
        "date": m.birth_date(),
        "year": m.year(),
        "who": m.name(),
        "small": str(m.r.randrange(20, 130)),
        "town": m.pick(_TOWNS),
    }


def _public_places(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    who, subject, _possessive, _obj = m.person()
    template = m.pick(
        (
            "The PM lives at 10 Downing Street, not on another planet, so why so out of touch?",
            "Letters to 10 Downing Street go unanswered for months.",
            "The march ends outside 10 Downing Street at 2pm.",
            "Protest at 70 Whitehall on Saturday, bring banners.",
            "The Chancellor lives at 11 Downing Street and still doesn't get it.",
            "The King lives at Buckingham Palace; the rest of us pay rent.",
            "Hustings tonight at St Mark's church hall, {street}, doors open 7pm.",
            "Street stall outside the library on {street_name} this Saturday at 10am.",
            "Meeting at the Red Lion pub, {street}, {postcode} — all members welcome.",
            "Over {small} High Street shops closed in {town} last year.",
            "{Subject} lives in {town} like the rest of us, that's hardly news",
            "{who} works at the Treasury, which is why {subject} should know better",
            "People who live on {street_name} deserve better bins than this.",
            "{who} lives in fear of the whips, clearly.",
            "Half of {town} lives on less than {money} a week.",
        )
    )
    return template, {
        "who": who,
        "subject": subject,
        "Subject": subject.capitalize(),
        "street": m.street(flats=False),
        "street_name": m.pick(_STREETS),
        "postcode": m.postcode(),
        "small": str(m.r.randrange(5, 90)),
        "town": m.pick(_TOWNS),
        "money": m.money(),
    }


def _talk_about_privacy(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    who, subject, possessive, _obj = m.person()
    template = m.pick(
        (
            "Don't ever post someone's home address here, it's against the code.",
            "Please don't share {possessive} phone number, whatever you think of {who}.",
            "I don't know where {subject} lives and I don't care, argue the politics.",
            "Never publish {possessive} home address, even if {subject} annoyed you.",
            "Reminder: no personal phone numbers, emails or addresses in this group.",
            "Whoever posted {who}'s details earlier — deleted, and rightly so.",
            "Do you know where the count is? I can't find the venue details.",
            "What's the best number to call the council about bins?",
        )
    )
    return template, {"who": who, "subject": subject, "possessive": possessive}


def _organisation_numbers(m: _Maker) -> tuple[str, dict[str, _Slot]]:
    template = m.pick(
        (
            "Samaritans are on 116 123, any time, if the campaign is getting to you.",
            "NHS 111 is the number for non-emergencies.",
            "The freephone energy advice line is 0800 {a} {b}.",
            "Council tax helpline: 0300 {a} {b} (Mon-Fri).",
            "Order number {order} still hasn't arrived, the leaflet printers are useless.",
            "Our branch's membership number range starts at {order}.",
            "ISBN 978-0-{a}-{b}-{c} is the pamphlet everyone should read.",
            "Bus {small} to the count leaves at 9.45 from stand {small2}.",
        )
    )
    return template, {
        "a": f"{m.r.randrange(100, 999)}",
        "b": f"{m.r.randrange(1000, 9999)}",
        "c": str(m.r.randrange(10)),
        "order": f"{m.r.randrange(10**9, 10**10)}",
        "small": str(m.r.randrange(1, 200)),
        "small2": str(m.r.randrange(1, 20)),
    }


_NEGATIVE: tuple[tuple[str, _Family, float], ...] = (
    ("self_disclosure", _self_disclosure, 3.0),
    ("allowed_official_contact", _allowed_contact, 2.5),
    ("numbers_in_argument", _numbers_in_argument, 3.5),
    ("dates_without_birth_context", _dates_without_birth, 1.0),
    ("public_places_and_roles", _public_places, 2.0),
    ("talk_about_privacy", _talk_about_privacy, 1.0),
    ("organisation_numbers", _organisation_numbers, 1.0),
)


def _draw(
    rng: random.Random, families: tuple[tuple[str, _Family, float], ...]
) -> tuple[str, _Family]:
    kind, family, _weight = rng.choices(families, weights=[w for _, _, w in families])[0]
    return kind, family


def generate(seed: int = 0, n: int = 2000) -> list[LabelledText]:
    """``n`` synthetic posts, about half publishing someone's details; the same for a seed."""
    rng = random.Random(seed)
    maker = _Maker(rng)
    examples: list[LabelledText] = []
    for _ in range(n):
        positive = rng.random() < 0.5
        kind, family = _draw(rng, _POSITIVE if positive else _NEGATIVE)
        template, slots = family(maker)
        text, spans = _fill(template, **slots)
        examples.append(LabelledText(text=text, spans=spans, kind=kind))
    return examples


def write_jsonl(path: str | Path, examples: Iterable[LabelledText]) -> None:
    """Write ``examples`` one JSON object a line: text, spans ([start, end, label]) and kind."""
    with Path(path).open("w", encoding="utf-8") as out:
        for example in examples:
            record = {
                "text": example.text,
                "spans": [list(s) for s in example.spans],
                "kind": example.kind,
                "synthetic": True,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
