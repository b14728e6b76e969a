"""Cheap, deterministic text similarity: content words and bottom-k MinHash sketches.

A text's *content words* are its lower-cased words of three letters or more that are not common
function words. A *sketch* is the ``k`` smallest CRC-32 values of those words (bottom-k MinHash),
a sorted tuple of small ints: fixed size whatever the text's length, and the same in every
process (CRC-32, unlike ``hash()``, is not salted). Two sketches estimate the Jaccard similarity
of the word sets; for texts of at most ``k`` distinct content words the estimate is exact.
"""

from __future__ import annotations

import heapq
import re
from zlib import crc32

__all__ = ["SKETCH_SIZE", "content_hashes", "estimate_jaccard", "sketch"]

SKETCH_SIZE = 16

_WORD = re.compile(r"[^\W\d_]{3,}")
_FUNCTION_WORDS_TEXT = """
    the and for are but not you your yours all any can had has have her hers him his how its
    our out who why what when where which while with from that this than then them they their
    there these those was were will would could should shall into onto over under about above
    after before again just also very too more most much many some such only own same so
    yes yeah okay been being did does doing done get got let lets may might must one ones
    she he it we me my mine us i im ive id ill dont doesnt didnt isnt arent wasnt werent cant
    wont thats theres whats whos youre youve theyre weve were hes shes
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())


def content_hashes(text: str) -> set[int]:
    """CRC-32 of each distinct content word of ``text``."""
    words = set(_WORD.findall(text.lower().replace("'", "").replace("’", "")))
    return {crc32(w.encode()) for w in words if w not in _FUNCTION_WORDS}


def sketch(hashes: set[int], size: int = SKETCH_SIZE) -> tuple[int, ...]:
    """The ``size`` smallest of ``hashes``, sorted: a bottom-k MinHash sketch."""
    return tuple(sorted(hashes)[:size])


def estimate_jaccard(a: tuple[int, ...], b: tuple[int, ...], size: int = SKETCH_SIZE) -> float:
    """Estimated Jaccard similarity of the word sets behind sketches ``a`` and ``b``."""
    if not a or not b:
        return 0.0
    in_a, in_b = set(a), set(b)
    union = heapq.nsmallest(size, in_a | in_b)
    shared = in_a & in_b
    return sum(1 for h in union if h in shared) / len(union)
