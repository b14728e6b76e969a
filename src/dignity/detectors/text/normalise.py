"""Undo the disguises people put on abusive words, keeping a map back to the original characters.

``normalise(text)`` returns the text the lexicon is matched against: lower-cased, NFKC-folded with
accents stripped, zero-width and soft-hyphen characters removed, look-alike letters from other
scripts mapped to ASCII (Cyrillic "а", Greek "ο", fullwidth "ｉ"), curly quotes straightened,
leetspeak inside words undone ("1d10t" -> "idiot", "b!tch" -> "bitch", "$hit" -> "shit"),
masked letters restored by a caller-supplied ``unmask`` ("f*ck" -> "fuck"), single letters
spaced out joined back up ("f u c k", "b.i.t.c.h") and words run together split apart ("I
hatewomen" -> "i hate women", "#killallmen" -> "#kill all men", by ``wordninja``'s English
word frequencies; only tokens of six letters or more that are not English words themselves nor
kept whole by a caller-supplied ``keep``, outside links and addresses, and only into two to
four words none of them a stray letter). Two neighbouring letters swapped ("vremin", "sutpid")
are swapped back, and a dropped letter put back ("mslims", "desise"), when a caller-supplied
``respell`` knows the word they hide and the token is not an English word itself ("form" stays
"form"); :func:`typos` lists such slips for callers that look words up ("wmen" names women).
Stretched letters ("stuuupid") are left in place: the lexicon's matcher accepts a repeated
letter wherever one is expected.

Every character of the normalised text remembers which original characters it came from, so a
match ``[start, end)`` on the normalised text maps back with ``Normalised.original_span`` to the
exact original characters, whatever was removed, folded or expanded in between.

Most messages are plain ASCII with nothing disguised; they take a fast path (one regular
expression search and ``str.lower``) whose offset map is the identity.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["Normalised", "drops", "normalise", "run_together", "swaps"]

Unmask = Callable[[str], str | None]
"""Given a lower-case word with ``*`` for hidden letters, the same-length word it hides, or None."""
Keep = Callable[[str], bool]
"""Whether a lower-case word must stay whole (the caller knows it as it is: "dickhead")."""
Respell = Callable[[str], str | None]
"""Given a lower-case word, the caller's word it is with two neighbouring letters swapped."""

_ZERO_WIDTH = frozenset(
    "\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
)

# Letters from other scripts that look like ASCII letters, after NFKD and case folding. A small,
# hand-picked subset of Unicode's confusables: the ones seen in evasion, not every look-alike.
_CONFUSABLES: dict[str, str] = {
    # Cyrillic
    "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "ё": "e", "һ": "h", "і": "i", "ї": "i",
    "ј": "j", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "ԛ": "q", "ѕ": "s", "т": "t",
    "у": "y", "ԝ": "w", "х": "x", "ү": "y", "ь": "b", "з": "3", "ч": "4", "п": "n", "г": "r",
    # Greek
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ς": "s", "σ": "o", "μ": "u",
    # Latin look-alikes and symbols NFKC leaves alone
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ß": "ss", "æ": "ae", "œ": "oe",
    "ɑ": "a", "ɡ": "g", "ɪ": "i", "ʏ": "y", "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e",
    "ғ": "f", "ʜ": "h", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p",
    "ʀ": "r", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ᴢ": "z", "€": "e", "£": "l", "¢": "c",
    "¡": "i", "†": "t", "∂": "d", "ﬀ": "ff",
    # Quotes and dashes, so quotation and word boundaries work the same whatever was typed
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-",
}  # fmt: skip

# Characters that stand for a letter inside a word ("1d10t", "b!tch", "$hit", "wh0re").
_LEET = dict(zip("013457@$!|", "oieastasii", strict=True))
_MASKS = frozenset("*#")

