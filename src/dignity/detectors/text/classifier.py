"""The trained text classifier: abuse, hate, threats, sexual language and swearing.

``dignity.text.v1`` scores five categories with one calibrated linear model each over tf-idf
word 1-3-grams and within-word character 2-5-grams of a de-obfuscated text (see
:mod:`dignity.detectors.text.featurise`). Because the model is linear, every feature's share of
a score is its tf-idf weight times its coefficient; summing those shares per word shows which
words carry a category, and the normaliser's offsets map them back to the original text.

The artefacts (``vocab.json``, ``weights.npz``, ``meta.json``) live in
``dignity/models/text-v1`` and are plain JSON and NumPy arrays (no pickle). They are read by
``load()``, never at import or construction.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from dignity.detectors.text.counter_speech import counters
from dignity.detectors.text.featurise import (
    CHAR_NGRAMS,
    WORD_NGRAMS,
    Token,
    counts,
    normalise,
)
from dignity.detectors.text.normalise import typos
from dignity.errors import DetectorError
from dignity.model import Finding, Message, Span

CATEGORIES: tuple[str, ...] = (
    "personal_attack",
    "identity_attack",
    "threat",
    "sexual",
    "profanity",
)
MIN_SCORE = 0.05
"""Findings below this score are not reported."""

WINDOW = 64
"""Longer texts are scored in windows of this many words, each overlapping the last by half,
keeping the worst: the model learnt from texts of tweet length, and over a whole long post its
normalised word weights thin out one abusive sentence. A tweet (at most about 60 words) is read
whole, as before. With the transformer's sentence runs (its ``CHUNK_FROM``), ConvAbuse and
HateXplain test texts set among three civil political tweets (``python -m
dignity.training.bar``) went from AUPRC .798 (windows of 160) to .809; unpadded they stay at
.852-.853."""

RUN_WORDS = 24
"""A text longer than :data:`WINDOW` is also read in runs of whole sentences of up to this many
words: in a window of 64 words one abusive sentence still shares the tf-idf weight with dozens of
others. With these runs, dev texts of ConvAbuse and HateXplain set among three civil political
tweets went from AUPRC .798 to .804 (bare: .849), and abusive ones the fast models scored under
the transformer's band from 4.7% to 1.7%; the political dev tweets, read whole, do not move.
Starting the runs at 48 words instead flagged one more civil tweet for .0005 more."""
MAX_RUNS = 64
"""Runs read of one text, from its start (about 1,500 words): past there its windows read it
alone: a megabyte of sentences took 4.6 s to explain against 4.1 s for its windows alone
and 6.0 s with every run read."""
_SENTENCE_END = re.compile(r"[.!?\n]")

CHAR_CACHE_WORDS = 50_000
"""Words whose character n-gram ids a loaded model remembers (the cache empties when full)."""
CHAR_CACHE_LONGEST = 40
"""Longer words are looked up every time: a 100,000-letter "word" would pin megabytes."""

_LABELS = {
    "personal_attack": "insult",
    "identity_attack": "hate",
    "threat": "threat",
    "sexual": "sexualised_language",
    "profanity": "swearing",
}
_DESCRIPTIONS = {
    "personal_attack": "reads as a personal attack",
    "identity_attack": "reads as an attack on people for who they are",
    "threat": "reads as a threat or incitement to harm",
    "sexual": "reads as sexualised language about a person",
    "profanity": "contains swearing",
}

# Words that name a protected characteristic, for a finding's ``targets``.
_TARGET_WORDS: dict[str, tuple[str, ...]] = {
    "gender": (
        "woman",
        "women",
        "girl",
        "girls",
        "female",
        "females",
        "feminist",
        "feminists",
        "she",
        "her",
        "wife",
        "wives",
        "mother",
        "mothers",
        "lady",
        "ladies",
        "bitch",
        "bitches",
        "slut",
        "sluts",
        "whore",
        "whores",
        "men",
        "man",
        "males",
    ),
    "race": (
        "black",
        "blacks",
        "white",
        "whites",
        "asian",
        "asians",
        "immigrant",
        "immigrants",
        "migrant",
        "migrants",
        "refugee",
        "refugees",
        "african",
        "africans",
        "arab",
        "arabs",
        "pakistani",
        "pakistanis",
        "paki",
        "pakis",
        "indian",
        "indians",
        "chinese",
        "mexican",
        "mexicans",
        "jew",
        "jews",
        "gypsy",
        "gypsies",
        "traveller",
        "travellers",
        "polish",
        "romanian",
        "romanians",
        "foreigner",
        "foreigners",
        "nigger",
        "niggers",
        "nigga",
        "niggas",
        "negro",
        "negroes",
        "race",
        "racial",
        "illegals",
        "alien",
        "aliens",
        "rapefugee",
        "rapefugees",
        "mixed-race",
        "coon",
        "coons",
        "spic",
        "spics",
        "chink",
        "chinks",
    ),
    "religion": (
        "muslim",
        "muslims",
        "islam",
        "islamic",
        "jewish",
        "jews",
        "jew",
        "christian",
        "christians",
        "hindu",
        "hindus",
        "sikh",
        "sikhs",
        "catholic",
        "catholics",
        "mosque",
        "mosques",
        "synagogue",
        "synagogues",
        "church",
        "churches",
        "moslem",
        "moslems",
        "kike",
        "kikes",
    ),
    "age": (
        "old",
        "elderly",
        "pensioner",
        "pensioners",
        "boomer",
        "boomers",
        "young",
        "teenager",
        "teenagers",
    ),
    "sexual_orientation": (
        "gay",
        "gays",
        "lesbian",
        "lesbians",
        "bisexual",
        "homosexual",
        "homosexuals",
        "queer",
        "queers",
        "fag",
        "fags",
        "faggot",
        "faggots",
        "dyke",
        "dykes",
        "homo",
        "homos",
        "lgbt",
    ),
    "gender_identity": (
        "trans",
        "transgender",
        "transgenders",
        "tranny",
        "trannies",
        "non-binary",
        "nonbinary",
        "transwomen",
        "transmen",
    ),
    "disability": (
        "disabled",
        "disability",
        "autistic",
        "autism",
        "deaf",
        "blind",
        "wheelchair",
        "retard",
        "retards",
        "retarded",
        "mong",
        "mongs",
        "cripple",
        "cripples",
        "spastic",
        "spastics",
        "spaz",
    ),
}
_WORD_TARGET = {w: t for t, words in _TARGET_WORDS.items() for w in words}
_GENDER_WEAK = {"she", "her", "men", "man", "males"}


@dataclass(frozen=True, slots=True)
class Explanation:
    """Scores for one text and, per category, each token's share of the score."""

    tokens: list[Token]
    scores: npt.NDArray[np.float64]
    shares: npt.NDArray[np.float64]  # (n_tokens, n_categories)


