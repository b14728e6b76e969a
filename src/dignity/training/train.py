"""Build the shipped text models (``dignity.text.v1``, ``v2``, ``v3``) from the public datasets.

One command, seeded and deterministic on a given machine::

    python -m dignity.training.train [--data DIR] [--out DIR] [--seed N] [--contextual-rows N]

Steps: read every source (:mod:`dignity.training.datasets`), drop training texts that also
appear in any dev or test split (normalised), add the synthetic contrast families
(:mod:`dignity.training.contrast`), build a tf-idf vocabulary over word 1-3-grams and
within-word character 2-5-grams of the de-obfuscated text, fit one class-balanced logistic
regression per category on the rows where that category is known, calibrate each with Platt
scaling on the real dev splits, move each category's dev-F1-best threshold to 0.5 (all folded
into the coefficients, so 0.5 is the decision point),
and write ``vocab.json``, ``weights.npz`` (float32), ``meta.json`` and ``MODEL_CARD.md``.
Then fine-tune the contextual model (:mod:`dignity.training.contextual`, into ``contextual/``)
and fit the v2 and v3 stackers on the dev splits (:mod:`dignity.training.stack`).
"""

from __future__ import annotations

import argparse
import json
import math
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from dignity.detectors.text.featurise import CHAR_NGRAMS, WORD_NGRAMS, counts, normalise
from dignity.training import contrast, functional_blind
from dignity.training.datasets import default_data_dir, read_all
from dignity.training.labels import CATEGORIES, Example, dedup_key

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "models" / "text-v1"

SOURCE_WEIGHTS: dict[str, float] = {
    # Davidson over-labels African-American English as offensive/hateful; MLMA is all hostile
    # and its labels are noisy: both count half. Synthetic data counts as much as real data.
    "davidson2017": 0.5,
    "mlma-en": 0.5,
}
MAX_WORD_FEATURES = 150_000
MAX_CHAR_FEATURES = 250_000
MIN_DF = 3
C = {"personal_attack": 2.0, "identity_attack": 2.0, "threat": 2.0, "sexual": 2.0, "profanity": 4.0}


@dataclass
class TrainReport:
    """What a training run did and how the model scored on each held-out test split."""

    out_dir: Path
    seed: int
    seconds: float
    n_train: int
    n_features: int
    size_bytes: int
    fine_tuned: bool = True  # False: the transformer already in out_dir was kept
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    calibration: dict[str, tuple[float, float]] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)


def _weight(source: str) -> float:
    return SOURCE_WEIGHTS.get(source, 1.0)


