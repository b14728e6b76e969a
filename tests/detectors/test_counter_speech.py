"""Counter-speech: both word-level views read one list of condemning words."""

from __future__ import annotations

import pytest

from dignity.detectors.text.counter_speech import (
    CONDEMNATION,
    LONGEST,
    Stance,
    counters,
    reported,
)
from dignity.detectors.text.lexicon import LexiconDetector
from dignity.model import Message, Span

QUOTE = '"Women belong in the kitchen"'


def _spans(text: str, *words: str) -> tuple[Span, ...]:
    return tuple(Span.of(text, (i := text.index(w)), i + len(w)) for w in words)


@pytest.mark.parametrize(
    "text",
    [
        f"If you think {QUOTE} is a joke, you're part of the problem",
        f"{QUOTE} isn't banter",
        f"{QUOTE} is not funny",
        f"Someone posted {QUOTE} under my post. Vile.",
    ],
)
def test_quoted_abuse_with_condemnation_around_it_is_counter_speech(text: str) -> None:
    assert counters(text, _ranges(text, "Women belong", "kitchen"))


def test_a_word_naming_the_prejudice_is_the_verdict_not_the_hate() -> None:
    """A model may count "sexism" as evidence of hate; said of a quote it is the verdict."""
    text = f"{QUOTE} isn't banter, it's sexism"
    ranges = _ranges(text, "Women belong", "kitchen", "sexism")
    assert counters(text, ranges, hate=True)
    assert not counters(text, ranges)  # for an insult, the word is left to count
    # never on its own: some of the evidence must be someone else's words
    assert not counters("You are a sexist", _ranges("You are a sexist", "sexist"), hate=True)


@pytest.mark.parametrize(
    "text",
    [
        f"{QUOTE} lol so true",  # quoted to agree
        "Women belong in the kitchen, it's not a joke",  # not quoted at all
    ],
)
def test_quoted_or_plain_abuse_without_condemnation_is_not(text: str) -> None:
    assert not counters(text, _ranges(text, "Women belong", "kitchen"))


def test_an_abusive_word_outside_the_quotes_is_not_counter_speech() -> None:
    text = f"{QUOTE} is wrong, women belong in the gutter"
    assert not counters(text, _ranges(text, "Women belong", "gutter"), hate=True)


@pytest.fixture(scope="module")
def lexicon() -> LexiconDetector:
    detector = LexiconDetector()
    detector.load()
    return detector


@pytest.mark.parametrize("phrase", ["part of the problem", "isn't banter", "hate speech"])
def test_the_lexicon_reads_the_same_list(lexicon: LexiconDetector, phrase: str) -> None:
    assert CONDEMNATION.search(phrase)
    text = f'He said "Muslims are vermin" and that is {phrase}'
    quoted = lexicon.detect(Message(id="q", text='He said "Muslims are vermin"'))
    condemned = lexicon.detect(Message(id="c", text=text))
    assert max(f.score for f in condemned) < max(f.score for f in quoted)


def _ranges(text: str, *words: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in _spans(text, *words)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('Calling refugees "cockroaches" is vile and dehumanising.', ("refugees", "cockroaches")),
        ('If you call women "bitches" you have no place in this party.', ("women",)),
        ("Saying disabled people are a burden is ableist nonsense.", ("disabled", "burden")),
        ("Racists like to say immigrants are parasites. They're wrong.", ("parasites",)),
        ("Stop calling gay men perverts, it's cruel", ("gay men", "perverts")),
        ('People who say "gays are disgusting" are bigots.', ("gays", "disgusting")),
        ("It is shameful that people call Travellers thieves", ("Travellers", "thieves")),
        # beliefs reported to condemn them, and a bare function word among the evidence
        ("If you think refugees are inferior, you are the problem", ("refugees", "inferior")),
        (
            "Describing refugees as animals, as that councillor did, is vile and he should go.",
            ("refugees", "animals", "should"),
        ),
    ],
)
def test_someone_elses_words_reported_and_condemned_are_counter_speech(
    text: str, words: tuple[str, ...]
) -> None:
    assert counters(text, _ranges(text, *words))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the condemning word is the abuse itself: the reported clause ends before it
        ("People say refugees are vile", ("refugees", "vile")),
        # the writer's own words, quoted or not
        ('I call women "bitches" because they are, disgusting lot', ("women", "bitches")),
        ("We say immigrants are parasites and it is shameful that nobody listens", ("parasites",)),
        ("I think women are inferior, it's offensive how they act", ("women", "inferior")),
        # nothing but function words to go on
        ("Calling them out is wrong, they should", ("should",)),
        # reported, then endorsed
        ('They call refugees "cockroaches" and they are right, it is shocking', ("cockroaches",)),
        ("Everyone says Muslims are terrorists, and I agree, it's a disgrace", ("terrorists",)),
        # reported without condemnation
        ('He called her a "silly girl" at the meeting', ("silly girl",)),
        # abuse beside the report
        ('Calling them "cockroaches" is wrong, they are rats', ("cockroaches", "rats")),
        ("", ()),
    ],
)
def test_own_endorsed_uncondemned_or_unreported_words_are_not(
    text: str, words: tuple[str, ...]
) -> None:
    assert not counters(text, _ranges(text, *words))


