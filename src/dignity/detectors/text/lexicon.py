"""The interim text detector: a documented, weighted lexicon with a few linguistic rules.

``dignity.lexicon.v1`` finds personal attacks, identity attacks, threats, sexualised language,
profanity and derogatory labels for factions until trained classifiers replace it. The words and
phrases live in ``lexicon.yaml`` (documented at its top); this module matches them and scores each
match in its context. Matching runs on normalised text (``normalise.py``: leetspeak, masks,
look-alike letters, spacing, zero-width characters, words run together, two neighbouring letters
swapped in a word the lexicon knows), and every span points at the original text.

How a score is made
-------------------
Each match starts from its entry's ``weight`` and is multiplied by context factors:

* **Targeting** (insults, and anything marked ``needs_target``). An insult is a personal attack
  when it is aimed at a person and criticism when it is aimed at a policy. The nearest cue in the
  same sentence decides: "you idiot", "you are an idiot" (x1.0); "@bob is an idiot" (x1.0); "he",
  "she", "they", "this man", a capitalised name before "is" or after the insult ("what an idiot
  Smith is") (x0.85-0.9); a policy, vote, decision, budget, "this", "it" ("this policy is
  idiotic", "a stupid decision") (x0.1); the writer ("I was an idiot") (x0.1). With no cue, a
  bare insult is ambiguous (x0.45) unless it stands alone as a reply ("Idiot.", x0.7) or opens
  its sentence before an address or a command ("Ok idiots, let's see you try it", x0.9). Phrases
  that name their own target ("fuck you", "watch your back") skip this rule.
* **Negation**: a negator shortly before the match in the same clause ("not", "no one should",
  "don't", "never", "stop") scales by x0.15: "I don't hate women", "she is not a slut". Profanity
  is not negated ("I don't give a fuck" still swears), nor is a slur: a slur in a negated
  sentence is still a slur ("twitter does not like ..."). Out of scope: a negated verb whose object
  names people with a demonstrative ("I can't listen to these idiots"), and a negative yes/no
  question opening its sentence, which asserts ("Wouldn't we be better off without ...?").
* **Quotation and reporting** (counter-speech): a match inside quotation marks, after a
  reporting verb ("called her a ...", "was called a ...") or just before one ("..., said the
  leaflet"), in a message that condemns it
  ("disgusting", "no place here", "must stop", "racist abuse") scales by x0.1 (quoted) or x0.15
  (reported); quoted alone by x0.5, reported alone by x0.6.
* **Homonyms and reclaimed uses**: an entry's ``safe_contexts`` near the match ("faggots in
  gravy", "the dyke on the canal", "queer theory") scale by x0.1.

Identity: group words are never matched on their own, so neutral mentions ("As a gay man I
support this", "Muslim voters in Bradford") score nothing; only slurs and hateful statements about
a group do. Abuse aimed at one person is a personal attack, not identity hate, unless it uses an
identity slur. A threat whose object is an identity group ("kill all ...") is both a threat and an
identity attack. Swearing is profanity only unless it is aimed at someone ("this fucking rain").

Within a category, overlapping matches count once (the strongest); separate matches combine by
noisy-OR, ``1 - prod(1 - s_i)``, clipped to [0, 1] and rounded to four places, so the same text
always gives the same findings. One Finding is returned per category scoring at least 0.05.

Speed: one compiled trie-shaped regex for all literal terms plus one alternation per category for
the patterns, all scanned only at word starts; per-match context work happens only when something
matched. Repeated letters ("stuuupid") are accepted by the trie with possessive quantifiers, so
matching stays linear.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

import yaml

from dignity.detectors.text.counter_speech import LONGEST, QUOTATION, Stance, reported
from dignity.detectors.text.normalise import Normalised, drops, normalise, respellings, swaps
from dignity.errors import DetectorLoadError
from dignity.model import Finding, Message, Span

__all__ = ["LexiconDetector"]

PERSONAL_ATTACK = "personal_attack"
IDENTITY_ATTACK = "identity_attack"
THREAT = "threat"
SEXUAL = "sexual"
PROFANITY = "profanity"
DEROGATORY_DESCRIPTION = "derogatory_description"
CATEGORIES = (
    PERSONAL_ATTACK,
    IDENTITY_ATTACK,
    THREAT,
    SEXUAL,
    PROFANITY,
    DEROGATORY_DESCRIPTION,
)
TARGETS = (
    "gender",
    "race",
    "religion",
    "age",
    "sexual_orientation",
    "gender_identity",
    "disability",
)

MIN_SCORE = 0.05
_SPAN_FLOOR = 0.02  # weaker contributions are not shown as evidence
_KINDS_WITH_PLURAL = frozenset({"insult", "slur", "swear", "faction_label"})
_STATEMENT_KINDS = frozenset({"hate_phrase", "group_abuse"})
"""Kinds that state something about a whole group, so a refutation frame can dispute them."""

# Context factors (see the module docstring).
_AT_YOU = 1.0
_AT_PERSON = 0.9
_AT_NAME = 0.85
_AT_DETERMINED = 0.8
_AT_REPLY = 0.7
_AT_NOBODY_CLEAR = 0.45
_AT_GROUP_SELF = 0.3
_AT_SELF = 0.1
_AT_THING = 0.1
_NEGATED = 0.15
_QUOTED_CONDEMNED = 0.1
_REPORTED_CONDEMNED = 0.15
_QUOTED = 0.5
_REPORTED = 0.6
_SAFE_CONTEXT = 0.1
_PLACE_AFTER = re.compile(
    r"(?:'s|')?\s+(?:lane|road|rd|street|st|avenue|close|hill|farm|wood|woods|common|green|way|end|"
    r"bridge|park|crescent|drive|row|terrace|court|meadows?|brook|bottom|wharf)\b"
)
"""A capitalised slur followed by one of these is a place name ("Pikeys Lane", "Coon Hill")."""

_WB = r"(?<![\w@*])"
_WE = r"(?![\w*])"
_PATTERN_END = r"(?![\w*-])"

_SEPARATORS = re.compile(r"[\s\-']+")
_RUNS = re.compile(r"(.)\1+")
_SENTENCE_BREAK = re.compile(r"[.!?;\n]")
_CLAUSE_BREAK = re.compile(
    r"[,:()\[\]\"]|\s[-\u2013\u2014]+\s|\b(?:but|and|or|because|though|although|if)\b"
)

_THING_WORDS = (
    r"polic(?:y|ies)|decisions?|ideas?|plans?|proposals?|budgets?|bills?|laws?|legislation|"
    r"votes?|voting|manifestos?|motions?|amendments?|arguments?|positions?|stances?|views?|"
    r"opinions?|takes?|comments?|tweets?|posts?|articles?|speech(?:es)?|statements?|"
    r"strateg(?:y|ies)|approach(?:es)?|reforms?|schemes?|cuts?|tax(?:es)?|rules?|move|"
    r"mistakes?|choices?|system|government|party|campaign|leadership|programmes?|programs?|"
    r"agenda|report|analysis|logic|reasoning|claims?|points?|questions?|responses?|answers?|"
    r"u-turns?|deal|brexit|economics|things?|stuff|nonsense|rubbish|housing|benefits?|spending|"
    r"austerity|thinking|behaviou?r|conduct|record|performance|handling|response|letter|"
    r"email|leaflet|slogan|idea|premise|suggestion|excuse|claim|situation|state of affairs"
)
_POST_THING = re.compile(rf"\s+(?:[\w'-]+\s+)?(?:{_THING_WORDS})\b")
_VOCATIVE = re.compile(r"(?:^|[^\w@])(?:you|u|ya|ye|yer)\s+(?:[\w*'-]+\s+){0,2}$")
_CUES = re.compile(
    r"(?P<you>\b(?:you|u|ya|ye|yer|your|ur|you'?re|yourself|yourselves)\b)"
    r"|(?P<mention>@\w+)"
    r"|(?P<third>\b(?:he|she|him|her|he'?s|she'?s|they|them|they'?re|who|whom)\b)"
    r"|(?P<person>\b(?:man|woman|bloke|guy|lad|girl|lady|person|mp|councillor|cllr|member|"
    r"members|comrade|comrades|people|leader|chair|secretary|minister|chancellor|candidate|pm|"
    r"mayor|men|women|guys|folk|lot)\b)"
    r"|(?P<self>\b(?:i|i'?m|me|myself)\b)"
    r"|(?P<us>\b(?:we|we'?re|us|ourselves)\b)"
    rf"|(?P<thing>\b(?:it|it'?s|its|this|that|these|those|which|{_THING_WORDS})\b)"
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:this|that|these|those|the|some|such)\s+"
    r"(?:(?!(?:is|was|seems|sounds|looks)\b)[\w*'-]+\s+)?$"
)
_GERUND_SUBJECT = re.compile(
    r"^\s*(?:[\w']+\s+){0,2}?(?:calling|saying|using|telling|treating|describing|referring|"
    r"speaking|talking|writing|tweeting|posting|abusing|attacking|harassing|threatening|mocking|"
    r"shaming|bullying|labelling|labeling|branding)\b"
)
_DEMONSTRATIVE = frozenset({"this", "that", "these", "those"})
_POST_PERSON = re.compile(
    r"\s*,?\s*(?:@\w+|(?:you|u|ya)\b|like (?:you|u|him|her|them)\b|who\b|(?:he|she) is\b)"
)
_NAME_BEFORE = re.compile(
    r"\b([a-z][a-z'-]+?)(?:'s)? (?:is|was|has been|looks|sounds|seems|remains)\b"
)
_NAME_AFTER = re.compile(r"\s*,?\s*([a-z][a-z'-]+) (?:is|was)\b")
_NOT_NAMES = frozenset(
    {
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "what",
        "which",
        "there",
        "here",
        "he",
        "she",
        "they",
        "you",
        "we",
        "i",
        "labour",
        "tory",
        "tories",
        "government",
        "party",
        "policy",
        "everyone",
        "everybody",
        "nobody",
        "someone",
        "somebody",
        "people",
        "honestly",
        "seriously",
        "yes",
        "no",
        "well",
        "so",
        "and",
        "but",
        "or",
        "if",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "why",
        "how",
        "when",
        "where",
        "who",
        "today",
        "yesterday",
        "tomorrow",
        "now",
        "then",
        "also",
        "just",
        "really",
        "that's",
        "it's",
        "what's",
    }
)
_REPLY_ALONE = re.compile(r"(?:^|[,:]\s*|\b(?:hey|oi|listen|cheers|thanks|bye|mate)\b[,\s]*)\s*$")
_POST_END = re.compile(r"\s*(?:[.!?,;)]|$)")
# An insult opening its sentence and followed by an address or a command is said to someone:
# "Ok idiots, let's see you try it", "Morons, read the bill".
_SENTENCE_OPENING = re.compile(
    r"\s*(?:(?:ok|okay|hey|oi|listen|look|well|yeah|yes|no|right|so|lol|lmao|haha+|wow|"
    r"come on|go on)[,!.\s]*)?$"
)
_ADDRESS_AFTER = re.compile(
    r"\s*(?:,|!|(?:you|u|ya|let'?s|lets|go|get|stop|shut|try|keep|learn|read|grow|wake|please|"
    r"take|enjoy|good luck)\b)"
)

_NEGATION = re.compile(
    r"\b(?:not(?! only| just| merely)|never|no one|noone|no-one|nobody|nothing(?! but)|"
    r"don'?t|doesn'?t|didn'?t|isn'?t|wasn'?t|aren'?t|weren'?t|won'?t|wouldn'?t|shouldn'?t|"
    r"can'?t|cannot|couldn'?t|mustn'?t|neither|nor|stop|quit|refuse to)\b"
)
_NEGATIVE_QUESTION = re.compile(
    r"\s*(?:(?:so|but|and|well|honestly|seriously|come on|tbh|i mean)[,\s]+)?"
    r"(?:wouldn'?t|isn'?t|aren'?t|don'?t|doesn'?t|shouldn'?t|won'?t|can'?t|couldn'?t|wasn'?t|"
    r"weren'?t|didn'?t|haven'?t|hasn'?t)\b"
)
# "Why don't you idiots go elsewhere!": a demand in the form of a question, with or without "?".
_WHY_NOT = re.compile(
    r"\s*(?:(?:so|but|and|well|honestly|seriously|come on)[,\s]+)?why "
    r"(?:don'?t|doesn'?t|won'?t|can'?t|didn'?t)\b"
)
# A negator whose clause goes on to name other people with a demonstrative ("I can't listen to
# these idiots", "never trust those cowards") negates the verb, not the insult that follows;
# unless a copula or a verb of saying or thinking stands between ("no one should call these
# people idiots", "it isn't true that those women are ...").
_OUT_OF_SCOPE = re.compile(
    r"(?:(?!\b(?:is|are|was|were|be|being|been|am|'s|'re|think|thinks|thought|believe|believes|"
    r"say|says|said|saying|call|calls|called|calling|mean|means|meant|true|hate|hates)\b).)*?"
    r"\b(?:these|those|such)\s+(?:[\w*'-]+\s+){0,2}$"
)
# "Don't be such an idiot", "stop being a pussy": an order not to be what the order calls its
# addressee presupposes it, so the negator does not take the insult back. Only an order (the
# negator heads the clause) whose verb's complement is the insult: "refugees don't behave like
# animals" stays a denial, and "don't be afraid of the idiots" leaves the idiots to the rest.
_IMPERATIVE = re.compile(
    r"\s*(?:@\w+\s+)*(?:(?:please|just|oh|so|and|but|now|seriously|honestly|come on|mate|"
    r"dude|man|lol|ffs)[,!.\s]+)*(?:don'?t|do not|stop|quit)\s+(?:you\s+)?"
    r"(?:(?:be|being|acting|act|behaving|behave)(?:\s+like)?(?:\s+(?:such|so|an?|the|total|"
    r"complete|absolute|utter|bloody|fucking|massive|big|little))*\s*)?$"
)
# A statement about a group put forward only to be refuted (counter-speech): "it's untrue that
# ...", "claiming ... is a lie", "if you think ...". The frame must stand right before the match
# or right after it in the same sentence, and only statements about a group (kinds hate_phrase
# and group_abuse) are disputed: a slur or an insult is abuse whatever frames it ("if you
# believe that you are a ...").
_DISPUTED_BEFORE = re.compile(
    r"\b(?:claim(?:s|ed|ing)?(?: that)?|(?:untrue|not true|false|a lie|a myth|nonsense|rubbish) "
    r"that|(?:untrue|false|a lie|nonsense|rubbish|wrong|absurd|ridiculous|bigoted|racist|sexist|"
    r"offensive|hateful|unfair|cruel) to (?:say|claim|"
    r"suggest|pretend)(?: that)?|the (?:idea|notion|myth|lie|stereotype|trope|claim|smear) "
    r"that|if you (?:think|believe|say)(?: that)?|(?:anyone|people|those) who "
    r"(?:thinks?|says?|believes?)(?: that)?|pretend(?:s|ing)?(?: that)?) (?:\w+ ){0,2}$"
)
_DISPUTED_AFTER = re.compile(
    r"[^.!?\n]{0,12}?\b(?:is|are|was|were|'s) (?:simply |just |completely |totally |an? |the )?"
    r"(?:(?:racist |sexist |dangerous |vile |disgusting |old |tired )?(?:lies?|myths?|tropes?|"
    r"smears?)|untrue|false|nonsense|rubbish|bigotry|racism|sexism)\b"
)
_REPORTING = re.compile(
    r"\b(?:call(?:ed|ing|s)?|labell?(?:ed|ing)|brand(?:ed|ing)|dubb(?:ed|ing)|said|says|saying|"
    r"told|tell(?:s|ing)?|shout(?:ed|ing|s)?|yell(?:ed|ing|s)?|scream(?:ed|ing|s)?|wrote|"
    r"tweeted|posted|chant(?:ed|ing|s)?|the (?:word|term|slur|phrase)|words? like|terms? like|"
    r"slurs? like|such as|accused|alleged(?:ly)?|convicted|charged|jailed|referred to|"
    r"(?:like|love|want|try|tend|used?) to (?:say|claim|tell you)|would have (?:you|us) believe)\b"
)
# The reporting frame after the words it reports: '"... are vermin", said the leaflet'.
_REPORTED_AFTER = re.compile(
    r"[^.!?\n]{0,15}?[,\"']\s*(?:(?:he|she|they|someone|somebody|one|a \w+|the \w+|his \w+|her \w+|"
    r"their \w+|my \w+)\s+)?(?:said|says|wrote|writes|tweeted|posted|shouted|yelled|screamed|"
    r"chanted|claimed|claims)\b"
)


@dataclass(frozen=True, slots=True)
class _Entry:
    """One lexicon entry, compiled."""

    index: int
    category: str
    kind: str
    weight: float
    source: str
    targets: tuple[str, ...] = ()
    needs_target: bool = False
    targeted: bool = False
    also: tuple[tuple[str, float], ...] = ()
    safe: re.Pattern[str] | None = None
    pattern: re.Pattern[str] | None = None
    has_group: bool = False
    named: str | None = None  # the expanded pattern capturing its first {group} and {member}


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Everything ``load()`` compiles from the YAML."""

    version: int
    entries: tuple[_Entry, ...]
    literal_re: re.Pattern[str] | None
    literal_index: Mapping[str, _Entry]
    pattern_res: tuple[re.Pattern[str], ...]
    group_targets: Mapping[str, str]
    masked: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    pattern_words: frozenset[str] = frozenset()  # words of six letters or more in patterns
    swapped: Mapping[str, str] = field(default_factory=dict)  # "vremin" -> "vermin"
    dropped: Mapping[str, str] = field(default_factory=dict)  # "mslims" -> "muslims"

    def keep(self, word: str) -> bool:
        """Words the lexicon knows whole ("dickhead", "libtard", "urself" in a pattern) are
        never split into two."""
        return word in self.pattern_words or _key(word) in self.literal_index

    def respell(self, word: str) -> str | None:
        """The lexicon word ``word`` is with two neighbouring letters swapped or one letter
        dropped, if any."""
        return self.swapped.get(word) or self.dropped.get(word)

    def unmask(self, word: str) -> str | None:
        """The lexicon word a masked word stands for ("c**t"), when exactly one fits."""
        letters = len(word) - word.count("*")
        if letters < 2 or letters < word.count("*"):
            return None
        for candidate in self.masked.get(len(word), ()):
            if all(w == "*" or w == c for w, c in zip(word, candidate, strict=True)):
                return candidate
        return None


