"""The fine-tuning schedule's pure parts: sampling and length-grouped batches (no PyTorch)."""

from __future__ import annotations

import numpy as np

from dignity.training.contextual import epoch_batches, length_batches, sample
from dignity.training.labels import Example


def _lengths(n: int, seed: int = 7) -> np.ndarray:
    return np.random.default_rng(seed).integers(1, 129, size=n).astype(np.int64)


def test_every_row_lands_in_exactly_one_batch() -> None:
    lengths = _lengths(1_000)
    batches = length_batches(lengths, batch=32, seed=0, window=4)
    rows = np.concatenate(batches)
    assert sorted(rows.tolist()) == list(range(1_000))
    assert all(1 <= len(b) <= 32 for b in batches)


def test_batches_are_seeded_and_deterministic() -> None:
    lengths = _lengths(500)
    first = length_batches(lengths, batch=16, seed=3)
    again = length_batches(lengths, batch=16, seed=3)
    other = length_batches(lengths, batch=16, seed=4)
    assert [b.tolist() for b in first] == [b.tolist() for b in again]
    assert [b.tolist() for b in first] != [b.tolist() for b in other]


def test_each_epoch_visits_every_row_once_in_its_own_order() -> None:
    lengths = _lengths(600)
    one = length_batches(lengths, batch=32, seed=5)
    two = epoch_batches(lengths, batch=32, seed=5, epochs=2)
    assert [b.tolist() for b in two[: len(one)]] == [b.tolist() for b in one]
    second = two[len(one) :]
    assert sorted(np.concatenate(second).tolist()) == list(range(600))
    assert [b.tolist() for b in second] != [b.tolist() for b in one]


def test_grouping_cuts_padding_against_random_batches() -> None:
    lengths = _lengths(4_096)
    grouped = length_batches(lengths, batch=32, seed=0)
    padded = sum(int(lengths[b].max()) * len(b) for b in grouped)
    order = np.random.default_rng(0).permutation(len(lengths))
    random_padded = sum(
        int(lengths[order[i : i + 32]].max()) * len(order[i : i + 32])
        for i in range(0, len(order), 32)
    )
    assert padded < 0.6 * random_padded
    # still a shuffled schedule: batch lengths do not climb monotonically
    tops = [int(lengths[b].max()) for b in grouped]
    assert tops != sorted(tops)


def test_sample_none_takes_every_row_in_a_seeded_order() -> None:
    rows = [Example(f"text {i}", {}, (), "s", "train") for i in range(50)]
    every = sample(rows, None, seed=1)
    assert sorted(e.text for e in every) == sorted(e.text for e in rows)
    assert [e.text for e in every] == [e.text for e in sample(rows, None, seed=1)]
    assert len(sample(rows, 10, seed=1)) == 10
