"""Measure a text model on labelled data: precision, recall, F1 and AUPRC per category and source.

``evaluate`` takes a labelled file (JSONL with ``text`` and per-category 0/1 fields, optionally
inside ``labels``, and an optional ``source``; or CSV with a ``text`` column and one column per
category) or the name of a shared dataset, whose test split is then used::

    python -m dignity.training.evaluate edos hatexplain path/to/labelled.jsonl

Beside the per-category figures it reports two summaries that mirror how the model is used:
``breach`` (the maximum of the four breach categories against "any of them is 1") and
``offensive`` (breach or profanity against "any category is 1"), the latter with macro-F1.
A category counts as present at score >= 0.5.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.metrics import average_precision_score, f1_score

from dignity.detectors.text.classifier import CATEGORIES
from dignity.errors import DetectorError
from dignity.training.datasets import READERS, default_data_dir, read
from dignity.training.labels import Example, Label

BREACH = ("personal_attack", "identity_attack", "threat", "sexual")
THRESHOLD = 0.5


def _metrics(y: npt.NDArray[np.int64], p: npt.NDArray[np.float64]) -> dict[str, float | int]:
    pred = p >= THRESHOLD
    tp = int(np.sum(pred & (y == 1)))
    fp = int(np.sum(pred & (y == 0)))
    fn = int(np.sum(~pred & (y == 1)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    out: dict[str, float | int] = {
        "n": len(y),
        "pos": int(y.sum()),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }
    if 0 < y.sum() < len(y):
        out["auprc"] = round(float(average_precision_score(y, p)), 4)
        out["macro_f1"] = round(float(f1_score(y, pred, average="macro")), 4)
    return out


def _summaries(
    labels: Sequence[dict[str, Label]], probs: npt.NDArray[np.float64]
) -> dict[str, dict[str, float | int]]:
    out: dict[str, dict[str, float | int]] = {}
    columns = {c: i for i, c in enumerate(CATEGORIES)}
    for category, i in columns.items():
        rows = [k for k, lab in enumerate(labels) if lab.get(category) is not None]
        if rows:
            y = np.asarray([labels[k][category] for k in rows], dtype=np.int64)
            out[category] = _metrics(y, probs[rows, i])
    for name, cats in (("breach", BREACH), ("offensive", CATEGORIES)):
        rows, ys = [], []
        for k, lab in enumerate(labels):
            values = [lab.get(c) for c in cats]
            if any(v == 1 for v in values):
                rows.append(k)
                ys.append(1)
            elif all(v == 0 for v in values):
                rows.append(k)
                ys.append(0)
        if rows:
            score = probs[np.ix_(rows, [columns[c] for c in cats])].max(axis=1)
            out[name] = _metrics(np.asarray(ys, dtype=np.int64), score)
    return out


DEFAULT_DETECTOR = "dignity.text.v3"
"""What ``dignity evaluate`` measures unless told otherwise: the default policy's text detector."""


def evaluate_examples(
    examples: Iterable[Example],
    *,
    model_dir: Path | None = None,
    detector: str = DEFAULT_DETECTOR,
) -> dict[str, Any]:
    """Figures per source and overall, for every category a source labels.

    ``detector`` is a registered text detector with a ``scores(text)`` method (the text
    detectors ``dignity.text.v1``, ``v2`` and ``v3``); ``model_dir`` its artefact folder.
    """
    from dignity.detectors import registry

    options: dict[str, object] = {"model_dir": str(model_dir)} if model_dir else {}
    scorer = registry.create(detector, options)
    scores = getattr(scorer, "scores", None)
    if scores is None:
        raise ValueError(f"{detector} has no per-category scores to evaluate")
    by_source: dict[str, list[Example]] = {}
    for e in examples:
        by_source.setdefault(e.source, []).append(e)
    report: dict[str, Any] = {}
    all_labels: list[dict[str, Label]] = []
    all_probs: list[npt.NDArray[np.float64]] = []
    for source in sorted(by_source):
        rows = by_source[source]
        probs = np.asarray(
            [[float(scores(e.text).get(c, 0.0)) for c in CATEGORIES] for e in rows],
            dtype=np.float64,
        )
        labels = [dict(e.labels) for e in rows]
        report[source] = _summaries(labels, probs)
        all_labels.extend(labels)
        all_probs.append(probs)
    if all_probs:
        report["ALL"] = _summaries(all_labels, np.vstack(all_probs))
    return report