@dataclass(frozen=True, slots=True)
class _Hit:
    """One scored contribution of a match to a category."""

    category: str
    score: float
    entry: _Entry
    start: int
    end: int
    targets: tuple[str, ...]
    why: str


class LexiconDetector:
    """Weighted-lexicon detector for abusive text; see the module docstring for the rules."""

    name: ClassVar[str] = "dignity.lexicon.v1"
    categories: ClassVar[frozenset[str]] = frozenset(CATEGORIES)

    def __init__(self, *, lexicon_path: str | None = None) -> None:
        self.lexicon_path = lexicon_path
        self._lexicon: _Lexicon | None = None

    def __repr__(self) -> str:
        return f"LexiconDetector(lexicon_path={self.lexicon_path!r})"

    def load(self) -> None:
        """Read and compile the lexicon; idempotent."""
        if self._lexicon is None:
            self._lexicon = _compile(_read(self.lexicon_path), self._source())

    def detect(self, message: Message) -> tuple[Finding, ...]:
        """Findings for ``message``, one per category that scores at least 0.05."""
        if self._lexicon is None:
            self.load()
        assert self._lexicon is not None
        return _detect(self._lexicon, message.text, self.name)

    def homonyms(self, text: str, kinds: Collection[str] = ("slur",)) -> frozenset[str]:
        """The words of entries of ``kinds`` in ``text`` (normalised, as matched) that read as
        homonyms or reclaimed uses: slurs that name no group ("a bundle of faggots on the
        bonfire", "Pikeys Lane"), sexual terms that are not sexual ("my pussy cat")."""
        if self._lexicon is None:
            self.load()
        assert self._lexicon is not None
        norm, matches = _matches(self._lexicon, text)
        return frozenset(
            norm.text[start:end]
            for entry, start, end, _ in matches
            if entry.kind in kinds and _homonym(norm, entry, start, end)
        )

    def _source(self) -> str:
        return self.lexicon_path or "dignity/detectors/text/lexicon.yaml"


