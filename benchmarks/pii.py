"""dignity.pii.v1 against Microsoft Presidio on the synthetic doxxing set, in one run.

``python -m benchmarks.pii`` generates the labelled set (``dignity.training.pii_synthetic``,
fixed seed), runs both detectors with the same allow-list and prints precision, recall and F1 at
span level (a predicted span is right when it overlaps any gold span, whatever the label) and at
message level (does the message publish anything), with messages per second on one core.

Presidio gets a fair chance: its spaCy NLP engine is ``spacy.blank("en")`` saved to a temporary
directory (no model download), its phone recognizer validates GB numbers first, the UK postcode
and National Insurance recognizers are added (they ship disabled), and it is asked only for the
entities that are private information here. A Presidio result counts at its default score
threshold; a second row shows it with results below 0.5 dropped, the line dignity decides at.
"""

from __future__ import annotations

import json
import logging
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dignity.detectors.pii.private_information import PrivateInformationDetector
from dignity.model import Message
from dignity.policy.loader import default_policy
from dignity.training.pii_synthetic import ALLOWED, LabelledText, generate

THRESHOLD = 0.5
HANDWRITTEN = Path(__file__).resolve().parent / "data" / "pii_handwritten.jsonl"
PRESIDIO_ENTITIES = (
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "UK_NHS",
    "UK_NINO",
    "UK_POSTCODE",
    "CREDIT_CARD",
    "IBAN_CODE",
    "LOCATION",
    "DATE_TIME",
    "US_BANK_NUMBER",
)

Spans = list[tuple[int, int]]


def _overlaps(span: tuple[int, int], others: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(examples: Sequence[LabelledText], predictions: Sequence[Spans]) -> dict[str, float]:
    """Span-level and message-level precision, recall and F1 of ``predictions``."""
    correct = predicted = found = gold_total = 0
    hit = flagged = positive = 0
    for example, spans in zip(examples, predictions, strict=True):
        gold = [(start, end) for start, end, _label in example.spans]
        predicted += len(spans)
        correct += sum(_overlaps(span, gold) for span in spans)
        gold_total += len(gold)
        found += sum(_overlaps(span, spans) for span in gold)
        flagged += bool(spans)
        positive += bool(gold)
        hit += bool(spans) and bool(gold)
    precision = correct / predicted if predicted else 1.0
    recall = found / gold_total if gold_total else 1.0
    m_precision = hit / flagged if flagged else 1.0
    m_recall = hit / positive if positive else 1.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "msg_precision": m_precision,
        "msg_recall": m_recall,
        "msg_f1": _f1(m_precision, m_recall),
    }


def _timed(
    predict: Callable[[str], Spans], examples: Sequence[LabelledText]
) -> tuple[list[Spans], float]:
    started = time.perf_counter()
    predictions = [predict(example.text) for example in examples]
    elapsed = time.perf_counter() - started
    return predictions, len(examples) / elapsed if elapsed else float("inf")


def _dignity_predictor(allowed: Sequence[str]) -> Callable[[str], Spans]:
    detector = PrivateInformationDetector(allowed=allowed)
    detector.load()

    def predict(text: str) -> Spans:
        findings = detector.detect(Message(id="bench", text=text))
        return [(s.start, s.end) for f in findings if f.score >= THRESHOLD for s in f.spans]

    return predict


def _presidio_analyzer(model_dir: str) -> Any:
    """Presidio's AnalyzerEngine on a blank spaCy pipeline, with the UK recognizers enabled."""
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        PhoneRecognizer,
        UkNinoRecognizer,
        UkPostcodeRecognizer,
    )

    # The email recognizer's tldextract tries to refresh its suffix list over the network and
    # logs a traceback when it cannot; it falls back to its bundled copy either way.
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)

    spacy.blank("en").to_disk(model_dir)
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model_dir}],
        }
    )
    nlp_engine = provider.create_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=["en"])
    registry.remove_recognizer("PhoneRecognizer")
    registry.add_recognizer(PhoneRecognizer(supported_regions=("GB", "US", "IE", "FR", "AU")))
    names = {str(getattr(recognizer, "name", "")) for recognizer in registry.recognizers}
    if "UkPostcodeRecognizer" not in names:
        registry.add_recognizer(UkPostcodeRecognizer())
    if "UkNinoRecognizer" not in names:
        registry.add_recognizer(UkNinoRecognizer())
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])


