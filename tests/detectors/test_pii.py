"""dignity.pii.v1: text -> spans, hard negatives, invariants and the synthetic set's gate."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dignity.detectors.base import Detector
from dignity.detectors.pii.private_information import PrivateInformationDetector
from dignity.model import Finding, Message
from dignity.training.pii_synthetic import ALLOWED, LabelledText, generate, write_jsonl

THRESHOLD = 0.5

OFFICIAL = (
    "+44 20 7946 0000",
    "press@redrosesparty.example.org",
    "Constituency Office, 22 Mill Lane, Leeds LS1 4AB",
)


@pytest.fixture(scope="module")
def detector() -> PrivateInformationDetector:
    found = PrivateInformationDetector(allowed=OFFICIAL)
    found.load()
    return found


def breaches(detector: PrivateInformationDetector, text: str) -> list[tuple[str, str]]:
    """(label, quote) of every span of every finding at or above the decision line."""
    findings = detector.detect(Message(id="t", text=text))
    return [(f.label, s.quote) for f in findings if f.score >= THRESHOLD for s in f.spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dave's mobile is 07700 900123, give him a ring",
            [("phone_number", "07700 900123")],
        ),
        ("Ring her on +44 7700 900456 and tell her", [("phone_number", "+44 7700 900456")]),
        ("His landline is 0161 496 0000.", [("phone_number", "0161 496 0000")]),
        ("Her home phone: (020) 7946 0018", [("phone_number", "(020) 7946 0018")]),
        ("Call him on +1 202 555 0143, he's in DC", [("phone_number", "+1 202 555 0143")]),
        (
            "Priya's personal email is priya.patel@example.com",
            [("email_address", "priya.patel@example.com")],
        ),
        (
            "His postcode is LS6 4AB, not hard",
            # an "address is" pointer runs on to the address it announces
            [("home_or_family_pointer", "His postcode is LS6 4AB"), ("uk_postcode", "LS6 4AB")],
        ),
        (
            "She lives at 14 Acacia Avenue, Leeds",
            [
                ("home_or_family_pointer", "She lives at 14 Acacia Avenue"),
                ("street_address", "14 Acacia Avenue"),
            ],
        ),
        (
            "Dave Okafor, Flat 3, 22 Elm Grove. You know what to do.",
            [("street_address", "Flat 3, 22 Elm Grove")],
        ),
        (
            "Tom's NI number is AB 12 34 56 C",
            [("national_insurance_number", "AB 12 34 56 C")],
        ),
        (
            "His bank details: sort code 20-45-77, account 12345678",
            [("bank_account", "20-45-77"), ("bank_account", "12345678")],
        ),
        (
            "Photo of her card: 4111 1111 1111 1111",
            [("payment_card", "4111 1111 1111 1111")],
        ),
        (
            "His IBAN is GB82 WEST 1234 5698 7654 32",
            [("iban", "GB82 WEST 1234 5698 7654 32")],
        ),
        ("Sarah was born on 3 March 1985", [("date_of_birth", "3 March 1985")]),
        ("His DOB: 12/03/1985", [("date_of_birth", "12/03/1985")]),
        ("Her birthday is 4th July 1979, I checked", [("date_of_birth", "4th July 1979")]),
        (
            "His kids go to St Mary's primary.",
            [("home_or_family_pointer", "His kids go to St Mary's primary")],
        ),
        (
            "She works at the Tesco on Mill Road, go and see her",
            [("home_or_family_pointer", "She works at the Tesco on Mill Road")],
        ),
        (
            "Here's his home address, pass it on",
            [("home_or_family_pointer", "Here's his home address")],
        ),
        (
            "Call me on 07700 900111 — or ring his wife on 07700 900222",
            [("phone_number", "07700 900222")],
        ),
    ],
)
def test_finds_private_information(
    detector: PrivateInformationDetector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert breaches(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the member's own details
        "My number is 07700 900123 if you need a lift to the count",
        "You can reach me on 0161 496 0000 or email me at dave@example.com",
        "I live at 14 Acacia Avenue, LS6 4AB and the potholes are a disgrace",
        "I was born on 3 March 1979, so I remember the strike",
        "Our office is at 9 Foundry Street, M14 2EF, open Tuesdays",
        # officially published contacts, written any way
        "Ring the constituency office on (020) 7946-0000",
        "The office is on +442079460000",
        "Press enquiries to PRESS@RedRosesParty.example.org please",
        "Write to 22 Mill Ln, ls1 4ab",
        # numbers that are not private information
        "Labour won 12,345 votes in 2019, a majority of 2,310.",
        "The council spent £1,234,567 on consultants between 2015 and 2023.",
        "Bill 123 gets its second reading at 19:30 on 12/03/2024.",
        "The 2019-2024 parliament passed 212 bills; turnout was 67.3%.",
        "FOI request ref 2023/123456 came back after 20 weeks.",
        "Order number 4539148803436467 still hasn't arrived.",
        "The freephone advice line is 0800 123 4567.",
        "The NHS was born in 1948; happy birthday to it.",
        "The budget was announced on 3 March 2021.",
        # public places, public roles, coarse places, negation
        "The PM lives at 10 Downing Street and still doesn't get it.",
        "Over 40 High Street shops closed last year.",
        "Hustings tonight at the church hall, 40 Mill Road, doors open 7pm.",
        "She lives in Leeds like the rest of us.",
        "He works at the Treasury, he should know better.",
        "Half of Wigan lives on less than £120 a week.",
        "Don't ever post someone's home address here.",
        "I don't know where he lives and I don't care.",
        "I know where you live.",  # a threat, not a publication: the text detectors' job
        "HMRC's guidance uses QQ 12 34 56 C as the example format.",
    ],
)
def test_hard_negatives(detector: PrivateInformationDetector, text: str) -> None:
    assert breaches(detector, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # phone formats: dots, brackets round the area code
        ("his mobile is 07700.900.312", [("phone_number", "07700.900.312")]),
        ("Ring Gareth on (07700) 900 517", [("phone_number", "(07700) 900 517")]),
        # addresses: more street types, "The X" before a town and postcode handled by type
        ("Got his address: 12a Spring Bank, Hull", [("street_address", "12a Spring Bank")]),
        (
            "His address: 2 The Paddocks, Ipswich",
            [("street_address", "2 The Paddocks")],
        ),
        # bank: a dotted sort code introduced as one
        (
            "Sort code 40.11.62 acc no 31926819",
            [("bank_account", "40.11.62"), ("bank_account", "31926819")],
        ),
        # IBAN typed in lower case
        ("IBAN gb29 nwbk 6016 1331 9268 19", [("iban", "gb29 nwbk 6016 1331 9268 19")]),
        # dates of birth: written-out day, two-digit year, a noun cue further away
        (
            "His date of birth: twenty-third of May 1981",
            [("date_of_birth", "twenty-third of May 1981")],
        ),
        ("Birthday 12 Sept 88, he's a Virgo", [("date_of_birth", "12 Sept 88")]),
        ("DOB 07/06/92", [("date_of_birth", "07/06/92")]),
        (
            "her date of birth is on her old campaign page - 30th November 1983",
            [("date_of_birth", "30th November 1983")],
        ),
        ("Her birthday is 4th July", [("date_of_birth", "4th July")]),
        # pointers: more verbs, prepositions, kin and subjects
        (
            "Her daughter's at St Anne's Catholic High",
            [("home_or_family_pointer", "Her daughter's at St Anne's Catholic High")],
        ),
        (
            "his youngest is at Roundhay School",
            [("home_or_family_pointer", "his youngest is at Roundhay School")],
        ),
        (
            "Their kids attend Ashton Vale Primary",
            [("home_or_family_pointer", "Their kids attend Ashton Vale Primary")],
        ),
        (
            "her son is in year 4 at Moorside Primary",
            [("home_or_family_pointer", "her son is in year 4 at Moorside Primary")],
        ),
        (
            "Steve drops his daughter at Park View Nursery every morning",
            [("home_or_family_pointer", "drops his daughter at Park View Nursery every morning")],
        ),
        (
            "The councillor's parents live on Rosemary Lane",
            [("home_or_family_pointer", "The councillor's parents live on Rosemary Lane")],
        ),
        (
            "He lives above the chippy on Harehills Lane",
            [("home_or_family_pointer", "He lives above the chippy on Harehills Lane")],
        ),
        (
            "Kwame lives just off Roundhay Road",
            [("home_or_family_pointer", "Kwame lives just off Roundhay Road")],
        ),
        (
            "She lives with her mum in Ivy Court",
            [("home_or_family_pointer", "She lives with her mum in Ivy Court")],
        ),
        (
            "Lives on Cardigan Road, three doors down",
            [("home_or_family_pointer", "Lives on Cardigan Road")],
        ),
        (
            "his house is the one at the top of Moor Lane",
            [("home_or_family_pointer", "his house is the one at the top of Moor Lane")],
        ),
        (
            "He teaches at Hollins Park Academy",
            [("home_or_family_pointer", "He teaches at Hollins Park Academy")],
        ),
        (
            "he works nights at the warehouse on Leeds Road",
            [("home_or_family_pointer", "he works nights at the warehouse on Leeds Road")],
        ),
        (
            "he's a porter at Leeds General",
            [("home_or_family_pointer", "he's a porter at Leeds General")],
        ),
        (
            "You'll find him every Saturday at the Red Lion on Market Street",
            [
                (
                    "home_or_family_pointer",
                    "find him every Saturday at the Red Lion on Market Street",
                )
            ],
        ),
        # the workplace ends where a clause about something else begins
        (
            "She works at the Tesco on Mill Road which is open till ten",
            [("home_or_family_pointer", "She works at the Tesco on Mill Road")],
        ),
        (
            "She works at that Tesco on Mill Road",
            [("home_or_family_pointer", "She works at that Tesco on Mill Road")],
        ),
        (
            "They live on Rosemary Lane now",
            [("home_or_family_pointer", "They live on Rosemary Lane now")],
        ),
        # a contact block with no cue is someone's
        (
            "Name: Gareth Price\nPhone: 07700 900 271",
            [("phone_number", "07700 900 271")],
        ),
    ],
)  # fmt: skip
def test_broadened_rules_find(
    detector: PrivateInformationDetector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert breaches(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # self-disclosure: a contact block headed "(me)", "that's me", "drop me an email"
        "Name: Alex Morgan (me)\nMobile: 07700 900 666\nHappy to help",
        "Branch secretary (that's me!):\nPhone: 07700 900 222\nEmail: jo@example.com",
        "Drop me an email: jo.barnes@example.org",
        "Sure! Shoot me an email, jo.barnes@example.org",
        "Hit me up anytime, jo.barnes@example.org",
        "happy to help, I'm jo.barnes@example.org",
        "give me a shout via e-mail jo.barnes@example.org",
        # an organisation's noun after the possessive: the office's, not the person's
        "The MP's office: 0161 496 0050, office@example.org",
        "Royal Mail's sorting office on Manor Road, LS11 5AA, is closing",
        "Her constituency surgery: Saturday 10-12, Bramley Library, 2 Town Street",
        # organisational context reaches across a dash
        "Jane Holloway MP - constituency office, 22 Elm Street - 0113 496 0200",
        # landmarks before a postcode; format examples and test values
        "Write to your MP at House of Commons, London SW1A 0AA",
        "Use the test card 4242 4242 4242 4242 on the staging donation form",
        "An IBAN looks like GB29 NWBK 6016 1331 9268 19, 22 characters",
        # dates: no year and no person; a dotted date that is no sort code
        "Born on the 4th of July? No, that's a film",
        "Tweet from 14.02.2024 is still up, version 40.11.62 of the app",
        # pointers that place nobody
        "his wife is in hospital again",
        "His son is in Australia now",
        "She is a member of the Labour Party",
        "He is the leader of Leeds City Council",
        "They live in a flat",
        "He lives on benefits",
        "find him on Twitter",
        "I work at the Asda on Kirkstall Road if anyone wants leaflets",
        "My kids go to Oakfield Primary too",
        # courts are institutions, not streets
        "so the answer is let her pick the next 3 Supreme Court judges?",
        # a row of decimals is no telephone number
        "hg1 0.2273 0.2222 0.4000 0.4279 0.3214 0.2222 0.1908 0.1034 0.0909 0.0882 0.1515",
        # postcode shapes inside handles, links and mixed-case tokens
        "next week bitch @KYR_SP33DY, and tell @M94RX too",
        "the link is http://t.co/LB274GH if you want it",
        "Yankees fans are bent out of shape about the Hu27le graphic",
        # "there's a", a place in a clause about something else, "in general"
        "He is the type of person who believes what is trending on Twitter is reality",
        "There's a bird nest in my garage and the birds fly out every morning",
        "he's a little idiot in general",
        "Chicago is the home of gun violence in the US",
        "She is an example of the fraud perpetrated by charities in London",
        # a plural verb with a capitalised word that is no one: programmes and platforms
        "Watch live on Facebook: the hustings start at 7",
        "Xbox live in 2012 was a different place",
    ],
)
def test_broadened_rules_hard_negatives(detector: PrivateInformationDetector, text: str) -> None:
    assert breaches(detector, text) == []


def test_self_disclosure_is_reported_below_the_line(detector: PrivateInformationDetector) -> None:
    (finding,) = detector.detect(Message(id="t", text="Call me on 07700 900123"))
    assert finding.label == "phone_number"
    assert finding.score < THRESHOLD
    assert "own" in finding.rationale


def test_finding_shape(detector: PrivateInformationDetector) -> None:
    (finding,) = detector.detect(Message(id="t", text="Ring her on 07700 900123"))
    assert finding.category == "private_information"
    assert finding.detector == "dignity.pii.v1"
    assert finding.rationale.endswith("breaches the code.")
    assert 0.5 <= finding.score <= 1.0


def test_is_a_detector_and_loads_lazily() -> None:
    fresh = PrivateInformationDetector(allowed=["0161 496 0500"])
    assert isinstance(fresh, Detector)
    assert fresh.name == "dignity.pii.v1"
    assert fresh.categories == frozenset({"private_information"})
    assert breaches(fresh, "Ring the office on +44 161 496 0500") == []
    fresh.load()
    fresh.load()
    assert breaches(fresh, "Ring her on 07700 900123") == [("phone_number", "07700 900123")]


def _check_invariants(text: str, findings: tuple[Finding, ...]) -> None:
    for finding in findings:
        assert 0.0 <= finding.score <= 1.0
        assert finding.spans
        for span in finding.spans:
            assert 0 <= span.start <= span.end <= len(text)
            assert span.quote == text[span.start : span.end]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_invariants_on_any_text(text: str) -> None:
    detector = PrivateInformationDetector(allowed=OFFICIAL)
    findings = detector.detect(Message(id="h", text=text))
    _check_invariants(text, findings)
    assert detector.detect(Message(id="h", text=text)) == findings


_PIECES = st.sampled_from(
    ["07700 900123", "+44 ", "0161 496 0000", "@", "a.b@example.com", "LS6 4AB", "14 Acacia Avenue",
     "AB 12 34 56 C", "20-45-77", "12345678", "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32",
     "born on ", "12/03/1985", "she lives at ", "my number is ", "his ", "(", ")", "-", ". ", "\n",
     "𝟘𝟙", "٠١٢٣٤٥٦٧٨٩", "Ⅻ", "\u200b", "é", "’s "]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=30).map("".join))
def test_invariants_on_identifier_soup(text: str) -> None:
    detector = PrivateInformationDetector()
    findings = detector.detect(Message(id="h", text=text))
    _check_invariants(text, findings)
    assert detector.detect(Message(id="h", text=text)) == findings


def test_empty_text(detector: PrivateInformationDetector) -> None:
    assert detector.detect(Message(id="e", text="")) == ()


def test_a_megabyte_of_text(detector: PrivateInformationDetector) -> None:
    post = "Ring her on 07700 900123. Labour won 12,345 votes in 2019! I know where you live. "
    text = (post * (1_000_000 // len(post) + 1))[:1_000_000]
    findings = detector.detect(Message(id="big", text=text))
    assert len(findings) > 1000
    _check_invariants(text, findings[:50])


def test_a_megabyte_of_digits_and_letters(detector: PrivateInformationDetector) -> None:
    text = "0" * 300_000 + "a@" * 100_000 + "1 " * 150_000 + "Acacia Avenue " * 10_000
    detector.detect(Message(id="big", text=text))


def test_generator_is_deterministic_and_quotes_exactly() -> None:
    first = generate(seed=3, n=300)
    assert first == generate(seed=3, n=300)
    assert first != generate(seed=4, n=300)
    assert any(example.spans for example in first)
    assert any(not example.spans for example in first)
    for example in first:
        for start, end, label in example.spans:
            assert 0 <= start < end <= len(example.text)
            assert example.text[start:end].strip() == example.text[start:end]
            assert label in {
                "phone_number", "email_address", "uk_postcode", "street_address",
                "national_insurance_number", "bank_account", "payment_card", "iban",
                "date_of_birth", "home_or_family_pointer",
            }  # fmt: skip


def test_write_jsonl(tmp_path: object) -> None:
    import json
    from pathlib import Path

    path = Path(str(tmp_path)) / "pii.jsonl"
    examples = [LabelledText(text="Ring her on 07700 900123", spans=((12, 24, "phone_number"),),
                             kind="third_party_phone")]  # fmt: skip
    write_jsonl(path, examples)
    (record,) = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert record == {"text": examples[0].text, "spans": [[12, 24, "phone_number"]],
                      "kind": "third_party_phone", "synthetic": True}  # fmt: skip


def test_quality_gate_on_the_synthetic_set() -> None:
    examples = generate(seed=11, n=600)
    detector = PrivateInformationDetector(allowed=ALLOWED)
    correct = predicted = found = gold_total = 0
    for example in examples:
        findings = detector.detect(Message(id="q", text=example.text))
        spans = [(s.start, s.end) for f in findings if f.score >= THRESHOLD for s in f.spans]
        gold = [(start, end) for start, end, _label in example.spans]
        predicted += len(spans)
        correct += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in spans)
        gold_total += len(gold)
        found += sum(any(s < ge and gs < e for s, e in spans) for gs, ge in gold)
    assert correct / predicted >= 0.95
    assert found / gold_total >= 0.90