# --------------------------------------------------------------------------- loading


def _read(path: str | None) -> Any:
    try:
        if path is None:
            raw = (
                resources.files("dignity.detectors.text")
                .joinpath("lexicon.yaml")
                .read_text(encoding="utf-8")
            )
        else:
            raw = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DetectorLoadError(
            f"cannot read the lexicon {path or 'lexicon.yaml'}: {exc}; "
            "check the lexicon_path option points at a readable YAML file"
        ) from exc
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(raw, Loader=loader)  # a safe loader: CSafeLoader or SafeLoader
    except yaml.YAMLError as exc:
        raise DetectorLoadError(
            f"the lexicon {path or 'lexicon.yaml'} is not valid YAML: {exc}"
        ) from exc


def _fail(source: str, where: str, problem: str) -> DetectorLoadError:
    return DetectorLoadError(f"lexicon {source}, {where}: {problem}")


def _key(term: str) -> str:
    """Lookup key of a literal: separators dropped, repeated letters collapsed."""
    return _RUNS.sub(r"\1", _SEPARATORS.sub("", term))


def _compile(data: Any, source: str) -> _Lexicon:
    if not isinstance(data, dict) or not isinstance(data.get("entries"), dict):
        raise _fail(source, "top level", "expected a mapping with an 'entries' mapping")
    version = data.get("version", 1)
    if not isinstance(version, int):
        raise _fail(source, "version", f"expected an integer, found {version!r}")

    group_targets: dict[str, str] = {}
    section_words: dict[str, list[str]] = {"groups": [], "members": []}
    for section in section_words:
        words_by_target = data.get(section) or {}
        if not isinstance(words_by_target, dict):
            raise _fail(source, section, "expected a mapping of characteristic -> list of words")
        for target, words in words_by_target.items():
            if target not in TARGETS:
                raise _fail(
                    source, f"{section}.{target}", f"unknown characteristic; use one of {TARGETS}"
                )
            if not isinstance(words, list):
                raise _fail(source, f"{section}.{target}", f"expected a list, found {words!r}")
            for word in words:
                lowered = str(word).lower()
                group_targets[_key(lowered)] = target
                section_words[section].append(lowered)
    group_words, member_words = section_words["groups"], section_words["members"]
    derogation_words = [str(d).lower() for d in data.get("derogations") or ()]
    party_words = [str(p).lower() for p in data.get("parties") or ()]
    faction_words = [str(f).lower() for f in data.get("factions") or ()]
    # a placeholder whose list is empty matches nothing, not the empty string
    groups_re = _trie_source(group_words) or _NOTHING
    members_re = _trie_source(member_words) or _NOTHING
    factions_re = _trie_source(faction_words) or _NOTHING
    derogations_re = _trie_source(derogation_words) or _NOTHING
    parties_re = _trie_source(party_words) or _NOTHING
    fragments = _fragments(data.get("fragments"), source)

    built_in = (groups_re, factions_re, derogations_re, parties_re, members_re)
    placeholders = {**dict(zip(_BUILT_IN_PLACEHOLDERS, built_in, strict=True)), **fragments}

    def expand(pattern: str, *, name_group: bool = False) -> str:
        """A pattern with its placeholders replaced; ``name_group`` captures the first {group}
        and the first {member}, as the named groups ``group`` and ``member``."""
        if name_group:
            pattern = pattern.replace("{group}", f"(?P<group>{groups_re})", 1)
            pattern = pattern.replace("{member}", f"(?P<member>{members_re})", 1)
        for name, replacement in placeholders.items():
            pattern = pattern.replace(f"{{{name}}}", f"(?:{replacement})")
        return pattern

    entries: list[_Entry] = []
    literal_index: dict[str, _Entry] = {}
    literals: list[tuple[str, str]] = []  # (variant, key) in lexicon order
    pattern_parts: dict[str, list[str]] = {c: [] for c in CATEGORIES}

    for category, items in data["entries"].items():
        if category not in CATEGORIES:
            raise _fail(source, f"entries.{category}", f"unknown category; use one of {CATEGORIES}")
        for position, item in enumerate(items or ()):
            where = f"entries.{category}[{position}]"
            entry, terms = _entry(item, category, len(entries), where, source, expand)
            entries.append(entry)
            if entry.pattern is not None:
                expanded = expand(entry.source)
                unknown = _PLACEHOLDER.search(expanded)
                if unknown is not None:
                    raise _fail(source, where, f"unknown placeholder {unknown.group()}")
                pattern_parts[category].append(f"(?:{expanded})(?P<e{entry.index}>)")
                continue
            explicit = [t.lower() for t in terms]
            plural = item.get("plural")
            for term in explicit:
                key = _key(term)
                if key in literal_index:
                    raise _fail(source, where, f"term {term!r} duplicates an earlier term")
                literal_index[key] = entry
                literals.append((term, key))
            for term in explicit:
                wants_plural = plural if plural is not None else entry.kind in _KINDS_WITH_PLURAL
                if wants_plural and " " not in term and not term.endswith("s"):
                    key = _key(term + "s")
                    if key not in literal_index:
                        literal_index[key] = entry
                        literals.append((term + "s", key))
            if entry.pattern is None and not terms:
                raise _fail(source, where, "needs a term, terms or pattern")

    literal_re = None
    if literals:
        literal_re = re.compile(f"{_WB}(?:{_trie_source(v for v, _ in literals)}){_WE}")
    pattern_res = tuple(
        re.compile(f"{_WB}(?:{'|'.join(parts)}){_PATTERN_END}")
        for parts in pattern_parts.values()
        if parts
    )
    masked: dict[int, list[str]] = {}
    by_weight = sorted(
        ((v, literal_index[k].weight) for v, k in literals if v.isalpha()),
        key=lambda vw: -vw[1],
    )
    for variant, _ in by_weight:
        masked.setdefault(len(variant), []).append(variant)
    # group nouns come last: "n*ggas are subhuman" names its group as plainly as "niggas"
    for word in group_words:
        if word.isalpha() and word not in masked.get(len(word), ()):
            masked.setdefault(len(word), []).append(word)
    # each {group} entry's own pattern, compiled on its first match, names the characteristic
    entries = [
        replace(entry, named=expand(entry.source, name_group=True)) if entry.has_group else entry
        for entry in entries
    ]
    pattern_words = frozenset(
        w
        for source_text in (
            *(e.source for e in entries if e.pattern is not None),
            *fragments.values(),
        )
        for w in re.findall("[a-z]{6,}", source_text)
    )
    known = [
        *(v for v, _ in literals),
        *pattern_words,
        *group_words,
        *derogation_words,
        *party_words,
        *faction_words,  # "trads" is a faction, not "tards" with two letters swapped
    ]
    return _Lexicon(
        version=version,
        entries=tuple(entries),
        literal_re=literal_re,
        literal_index=literal_index,
        pattern_res=pattern_res,
        group_targets=group_targets,
        masked={n: tuple(vs) for n, vs in masked.items()},
        pattern_words=pattern_words,
        swapped=_swapped(known),
        dropped=_dropped(known),
    )


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_BUILT_IN_PLACEHOLDERS = ("group", "faction", "derogation", "party", "member")
_GROUP_PLACEHOLDER = re.compile(r"\{(?:group|member)\}")
_BUILT_IN_PLACEHOLDER = re.compile(r"\{(?:" + "|".join(_BUILT_IN_PLACEHOLDERS) + r")\}")
_NOTHING = "(?!)"


