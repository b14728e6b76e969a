"""The shipped text classifier: a contrast table of must-get-right cases, and invariants."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.detectors.flagged import categories_flagged

from dignity.detectors.base import Detector
from dignity.detectors.registry import get
from dignity.detectors.text import classifier
from dignity.detectors.text.classifier import CATEGORIES, WINDOW, TextClassifierDetector
from dignity.detectors.text.featurise import normalise
from dignity.model import Message

BREACH = ("personal_attack", "identity_attack", "threat", "sexual")


@pytest.fixture(scope="module")
def detector() -> TextClassifierDetector:
    d = TextClassifierDetector()
    d.load()
    return d


# text -> the categories that must be present (>= 0.5); every other breach category must not be
CONTRAST: list[Any] = [
    # vehement criticism of policies, votes, parties, records passes
    ("The two-child benefit cap is cruel and indefensible", set()),
    ("The Tories have wrecked the NHS and should be voted out", set()),
    ("Our MP voted for the welfare cuts twelve times. Shameful record.", set()),
    ("This budget is an utter disgrace and the Chancellor should resign", set()),
    ("Labour's position on tuition fees is a cowardly fudge", set()),
    # personal attacks
    ("You are a pathetic useless idiot", {"personal_attack"}),
    ("Shut up you brainless moron, nobody cares", {"personal_attack"}),
    pytest.param(
        "she is a vile disgusting lying cow",
        {"personal_attack"},
        marks=pytest.mark.xfail(reason="known: gendered insult at one woman also scores as hate"),
    ),
    # identity attacks, with targets
    ("Women are too stupid to be in politics", {"identity_attack"}),
    ("Muslims are vermin and should be thrown out", {"identity_attack"}),
    ("Gay people are disgusting freaks", {"identity_attack"}),
    ("Disabled people are a burden on society", {"identity_attack"}),
    # neutral and positive identity mentions pass
    ("Women deserve equal pay and equal representation", set()),
    ("I am a proud gay man and a party member", set()),
    ("Muslims in our town organised a food bank this week", set()),
    ("We need more disabled people in parliament", set()),
    # negation passes
    ("I don't hate women", set()),
    ("No one should threaten her", set()),
    ("Gay people are not disgusting", set()),
    # counter-speech quoting abuse to condemn it passes
    ('Someone called me "a stupid bitch" today. This abuse has to stop.', set()),
    ("Saying 'immigrants are vermin' is hateful and has no place in our party", set()),
    # threats
    ("I know where you live and I'm going to hurt you", {"threat", "personal_attack"}),
    ("Someone should put a bullet in that MP", {"threat", "personal_attack"}),
    ("All muslims should be shot", {"threat", "identity_attack"}),
    # threat-like metaphors pass
    ("The Tories are killing the NHS", set()),
    ("We'll crush them at the ballot box", set()),
    # sexual
    ("Send me nudes babe", {"sexual"}),
    ("I'd love to get her into bed, nice tits", {"sexual"}),
    ("Sex education in schools needs proper funding", set()),
    # swearing at things is only profanity
    ("This fucking weather, the train is late again", {"profanity"}),
    ("Shit, I forgot my umbrella", {"profanity"}),
    # homonyms and reclaimed terms are not identity attacks
    ("Scunthorpe United won 2-1 tonight", set()),
    ("I'm queer and proud", set()),
    ("Off for a fag break before the meeting", set()),
    # obfuscated abuse is still caught
    ("You are a f.u.c.k.i.n.g 1d10t", {"personal_attack"}),
    pytest.param(
        "y o u  a r e  a  m o r o n",
        {"personal_attack"},
        marks=pytest.mark.xfail(reason="known: a whole sentence spelt out joins into one word"),
    ),
    ("Muzlims are v3rmin", {"identity_attack"}),
    # abuse at an individual is a personal attack, not hate
    ("Nigel is a spineless coward and a liar", {"personal_attack"}),
]


@pytest.mark.parametrize(("text", "expected"), CONTRAST)
def test_contrast_table(detector: TextClassifierDetector, text: str, expected: set[str]) -> None:
    flagged = categories_flagged(detector, text)
    missing = expected - flagged
    extra = (flagged - expected) & set(BREACH)
    assert not missing, f"{text!r}: flagged {sorted(flagged)}"
    assert not extra, f"{text!r}: flagged {sorted(flagged)}"


def test_identity_findings_carry_targets(detector: TextClassifierDetector) -> None:
    findings = detector.detect(Message(id="m", text="Muslims are vermin and should be thrown out"))
    identity = [f for f in findings if f.category == "identity_attack"]
    assert identity
    assert identity[0].targets == ("religion",)


def test_spans_point_at_the_words(detector: TextClassifierDetector) -> None:
    text = "Well then, you are a pathetic useless idiot."
    findings = detector.detect(Message(id="m", text=text))
    attack = next(f for f in findings if f.category == "personal_attack")
    quoted = " ".join(s.quote for s in attack.spans).lower()
    assert "idiot" in quoted or "pathetic" in quoted
    assert "idiot" in attack.rationale or "pathetic" in attack.rationale
    assert "well" not in quoted


def test_obfuscated_span_covers_the_original_characters(detector: TextClassifierDetector) -> None:
    text = "You are a f.u.c.k.i.n.g 1d10t"
    findings = detector.detect(Message(id="m", text=text))
    quotes = {s.quote for f in findings for s in f.spans}
    assert any("1d10t" in q or "f.u.c.k.i.n.g" in q for q in quotes)


def test_is_a_registered_detector() -> None:
    factory = get("dignity.text.v1")
    assert factory is TextClassifierDetector
    instance = factory(model_dir=None)
    assert isinstance(instance, Detector)
    assert instance.categories == frozenset(CATEGORIES)


def test_constructor_does_not_load() -> None:
    d = TextClassifierDetector(model_dir="/nonexistent")
    assert d.model_dir == "/nonexistent"


def test_empty_and_huge_texts(detector: TextClassifierDetector) -> None:
    assert detector.detect(Message(id="e", text="")) == ()
    assert detector.detect(Message(id="w", text="   \n\t ")) == ()
    huge = ("The council meeting ran late again tonight. " * 25_000)[:1_000_000]
    huge = huge[:500_000] + " you pathetic useless idiot " + huge[500_000:]
    findings = detector.detect(Message(id="h", text=huge))
    for f in findings:
        for s in f.spans:
            assert huge[s.start : s.end] == s.quote


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_invariants(detector: TextClassifierDetector, text: str) -> None:
    first = detector.detect(Message(id="x", text=text))
    assert first == detector.detect(Message(id="x", text=text))
    for f in first:
        assert 0.0 <= f.score <= 1.0
        assert f.category in CATEGORIES
        assert f.detector == "dignity.text.v1"
        for s in f.spans:
            assert 0 <= s.start < s.end <= len(text)
            assert s.quote == text[s.start : s.end]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            [
                "you",
                "idiot",
                "f*ck",
                "w0men",
                "are",
                "v e r m i n",
                "!!",
                "kill",
                "\u200b",
                "Ｉｄｉｏｔ",
                "'",
                '"',
                "@bob",
                "http://x.co/a",
            ]
        ),
        max_size=30,
    ).map(" ".join)
)
def test_invariants_on_abusive_fragments(detector: TextClassifierDetector, text: str) -> None:
    for f in detector.detect(Message(id="x", text=text)):
        for s in f.spans:
            assert s.quote == text[s.start : s.end]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["you", "idiot", "f*ck", "w0men", "are", "you you", "aaaargh"]),
            st.text(max_size=12),
        ),
        max_size=40,
    ).map(" ".join)
)
def test_explanation_agrees_with_the_plain_scores(
    detector: TextClassifierDetector, text: str
) -> None:
    """``explain`` builds its features from cached vocabulary ids, ``scores`` from feature
    strings: the two must give the same scores, and (one window) the tokens' shares must add
    up to each category's logit less its intercept (a score never falls below the empty
    text's, so a negative sum counts as zero)."""
    model = detector.model
    explained = model.explain(text)
    assert np.allclose(explained.scores, model.scores(text), atol=1e-5)
    if 0 < len(explained.tokens) <= WINDOW:
        logits = np.log(explained.scores / (1.0 - explained.scores))
        shares = np.maximum(explained.shares.sum(axis=0), 0.0)
        assert np.allclose(shares, logits - model.intercept, atol=1e-3)