def build_vocabulary(texts: Sequence[str]) -> list[str]:
    """Features with document frequency >= MIN_DF, the most frequent of each kind first."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(counts(normalise(text)).keys())
    words = sorted(
        (f for f, n in df.items() if n >= MIN_DF and f.startswith("w:")), key=lambda f: (-df[f], f)
    )[:MAX_WORD_FEATURES]
    chars = sorted(
        (f for f, n in df.items() if n >= MIN_DF and f.startswith("c:")), key=lambda f: (-df[f], f)
    )[:MAX_CHAR_FEATURES]
    return sorted(words) + sorted(chars)


def document_frequency(texts: Sequence[str], index: dict[str, int]) -> npt.NDArray[np.float64]:
    df = np.zeros(len(index), dtype=np.float64)
    for text in texts:
        for f in counts(normalise(text)):
            i = index.get(f)
            if i is not None:
                df[i] += 1
    return df


def vectorise(
    texts: Sequence[str],
    index: dict[str, int],
    idf: npt.NDArray[np.float32],
    is_word: npt.NDArray[np.bool_],
) -> sparse.csr_matrix:
    """The tf-idf matrix exactly as the detector computes it (sublinear tf, per-block l2)."""
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for text in texts:
        ids: list[int] = []
        tfs: list[float] = []
        for f, n in counts(normalise(text)).items():
            i = index.get(f)
            if i is not None:
                ids.append(i)
                tfs.append(1.0 + math.log(n))
        if ids:
            idx = np.asarray(ids, dtype=np.int64)
            values = np.asarray(tfs, dtype=np.float32) * idf[idx]
            word = is_word[idx]
            for block in (word, ~word):
                norm = float(np.sqrt(np.sum(values[block] ** 2)))
                if norm > 0:
                    values[block] /= norm
            indices.extend(ids)
            data.extend(values.tolist())
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (
            np.asarray(data, dtype=np.float32),
            np.asarray(indices, dtype=np.int32),
            np.asarray(indptr, dtype=np.int64),
        ),
        shape=(len(texts), len(index)),
    )


def _platt(z: npt.NDArray[np.float64], y: npt.NDArray[np.int64]) -> tuple[float, float]:
    """Sigmoid calibration p = 1 / (1 + exp(-(a z + b))) fitted on held-out margins."""
    model = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000)
    model.fit(z.reshape(-1, 1), y)
    return float(model.coef_[0, 0]), float(model.intercept_[0])


def _best_threshold(p: npt.NDArray[np.float64], y: npt.NDArray[np.int64]) -> float:
    """The probability in [0.1, 0.6] with the best F1 on held-out rows."""
    best_t, best_f1 = 0.5, -1.0
    for t in np.arange(0.10, 0.605, 0.01):
        pred = p >= t
        tp = float(np.sum(pred & (y == 1)))
        fp = float(np.sum(pred & (y == 0)))
        fn = float(np.sum(~pred & (y == 1)))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1 + 1e-9:
            best_t, best_f1 = float(t), f1
    return best_t


def split_examples(
    examples: Sequence[Example],
) -> tuple[list[Example], list[Example], list[Example]]:
    """train, dev, test; training rows whose text is in any dev or test split are dropped."""
    held = {dedup_key(e.text) for e in examples if e.split in ("dev", "test")}
    train = [e for e in examples if e.split == "train" and dedup_key(e.text) not in held]
    dev = [e for e in examples if e.split == "dev"]
    test = [e for e in examples if e.split == "test"]
    return train, dev, test


class Corpus(NamedTuple):
    """Every example read, and the shuffled training rows built from them."""

    examples: list[Example]
    train: list[Example]
    dev: list[Example]
    test: list[Example]
    n_real: int
    n_synthetic: int


def training_set(data_dir: Path, seed: int = 0) -> Corpus:
    """The training rows every model of ours learns from, seeded.

    Real training splits minus any text in a dev or test split or either functional suite, plus
    the synthetic contrast families (also deduplicated against them), shuffled.
    """
    rng = np.random.default_rng(seed)
    examples = list(read_all(data_dir))
    if not examples:
        raise FileNotFoundError(f"no datasets found under {data_dir}; set DIGNITY_DATA_DIR")
    train_real, dev, test = split_examples(examples)
    # the functional suites are evaluation sets: none of their texts may be trained on
    suite = functional_blind.held_out_keys()
    train_real = [e for e in train_real if dedup_key(e.text) not in suite]
    synthetic = contrast.generate(seed, real=train_real)
    held = {dedup_key(e.text) for e in dev + test} | suite
    synthetic = [e for e in synthetic if dedup_key(e.text) not in held]
    train_set = train_real + synthetic
    order = rng.permutation(len(train_set))
    return Corpus(
        examples,
        [train_set[i] for i in order],
        dev,
        test,
        len(train_real),
        len(synthetic),
    )


def train(
    data_dir: Path, out_dir: Path, seed: int = 0, contextual_rows: int | None = None
) -> TrainReport:
    """Train, calibrate, evaluate and write the model; returns what happened.

    ``contextual_rows``: how many training rows fine-tune the contextual model (None: all of
    them; 0 skips it and keeps whatever contextual model ``out_dir`` already holds).
    """
    started = time.perf_counter()
    corpus = training_set(data_dir, seed)
    examples, train_set, dev, test = corpus.examples, corpus.train, corpus.dev, corpus.test
    print(
        f"[train] {corpus.n_real} real + {corpus.n_synthetic} synthetic training texts, "
        f"{len(dev)} dev, {len(test)} test",
        flush=True,
    )

    texts = [e.text for e in train_set]
    vocab = build_vocabulary(texts)
    index = {f: i for i, f in enumerate(vocab)}
    is_word = np.fromiter((f.startswith("w:") for f in vocab), dtype=bool, count=len(vocab))
    df = document_frequency(texts, index)
    idf = (np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0).astype(np.float32)
    print(
        f"[train] {len(vocab)} features ({int(is_word.sum())} word) "
        f"in {time.perf_counter() - started:.0f}s",
        flush=True,
    )
    x_train = vectorise(texts, index, idf, is_word)
    x_dev = vectorise([e.text for e in dev], index, idf, is_word)
    weights = np.asarray([_weight(e.source) for e in train_set], dtype=np.float64)

    coef = np.zeros((len(vocab), len(CATEGORIES)), dtype=np.float32)
    intercept = np.zeros(len(CATEGORIES), dtype=np.float32)
    calibration: dict[str, tuple[float, float]] = {}
    label_counts: dict[str, dict[str, int]] = {}
    for c, category in enumerate(CATEGORIES):
        rows = np.asarray([i for i, e in enumerate(train_set) if e.labels[category] is not None])
        y = np.asarray([train_set[i].labels[category] for i in rows], dtype=np.int64)
        w = weights[rows].copy()
        pos = float(w[y == 1].sum())
        neg = float(w[y == 0].sum())
        w[y == 1] *= (pos + neg) / (2 * pos)
        w[y == 0] *= (pos + neg) / (2 * neg)
        model = LogisticRegression(
            C=C[category], solver="liblinear", max_iter=200, random_state=seed
        )
        model.fit(x_train[rows], y, sample_weight=w)
        raw_coef = model.coef_[0].astype(np.float64)
        raw_b = float(model.intercept_[0])
        dev_rows = np.asarray([i for i, e in enumerate(dev) if e.labels[category] is not None])
        y_dev = np.asarray([dev[i].labels[category] for i in dev_rows], dtype=np.int64)
        z_dev = np.asarray(x_dev[dev_rows] @ raw_coef).ravel() + raw_b
        a, b = _platt(z_dev, y_dev)
        # move the decision point: the dev-F1-best probability becomes 0.5
        best = _best_threshold(1.0 / (1.0 + np.exp(-(a * z_dev + b))), y_dev)
        b -= math.log(best / (1.0 - best))
        calibration[category] = (a, b)
        coef[:, c] = (raw_coef * a).astype(np.float32)
        intercept[c] = np.float32(raw_b * a + b)
        label_counts[category] = {
            "train_pos": int((y == 1).sum()),
            "train_neg": int((y == 0).sum()),
            "dev_pos": int((y_dev == 1).sum()),
            "dev_neg": int((y_dev == 0).sum()),
        }
        print(
            f"[train] {category}: {label_counts[category]} platt a={a:.3f} b={b:.3f} "
            f"({time.perf_counter() - started:.0f}s)",
            flush=True,
        )

    # drop features every category ignores
    keep = np.flatnonzero(np.abs(coef).max(axis=1) > 1e-6)
    vocab = [vocab[i] for i in keep]
    coef = coef[keep]
    idf = idf[keep]

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    np.savez_compressed(
        out_dir / "weights.npz",
        idf=idf.astype(np.float32),
        coef=coef.astype(np.float32),
        intercept=intercept.astype(np.float32),
    )
    sources = sorted({e.source for e in train_set})
    meta: dict[str, Any] = {
        "name": "dignity.text.v1",
        "categories": list(CATEGORIES),
        "seed": seed,
        "word_ngrams": list(WORD_NGRAMS),
        "char_ngrams": list(CHAR_NGRAMS),
        "n_features": len(vocab),
        "sources": sources,
        "source_weights": SOURCE_WEIGHTS,
        "C": C,
        "calibration": calibration,
        "label_counts": label_counts,
    }
    (out_dir / "meta.json").write_text(
        json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )

    # dignity.text.v3's contextual model: MiniLM fine-tuned on the same rows
    if contextual_rows != 0:
        from dignity.detectors.text.contextual import CONTEXT_DIR
        from dignity.training import contextual

        contextual.fine_tune(
            contextual.sample(train_set, contextual_rows, seed),
            out_dir / CONTEXT_DIR,
            seed=seed,
            source_weights=SOURCE_WEIGHTS,
            log=lambda line: print(line, flush=True),
        )
        print(f"[train] contextual model written ({time.perf_counter() - started:.0f}s)")

    # dignity.text.v2 (classifier + lexicon) and v3 (+ contextual), stacked on dev rows
    from dignity.training import stack

    stacked = stack.build(out_dir, examples, seed)
    meta["stack_dev_thresholds"] = stacked["dev_thresholds_moved_to_half"]
    if "v3" in stacked:
        meta["stack_v3_dev_thresholds"] = stacked["v3"]["dev_thresholds_moved_to_half"]
    print(f"[train] stacker written ({time.perf_counter() - started:.0f}s)", flush=True)

    from dignity.training.evaluate import evaluate_examples, format_report

    measured = "dignity.text.v3" if "v3" in stacked else "dignity.text.v2"
    metrics = evaluate_examples(test, model_dir=out_dir, detector=measured)
    meta["test_metrics_detector"] = measured
    meta["test_metrics"] = metrics
    (out_dir / "meta.json").write_text(
        json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    seconds = time.perf_counter() - started
    size = sum(p.stat().st_size for p in out_dir.rglob("*") if p.is_file())
    report = TrainReport(
        out_dir=out_dir,
        seed=seed,
        seconds=seconds,
        n_train=len(train_set),
        n_features=len(vocab),
        size_bytes=size,
        fine_tuned=contextual_rows != 0,
        counts=label_counts,
        calibration=calibration,
        metrics=metrics,
    )
    from dignity.training.model_card import write_model_card

    write_model_card(
        out_dir,
        report,
        format_report(metrics),
        n_real=corpus.n_real,
        n_synthetic=corpus.n_synthetic,
    )
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dignity.training.train",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="datasets folder (default: $DIGNITY_DATA_DIR or ../shared/data)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="artefact folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--contextual-rows",
        type=int,
        default=None,
        help="rows that fine-tune the transformer (default: all; 0 keeps the shipped one)",
    )
    args = parser.parse_args(argv)
    report = train(
        args.data or default_data_dir(),
        args.out,
        seed=args.seed,
        contextual_rows=args.contextual_rows,
    )
    print(
        f"[train] done in {report.seconds:.0f}s: {report.n_features} features, "
        f"{report.size_bytes / 1e6:.1f} MB in {report.out_dir}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