class LinearTextModel:
    """The loaded artefacts: vocabulary, idf, calibrated coefficients."""

    def __init__(self, directory: Path | Any) -> None:
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        if tuple(meta["categories"]) != CATEGORIES:
            raise DetectorError(
                f"model at {directory} has categories {meta['categories']}, expected "
                f"{list(CATEGORIES)}; rebuild it with python -m dignity.training.train"
            )
        self.meta: dict[str, Any] = meta
        vocab: list[str] = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
        self.vocab = vocab
        self.index: dict[str, int] = {f: i for i, f in enumerate(vocab)}
        with (directory / "weights.npz").open("rb") as handle, np.load(handle) as arrays:
            self.idf = arrays["idf"].astype(np.float32)
            self.coef = arrays["coef"].astype(np.float32)
            self.intercept = arrays["intercept"].astype(np.float64)
        # map() over str methods, not generators: every worker process pays this at start-up
        self.is_word = np.fromiter(
            map(str.startswith, vocab, itertools.repeat("w:")), dtype=bool, count=len(vocab)
        )
        spaces = np.fromiter(
            map(str.count, vocab, itertools.repeat(" ")), dtype=np.int64, count=len(vocab)
        )
        # tokens one occurrence of each feature covers: n for a word n-gram, 1 for characters
        self.span = np.where(self.is_word, spaces + 1, 1)
        self._char_cache: dict[str, npt.NDArray[np.int64]] = {}
        self._empty = self._score(*self._tfidf([], []))  # the intercepts' own verdict

    def _vector(
        self, feats: dict[str, int]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        index = self.index
        ids: list[int] = []
        tfs: list[float] = []
        for feature, n in feats.items():
            i = index.get(feature)
            if i is not None:
                ids.append(i)
                tfs.append(1.0 + math.log(n))
        return self._tfidf(ids, tfs)

    def _tfidf(
        self,
        ids: Sequence[int] | npt.NDArray[np.int64],
        tfs: Sequence[float] | npt.NDArray[np.float64],
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """Known features' tf-idf values, word and character blocks each L2-normalised."""
        idx = np.asarray(ids, dtype=np.int64)
        if not len(idx):
            return idx, np.zeros(0, dtype=np.float32)
        values = np.asarray(tfs, dtype=np.float32) * self.idf[idx]
        word = self.is_word[idx]
        for block in (word, ~word):
            norm = float(np.sqrt(np.sum(values[block] ** 2)))
            if norm > 0:
                values[block] /= norm
        return idx, values

    def _score(
        self, idx: npt.NDArray[np.int64], values: npt.NDArray[np.float32]
    ) -> npt.NDArray[np.float64]:
        z = self.intercept + (values @ self.coef[idx] if len(idx) else 0.0)
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)

    def scores(self, text: str) -> npt.NDArray[np.float64]:
        """Calibrated probabilities for the five categories (worst window of a long text)."""
        tokens = normalise(text)
        best = self._empty
        for _, window in _windows(tokens, text):
            best = np.maximum(best, self._score(*self._vector(counts(window))))
        return best

    def explain(self, text: str) -> Explanation:
        """Scores plus each original-text token's share of each category's score."""
        tokens = normalise(text)
        shares = np.zeros((len(tokens), len(CATEGORIES)), dtype=np.float64)
        best = self._empty
        best_window = np.zeros(len(CATEGORIES), dtype=np.int64)
        window_shares: list[tuple[int, npt.NDArray[np.float64]]] = []
        for w, (offset, window) in enumerate(_windows(tokens, text)):
            score, local = self._window_shares(window)
            better = score > best
            best = np.where(better, score, best)
            best_window = np.where(better, w, best_window)
            window_shares.append((offset, local))
        for c in range(len(CATEGORIES)):
            if not window_shares:
                break
            offset, local = window_shares[int(best_window[c])]
            shares[offset : offset + len(local), c] = local[:, c]
        return Explanation(tokens=tokens, scores=best, shares=shares)

    def _window_shares(
        self, window: list[Token]
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """One window's scores and each token's share of every category's logit.

        A feature's contribution is split evenly over its occurrences' tokens. This runs on
        every message, so it works on arrays of vocabulary ids: each word's known character
        n-grams are looked up once per process (:meth:`_char_ids`), and one ``np.unique``
        over (feature id, token) pairs gives both the tf-idf inputs and the spreading.
        """
        words = [t.text for t in window]
        index = self.index
        pair_ids: list[npt.NDArray[np.int64]] = []
        lo, hi = WORD_NGRAMS
        word_ids: list[int] = []
        word_pos: list[int] = []
        for n in range(lo, hi + 1):
            for i in range(len(words) - n + 1):
                found = index.get("w:" + " ".join(words[i : i + n]))
                if found is not None:
                    word_ids.extend([found] * n)
                    word_pos.extend(range(i, i + n))
        pair_ids.append(np.asarray(word_ids, dtype=np.int64))
        chars = [self._char_ids(word) for word in words]
        pair_ids.extend(chars)
        all_ids = np.concatenate(pair_ids)
        local = np.zeros((len(window), len(CATEGORIES)), dtype=np.float64)
        if not len(all_ids):
            return self._empty, local
        at = np.concatenate(
            [
                np.asarray(word_pos, dtype=np.int64),
                np.repeat(np.arange(len(words)), [len(ids) for ids in chars]),
            ]
        )
        idx, rows, k = np.unique(all_ids, return_inverse=True, return_counts=True)
        occurrences = k // self.span[idx]  # a word n-gram lists each of its n tokens
        idx, values = self._tfidf(idx, 1.0 + np.log(occurrences))
        score = self._score(idx, values)
        contrib = values[:, None] * self.coef[idx]  # (features, categories)
        spread = contrib[rows].astype(np.float64) / k[rows, None]
        for c in range(len(CATEGORIES)):
            local[:, c] = np.bincount(at, weights=spread[:, c], minlength=len(window))
        return score, local

    def _char_ids(self, word: str) -> npt.NDArray[np.int64]:
        """Vocabulary ids of ``word``'s known character n-grams, one per occurrence (cached for
        words up to :data:`CHAR_CACHE_LONGEST` letters, at most :data:`CHAR_CACHE_WORDS`)."""
        cached = self._char_cache.get(word)
        if cached is not None:
            return cached
        index = self.index
        padded = f" {word} "
        size = len(padded)
        clo, chi = CHAR_NGRAMS
        found = [
            i
            for n in range(clo, min(chi, size) + 1)
            for s in range(size - n + 1)
            if (i := index.get("c:" + padded[s : s + n])) is not None
        ]
        ids = np.asarray(found, dtype=np.int64)
        if len(word) <= CHAR_CACHE_LONGEST:
            if len(self._char_cache) >= CHAR_CACHE_WORDS:
                self._char_cache.clear()
            self._char_cache[word] = ids
        return ids


def _windows(tokens: list[Token], text: str) -> list[tuple[int, list[Token]]]:
    """What the model reads of a text, each with the index of its first token: the whole of a
    tweet; windows of a longer text, and runs of its whole sentences (:data:`RUN_WORDS`), so
    that one abusive sentence is read without the rest of a long post around it."""
    if len(tokens) <= WINDOW:
        return [(0, tokens)]
    step = WINDOW // 2
    out = [(s, tokens[s : s + WINDOW]) for s in range(0, len(tokens) - step, step)]
    out.extend((start, tokens[start:end]) for start, end in _runs(tokens, text))
    return out


def _runs(tokens: list[Token], text: str) -> list[tuple[int, int]]:
    """Token ranges of runs of whole sentences of up to :data:`RUN_WORDS` words (a longer
    sentence alone), the first :data:`MAX_RUNS`; none when the text is one sentence."""
    ends = [
        k + 1
        for k in range(len(tokens) - 1)
        if _SENTENCE_END.search(text, tokens[k].end, tokens[k + 1].start) is not None
    ]
    if not ends:
        return []
    runs: list[tuple[int, int]] = []
    start = last = 0
    for end in [*ends, len(tokens)]:
        if end - start > RUN_WORDS and last > start:
            runs.append((start, last))
            start = last
        last = end
    runs.append((start, last))
    return runs[:MAX_RUNS]


def _evidence(
    text: str, tokens: list[Token], shares: npt.NDArray[np.float64]
) -> tuple[tuple[Span, ...], list[int]]:
    """The words carrying a category: the largest positive shares, adjacent ones merged."""
    if not len(tokens):
        return (), []
    top = float(shares.max())
    if top <= 0:
        return (), []
    floor = max(0.4 * top, 0.1)
    order = [int(i) for i in np.argsort(-shares, kind="stable")[:6] if shares[i] >= floor]
    chosen = sorted(order)
    spans: list[Span] = []
    start = end = -1
    previous = -2
    for k in chosen:
        tok = tokens[k]
        if k == previous + 1 and start >= 0:
            end = tok.end
        else:
            if start >= 0:
                spans.append(Span.of(text, start, end))
            start, end = tok.start, tok.end
        previous = k
    if start >= 0:
        spans.append(Span.of(text, start, end))
    return tuple(spans), chosen


QUOTE_DISCOUNT = 0.35
"""A breach score whose evidence lies only in someone else's words, quoted or reported, in a text
that condemns them or shares them as aimed at its writer (counter-speech,
:func:`~dignity.detectors.text.counter_speech.counters`), is multiplied by this."""


class TextClassifierDetector:
    """Trained linear classifier for personal attacks, hate, threats, sexual language, swearing."""

    name: ClassVar[str] = "dignity.text.v1"
    categories: ClassVar[frozenset[str]] = frozenset(CATEGORIES)

    def __init__(self, *, model_dir: str | None = None) -> None:
        self.model_dir = model_dir
        self._model: LinearTextModel | None = None

    def load(self) -> None:
        if self._model is not None:
            return
        if self.model_dir is not None:
            directory: Any = Path(self.model_dir)
            if not (directory / "meta.json").is_file():
                raise DetectorError(
                    f"no text model in {self.model_dir} (meta.json missing); build one with "
                    "python -m dignity.training.train --out DIR"
                )
            self._model = LinearTextModel(directory)
            return
        package = resources.files("dignity") / "models" / "text-v1"
        if not (package / "meta.json").is_file():
            raise DetectorError(
                "the shipped text model is missing from dignity/models/text-v1; rebuild it with "
                "python -m dignity.training.train"
            )
        with resources.as_file(package) as directory:
            self._model = LinearTextModel(Path(directory))

    @property
    def model(self) -> LinearTextModel:
        if self._model is None:
            self.load()
        assert self._model is not None
        return self._model

    def scores(self, text: str) -> dict[str, float]:
        """Every category's score for a bare text (no spans)."""
        values = self.model.scores(text)
        return {c: float(v) for c, v in zip(CATEGORIES, values, strict=True)}

    def detect(self, message: Message) -> Sequence[Finding]:
        text = message.text
        model = self.model
        if not text.strip():
            return ()
        explanation = model.explain(text)
        findings: list[Finding] = []
        for c, category in enumerate(CATEGORIES):
            score = float(explanation.scores[c])
            if score < MIN_SCORE:
                continue
            spans, _ = _evidence(text, explanation.tokens, explanation.shares[:, c])
            if not spans:
                continue  # the model's prior alone, no word carries it
            framed = category != "profanity" and counters(
                text, [(s.start, s.end) for s in spans], hate=category == "identity_attack"
            )
            if framed:
                score *= QUOTE_DISCOUNT
                if score < MIN_SCORE:
                    continue
            words = ", ".join(f'"{s.quote}"' for s in spans[:4])
            rationale = f"The text {_DESCRIPTIONS[category]} ({score:.0%})"
            rationale += f", carried by {words}." if words else "."
            if framed:
                rationale += (
                    " The words are someone else's, reported to condemn them or shared by the"
                    " one they were aimed at, so it counts less."
                )
            targets: tuple[str, ...] = ()
            if category == "identity_attack":
                targets = _targets(explanation.tokens)
            findings.append(
                Finding(
                    category=category,
                    score=min(1.0, max(0.0, round(score, 4))),
                    detector=self.name,
                    label=_LABELS[category],
                    rationale=rationale,
                    spans=spans,
                    targets=targets,
                )
            )
        return tuple(findings)


@functools.cache
def _target_typos() -> dict[str, str]:
    """Group words with one slip of spelling ("wmen" -> "women"), see :func:`typos`."""
    return typos(_WORD_TARGET)


def _targets(tokens: list[Token]) -> tuple[str, ...]:
    typo = _target_typos()
    words = [typo.get(t.text, t.text) for t in tokens]
    found = {_WORD_TARGET[w] for w in words if w in _WORD_TARGET and w not in _GENDER_WEAK}
    if not found and any(w in _GENDER_WEAK for w in words):
        found.add("gender")
    return tuple(sorted(found))
