"""Counter-speech: both word-level views read one list of condemning words."""

from __future__ import annotations

import pytest

from dignity.detectors.text.classifier import _counter_speech
from dignity.detectors.text.counter_speech import CONDEMNATION
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
    assert _counter_speech(text, _spans(text, "Women belong", "kitchen"))


def test_a_condemning_word_outside_the_quotes_is_not_evidence_of_abuse() -> None:
    text = f"{QUOTE} isn't banter, it's sexism"
    assert _counter_speech(text, _spans(text, "Women belong", "kitchen", "sexism"))


@pytest.mark.parametrize(
    "text",
    [
        f"{QUOTE} lol so true",  # quoted to agree
        "Women belong in the kitchen, it's not a joke",  # not quoted at all
    ],
)
def test_quoted_or_plain_abuse_without_condemnation_is_not(text: str) -> None:
    assert not _counter_speech(text, _spans(text, "Women belong", "kitchen"))


def test_an_abusive_word_outside_the_quotes_is_not_counter_speech() -> None:
    text = f"{QUOTE} is wrong, women belong in the gutter"
    assert not _counter_speech(text, _spans(text, "Women belong", "gutter"))


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