def run(n: int = 2000, seed: int = 0) -> dict[str, dict[str, float]]:
    """Both detectors on ``generate(seed, n)``: metrics and messages per second, by row."""
    return run_on(generate(seed=seed, n=n), allowed=ALLOWED)


def handwritten() -> list[LabelledText]:
    """The hand-written held-out set: written apart from the detector, never used to tune it."""
    rows = [json.loads(line) for line in HANDWRITTEN.read_text("utf-8").splitlines() if line]
    return [
        LabelledText(
            text=row["text"],
            spans=tuple((int(a), int(b), str(label)) for a, b, label in row["spans"]),
            kind="handwritten",
        )
        for row in rows
    ]


def default_policy_allow_list() -> list[str]:
    """The published contacts the default policy gives the detector, as a deployment has them."""
    for config in default_policy().policy.detectors:
        if config.name == PrivateInformationDetector.name:
            return [str(item) for item in config.options.get("allowed", ())]
    return []


def run_on(
    examples: Sequence[LabelledText], *, allowed: Sequence[str]
) -> dict[str, dict[str, float]]:
    """Both detectors on ``examples`` with the same allow-list, by row."""
    results: dict[str, dict[str, float]] = {}

    predictions, speed = _timed(_dignity_predictor(allowed), examples)
    results["dignity"] = {**score(examples, predictions), "messages_per_s": speed}

    with tempfile.TemporaryDirectory(prefix="presidio-blank-en-") as model_dir:
        analyzer = _presidio_analyzer(model_dir)
        entities = [e for e in PRESIDIO_ENTITIES if e in analyzer.get_supported_entities()]
        allow_list = list(allowed)
        raw: list[list[tuple[int, int, float]]] = []

        def predict(text: str) -> Spans:
            found = analyzer.analyze(
                text=text, language="en", entities=entities, allow_list=allow_list
            )
            raw.append([(r.start, r.end, float(r.score)) for r in found])
            return [(r.start, r.end) for r in found]

        predictions, speed = _timed(predict, examples)
    results["presidio"] = {**score(examples, predictions), "messages_per_s": speed}
    confident = [[(s, e) for s, e, p in spans if p >= THRESHOLD] for spans in raw]
    results["presidio (score>=0.5)"] = {**score(examples, confident), "messages_per_s": speed}
    return results


def print_table(results: dict[str, dict[str, float]], title: str) -> None:
    columns = ("precision", "recall", "f1", "msg_precision", "msg_recall", "msg_f1")
    heads = ("span P", "span R", "span F1", "msg P", "msg R", "msg F1", "msgs/s")
    print(f"{title}; a span counts when it overlaps a gold span")
    print(f"{'detector':<22}" + "".join(f"{head:>10}" for head in heads))
    for row, metrics in results.items():
        cells = "".join(f"{metrics[column]:>10.4f}" for column in columns)
        print(f"{row:<22}{cells}{metrics['messages_per_s']:>10.0f}")
    dignity, presidio = results["dignity"], results["presidio"]
    best = max(presidio["f1"], results["presidio (score>=0.5)"]["f1"])
    f1_ratio = dignity["f1"] / presidio["f1"] if presidio["f1"] else float("inf")
    best_ratio = dignity["f1"] / best if best else float("inf")
    speed_ratio = dignity["messages_per_s"] / presidio["messages_per_s"]
    print(f"dignity F1 / presidio F1: {f1_ratio:.2f} (vs Presidio's better row: {best_ratio:.2f})")
    print(f"dignity speed / presidio speed: {speed_ratio:.1f}x")


def main(n: int = 2000, seed: int = 0) -> None:
    print_table(run(n=n, seed=seed), f"synthetic set (the bar): n={n}, seed={seed}")
    held_out = handwritten()
    print()
    print_table(
        run_on(held_out, allowed=default_policy_allow_list()),
        f"hand-written held-out set: n={len(held_out)}, default policy allow-list",
    )


if __name__ == "__main__":
    main()