def format_report(report: dict[str, Any]) -> str:
    """A Markdown table: one row per source and category."""
    lines = [
        "| source | category | n | pos | P | R | F1 | AUPRC | macro-F1 |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for source, cats in report.items():
        for category, m in cats.items():
            lines.append(
                f"| {source} | {category} | {m['n']} | {m['pos']} | {m['precision']:.3f} | "
                f"{m['recall']:.3f} | {m['f1']:.3f} | {m.get('auprc', float('nan')):.3f} | "
                f"{m.get('macro_f1', float('nan')):.3f} |"
            )
    return "\n".join(lines)


def _value(raw: Any) -> Label:
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        return int(raw)
    if isinstance(raw, int | float):
        return int(raw >= 0.5)
    text = str(raw).strip().lower()
    if text in ("1", "true", "yes"):
        return 1
    if text in ("0", "false", "no"):
        return 0
    return None


def read_labelled(path: Path) -> list[Example]:
    """Examples from our JSONL or CSV format (see the module docstring)."""
    rows: list[dict[str, Any]] = []
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
    elif path.suffix == ".csv":
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    else:
        raise ValueError(f"{path}: expected a .jsonl or .csv file of labelled texts")
    out = []
    for row in rows:
        inner = row.get("labels")
        nested: dict[str, Any] = inner if isinstance(inner, dict) else row
        labels = {c: _value(nested.get(c)) for c in CATEGORIES}
        out.append(
            Example(
                text=str(row["text"]),
                labels=labels,
                targets=(),
                source=str(row.get("source") or path.stem),
                split="test",
            )
        )
    return out


def evaluate(
    path: Path | str,
    *,
    model_dir: Path | None = None,
    data_dir: Path | None = None,
    split: str = "test",
    detector: str = DEFAULT_DETECTOR,
) -> dict[str, Any]:
    """Evaluate on a labelled file, or on a shared dataset's split when ``path`` names one."""
    name = str(path)
    if name in READERS:
        examples = [e for e in read(name, data_dir or default_data_dir()) if e.split == split]
    else:
        examples = read_labelled(Path(path))
    return evaluate_examples(examples, model_dir=model_dir, detector=detector)


def run_evaluate(
    targets: list[str],
    *,
    model_dir: Path | None = None,
    data_dir: Path | None = None,
    as_json: bool = False,
    split: str = "test",
    detector: str = DEFAULT_DETECTOR,
) -> int:
    """What ``dignity evaluate FILE...`` runs: print the figures, return the exit code.

    ``targets`` are labelled JSONL/CSV files or shared dataset names (every shared dataset's
    ``split`` when empty). Prints P/R/F1/AUPRC per category and per source (and ``ALL`` when
    there is more than one source), as a Markdown table or JSON. Exit code 0 on success, 2 when
    a target is neither a readable file nor a known dataset or the detector cannot be used,
    1 when nothing could be evaluated.
    """
    names = targets or list(READERS)
    examples: list[Example] = []
    for target in names:
        if target in READERS:
            root = data_dir or default_data_dir()
            examples.extend(e for e in read(target, root) if e.split == split)
            continue
        path = Path(target)
        if not path.is_file():
            sys.stderr.write(
                f"error: {target} is neither a labelled .jsonl/.csv file nor a dataset "
                f"(known: {', '.join(READERS)})\n"
            )
            return 2
        try:
            examples.extend(read_labelled(path))
        except (ValueError, KeyError, json.JSONDecodeError) as exc:
            sys.stderr.write(f"error: {target}: {exc}\n")
            return 2
    if not examples:
        sys.stderr.write("error: no labelled examples found\n")
        return 1
    try:
        report = evaluate_examples(examples, model_dir=model_dir, detector=detector)
    except (DetectorError, ValueError) as exc:
        sys.stderr.write(f"error: detector {detector}: {exc}\n")
        return 2
    if len(report) == 2:  # one source and ALL: the same figures twice
        report.pop("ALL", None)
    sys.stdout.write((json.dumps(report, indent=2) if as_json else format_report(report)) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dignity.training.evaluate")
    parser.add_argument(
        "targets",
        nargs="*",
        help="labelled files or dataset names (default: every shared dataset's test split)",
    )
    parser.add_argument("--model", type=Path, default=None, help="model folder")
    parser.add_argument("--data", type=Path, default=None, help="datasets folder")
    parser.add_argument("--split", default="test")
    parser.add_argument("--detector", default=DEFAULT_DETECTOR, help="text detector to measure")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    return run_evaluate(
        list(args.targets),
        model_dir=args.model,
        data_dir=args.data,
        as_json=args.json,
        split=args.split,
        detector=args.detector,
    )


if __name__ == "__main__":
    raise SystemExit(main())