# Disguise in lower-cased ASCII: a digit or symbol after a letter ("1d10t", "f*ck", "b!tch"), one
# starting a word before letters ("5hit", not "10am"), or single letters spaced out ("f u c k").
# Each branch starts with a character class, so the search skips plain text quickly.
_DISGUISED = re.compile(
    r"[0-9@$*#](?<=[a-z].)"
    r"|[!|](?<=[a-z].)(?=[a-z])"
    r"|[013457$|!*](?<![0-9a-z].)(?!(?:am|pm|st|nd|rd|th|bn|km|kg|ft|mph|ml|gb|mb)\b)(?=[a-z]{2})"
    r"|[ ._\-][a-z][ ._\-][a-z](?:[ ._\-]|$)"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_LEET_EDGE = re.compile(r"[a-z][0-9@$!|*#]|[0-9@$!|*#][a-z]")
_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789@$!|*#")
_NUMBER_WITH_UNIT = re.compile(r"\d+(?:am|pm|st|nd|rd|th|s|m|k|bn|km|kg|ft|mph|ml|gb|mb|p)")
_MASKED_WORD = re.compile(r"(?<![\w*])[a-z][a-z*]*\*[a-z*]*(?![\w*])")
_SPACED_LETTERS = re.compile(r"(?<![\w*'])(?:[a-z][ .\-_]){2,}[a-z](?![\w*'])")
_LONG_WORD = re.compile(r"(?<![\w@*'-])[a-z]{6,40}(?![\w*'-])")
_SWAPPABLE_WORD = re.compile(r"(?<![\w@*'-])[a-z]{5,40}(?![\w*'-])")
"""A token that may be a slip of a known word: two letters swapped or one dropped (five or more)."""
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+")
_SHORT_WORDS = frozenset({"a", "i"})
_SUFFIXES = frozenset(
    {"in", "er", "ed", "es", "ly", "al", "ic", "ian", "ish", "ist", "ism", "ness"}
)
_NEGATING = frozenset({"no", "not", "never", "nobody", "none", "nothing", "dont", "cant", "wont"})
"""A split may not create a negation ("nevertrump" is a name, not "never trump")."""
_COMMON_RANK = 20_000
"""Pieces rarer than this must be words the caller knows (an insult, a slur) to count."""
_VOCABULARY = 126_134  # words in wordninja's English model, for _rank


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text plus, for each of its characters, the original character it came from.

    ``starts[i]`` is the original position behind normalised character ``i`` (it covers
    ``[starts[i], starts[i] + 1)``); ``starts`` is ``None`` when the map is the identity.
    """

    text: str
    original: str
    starts: tuple[int, ...] | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` behind normalised ``[start, end)`` (``start < end``)."""
        if self.starts is None:
            return start, end
        return self.starts[start], self.starts[end - 1] + 1

    def original_index(self, index: int) -> int:
        """The original position of normalised character ``index``."""
        if self.starts is None:
            return index
        return self.starts[index]


@lru_cache(maxsize=8192)
def _fold(ch: str) -> str:
    """One non-ASCII character as lower-case ASCII-ish text ("" when it should vanish)."""
    mapped = _CONFUSABLES.get(ch)
    if mapped is not None:
        return mapped
    decomposed = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return "".join(_CONFUSABLES.get(c, c) for c in base)


def _deleet(run: str) -> str:
    """Undo leetspeak inside one run of letters, digits and symbols; same length out as in."""
    letters = sum(1 for c in run if "a" <= c <= "z")
    if letters < 2:
        return run
    out = []
    last = len(run) - 1
    for i, c in enumerate(run):
        if "a" <= c <= "z":
            out.append(c)
        elif c in _MASKS:
            out.append("*" if i > 0 else c)
        elif c == "@":
            out.append("a" if i > 0 else c)
        elif c == "$":
            out.append("s" if i < last else c)
        elif c in "!|":
            inside = 0 < i < last and run[i + 1] not in "!|"
            out.append("i" if inside else c)
        else:
            out.append(_LEET.get(c, c))
    return "".join(out)


def _undo_leet(folded: str) -> str:
    """Replace leetspeak and masks inside words, one character for one."""
    pieces: list[str] = []
    last = 0
    n = len(folded)
    for m in _LEET_EDGE.finditer(folded):
        if m.start() < last:
            continue
        lo = m.start()
        while lo > last and folded[lo - 1] in _RUN_CHARS:
            lo -= 1
        hi = m.end()
        while hi < n and folded[hi] in _RUN_CHARS:
            hi += 1
        run = folded[lo:hi]
        if _NUMBER_WITH_UNIT.fullmatch(run) is None:
            pieces.append(folded[last:lo])
            pieces.append(_deleet(run))
            last = hi
    if not pieces:
        return folded
    pieces.append(folded[last:])
    return "".join(pieces)


def _replace_words(text: str, words: re.Pattern[str], replace: Callable[[str], str | None]) -> str:
    """``text`` with each match of ``words`` replaced by ``replace``'s word of the same length
    (where it gives one), so every offset stays where it was."""
    pieces: list[str] = []
    last = 0
    for m in words.finditer(text):
        word = replace(m.group())
        if word is None or len(word) != m.end() - m.start():
            continue
        pieces.append(text[last : m.start()])
        pieces.append(word)
        last = m.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def lowered(text: str) -> str:
    """``text`` lower-cased, curly apostrophes straightened: what the phrase rules (self-harm,
    civic, affirmation) read. Lighter than :func:`normalise`, which would also split hashtags
    and undo leetspeak, changing what those rules match."""
    return text.lower().replace("\u2019", "'")


def normalise(
    text: str,
    unmask: Unmask | None = None,
    keep: Keep | None = None,
    respell: Respell | None = None,
) -> Normalised:
    """Normalise ``text`` for matching; see the module docstring for what is undone."""
    norm = _undisguise(text, unmask)
    if respell is not None:
        norm = _unswap(norm, respell)
    return _split_run_together(norm, keep)


def swaps(word: str) -> Iterator[str]:
    """``word`` with each pair of neighbouring letters swapped, where that changes it."""
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def english(word: str) -> bool:
    """Whether ``word`` (lower-case) is in the English word model."""
    return word in _word_model()._wordcost


def respellings(words: Iterable[str], spellings: Callable[[str], Iterable[str]]) -> dict[str, str]:
    """Each of ``spellings(word)`` for the words of five letters or more, mapped back to its
    word; a spelling that is one of those words itself, or that two of them share, is left out."""
    known = {w for w in words if len(w) >= 5 and w.isalpha()}
    found: dict[str, str | None] = {}
    for word in sorted(known):
        for variant in spellings(word):
            if variant not in known:
                found[variant] = word if found.get(variant, word) == word else None
    return {v: w for v, w in found.items() if w is not None}


def drops(word: str) -> Iterator[str]:
    """``word`` with one inner letter dropped (the first letter is kept)."""
    for i in range(1, len(word)):
        yield word[:i] + word[i + 1 :]


def _slips(word: str) -> set[str]:
    """``word`` with an inner letter dropped or two neighbouring inner letters swapped."""
    return {*drops(word), *(word[0] + v for v in swaps(word[1:]))}


def typos(words: Iterable[str]) -> dict[str, str]:
    """One-slip spellings of ``words`` mapped back to them: an inner letter dropped ("wmen",
    "mslims") or two neighbouring inner letters swapped ("mulsims").

    Only words of five letters or more are varied, the first letter is kept, and a spelling is
    left out when it is an English word itself, one of ``words``, shorter than four letters, or
    a slip of two different words (see :func:`respellings`). Abuse disguises the group it names
    this way, and so do HateCheck-style test suites ("I hate wmen").
    """
    return {v: w for v, w in respellings(words, _slips).items() if len(v) >= 4 and not english(v)}


def _unswap(norm: Normalised, respell: Respell) -> Normalised:
    """Mend tokens that are no English word but, with two neighbouring letters swapped back or
    one dropped letter put back, a word the caller knows.

    A swap keeps the length, so the offset map stands; a letter put back maps to the original
    character before it, so a match still points at the word as it was written.
    """
    text = norm.text
    pieces: list[str] = []
    starts: list[int] = []
    last = 0
    for m in _SWAPPABLE_WORD.finditer(text):
        word = m.group()
        known = respell(word)
        if known is None or len(known) not in (len(word), len(word) + 1) or english(word):
            continue
        pieces.append(text[last : m.start()])
        starts.extend(norm.original_index(i) for i in range(last, m.start()))
        pieces.append(known)
        at = [norm.original_index(i) for i in range(m.start(), m.end())]
        if len(known) > len(word):  # the letter put back maps to the one before it
            k = next(
                (i for i, (a, b) in enumerate(zip(word, known[:-1], strict=True)) if a != b),
                len(word),
            )
            at.insert(k, at[k - 1])
        starts.extend(at)
        last = m.end()
    if not pieces:
        return norm
    pieces.append(text[last:])
    starts.extend(norm.original_index(i) for i in range(last, len(text)))
    return Normalised(text="".join(pieces), original=norm.original, starts=tuple(starts))


def _undisguise(text: str, unmask: Unmask | None) -> Normalised:
    """Everything but splitting words run together: folding, leetspeak, masks, spacing."""
    starts: list[int] | None = None
    if text.isascii():
        folded = text.lower()
        if _DISGUISED.search(folded) is None:
            return Normalised(text=folded, original=text)
    else:
        pieces: list[str] = []
        starts = []
        pos = 0
        for m in _NON_ASCII.finditer(text):
            if m.start() > pos:
                pieces.append(text[pos : m.start()].lower())
                starts.extend(range(pos, m.start()))
            for i in range(m.start(), m.end()):
                ch = text[i]
                if ch in _ZERO_WIDTH:
                    continue
                for c in _fold(ch):
                    pieces.append(c)
                    starts.append(i)
            pos = m.end()
        pieces.append(text[pos:].lower())
        starts.extend(range(pos, len(text)))
        folded = "".join(pieces)

    if _DISGUISED.search(folded) is None:
        if starts is None:
            return Normalised(text=folded, original=text)
        return Normalised(text=folded, original=text, starts=tuple(starts))

    folded = _undo_leet(folded)
    if unmask is not None and "*" in folded:
        folded = _replace_words(folded, _MASKED_WORD, unmask)

    # Spaced-out letters: drop the separators, and their entries in the offset map.
    if _SPACED_LETTERS.search(folded) is not None:
        if starts is None:
            starts = list(range(len(folded)))
        keep = [True] * len(folded)
        for m in _SPACED_LETTERS.finditer(folded):
            for j in range(m.start() + 1, m.end(), 2):
                keep[j] = False
        folded = "".join(c for c, k in zip(folded, keep, strict=True) if k)
        starts = [s for s, k in zip(starts, keep, strict=True) if k]

    if starts is None:
        return Normalised(text=folded, original=text)
    return Normalised(text=folded, original=text, starts=tuple(starts))


def _split_run_together(norm: Normalised, keep: Keep | None) -> Normalised:
    """Split long tokens that are several words run together, mapping each inserted space to the
    character after it."""
    text = norm.text
    found = [(m, p) for m in _LONG_WORD.finditer(text) if (p := _split_word(m.group(), keep))]
    if found:
        addresses = [m.span() for m in _ADDRESS.finditer(text)]
        found = [
            (m, p)
            for m, p in found
            if not any(m.start() < hi and lo < m.end() for lo, hi in addresses)
        ]
    if not found:
        return norm
    starts = list(norm.starts) if norm.starts is not None else list(range(len(text)))
    out: list[str] = []
    out_starts: list[int] = []
    last = 0
    for m, pieces in found:
        out.append(text[last : m.start()])
        out_starts.extend(starts[last : m.start()])
        at = m.start()
        for i, piece in enumerate(pieces):
            if i:
                out.append(" ")
                out_starts.append(starts[at])
            out.append(piece)
            out_starts.extend(starts[at : at + len(piece)])
            at += len(piece)
        last = m.end()
    out.append(text[last:])
    out_starts.extend(starts[last:])
    return Normalised(text="".join(out), original=norm.original, starts=tuple(out_starts))


def run_together(word: str) -> tuple[str, ...] | None:
    """The two to four common words a lower-case token runs together ("womensuck" -> "women",
    "suck"), or None when it is a word itself or does not split cleanly."""
    return _split_word(word, None)


def _split_word(word: str, keep: Keep | None) -> tuple[str, ...] | None:
    """``word`` as two to four words, or None when it is a word itself, one the caller keeps
    whole, or does not split cleanly: a stray letter or a rare piece ("hidious" -> "hi dious")
    means a misspelling, a name or a new word, and a suffix for a last piece ("freakin",
    "dickensian") a derived word, not words run together."""
    split = _split_english(word)
    if split is None or (keep is not None and keep(word)):
        return None
    pieces, ranks = split
    for piece, rank in zip(pieces, ranks, strict=True):
        if rank > _COMMON_RANK and not (keep is not None and keep(piece)):
            return None
    return pieces


@lru_cache(maxsize=16384)
def _split_english(word: str) -> tuple[tuple[str, ...], tuple[int, ...]] | None:
    """wordninja's split of an unknown ``word`` into 2-4 pieces, each with its frequency rank."""
    model = _word_model()
    costs = model._wordcost
    if word in costs:
        return None
    pieces = tuple(model.split(word))
    if not 2 <= len(pieces) <= 4 or "".join(pieces) != word or pieces[-1] in _SUFFIXES:
        return None
    if _NEGATING.intersection(pieces):
        return None
    if any((len(p) < 2 and p not in _SHORT_WORDS) or p not in costs for p in pieces):
        return None
    return pieces, tuple(_rank(costs[p]) for p in pieces)


def _rank(cost: float) -> int:
    """wordninja stores log((rank + 1) * log(n)) for each word; this undoes it."""
    return round(math.exp(cost) / math.log(_VOCABULARY)) - 1


@lru_cache(maxsize=1)
def _word_model() -> Any:
    """wordninja's English model (126k words by frequency), loaded on first use."""
    import wordninja

    return wordninja.DEFAULT_LANGUAGE_MODEL