def test_reported_ranges_end_at_the_clause_or_the_condemnation() -> None:
    text = 'Calling refugees "cockroaches" is vile. They deserve better.'
    ranges = [text[a:b] for a, b in reported(text)]
    assert ranges == [' refugees "cockroaches" is ', '"cockroaches"']


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('The leaflet: "you are vermin". Vile.', ['"you are vermin"']),
        ("The leaflet: 'you are vermin'. Vile.", ["'you are vermin'"]),
        ("The leaflet: \u201cyou are vermin\u201d. Vile.", ["\u201cyou are vermin\u201d"]),
        ('I\'m 5\'11" and "tall" is relative', ['"tall"']),
        # a copy that dropped the opening marks: the closing ones pair with nothing
        ('Comparing a date" to rape is disgusting. You are a disgusting POS."', []),
        ('Someone could have used gun control" on those pussies."', []),
    ],
)
def test_a_quotation_opens_before_a_word_and_closes_after_one(text: str, quoted: list[str]) -> None:
    assert [text[a:b] for a, b in reported(text)] == quoted


def test_condemnation_beside_words_does_not_read_them() -> None:
    text = "Everyone says Muslims are disgusting"
    start = text.index("Muslims")
    assert not Stance(text).condemns_beside(start, len(text))
    assert Stance(text + ". That is racist.").condemns_beside(start, len(text))
    assert not Stance(text + ". That is racist, and true.").condemns_beside(start, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "they say refugees are vile, that is racist " * 30_000,
        "say " * 250_000,
        '"' * 1_000_000,
        "calling " * 150_000,
    ],
)
def test_a_megabyte_is_read_quickly_and_never_as_counter_speech(text: str) -> None:
    assert not counters(text, [(0, 3)])
    Stance(text).condemns_beside(0, 3)


def test_a_long_post_is_left_to_the_models() -> None:
    text = 'Calling refugees "cockroaches" is vile. ' + "More words. " * LONGEST
    assert not counters(text, [(text.index("refugees"), text.index("refugees") + 8)])


def test_the_lexicon_does_not_take_the_abuse_for_its_condemnation(lexicon: LexiconDetector) -> None:
    """'disgusting' carried the abuse and also counted as condemning it (0.13, allowed)."""
    findings = lexicon.detect(Message(id="e", text="Everyone says Muslims are disgusting"))
    assert max(f.score for f in findings if f.category == "identity_attack") >= 0.5


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('I keep getting messages like "die you fat cow"', ("die", "fat cow")),
        ('He called me "a stupid bitch" in front of everyone', ("stupid bitch",)),
        ("People keep calling me a whore", ("whore",)),
        ("I was called a cow at work today", ("cow",)),
        ('Someone replied "go back to Africa" to my post', ("go back to Africa",)),
    ],
)
def test_abuse_the_writer_received_and_shares_is_reported_not_repeated(
    text: str, words: tuple[str, ...]
) -> None:
    assert counters(text, _ranges(text, *words))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the writer's own insult beside the report
        ("You called me a liar, you fucking idiot", ("fucking idiot",)),
        # passed on and endorsed
        ('My dad sent me "immigrants are parasites" and he is right', ("parasites",)),
        # the writer calling someone names
        ("I called her a stupid bitch", ("stupid bitch",)),
    ],
)
def test_ones_own_or_endorsed_words_are_not_received(text: str, words: tuple[str, ...]) -> None:
    assert not counters(text, _ranges(text, *words))


def test_a_claim_told_to_the_writer_is_passed_on_not_received() -> None:
    text = "People keep telling me Muslims are vermin"
    assert not counters(text, _ranges(text, "Muslims", "vermin"))
