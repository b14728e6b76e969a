"""The default text detector: the trained classifier and the lexicon's rules, stacked.

``dignity.text.v2`` runs both ``dignity.text.v1`` (tf-idf + calibrated logistic regression) and
``dignity.lexicon.v1`` (explicit slurs, threat and sexual phrases, scored with its targeting,
negation, quotation and homonym rules) and combines them per category with a small logistic
regression (the *stacker*) trained on the real dev splits plus a held-out synthetic sample,
never on test data. The classifier sees vocabulary; the lexicon knows whether an insult is aimed
at a person or a policy, whether it is negated or quoted to condemn it. The stacker learns how
much to trust each, category by category, and its decision point is moved to 0.5.

Features for one text (the same function trains and detects, see :func:`features`): for each
of the five classifier categories its logit (after the counter-speech discount), and the
lexicon's six category scores. Evidence spans come from whichever part carries the score; the
lexicon's ``derogatory_description`` (labels for factions) passes through unchanged.

Artefacts: the classifier's (``dignity/models/text-v1``) plus ``stack.json`` beside them.
Everything is read by ``load()``, never at import or construction.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from dignity.detectors.text.affirmation import affirmed_group, affirming_clauses
from dignity.detectors.text.aimless import AIMLESS_THREAT_CAP, aimed_at_no_one
from dignity.detectors.text.civic import CIVIC_THREAT_CAP, only_civic, only_figurative
from dignity.detectors.text.classifier import (
    _DESCRIPTIONS,
    _LABELS,
    _WORD_TARGET,
    CATEGORIES,
    MIN_SCORE,
    QUOTE_DISCOUNT,
    LinearTextModel,
    TextClassifierDetector,
    _evidence,
    _targets,
)
from dignity.detectors.text.counter_speech import FUNCTION_WORD, Framing
from dignity.detectors.text.intervention import INTERVENTION_THREAT_CAP, only_intervention
from dignity.detectors.text.lexicon import CATEGORIES as LEXICON_CATEGORIES
from dignity.detectors.text.lexicon import LexiconDetector
from dignity.detectors.text.normalise import run_together, typos
from dignity.detectors.text.policy_harm import POLICY_HARM_CAP, harm_clauses, only_policy_harm
from dignity.detectors.text.self_harm import SELF_HARM_THREAT_CAP, aimed_only_at_oneself
from dignity.detectors.text.status_removal import status_removal_rest
from dignity.errors import DetectorError
from dignity.model import Finding, Message, Span

STACK_FILE = "stack.json"
DEROGATORY = "derogatory_description"
FEATURE_NAMES: tuple[str, ...] = (
    *(f"clf:{c}" for c in CATEGORIES),
    *(f"lex:{c}" for c in LEXICON_CATEGORIES),
)


IDENTITY = CATEGORIES.index("identity_attack")
PERSONAL = CATEGORIES.index("personal_attack")
THREAT = CATEGORIES.index("threat")
SEXUAL = CATEGORIES.index("sexual")
_COUNTERED = (PERSONAL, IDENTITY, SEXUAL)
"""The attacks counter-speech quotes to condemn (a threat reported is left to the models)."""
EXPLICIT = 0.5
"""A lexicon score that would flag the category on its own (it is the stack's floor)."""
COUNTER_SPEECH_CAP = 0.3
"""The most an attack may score when every word carrying it is someone else's, reported to be
condemned (:func:`~dignity.detectors.text.counter_speech.counters`)."""
IDENTITY_CAP = 0.3
"""Without a word naming a protected group (or a slur the lexicon knows), hate scores at most
this: the model then sees only generic hostility, which is not discrimination."""
SEXUAL_HOMONYM_CAP = 0.3
"""The most sexualised language may score when its only sexual words are read in a harmless
sense: a cat ("my pussy cat"), a band ("Pussy Riot"), a coward ("don't be such a pussy", a
personal attack the lexicon reports as one)."""
LIFT = 0.1
"""The stacker may lift the stronger of its two inputs by at most this much, so two weak
signals never add up to a confident breach."""
# words too common to open the identity gate on their own
_WEAK_GROUP_WORDS = frozenset({"she", "her", "man", "old", "young", "race", "church", "polish"})
GROUP_WORDS: frozenset[str] = frozenset(
    {w for w in _WORD_TARGET if w not in _WEAK_GROUP_WORDS}
    | {
        "feminism",
        "feminazi",
        "feminazis",
        "latino",
        "latinos",
        "latina",
        "latinas",
        "hispanic",
        "hispanics",
        "lgbtq",
        "lgbtq+",
        "bame",
        "ethnic",
        "minorities",
        "muzzie",
        "muzzies",
        "islamist",
        "islamists",
        "sharia",
        "wetback",
        "wetbacks",
        "raghead",
        "ragheads",
        "towelhead",
        "towelheads",
        "ghetto",
        "thot",
        "thots",
        "hoe",
        "hoes",
        "cunt",
        "cunts",
        "nationality",
        "religion",
        "religious",
        "gender",
        "sexuality",
        "skin",
        "colour",
        "color",
    }
)
_GROUP_STEMS = (
    "muslim",
    "muzlim",
    "moslem",
    "islam",
    "immigr",
    "migrant",
    "refugee",
    "feminis",
    "homosex",
    "transgend",
    "transsex",
    "nigg",
    "negro",
    "faggot",
    "retard",
    "tranny",
    "trannie",
    "jewish",
    "lesbian",
    "disabilit",
    "asylum",
    "illegalalien",  # hashtags: #IllegalAliens, #NoIllegalAliens
)
# Not "deport": it opened the gate to "We should not deport people who have lived here for
# decades" (hate 0.78), for +0.009 AUPRC on TweetEval-hate's test split.
_SECOND_PERSON = frozenset({"you", "your", "you're", "youre", "ur", "u", "ya", "yourself"})


@functools.cache
def _group_typos() -> dict[str, str]:
    """Group words with one slip of spelling ("wmen", "mslims"): disguised, they still name
    the group (see :func:`~dignity.detectors.text.normalise.typos`)."""
    return typos(GROUP_WORDS)


_POLICIES = frozenset({"immigration", "emigration", "immigrations"})
"""Words that share a group's stem and name a policy, not people: "Immigration should be
reduced" (0.57 as hate) and "Illegal immigration must be stopped" (0.97) argue about the policy,
which members debate. Beside words that make people vermin or an invasion ("stop immigration,
these invaders are ruining Britain") they name the people again (:data:`_DEHUMANISING`)."""
_DEHUMANISING = frozenset(
    {
        "invaders",
        "invader",
        "invasion",
        "invading",
        "vermin",
        "parasites",
        "cockroaches",
        "rats",
        "scum",
        "swarm",
        "swarms",
        "horde",
        "hordes",
        "infestation",
        "leeches",
        "savages",
        "animals",
        "subhuman",
    }
)


def names_a_group(tokens: Sequence[Any]) -> bool:
    """Whether any normalised token names a protected group or is a known slur, also inside a
    hashtag or words run together ("#womensuck", "killallmuslims") or with one slip of
    spelling ("wmen", "mulsims"); a policy's name ("immigration") only beside words that
    dehumanise people."""
    words = [t.text for t in tokens]
    if any(w.lstrip("#") in _POLICIES for w in words) and _DEHUMANISING.intersection(words):
        return True
    for word in words:
        if _names_a_group(word):
            return True
        if len(word) >= 6 and word.isalpha():
            pieces = run_together(word)
            if pieces is not None and any(_names_a_group(p) for p in pieces):
                return True
    return False


def _names_a_group(word: str) -> bool:
    if word in GROUP_WORDS or (word.endswith("s") and word[:-1] in GROUP_WORDS):
        return True
    if word.lstrip("#") in _POLICIES:
        return False
    return word in _group_typos() or any(stem in word for stem in _GROUP_STEMS)


def gate(
    stacked: npt.NDArray[np.float64],
    features: npt.NDArray[np.float64],
    tokens: Sequence[Any],
) -> npt.NDArray[np.float64]:
    """Stacked probabilities after the lift limit, the identity gate and the lexicon's floor."""
    n = len(CATEGORIES)
    clf = 1.0 / (1.0 + np.exp(-features[:n]))
    floor = features[n : 2 * n]
    out = np.minimum(stacked, np.maximum(clf, floor) + LIFT)
    if floor[IDENTITY] <= 0 and not names_a_group(tokens):
        hate = float(out[IDENTITY])
        out[IDENTITY] = min(hate, IDENTITY_CAP)
        if hate > out[PERSONAL] and any(t.text in _SECOND_PERSON for t in tokens):
            out[PERSONAL] = hate
    return np.asarray(np.maximum(out, floor), dtype=np.float64)


def _affirms_a_group(text: str) -> bool:
    """Whether the whole of ``text`` affirms a protected group (see :mod:`.affirmation`)."""
    subject = affirmed_group(text)
    return subject is not None and any(_names_a_group(w) for w in subject)


_WORD = re.compile(r"\w+")


def _only_status_removal(text: str) -> bool:
    """Whether ``text`` argues for removing people by their legal status and, outside those
    clauses, names no group and dehumanises no one (see :mod:`.status_removal`)."""
    rest = status_removal_rest(text)
    if rest is None:
        return False
    words = _WORD.findall(rest)
    return not _DEHUMANISING.intersection(words) and not any(map(_names_a_group, words))


_SEXUAL_WORDS = ("sexual_term",)
"""The lexicon's kind for words that are sexual in one sense and harmless in another."""
_WHY_SELF_HARM = "the words are about harming oneself, not a threat to anyone"
_WHY_SELF_HARM_SEXUAL = "the words are about harming oneself, with nothing sexual in them"
_WHY_CIVIC = "the violent words are about a vote, a game, a cause or the law, not a person"
_WHY_FIGURATIVE = "its violent words are a figure of speech, such as 'break a leg', not a threat"
_WHY_AFFIRMED = "the text affirms or stands by who it is about"
_WHY_INTERVENTION = "the words tell someone to stop or to leave someone alone, and threaten no harm"
_WHY_HOMONYM = "its only words for a group are read in their harmless sense"
_WHY_AIMLESS = "a few words aimed at no one, with no word of violence or menace in them"
_WHY_POLICY_HARM = "the harm is what a policy or a government does to people, criticised"
_WHY_SEXUAL_HOMONYM = "its only sexual words are read in another sense"
_WHY_STATUS_REMOVAL = (
    "it argues for removing people by their immigration or legal status, a policy, and says "
    "nothing against a group as such"
)
_WHY_COUNTERED = (
    "the words carrying it are someone else's, reported to condemn them or shared by the one "
    "they were aimed at"
)


def held(
    parts: Parts, probs: npt.NDArray[np.float64], category: int, cap: float, why: str
) -> npt.NDArray[np.float64]:
    """A copy of ``probs`` with one category held at or below ``cap``; ``parts`` keeps why."""
    out = probs.copy()
    if out[category] > cap:
        out[category] = cap
        parts.held[CATEGORIES[category]] = f"Held at {cap:.0%}: {why}."
    return out


def _within(parts: Parts, category: str, ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether ``ranges`` hold every word the classifier found ``category`` in (bare function
    words aside), and there is such a word: the harm a policy does, or the support a text
    gives, is all its evidence of hate, and "..., they are vermin" beside it is not. With no
    word to go on (the transformer alone saw it), the models keep their score."""
    return parts.framing.evidence_within([(s.start, s.end) for s in parts.spans[category]], ranges)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def read_stack(model_dir: str | None, name: str) -> str:
    """A stacker file from ``model_dir``, or from the shipped model when it is None."""
    if model_dir is not None:
        path = Path(model_dir) / name
        if not path.is_file():
            raise DetectorError(
                f"no {name} in {model_dir}; build one with "
                "python -m dignity.training.train --out DIR"
            )
        return path.read_text(encoding="utf-8")
    package = resources.files("dignity") / "models" / "text-v1" / name
    if not package.is_file():
        raise DetectorError(
            f"the shipped {name} is missing from dignity/models/text-v1; rebuild it "
            "with python -m dignity.training.train"
        )
    return package.read_text(encoding="utf-8")


class Parts:
    """What the two base detectors saw in one text: the stacker's input and the evidence."""

    __slots__ = ("classifier", "features", "framing", "held", "lexicon", "spans", "tokens")

    def __init__(
        self,
        features: npt.NDArray[np.float64],
        classifier: dict[str, float],
        spans: dict[str, tuple[Span, ...]],
        lexicon: dict[str, Finding],
        tokens: Any,
        framing: Framing,
    ) -> None:
        self.features = features
        self.classifier = classifier
        self.spans = spans
        self.lexicon = lexicon
        self.tokens = tokens
        self.framing = framing
        """Someone else's words in the text, read once for every category's evidence."""
        self.held: dict[str, str] = {}
        """Why a category's score was held down (:meth:`HybridTextDetector.settle`), said to
        the member in its finding."""


def features(model: LinearTextModel, lexicon: LexiconDetector, text: str) -> Parts:
    """The stacker's input for ``text``, with the base detectors' evidence."""
    explanation = model.explain(text)
    framing = Framing(text)
    scores: dict[str, float] = {}
    spans: dict[str, tuple[Span, ...]] = {}
    row: list[float] = []
    for c, category in enumerate(CATEGORIES):
        score = float(explanation.scores[c])
        found, _ = _evidence(text, explanation.tokens, explanation.shares[:, c])
        if category != "profanity" and framing.counters(
            [(s.start, s.end) for s in found], hate=category == "identity_attack"
        ):
            score *= QUOTE_DISCOUNT
        scores[category] = score
        spans[category] = found
        row.append(_logit(score))
    lex = {f.category: f for f in lexicon.detect(Message(id="-", text=text))}
    row.extend(lex[c].score if c in lex else 0.0 for c in LEXICON_CATEGORIES)
    return Parts(np.asarray(row, dtype=np.float64), scores, spans, lex, explanation.tokens, framing)


class HybridTextDetector:
    """Classifier and lexicon stacked: personal attacks, hate, threats, sexual, swearing."""

    name: ClassVar[str] = "dignity.text.v2"
    categories: ClassVar[frozenset[str]] = frozenset((*CATEGORIES, DEROGATORY))

    def __init__(self, *, model_dir: str | None = None, lexicon_path: str | None = None) -> None:
        self.model_dir = model_dir
        self.lexicon_path = lexicon_path
        self._classifier = TextClassifierDetector(model_dir=model_dir)
        self._lexicon = LexiconDetector(lexicon_path=lexicon_path)
        self._coef: npt.NDArray[np.float64] | None = None
        self._intercept: npt.NDArray[np.float64] | None = None

    def load(self) -> None:
        if self._coef is not None:
            return
        self._classifier.load()
        self._lexicon.load()
        self._set(json.loads(read_stack(self.model_dir, STACK_FILE)))

    def _set(self, stack: dict[str, Any]) -> None:
        if tuple(stack["features"]) != FEATURE_NAMES or tuple(stack["categories"]) != CATEGORIES:
            raise DetectorError(
                "the stacker was built for other features; rebuild it with "
                "python -m dignity.training.train"
            )
        self._coef = np.asarray(stack["coef"], dtype=np.float64)  # (categories, features)
        self._intercept = np.asarray(stack["intercept"], dtype=np.float64)

    def parts(self, text: str) -> Parts:
        """The base detectors' view of ``text``."""
        self.load()
        return features(self._classifier.model, self._lexicon, text)

    def combine(self, parts: Parts) -> npt.NDArray[np.float64]:
        """Stacked probabilities for the five categories, never below the lexicon's own score.

        The lexicon's explicit matches are already scored in context (aimed at a person,
        negated, quoted to condemn), and it is precise, so what it finds is a floor. The
        stacker may not lift its stronger input by more than :data:`LIFT`, and hate needs a
        word naming a protected group or a slur (see :func:`gate`).
        """
        assert self._coef is not None
        assert self._intercept is not None
        z = self._coef @ parts.features + self._intercept
        stacked = 1.0 / (1.0 + np.exp(-z))
        return gate(stacked, parts.features, parts.tokens)

    def final(self, parts: Parts, text: str) -> npt.NDArray[np.float64]:
        """The scores findings are made from (v2: the stack; subclasses may add stages)."""
        del text  # v2 needs nothing beyond the parts
        return self.combine(parts)

    def finals(self, parts: Sequence[Parts], texts: Sequence[str]) -> list[npt.NDArray[np.float64]]:
        """:meth:`final` for several texts; a subclass may run a stage over all of them at once."""
        return [self.final(p, t) for p, t in zip(parts, texts, strict=True)]

    def settled(self, parts: Parts, text: str) -> npt.NDArray[np.float64]:
        """:meth:`final`'s scores, less the readings :meth:`settle` corrects."""
        return self.settle(parts, text, self.final(parts, text))

    def settle(
        self, parts: Parts, text: str, probs: npt.NDArray[np.float64]
    ) -> npt.NDArray[np.float64]:
        """Final scores ``probs`` less the readings word statistics get backwards; each score
        held down records why in ``parts.held``, for the finding's rationale.

        Violence aimed only at the writer is not a threat ("I want to kill myself", see
        :mod:`~dignity.detectors.text.self_harm`), nor is the violence politics or a game
        borrows when no protected group is named ("crush them at the ballot box", "lock him
        up", "I'll kill you at Mario Kart", see :mod:`~dignity.detectors.text.civic`), nor
        a figure of speech ("knock 'em dead", "you're killing me with these puns"). A text
        that only affirms its subject is not a threat, nor hate when that is a protected group
        ("Old people deserve a decent pension", "Refugees are human too", see
        :mod:`~dignity.detectors.text.affirmation`); in a longer text, clauses that affirm or
        stand by a group are not hate when they hold all its evidence ("Trans women are women
        and this party must stop throwing them under the bus"). Telling someone to stop
        threatens no one ("leave her alone", see :mod:`~dignity.detectors.text.intervention`),
        and a policy said to harm a group neither threatens nor hates it ("the DWP is killing
        disabled people", see :mod:`~dignity.detectors.text.policy_harm`), nor a short reply
        aimed at no one with no word of violence in it ("I will", "Let's go!", see
        :mod:`~dignity.detectors.text.aimless`). Arguing for removing people by their legal
        status is policy, not hate, when no group is named beside it ("Failed asylum seekers
        should be removed", see :mod:`~dignity.detectors.text.status_removal`). A text whose only
        group words are slurs read as homonyms ("faggots in gravy") is not hate, nor is
        sexualised language whose only sexual words are read in another sense ("my pussy cat",
        "don't be such a pussy") sexual, nor a statement of self-harm ("I want to drown
        myself" shares its "I want ... myself" with sexual talk). Abuse that is someone else's,
        quoted or reported to condemn it or shared by the one it was aimed at, is not an attack
        ('Calling refugees "cockroaches" is vile', "he called me a stupid bitch", see
        :mod:`~dignity.detectors.text.counter_speech`). None applies where the lexicon finds
        an explicit match in the category held.
        """
        threat = parts.lexicon.get("threat")
        if probs[THREAT] > min(
            SELF_HARM_THREAT_CAP,
            CIVIC_THREAT_CAP,
            INTERVENTION_THREAT_CAP,
            POLICY_HARM_CAP,
            AIMLESS_THREAT_CAP,
        ) and (threat is None or threat.score < EXPLICIT):
            if aimed_only_at_oneself(text):
                probs = held(parts, probs, THREAT, SELF_HARM_THREAT_CAP, _WHY_SELF_HARM)
            elif only_civic(text) and not names_a_group(parts.tokens):
                probs = held(parts, probs, THREAT, CIVIC_THREAT_CAP, _WHY_CIVIC)
            elif only_figurative(text) and not names_a_group(parts.tokens):  # "break a leg"
                probs = held(parts, probs, THREAT, CIVIC_THREAT_CAP, _WHY_FIGURATIVE)
            elif affirmed_group(text) is not None:  # "Old people deserve a decent pension"
                probs = held(parts, probs, THREAT, CIVIC_THREAT_CAP, _WHY_AFFIRMED)
            elif only_intervention(text):  # "leave her alone"
                probs = held(parts, probs, THREAT, INTERVENTION_THREAT_CAP, _WHY_INTERVENTION)
            elif only_policy_harm(text):  # "the DWP is killing disabled people"
                probs = held(parts, probs, THREAT, POLICY_HARM_CAP, _WHY_POLICY_HARM)
            elif aimed_at_no_one(text) and not names_a_group(parts.tokens):  # "I will"
                probs = held(parts, probs, THREAT, AIMLESS_THREAT_CAP, _WHY_AIMLESS)
        hate = parts.lexicon.get("identity_attack")
        if probs[IDENTITY] > IDENTITY_CAP and (hate is None or hate.score < EXPLICIT):
            if _affirms_a_group(text) or _within(parts, "identity_attack", affirming_clauses(text)):
                probs = held(parts, probs, IDENTITY, IDENTITY_CAP, _WHY_AFFIRMED)
            elif self._names_only_homonyms(parts, text):
                probs = held(parts, probs, IDENTITY, IDENTITY_CAP, _WHY_HOMONYM)
            elif _within(parts, "identity_attack", harm_clauses(text)):
                probs = held(parts, probs, IDENTITY, IDENTITY_CAP, _WHY_POLICY_HARM)
            elif _only_status_removal(text):  # "Failed asylum seekers should be removed"
                probs = held(parts, probs, IDENTITY, IDENTITY_CAP, _WHY_STATUS_REMOVAL)
        sexual = parts.lexicon.get("sexual")
        if probs[SEXUAL] > SEXUAL_HOMONYM_CAP and (sexual is None or sexual.score < EXPLICIT):
            if self._sexual_only_in_another_sense(parts, text):
                probs = held(parts, probs, SEXUAL, SEXUAL_HOMONYM_CAP, _WHY_SEXUAL_HOMONYM)
            elif aimed_only_at_oneself(text):  # "I want to drown myself": want ... myself
                probs = held(parts, probs, SEXUAL, SEXUAL_HOMONYM_CAP, _WHY_SELF_HARM_SEXUAL)
        for c in _COUNTERED:
            lex = parts.lexicon.get(CATEGORIES[c])
            if probs[c] <= COUNTER_SPEECH_CAP or (lex is not None and lex.score >= EXPLICIT):
                continue
            spans = (*parts.spans[CATEGORIES[c]], *(lex.spans if lex is not None else ()))
            if parts.framing.counters([(s.start, s.end) for s in spans], hate=c == IDENTITY):
                probs = held(parts, probs, c, COUNTER_SPEECH_CAP, _WHY_COUNTERED)
        return probs

    def _names_only_homonyms(self, parts: Parts, text: str) -> bool:
        """Whether every word naming a group is a slur the lexicon reads as a homonym ("a
        bundle of faggots on the bonfire"): such a text names no group, so the identity gate
        stays shut however the learnt models score the word."""
        naming = {t.text for t in parts.tokens if _names_a_group(t.text)}
        return bool(naming) and naming <= self._lexicon.homonyms(text)

    def _sexual_only_in_another_sense(self, parts: Parts, text: str) -> bool:
        """Whether the text has a sexual word the lexicon reads in a harmless sense, and every
        word the classifier found sexual evidence in is one of those (or a bare function word)."""
        harmless = self._lexicon.homonyms(text, kinds=_SEXUAL_WORDS)
        if not harmless:
            return False
        carrying = {
            word
            for span in parts.spans["sexual"]
            for word in _WORD.findall(span.quote.lower())
            if FUNCTION_WORD.fullmatch(word) is None
        }
        return carrying <= harmless

    def scores(self, text: str) -> dict[str, float]:
        """Every category's final score for a bare text."""
        probs = self.settled(self.parts(text), text)
        return {c: float(p) for c, p in zip(CATEGORIES, probs, strict=True)}

    def detect(self, message: Message) -> Sequence[Finding]:
        return self.detect_many([message])[0]

    def detect_many(self, messages: Sequence[Message]) -> list[tuple[Finding, ...]]:
        """Findings for each message, as :meth:`detect` gives them one at a time.

        Every stage runs over all the texts before the next begins, so a costly stage (the
        cascade's transformer) runs its texts back to back with its weights still in the CPU's
        caches instead of evicted by the word models between two texts: in chunks of 64, 2.62
        -> 2.10 ms a message (best of 6 runs over 1,024 held-out texts, 2026-12-01, AMD EPYC,
        one thread). Each text is still scored on its own, so its scores do not depend on its
        neighbours.
        """
        self.load()
        found: list[tuple[Finding, ...]] = [() for _ in messages]
        rows = [i for i, m in enumerate(messages) if m.text.strip()]
        texts = [messages[i].text for i in rows]
        parts = [self.parts(text) for text in texts]
        for i, part, text, probs in zip(rows, parts, texts, self.finals(parts, texts), strict=True):
            found[i] = self.findings(part, self.settle(part, text, probs))
        return found

    def findings(self, parts: Parts, probs: npt.NDArray[np.float64]) -> tuple[Finding, ...]:
        """Findings for the categories ``probs`` scores, with the base detectors' evidence."""
        findings: list[Finding] = []
        for c, category in enumerate(CATEGORIES):
            score = float(probs[c])
            if score < MIN_SCORE:
                continue
            lex = parts.lexicon.get(category)
            clf_spans = parts.spans[category]
            if lex is not None and (lex.spans or not clf_spans):
                spans: tuple[Span, ...] = lex.spans
                why = lex.rationale
            else:
                spans = clf_spans
                words = ", ".join(f'"{s.quote}"' for s in spans[:4])
                why = f"The wording is typical of text that {_DESCRIPTIONS[category]}" + (
                    f" ({words})." if words else "."
                )
            if not spans:
                continue
            targets: tuple[str, ...] = ()
            if category == "identity_attack":
                targets = lex.targets if lex is not None and lex.targets else _targets(parts.tokens)
            # the label says what backs the score: an explicit phrase ("threat_phrase", "slur")
            # or, without one, the models' reading ("threat"); a police route asks for the first
            label = lex.label if lex is not None and lex.score >= EXPLICIT else _LABELS[category]
            findings.append(
                Finding(
                    category=category,
                    score=min(1.0, max(0.0, round(score, 4))),
                    detector=self.name,
                    label=label,
                    rationale=" ".join(
                        (f"Combined score {score:.0%}.", why, parts.held.get(category, ""))
                    ).rstrip(),
                    spans=spans,
                    targets=targets,
                )
            )
        derogatory = parts.lexicon.get(DEROGATORY)
        if derogatory is not None:
            findings.append(
                Finding(
                    category=DEROGATORY,
                    score=derogatory.score,
                    detector=self.name,
                    label=derogatory.label,
                    rationale=derogatory.rationale,
                    spans=derogatory.spans,
                    targets=derogatory.targets,
                )
            )
        return tuple(findings)