def test_one_abusive_sentence_in_a_long_post_is_not_thinned_out(
    detector: TextClassifierDetector, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read whole, a long post's normalised word weights dilute its one insult; windows of a
    tweet's length keep more of it, and the evidence points at it."""
    minutes = "The branch discussed the bus routes, the library hours and the parks budget. " * 12
    long_post = minutes + "You are a pathetic worthless idiot."
    assert len(long_post.split()) > 2 * WINDOW
    personal = CATEGORIES.index("personal_attack")
    windowed = detector.model.scores(long_post)[personal]
    (finding,) = [
        f
        for f in detector.detect(Message(id="m", text=long_post))
        if f.category == "personal_attack"
    ]
    # the insult is shown (a word of the minutes the model weighs may be shown beside it)
    assert "pathetic worthless idiot" in [s.quote for s in finding.spans if s.start >= len(minutes)]
    monkeypatch.setattr(classifier, "WINDOW", 10_000)
    assert windowed > 2 * detector.model.scores(long_post)[personal]


def test_a_long_post_is_also_read_a_few_sentences_at_a_time(
    detector: TextClassifierDetector, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past one window, runs of whole sentences are read too: an insult between two stretches
    of branch business scores higher than in a window of 64 words, and is what is shown."""
    minutes = "The branch discussed the bus routes, the library hours and the parks budget. "
    post = minutes * 3 + "You are a pathetic worthless idiot. " + minutes * 3
    assert len(post.split()) > WINDOW
    personal = CATEGORIES.index("personal_attack")
    with_runs = detector.model.scores(post)[personal]
    explained = detector.model.explain(post)
    weights = explained.shares[:, personal]
    shown = [t.text for t, w in zip(explained.tokens, weights, strict=True) if w > 0]
    assert {"pathetic", "idiot"} <= set(shown)
    monkeypatch.setattr(classifier, "_runs", lambda tokens, text: [])
    assert with_runs > detector.model.scores(post)[personal] + 0.1


def test_runs_are_whole_sentences_of_at_most_run_words() -> None:
    sentence = "one two three four five six seven eight nine ten. "
    text = sentence * 8
    tokens = normalise(text)
    runs = classifier._runs(tokens, text)
    assert [b - a for a, b in runs] == [20, 20, 20, 20]
    many = sentence * (classifier.MAX_RUNS * 3)
    assert len(classifier._runs(normalise(many), many)) == classifier.MAX_RUNS
    unbroken = "no sentence ends here " * 20
    assert classifier._runs(normalise(unbroken), unbroken) == []


def test_word_cache_stays_bounded(
    detector: TextClassifierDetector, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Per-word lookups are cached, but neither a flood of new words nor one enormous word can
    make the cache grow without limit."""
    model = detector.model
    monkeypatch.setattr(classifier, "CHAR_CACHE_WORDS", 10)
    model.explain(" ".join(f"word{chr(97 + i % 26)}{i}" for i in range(50)))
    assert 0 < len(model._char_cache) <= 10
    giant = "z" + "ab" * 5_000
    model.explain(f"you {giant} idiot")
    assert giant not in model._char_cache
    assert "idiot" in model._char_cache
