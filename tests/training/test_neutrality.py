"""Political neutrality and the fixes for template leaks, checked without training anything."""

from __future__ import annotations

from collections import Counter

import numpy as np

from dignity.detectors.text.featurise import PARTY, POLITICIAN, normalise, normalised_text
from dignity.detectors.text.hybrid import FEATURE_NAMES
from dignity.training import contrast
from dignity.training.stack import CIVIL_PASS_TARGET, _political_shifts


def test_party_and_politician_names_are_one_placeholder_each() -> None:
    text = "Democrats, Republicans, the Tories and Labour; Trump's and Starmer's speeches #MAGA"
    words = normalised_text(text).split()
    assert words.count(PARTY) == 5
    assert words.count(POLITICIAN) == 2
    for name in ("democrats", "republicans", "tories", "labour", "trump", "starmer", "maga"):
        assert name not in words


def test_masking_keeps_the_original_offsets() -> None:
    text = "Vote Tory? Never."
    token = next(t for t in normalise(text) if t.text == PARTY)
    assert text[token.start : token.end] == "Tory"


def test_ambiguous_words_are_not_masked() -> None:
    assert normalised_text("turn left then right, reform the green belt") == (
        "turn left then right reform the green belt"
    )


def test_civil_synthetic_politics_uses_the_abusive_templates_fillers() -> None:
    civil = [e.text.lower() for e in contrast.generate(0) if e.source == "synthetic:politics"]
    fillers = Counter(
        f for text in civil for f in ("honestly", "typical", "the lot of them") if f in text
    )
    assert all(fillers[f] >= 20 for f in ("honestly", "typical", "the lot of them")), fillers


def test_political_shifts_raise_the_category_that_flags_civil_text() -> None:
    n = 5
    # 10 civil rows whose personal_attack logit sits above the decision point, lexicon silent
    x = np.zeros((10, len(FEATURE_NAMES)))
    x[:, 0] = np.linspace(0.5, 3.0, 10)
    x[:, 1:n] = -6.0
    coef = np.zeros((n, len(FEATURE_NAMES)))
    coef[np.arange(n), np.arange(n)] = 1.0
    intercept = np.zeros(n)
    tokens: list[list[object]] = [[] for _ in range(10)]
    shifts = _political_shifts(x, tokens, coef, intercept)
    assert shifts[0] > 0
    assert not shifts[1:].any()
    z = x[:, 0] - shifts[0]
    assert float(np.mean(z < 0)) >= CIVIL_PASS_TARGET


def test_no_shift_when_civil_text_already_passes() -> None:
    n = 5
    x = np.full((4, len(FEATURE_NAMES)), -5.0)
    x[:, n:] = 0.0
    coef = np.zeros((n, len(FEATURE_NAMES)))
    shifts = _political_shifts(x, [[] for _ in range(4)], coef, np.full(n, -3.0))
    assert not shifts.any()
