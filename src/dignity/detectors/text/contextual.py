"""A small fine-tuned transformer that reads the whole sentence, for the texts in doubt.

Bag-of-words models see which words a text uses; they cannot tell "Muslims are insects" from
"Muslims are not insects, whatever the tabloids say". A transformer reads word order and
context. We fine-tune ``all-MiniLM-L6-v2`` (Apache-2.0; 6 layers, 384 dimensions, 22 M
parameters) on the training data with one output per category
(:mod:`dignity.training.contextual`), convert it to ONNX with 8-bit weights and run it with
onnxruntime: no PyTorch at run time, 23 MB on disk, several hundred short texts a second on
two cores.

The graph takes token ids and an attention mask and returns one logit per category, in the
order of :data:`dignity.detectors.text.classifier.CATEGORIES`. Loaded lazily, on first use,
never at import.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dignity.detectors.base import THREADS_ENV
from dignity.detectors.text.classifier import CATEGORIES
from dignity.errors import DetectorError

CONTEXT_DIR = "contextual"
"""Sub-folder of a text model folder (``dignity/models/text-v1``) holding this model."""
MODEL_FILE = "model.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
META_FILE = "meta.json"
MAX_TOKENS = 128
"""The window the model reads at once: what it was fine-tuned on, and cost grows with length."""
STRIDE = 32
"""Tokens each window of a longer text shares with the one before, so that no sentence is only
ever read cut in two."""
MAX_WINDOWS = 8
"""Windows read of one text, from its start: about 800 tokens. A post longer than that is left
past there to the fast models, which read all of it; a megabyte of text stays cheap."""
CHUNK_FROM = 96
"""Texts of more tokens than this are also read a few sentences at a time (see
:meth:`ContextualClassifier.read`). Above a tweet's length: read in pieces, a tweet's
sentences lose each other's context, and with 48 here, where 46% of the political tweets are
chunked, more of the civil ones scored as attacks (the civil threshold rose 1.65 -> 1.9 logits,
intolerant tweets caught .168 -> .133)."""
CHUNK_TOKENS = 40
"""The most tokens of whole sentences put together in one such reading: a tweet's length, what
the model was mostly fine-tuned on."""
MAX_CHUNKS = 16
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")


def shipped_dir() -> Path:
    """Where the package keeps the contextual model."""
    return Path(str(resources.files("dignity") / "models" / "text-v1" / CONTEXT_DIR))


class ContextualClassifier:
    """Texts in, one logit per category out (float32, shape ``(len(texts), 5)``)."""

    def __init__(self, directory: Path | None = None, *, threads: int | None = None) -> None:
        self.directory = directory or shipped_dir()
        self.threads = threads
        self._session: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()  # a service may call from several threads at once
        self.meta: dict[str, Any] = {}

    def check(self) -> ContextualClassifier:
        """Refuse missing files or a model for other categories, without starting onnxruntime.

        A parallel scan's main process and a service that assesses on workers never run the
        transformer themselves: checking is enough there, and saves the session's ~75 MB.
        """
        for path in (self.directory / MODEL_FILE, self.directory / TOKENIZER_FILE):
            if not path.is_file():
                raise DetectorError(
                    f"contextual model file missing: {path}; rebuild it with "
                    "python -m dignity.training.train"
                )
        meta = self.directory / META_FILE
        if meta.is_file():
            self.meta = json.loads(meta.read_text(encoding="utf-8"))
            if self.meta.get("categories", list(CATEGORIES)) != list(CATEGORIES):
                raise DetectorError(
                    f"contextual model at {self.directory} scores {self.meta['categories']}, "
                    f"expected {list(CATEGORIES)}; rebuild it with python -m dignity.training.train"
                )
        return self

    def load(self) -> ContextualClassifier:
        """Check, then start the onnxruntime session and the tokenizer (once)."""
        if self._session is not None:  # every text asks: skip the lock once started
            return self
        with self._lock:
            if self._session is not None:
                return self
            self.check()
            import onnxruntime
            from tokenizers import Tokenizer

            options = onnxruntime.SessionOptions()
            threads = self.threads or int(os.environ.get(THREADS_ENV, "0") or 0)
            options.intra_op_num_threads = max(0, threads)
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            tok = Tokenizer.from_file(str(self.directory / TOKENIZER_FILE))
            tok.enable_truncation(MAX_TOKENS, stride=STRIDE)
            tok.no_padding()  # tokenizer.json pads to 128: one text a run needs no padding
            self._tokenizer = tok
            self._session = onnxruntime.InferenceSession(
                str(self.directory / MODEL_FILE), options, providers=["CPUExecutionProvider"]
            )
        return self

    def logits(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """One row of logits per text: :meth:`read` without where they were read."""
        return self.read(texts)[0]

    def read(
        self, texts: Sequence[str]
    ) -> tuple[npt.NDArray[np.float32], list[list[tuple[int, int]]]]:
        """One row of logits per text, each text run on its own, unpadded; and per text and
        category, the characters of the window or run of sentences whose reading gave that
        logit: where in a long post the model saw it (the whole of a text read at once).

        The 8-bit graph quantises activations with scales taken from the whole batch, so a
        text's logits would depend on its batch-mates (measured: up to 0.07 logits). One text
        per run is also the faster way on a CPU (measured: 2.1 ms a text alone, 3.5 ms a text
        in padded batches of 64, one thread).

        Measured again on 2026-12-01 (Intel Xeon, AVX-512 VNNI, one thread): about 0.5 ms a run
        plus 90 us a token (2.5 ms for the median 29-token text), i.e. compute, not overhead.
        Session options (memory pattern, arena, optimisation level, spinning, GELU
        approximation) moved it within noise, and fusing attention offline before quantising
        (``onnxruntime.transformers.optimizer``) made it 10-20% slower.

        A text longer than :data:`MAX_TOKENS` is read in overlapping windows (up to
        :data:`MAX_WINDOWS`), keeping each category's highest logit: cut at its first window, a
        long post whose abuse came after the 128th token read as clean. One longer than
        :data:`CHUNK_FROM` is also read in runs of whole sentences of up to
        :data:`CHUNK_TOKENS` tokens: the model averages over every token it reads, so one
        abusive sentence among several about the bus timetable scored low.
        """
        self.load()
        out = np.zeros((len(texts), len(CATEGORIES)), dtype=np.float32)
        places: list[list[tuple[int, int]]] = []
        for row, text in enumerate(texts):
            readings = self._readings(text)
            values = self._run(readings)
            out[row] = values.max(axis=0)
            places.append([(readings[k][0], readings[k][1]) for k in values.argmax(axis=0)])
        return out, places

    def _run(self, readings: list[tuple[int, int, Any]]) -> npt.NDArray[np.float32]:
        rows = []
        for _, _, encoding in readings:
            ids = np.asarray([encoding.ids], dtype=np.int64)
            mask = np.asarray([encoding.attention_mask], dtype=np.int64)
            (values,) = self._session.run(None, {"input_ids": ids, "attention_mask": mask})
            rows.append(values[0])
        return np.asarray(rows, dtype=np.float32)

    def _readings(self, text: str) -> list[tuple[int, int, Any]]:
        """What is read of ``text``, as (start, end, encoding): its first window of
        :data:`MAX_TOKENS`, the windows after it, and for a text over :data:`CHUNK_FROM` tokens
        runs of whole sentences (:meth:`_runs`)."""
        first = self._tokenizer.encode(text or " ")
        readings = [(0, len(text), first)]
        for window in first.overflowing[: MAX_WINDOWS - 1]:
            readings.append((*_extent(window), window))
        if len(first.ids) > CHUNK_FROM:
            runs = self._runs(text)
            encodings = self._tokenizer.encode_batch([text[a:b] for a, b in runs])
            readings += [(a, b, e) for (a, b), e in zip(runs, encodings, strict=True)]
        if len(readings) > 1:  # the first window of a longer text ends where it was cut
            readings[0] = (0, _extent(first)[1], first)
        return readings

    def _runs(self, text: str) -> list[tuple[int, int]]:
        """Character ranges of runs of whole sentences, each up to :data:`CHUNK_TOKENS` tokens
        (a longer sentence alone), at most :data:`MAX_CHUNKS`; none for a single sentence."""
        runs: list[tuple[int, int]] = []
        start = end = size = 0
        for match in _SENTENCE.finditer(text):
            n = len(self._tokenizer.encode(match.group(), add_special_tokens=False).ids)
            if size and size + n > CHUNK_TOKENS:
                runs.append((start, end))
                if len(runs) == MAX_CHUNKS:
                    break
                size = 0
            if not size:
                start = match.start()
            end = match.end()
            size += n
        else:
            if size and runs:
                runs.append((start, end))
        return runs


def _extent(encoding: Any) -> tuple[int, int]:
    """The characters an encoding's words cover (its special tokens cover none)."""
    words = [
        o for o, m in zip(encoding.offsets, encoding.special_tokens_mask, strict=True) if not m
    ]
    return (words[0][0], words[-1][1]) if words else (0, 0)
