"""Text normalisation and n-gram features for the trained text classifier.

Training and detection share this module, so a model sees exactly the features it was trained
on. :func:`normalise` undoes common obfuscation (case, accents, lookalike Unicode, leetspeak,
stretched letters, spaced or dotted letters) and keeps, for every character it outputs, the
index of the original character it came from, so evidence maps back to the original text.
:func:`extract` turns the normalised tokens into word 1-3-grams and within-word character
2-5-grams (``char_wb``), each remembering the tokens it came from. No third-party imports.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

WORD_NGRAMS = (1, 3)
CHAR_NGRAMS = (2, 5)

_LEET = {
    "0": "o",
    "1": "i",
    "3": "e",
    "4": "a",
    "5": "s",
    "7": "t",
    "@": "a",
    "$": "s",
    "!": "i",
    "|": "i",
    "€": "e",
    "£": "l",
}
# Cyrillic and Greek letters that look like Latin ones
_CONFUSABLE = str.maketrans("аеорсухіјѕԁкмтвнαεικνορτυχ", "aeopcyxijsdkmtbhaeikvoptux")
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w@])@\w+")
_SINGLE = re.compile(r"^[a-z]$")
_NON_SPACE = re.compile(r"\S+")
_STRETCHED = re.compile(r"(.)\1\1")

PARTY = "xxparty"
POLITICIAN = "xxpolitician"
# Party, faction and politician names (UK and US) become one placeholder each before features
# are built, in training and detection alike, so no model can learn a side of politics as abuse.
# Ambiguous words ("left", "right", "green", "reform", "may") are left alone.
_PARTY_WORDS = (
    "labour tory tories conservative conservatives libdem libdems snp ukip plaid greens "
    "democrat democrats dem dems democratic republican republicans gop maga liberal liberals "
    "progressive progressives socialist socialists"
)
_POLITICIAN_WORDS = (
    "starmer sunak trump trumps biden obama clinton hillary pelosi schumer mcconnell boris "
    "corbyn farage truss badenoch braverman rayner reeves sturgeon swinney cameron blair "
    "thatcher kamala harris desantis pence vance bernie sanders aoc ocasio cortez romney cruz "
    "kier keir rishi kemi suella nigel"
)
POLITICAL_WORDS: dict[str, str] = {
    **dict.fromkeys(_PARTY_WORDS.split(), PARTY),
    **dict.fromkeys(_POLITICIAN_WORDS.split(), POLITICIAN),
}


def _mask(word: str) -> str:
    """The placeholder for a party or politician name (possessives too), else the word."""
    base = word[:-2] if word.endswith("'s") else word
    return POLITICAL_WORDS.get(base, word)


# letters kept inside a word: "f*ck", "don't"
_INNER = {"*", "'"}


@dataclass(frozen=True, slots=True)
class Token:
    """One normalised word: its text and the original character range it came from."""

    text: str
    start: int
    end: int


def _fold(ch: str) -> str:
    if ch < "\x80":
        return ch.lower()
    if ch in _ZERO_WIDTH:
        return ""
    if ch in "’‘ʼ`´":
        return "'"
    decomposed = unicodedata.normalize("NFKD", ch)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return folded.translate(_CONFUSABLE)


def _raw_tokens(text: str) -> list[tuple[str, list[int]]]:
    """Whitespace-delimited chunks, case- and accent-folded, with per-character origins.

    URLs and mentions become one placeholder chunk each; the text between them is split on
    whitespace, and an ASCII chunk is folded whole (this runs on every message).
    """
    masked: list[tuple[int, int, str]] = []
    for pattern, placeholder in ((_URL, "url"), (_MENTION, "user")):
        masked.extend((m.start(), m.end(), placeholder) for m in pattern.finditer(text))
    masked.sort()
    chunks: list[tuple[str, list[int]]] = []
    at = 0
    for start, end, placeholder in masked:
        if start < at:  # overlaps a span already masked
            continue
        _fold_chunks(text, at, start, chunks)
        chunks.append((placeholder, [start] * (len(placeholder) - 1) + [end - 1]))
        at = end
    _fold_chunks(text, at, len(text), chunks)
    return chunks


def _fold_chunks(text: str, start: int, end: int, chunks: list[tuple[str, list[int]]]) -> None:
    """Append the folded whitespace-delimited chunks of ``text[start:end]`` to ``chunks``."""
    for piece in _NON_SPACE.finditer(text, start, end):
        chunk = piece.group()
        first = piece.start()
        if chunk.isascii():
            chunks.append((chunk.lower(), list(range(first, first + len(chunk)))))
            continue
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(chunk, first):
            for out in _fold(ch):
                if out.isspace():  # a folded character can be a space (NFKD of U+2002...)
                    if chars:
                        chunks.append(("".join(chars), origin))
                        chars, origin = [], []
                else:
                    chars.append(out)
                    origin.append(i)
        if chars:
            chunks.append(("".join(chars), origin))


def _split_word(chunk: str, origin: list[int]) -> list[tuple[str, list[int]]]:
    """Split one chunk into words: letters/digits, leetspeak inside words, no punctuation."""
    if chunk.isascii() and (chunk.isalpha() or chunk.isdigit()) and not _STRETCHED.search(chunk):
        return [(chunk, origin)]  # the common case: nothing below would change it
    has_alpha = any(c.isalpha() for c in chunk)
    # "f.u.c.k" / "f-u-c-k": single letters joined by punctuation become one word
    if has_alpha and len(chunk) >= 5 and re.fullmatch(r"(?:[^\W_][.\-_*+~,])+[^\W_]", chunk):
        letters = [(c, o) for c, o in zip(chunk, origin, strict=True) if c.isalnum()]
        chunk = "".join(c for c, _ in letters)
        origin = [o for _, o in letters]
    words: list[tuple[str, list[int]]] = []
    chars: list[str] = []
    orig: list[int] = []
    last = len(chunk.rstrip("!|?.,;:")) - 1
    for k, ch in enumerate(chunk):
        out = ch
        if has_alpha and ch in _LEET and not ch.isalpha() and k <= last:
            # leetspeak only where the character sits between or beside letters
            before = k > 0 and (chunk[k - 1].isalpha() or chunk[k - 1] in _LEET)
            after = k < last and (chunk[k + 1].isalpha() or chunk[k + 1] in _LEET)
            if (before or after) and not (ch == "@" and k == 0):
                out = _LEET[ch]
        if out.isalnum() or (out in _INNER and 0 < k <= last and chars):
            # squeeze stretched letters: "fuuuuck" -> "fuuck"
            if len(chars) >= 2 and chars[-1] == out and chars[-2] == out:
                continue
            chars.append(out)
            orig.append(origin[k])
        elif chars:
            words.append(("".join(chars), list(orig)))
            chars.clear()
            orig.clear()
    if chars:
        words.append(("".join(chars), list(orig)))
    return words


def normalise(text: str) -> list[Token]:
    """The normalised words of ``text``, each with its original ``[start, end)`` range."""
    words: list[tuple[str, list[int]]] = []
    for chunk, origin in _raw_tokens(text):
        words.extend(_split_word(chunk, origin))
    # "f u c k" / "i d i o t": runs of three or more single letters become one word
    tokens: list[Token] = []
    k = 0
    while k < len(words):
        j = k
        while j < len(words) and _SINGLE.match(words[j][0]):
            j += 1
        if j - k >= 3:
            joined = "".join(w for w, _ in words[k:j])
            tokens.append(Token(joined, words[k][1][0], words[j - 1][1][-1] + 1))
            k = j
            continue
        word, origin = words[k]
        tokens.append(Token(_mask(word), origin[0], origin[-1] + 1))
        k += 1
    return tokens


def normalised_text(text: str) -> str:
    """The normalised words joined by single spaces (what the features are built on)."""
    return " ".join(t.text for t in normalise(text))


def extract(tokens: list[Token]) -> dict[str, list[int]]:
    """Feature string -> indices of the tokens each occurrence covers (one entry per token).

    Word n-grams are keyed ``w:`` and character n-grams ``c:``; a feature that occurs twice
    lists its tokens twice, so ``len`` of a list is not the count: see :func:`counts`.
    """
    feats: dict[str, list[int]] = {}
    words = [t.text for t in tokens]
    lo, hi = WORD_NGRAMS
    for n in range(lo, hi + 1):
        for i in range(len(words) - n + 1):
            key = "w:" + " ".join(words[i : i + n])
            feats.setdefault(key, []).extend(range(i, i + n))
    clo, chi = CHAR_NGRAMS
    for i, word in enumerate(words):
        padded = f" {word} "
        size = len(padded)
        for n in range(clo, min(chi, size) + 1):
            for s in range(size - n + 1):
                feats.setdefault("c:" + padded[s : s + n], []).append(i)
    return feats


def counts(tokens: list[Token]) -> dict[str, int]:
    """Feature string -> number of occurrences (what the tf-idf is computed from)."""
    out: dict[str, int] = {}
    words = [t.text for t in tokens]
    lo, hi = WORD_NGRAMS
    for n in range(lo, hi + 1):
        for i in range(len(words) - n + 1):
            key = "w:" + " ".join(words[i : i + n])
            out[key] = out.get(key, 0) + 1
    clo, chi = CHAR_NGRAMS
    for word in words:
        padded = f" {word} "
        size = len(padded)
        for n in range(clo, min(chi, size) + 1):
            for s in range(size - n + 1):
                key = "c:" + padded[s : s + n]
                out[key] = out.get(key, 0) + 1
    return out