def _fragments(raw: Any, source: str) -> dict[str, str]:
    """The lexicon's named pattern fragments, each a valid regex without capturing groups."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _fail(source, "fragments", "expected a mapping of name -> regular expression")
    fragments: dict[str, str] = {}
    for name, fragment in raw.items():
        where = f"fragments.{name}"
        if not isinstance(name, str) or re.fullmatch("[a-z_]+", name) is None:
            raise _fail(source, where, "a fragment's name is lower-case letters and underscores")
        if name in _BUILT_IN_PLACEHOLDERS:
            raise _fail(source, where, f"{{{name}}} is a built-in placeholder; choose another name")
        try:
            compiled = re.compile(str(fragment))
        except re.error as exc:
            raise _fail(source, where, f"not a valid regex: {exc}") from exc
        if compiled.groups:
            raise _fail(source, where, "use non-capturing groups (?:...) in fragments")
        fragments[name] = str(fragment)
    return fragments


def _dropped(words: Iterable[str]) -> dict[str, str]:
    """Each known word of six letters or more with one inner letter dropped ("mslims" ->
    "muslims"), leaving out spellings that are known words or could hide either of two.

    Shorter words are left alone: their slips are too often a name or another word ("nige",
    Nigel, is one letter from a slur).
    """
    return respellings(words, lambda word: drops(word) if len(word) >= 6 else ())


def _swapped(words: Iterable[str]) -> dict[str, str]:
    """Each known word of five letters or more under every swap of two neighbouring letters
    ("vremin" -> "vermin"), leaving out spellings that are known words themselves or could
    hide either of two. English words among them are left alone by the normaliser."""
    return respellings(words, swaps)


@functools.cache
def _named_pattern(source: str) -> re.Pattern[str]:
    """An entry's own pattern with its first {group} and {member} captured, compiled once, when
    first needed (compiling every one up front cost each process half a second at start-up)."""
    return re.compile(source)


def _entry(
    item: Any, category: str, index: int, where: str, source: str, expand: Callable[[str], str]
) -> tuple[_Entry, list[str]]:
    if not isinstance(item, dict):
        raise _fail(source, where, f"expected a mapping, found {item!r}")
    unknown = set(item) - {
        "term",
        "terms",
        "pattern",
        "weight",
        "kind",
        "targets",
        "needs_target",
        "targeted",
        "also",
        "safe_contexts",
        "plural",
    }
    if unknown:
        raise _fail(source, where, f"unknown field(s) {sorted(unknown)}")
    weight = item.get("weight")
    if not isinstance(weight, int | float) or not 0.0 <= float(weight) <= 1.0:
        raise _fail(source, where, f"weight must be a number in [0, 1], found {weight!r}")
    kind = item.get("kind")
    if not isinstance(kind, str) or not kind:
        raise _fail(source, where, "kind must be a short label such as insult or slur")
    targets = tuple(item.get("targets") or ())
    bad = [t for t in targets if t not in TARGETS]
    if bad:
        raise _fail(source, where, f"unknown target(s) {bad}; use {TARGETS}")
    also: list[tuple[str, float]] = []
    for cat, w in (item.get("also") or {}).items():
        if cat not in CATEGORIES or not isinstance(w, int | float) or not 0 <= w <= 1:
            raise _fail(source, where, f"also: {cat}: {w!r} needs a known category and [0, 1]")
        also.append((cat, float(w)))
    safe = None
    if item.get("safe_contexts"):
        contexts = [expand(str(s)) for s in item["safe_contexts"]]
        unknown_placeholder = next(filter(None, map(_PLACEHOLDER.search, contexts)), None)
        if unknown_placeholder is not None:
            raise _fail(source, where, f"unknown placeholder {unknown_placeholder.group()}")
        try:
            safe = re.compile("|".join(f"(?:{s})" for s in contexts))
        except re.error as exc:
            raise _fail(source, where, f"safe_contexts is not a valid regex: {exc}") from exc
    terms: list[str] = []
    if "term" in item:
        terms.append(str(item["term"]))
    terms.extend(str(t) for t in item.get("terms") or ())
    pattern_src = item.get("pattern")
    pattern = None
    if pattern_src is not None:
        if terms:
            raise _fail(source, where, "give either term(s) or a pattern, not both")
        try:
            pattern = re.compile(_BUILT_IN_PLACEHOLDER.sub("x", str(pattern_src)))
        except re.error as exc:
            raise _fail(source, where, f"pattern is not a valid regex: {exc}") from exc
        if pattern.groups:
            raise _fail(source, where, "use non-capturing groups (?:...) in patterns")
    entry = _Entry(
        index=index,
        category=category,
        kind=kind,
        weight=float(weight),
        source=str(pattern_src) if pattern_src is not None else (terms[0] if terms else ""),
        targets=targets,
        needs_target=bool(item.get("needs_target", kind == "insult")),
        targeted=bool(item.get("targeted", False)),
        also=tuple(also),
        safe=safe,
        pattern=pattern,
        has_group=pattern_src is not None
        and _GROUP_PLACEHOLDER.search(str(pattern_src)) is not None,
    )
    return entry, terms


def _units(term: str) -> list[tuple[str, int]]:
    """A term as runs: (letter, count), or (" ", 0) for a separator, ("'", 0) for an apostrophe."""
    units: list[tuple[str, int]] = []
    for ch in term:
        if ch in " -":
            if not units or units[-1] != (" ", 0):
                units.append((" ", 0))
        elif ch == "'":
            units.append(("'", 0))
        elif units and units[-1][0] == ch and units[-1][1] > 0:
            units[-1] = (ch, units[-1][1] + 1)
        else:
            units.append((ch, 1))
    return units


def _trie_source(terms: Iterable[str]) -> str:
    """A regex source matching any of ``terms``, factored as a trie so that it runs fast."""
    root: dict[tuple[str, int], Any] = {}
    for term in terms:
        node = root
        for unit in _units(term):
            node = node.setdefault(unit, {})
        node[("", -1)] = {}  # end marker

    def unit_re(unit: tuple[str, int]) -> str:
        ch, count = unit
        if ch == " ":
            return r"[\s\-]{0,2}"
        if ch == "'":
            return "'?"
        esc = re.escape(ch)
        return esc * count + esc + "*+"

    def emit(node: dict[tuple[str, int], Any]) -> str:
        ends = ("", -1) in node
        children = sorted((u for u in node if u != ("", -1)), key=lambda u: (u[0], -u[1]))
        alts = [unit_re(u) + emit(node[u]) for u in children]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return emit(root)


# --------------------------------------------------------------------------- detection


class _Context:
    """Lazily computed facts about one message that several matches share."""

    __slots__ = ("_quotes", "_reported", "_stance", "norm", "text")

    def __init__(self, norm: Normalised) -> None:
        self.norm = norm
        self.text = norm.text
        self._quotes: tuple[list[int], list[int]] | None = None
        self._stance: Stance | None = None
        self._reported: list[tuple[int, int]] | None = None

    def quoted(self, start: int, end: int) -> bool:
        if self._quotes is None:
            starts: list[int] = []
            ends: list[int] = []
            for m in QUOTATION.finditer(self.text):
                starts.append(m.start())
                ends.append(m.end())
            self._quotes = (starts, ends)
        starts, ends = self._quotes
        i = bisect.bisect_right(starts, start) - 1
        return i >= 0 and ends[i] >= end

    def quoted_before(self, start: int, pre: str) -> bool:
        """Whether a quotation closes between the start of ``pre`` and ``start``."""
        self.quoted(start, start)
        assert self._quotes is not None
        starts, ends = self._quotes
        i = bisect.bisect_right(starts, start) - 1
        return i >= 0 and start - len(pre) <= ends[i] <= start

    def condemns(self, start: int, end: int) -> bool:
        """Whether the rest of the text condemns, and does not endorse, the match at
        ``start:end`` (the match's own words, "disgusting" say, do not count)."""
        return self.stance().condemns_beside(start, end)

    def received(self, start: int, end: int) -> bool:
        """Whether the match lies in someone else's words that the text says were aimed at its
        writer ("he called me a ...", 'I keep getting messages like "..."'). Read clause by
        clause (:func:`~dignity.detectors.text.counter_speech.reported`), so that "you called
        me a liar, you idiot" keeps its idiot."""
        if self._reported is None:
            self._reported = reported(self.text) if len(self.text) <= LONGEST else []
        if not any(a <= start and end <= b for a, b in self._reported):
            return False
        return self.stance().received_apart_from([(start, end)])

    def stance(self) -> Stance:
        """Where the text condemns, endorses and says it received words, found once."""
        if self._stance is None:
            self._stance = Stance(self.text)
        return self._stance

    def sentence_before(self, start: int) -> str:
        window = self.text[max(0, start - 100) : start]
        cut = 0
        for m in _SENTENCE_BREAK.finditer(window):
            cut = m.end()
        return window[cut:]

    def ends_in_question(self, end: int) -> bool:
        """Whether the sentence running on from ``end`` closes with a question mark."""
        m = _SENTENCE_BREAK.search(self.text, end, end + 200)
        return m is not None and m.group() == "?"

    def sentence_after(self, end: int) -> str:
        window = self.text[end : end + 60]
        m = _SENTENCE_BREAK.search(window)
        return window[: m.start()] if m else window

    def is_capitalised(self, index: int) -> bool:
        original = self.norm.original
        pos = self.norm.original_index(index)
        return pos < len(original) and original[pos].isupper()


def _targeting(ctx: _Context, start: int, end: int) -> tuple[float, str]:
    """How clearly the match at [start, end) is aimed at a person, and a word for why."""
    post = ctx.sentence_after(end)
    if _POST_THING.match(post):
        return _AT_THING, "thing"
    pre = ctx.sentence_before(start)
    if _GERUND_SUBJECT.search(pre) and ctx.quoted_before(start, pre):
        return _AT_THING, "thing"
    if _VOCATIVE.search(pre):
        return _AT_YOU, "person"
    best: tuple[int, float, str] | None = None
    for m in _CUES.finditer(pre):
        kind = m.lastgroup or "thing"
        if kind in ("you", "mention"):
            best = (m.start(), _AT_YOU, "person")
        elif kind in ("third", "person"):
            best = (m.start(), _AT_PERSON, "person")
        elif kind == "self":
            best = (m.start(), _AT_SELF, "self")
        elif kind == "us":
            best = (m.start(), _AT_GROUP_SELF, "self")
        elif m.group() in _DEMONSTRATIVE and _DETERMINER_BEFORE.search(pre[m.start() :]):
            best = (m.start(), _AT_DETERMINED, "person")
        else:
            best = (m.start(), _AT_THING, "thing")
    offset = start - len(pre)
    for m in _NAME_BEFORE.finditer(pre):
        word = m.group(1)
        capitalised = word not in _NOT_NAMES and ctx.is_capitalised(offset + m.start(1))
        if capitalised and (best is None or m.start() >= best[0]):
            best = (m.start(), _AT_NAME, "person")
    if best is not None:
        return best[1], best[2]
    if _POST_PERSON.match(post):
        return _AT_PERSON, "person"
    m2 = _NAME_AFTER.match(post)
    if m2 and m2.group(1) not in _NOT_NAMES and ctx.is_capitalised(end + m2.start(1)):
        return _AT_NAME, "person"
    if _REPLY_ALONE.search(pre) and _POST_END.match(post):
        return _AT_REPLY, "person"
    if _SENTENCE_OPENING.match(pre) and _ADDRESS_AFTER.match(post):
        return _AT_PERSON, "person"
    return _AT_NOBODY_CLEAR, "unclear"


def _clause_before(pre: str) -> str:
    cut = 0
    for m in _CLAUSE_BREAK.finditer(pre):
        cut = m.end()
    return pre[cut:][-45:]


def _negated(ctx: _Context, pre: str, end: int) -> bool:
    """Whether a negator in the clause before a match has the match in its scope.

    A negative yes/no question opening the sentence asserts rather than denies ("Wouldn't we be
    better off without ...?", "Don't you think ... are inferior?"), and "why don't you ..."
    demands, and so does "don't be such an idiot": none is a negation.
    """
    clause = _clause_before(pre)
    negators = list(_NEGATION.finditer(clause))
    if not negators or _OUT_OF_SCOPE.match(clause, negators[-1].end()) is not None:
        return False
    if len(negators) == 1 and _IMPERATIVE.match(clause) is not None:
        return False
    if len(_NEGATION.findall(pre)) != 1:
        return True
    if _WHY_NOT.match(pre) is not None:
        return False
    return _NEGATIVE_QUESTION.match(pre) is None or not ctx.ends_in_question(end)


def _own_context(text: str, start: int, end: int, reach: int = 40) -> str:
    """About ``reach`` characters either side of the match at [start, end), stopping short of
    another use of the same word, so that one harmless use does not excuse another ("you fag,
    have a fag break": the break belongs to the second)."""
    word = text[start:end]
    lo, hi = max(0, start - reach), end + reach
    before = text.rfind(word, lo, start)
    if before != -1:
        lo = before + len(word)
    after = text.find(word, end, hi)
    if after != -1:
        hi = after
    return text[lo:hi]


def _homonym(norm: Normalised, entry: _Entry, start: int, end: int) -> bool:
    """Whether the match reads as a harmless homonym or reclaimed use: one of the entry's
    ``safe_contexts`` near it, or, for a slur, a capitalised place name ("Pikeys Lane")."""
    text = norm.text
    if entry.safe is not None and entry.safe.search(_own_context(text, start, end)):
        return True
    return (
        entry.kind == "slur"
        and _PLACE_AFTER.match(text, end) is not None
        and norm.original[norm.original_index(start)].isupper()
    )


def _score_match(
    ctx: _Context,
    entry: _Entry,
    start: int,
    end: int,
    targets: tuple[str, ...],
    out: list[_Hit],
) -> None:
    text = ctx.text
    pre = ctx.sentence_before(start)
    modifiers: list[str] = []
    common = 1.0
    if _homonym(ctx.norm, entry, start, end):
        common *= _SAFE_CONTEXT
        modifiers.append("safe")
    in_quotes = ctx.quoted(start, end)
    reported = (
        _REPORTING.search(pre[-60:]) is not None
        or _REPORTED_AFTER.match(text, end, end + 80) is not None
    )
    if in_quotes or reported:
        if ctx.received(start, end):
            common *= _QUOTED_CONDEMNED if in_quotes else _REPORTED_CONDEMNED
            modifiers.append("received")
        elif ctx.condemns(start, end):
            common *= _QUOTED_CONDEMNED if in_quotes else _REPORTED_CONDEMNED
            modifiers.append("condemned")
        else:
            common *= _QUOTED if in_quotes else _REPORTED
            modifiers.append("quoted" if in_quotes else "reported")
    negated = entry.kind != "slur" and _negated(ctx, pre, end)
    disputed = (
        not negated
        and entry.kind in _STATEMENT_KINDS
        and (
            _DISPUTED_BEFORE.search(pre[-80:]) is not None
            or _DISPUTED_AFTER.match(text, end, end + 80) is not None
        )
    )

    contributions = [(entry.category, entry.weight), *entry.also]
    target_factor: tuple[float, str] | None = None
    for category, weight in contributions:
        factor = common
        why = modifiers[:]
        if category != PROFANITY and negated:
            factor *= _NEGATED
            why.append("negated")
        elif category != PROFANITY and disputed:
            factor *= _NEGATED
            why.append("disputed")
        aimed = category == PERSONAL_ATTACK and not entry.targeted
        if category != PROFANITY and (aimed or (entry.needs_target and not entry.targeted)):
            if target_factor is None:
                target_factor = _targeting(ctx, start, end)
            factor *= target_factor[0]
            why.append(target_factor[1])
        elif entry.targeted and category != PROFANITY:
            why.append("person")
        score = weight * factor
        if score > 0.0:
            cat_targets = targets if category == IDENTITY_ATTACK else ()
            out.append(_Hit(category, score, entry, start, end, cat_targets, " ".join(why)))


_Match = tuple[_Entry, int, int, tuple[str, ...]]


def _detect(lexicon: _Lexicon, text: str, detector: str) -> tuple[Finding, ...]:
    norm, matches = _matches(lexicon, text)
    if not matches:
        return ()
    ctx = _Context(norm)
    hits: list[_Hit] = []
    for entry, start, end, targets in matches:
        _score_match(ctx, entry, start, end, targets, hits)
        if entry.has_group and entry.category != IDENTITY_ATTACK:
            _score_match(ctx, _as_identity(entry), start, end, targets or entry.targets, hits)
    return _findings(norm, hits, detector)


def _matches(lexicon: _Lexicon, text: str) -> tuple[Normalised, list[_Match]]:
    """The normalised text and every entry matched in it (entry, start, end, targets)."""
    norm = normalise(text, lexicon.unmask, lexicon.keep, lexicon.respell)
    if not text or (lexicon.literal_re is None and not lexicon.pattern_res):
        return norm, []
    t = norm.text
    matches: list[_Match] = []
    if lexicon.literal_re is not None:
        for m in lexicon.literal_re.finditer(t):
            entry = lexicon.literal_index.get(_key(m.group()))
            if entry is not None and m.end() > m.start():
                matches.append((entry, m.start(), m.end(), entry.targets))
    for rx in lexicon.pattern_res:
        for m in rx.finditer(t):
            if m.lastgroup is None or m.end() == m.start():  # pragma: no cover - defensive
                continue
            entry = lexicon.entries[int(m.lastgroup[1:])]
            targets = entry.targets
            if entry.named is not None:
                own = _named_pattern(entry.named).fullmatch(t, m.start(), m.end())
                named = own and next((w for w in own.groupdict().values() if w), None)
                if named:
                    found = lexicon.group_targets.get(_key(named))
                    if found is not None:
                        targets = (found,)
            matches.append((entry, m.start(), m.end(), targets))
    return norm, matches


def _as_identity(entry: _Entry) -> _Entry:
    return _Entry(
        index=entry.index,
        category=IDENTITY_ATTACK,
        kind="hate_phrase",
        weight=entry.weight,
        source=entry.source,
        targets=entry.targets,
        needs_target=False,
        targeted=True,
    )


def _findings(norm: Normalised, hits: Sequence[_Hit], detector: str) -> tuple[Finding, ...]:
    original = norm.original
    findings: list[Finding] = []
    for category in CATEGORIES:
        mine = sorted((h for h in hits if h.category == category), key=lambda h: (h.start, h.end))
        if not mine:
            continue
        # overlapping matches of one category count once, at their strongest
        clusters: list[list[_Hit]] = []
        cluster_end = -1
        for hit in mine:
            if clusters and hit.start < cluster_end:
                clusters[-1].append(hit)
                cluster_end = max(cluster_end, hit.end)
            else:
                clusters.append([hit])
                cluster_end = hit.end
        strongest = [max(c, key=lambda h: (h.score, -h.start)) for c in clusters]
        score = 1.0 - math.prod(1.0 - h.score for h in strongest)
        score = round(min(1.0, max(0.0, score)), 4)
        if score < MIN_SCORE:
            continue
        lead = max(strongest, key=lambda h: (h.score, -h.start))
        spans: list[Span] = []
        seen: set[tuple[int, int]] = set()
        for hit in mine:
            if hit.score < _SPAN_FLOOR and hit is not lead:
                continue
            os_, oe = norm.original_span(hit.start, hit.end)
            if (os_, oe) not in seen and oe > os_:
                seen.add((os_, oe))
                spans.append(Span.of(original, os_, oe))
        spans.sort(key=lambda s: (s.start, s.end))
        targets: tuple[str, ...] = ()
        if category == IDENTITY_ATTACK:
            found = {t for h in mine for t in h.targets}
            targets = tuple(t for t in TARGETS if t in found)
        words = _quote_words(s.quote for s in spans)
        findings.append(
            Finding(
                category=category,
                score=score,
                detector=detector,
                label=lead.entry.kind,
                rationale=_rationale(category, lead, words, targets),
                spans=tuple(spans),
                targets=targets,
            )
        )
    return tuple(findings)


def _quote_words(quotes: Iterable[str]) -> str:
    distinct: list[str] = []
    for q in quotes:
        q = " ".join(q.split())
        if len(q) > 40:
            q = q[:37] + "..."
        if q not in distinct:
            distinct.append(q)
    shown = ", ".join(f'"{q}"' for q in distinct[:4])
    return shown + (f" and {len(distinct) - 4} more" if len(distinct) > 4 else "")


def _rationale(category: str, lead: _Hit, words: str, targets: tuple[str, ...]) -> str:
    why = lead.why.split()
    kind = lead.entry.kind
    what = " and ".join(t.replace("_", " ") for t in targets) or "a protected characteristic"
    if category == PERSONAL_ATTACK:
        if "thing" in why:
            text = (
                f"Uses {words} about a policy, decision or idea rather than a person; "
                "criticism of views is allowed."
            )
        elif "self" in why:
            text = f"Uses {words} about the writer themselves."
        elif "unclear" in why:
            text = f"Uses {words}, an insult, but it is not clearly aimed at a person."
        elif kind == "slur":
            text = f"Uses the slur {words} against a person."
        elif kind in ("insult", "hate_phrase"):
            text = f"Calls a person {words} — an insult aimed at the person, not their views."
        elif kind == "group_abuse":
            text = (
                f"Says {words} — abuse of the people who hold a political view, not criticism "
                "of the view; criticise the policy, not the people."
            )
        else:
            text = f"Says {words} to a person — abuse aimed at them, not at their views."
    elif category == IDENTITY_ATTACK:
        if kind == "slur":
            text = f"Uses {words}, a slur against people because of their {what}."
        elif lead.entry.category == PERSONAL_ATTACK:
            text = f"Uses {words}, an insult that demeans people because of their {what}."
        else:
            text = f"Hateful language about people because of their {what}: {words}."
    elif category == THREAT:
        if kind == "incitement":
            text = f"Incites violence: {words}."
        else:
            text = f"Threatening or intimidating language: {words}."
    elif category == SEXUAL:
        text = f"Sexualised language about a person: {words}."
    elif category == PROFANITY:
        text = f"Swearing ({words}); noted for information, swearing alone is not a breach."
    else:
        text = (
            f"Derogatory label for other members' positions: {words}; "
            "describe the position rather than label the people who hold it."
        )
    notes = {
        "condemned": " It is quoted or reported in order to condemn it, so the score is reduced.",
        "received": " It is what someone else said to the writer, shared, so the score is reduced.",
        "quoted": " It is in quotation marks, so the score is reduced.",
        "reported": " It reports what someone said, so the score is reduced.",
        "negated": " It is negated, so the score is reduced.",
        "disputed": " It is put forward to be refuted, so the score is reduced.",
        "safe": " The words read harmlessly here (a homonym, a reclaimed use, a game).",
    }
    return text + "".join(note for key, note in notes.items() if key in why)
