"""Measure what issue 3's bar measures, through the engine ``dignity scan`` uses.

    python -m dignity.training.bar [--policy FILE] [--data DIR] [--json] [--card FILE]

Every figure comes from ``Dignity.from_policy(policy).load()``'s assessments (``assess`` or
``assess_many``, which give the same): their ``breach``, ``scores`` and ``categories``, exactly
what ``dignity scan`` writes. The public evaluation sets the bar names are not available here,
so each has a held-out proxy (never trained on):

``functional``
    :mod:`dignity.training.functional`, our own functional test suite; accuracy of ``breach``
    against the suite's ``hateful`` label (the functional hate-speech convention), overall and
    per functionality, plus accuracy against the code-of-conduct label on every case.
``functional_blind``
    :mod:`dignity.training.functional_blind`, a companion suite written after tuning and never
    used for it; totals only, so that it stays blind.
``moderation``
    AUPRC of max(personal_attack, identity_attack, threat, sexual) over the pooled official test
    splits of ConvAbuse, HateXplain, EDOS and TweetEval-hate; positive = abusive, offensive,
    hateful or sexist by the source's own annotation. EDOS labels only sexism and TweetEval-hate
    only hate at immigrants and women, so their negatives include racist slurs and insults that
    any moderation set calls abusive (in a sample of 20 EDOS dev texts labelled "not sexist" and
    scored above 0.8, 14 held such abuse). A second figure pools only the sources whose
    negatives mean no abuse of any kind (:data:`ALL_ABUSE_SOURCES`); the bar's row stays the
    stricter pooled one. A third takes those same texts inside longer posts, each after or
    before three civil political test tweets (:func:`inside_longer_posts`): tweets are short,
    and a moderation set's posts need not be.
``political``
    the political-incivility tweets' held-out hash test split: share of civil tweets that pass
    (``breach`` false) and of intolerant tweets that are breaches.
``olid``
    OLID's held-out hash test split: macro-F1 of "offensive" = ``breach`` or ``profanity``.
``speed``
    messages per second of ``engine.assess`` on 5,000 real held-out texts, one process.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import average_precision_score, f1_score

from dignity.engine import Dignity
from dignity.model import Message
from dignity.training import functional, functional_blind
from dignity.training.datasets import default_data_dir, read
from dignity.training.labels import Example

BREACH = ("personal_attack", "identity_attack", "threat", "sexual")
MODERATION_SOURCES = ("convabuse", "hatexplain", "edos", "tweeteval-hate")
ALL_ABUSE_SOURCES = ("convabuse", "hatexplain")
"""Moderation sources that annotate every kind of abuse, so a negative is a clean text."""
POLITICAL = "political-incivility-twitter"

BAR: dict[str, tuple[str, float]] = {
    "functional accuracy": (">=", 0.80),
    "moderation AUPRC": (">=", 0.80),
    "political civil pass": (">=", 0.95),
    "political intolerant breach": (">=", 0.65),
    "OLID macro-F1": (">=", 0.80),
}


def moderation_label(e: Example) -> int:
    """1 when the source calls the text abusive, offensive, hateful or sexist; else 0."""
    if any(e.labels.get(c) == 1 for c in BREACH):
        return 1
    # HateXplain "offensive" and ConvAbuse abuse of an unnamed kind leave personal_attack unknown
    if e.source in ("hatexplain", "convabuse") and e.labels.get("personal_attack") is None:
        return 1
    return 0


def held_out(data_dir: Path, sources: Sequence[str], split: str = "test") -> list[Example]:
    return [e for s in sources for e in read(s, data_dir) if e.split == split]


def _assess(engine: Dignity, texts: Sequence[str]) -> list[tuple[bool, float, frozenset[str]]]:
    out = []
    for a in engine.assess_many(Message(id=f"bar-{k}", text=t) for k, t in enumerate(texts)):
        worst = max(float(a.scores.get(c, 0.0)) for c in BREACH)
        out.append((a.breach, worst, frozenset(a.categories)))
    return out


def measure(
    policy: str | Path | None = None, data_dir: Path | None = None, speed_n: int = 5000
) -> dict[str, Any]:
    """Every bar figure for ``policy`` (the default policy when None)."""
    root = data_dir or default_data_dir()
    engine = Dignity.from_policy(policy).load()
    report: dict[str, Any] = {"detectors": [d.name for d in engine.detectors]}

    # (a) functional suites: the development one, and the blind companion (totals only)
    report["functional"] = _suite(engine, functional.cases())
    blind = _suite(engine, functional_blind.cases())
    del blind["per_functionality"]  # kept blind: no per-functionality figures to tune against
    report["functional_blind"] = blind

    # (b) moderation proxy
    mod = held_out(root, MODERATION_SOURCES)
    y = np.asarray([moderation_label(e) for e in mod], dtype=np.int64)
    mod_results = _assess(engine, [e.text for e in mod])
    p = np.asarray([r[1] for r in mod_results])
    pred = np.asarray([r[0] for r in mod_results])
    every_kind = np.asarray([e.source in ALL_ABUSE_SOURCES for e in mod])
    report["moderation"] = {
        "n": len(mod),
        "pos": int(y.sum()),
        "auprc": float(average_precision_score(y, p)),
        "n_all_abuse": int(every_kind.sum()),
        "auprc_all_abuse": float(average_precision_score(y[every_kind], p[every_kind])),
        "f1": float(f1_score(y, pred)),
        "per_source": {
            s: float(average_precision_score(y[idx], p[idx]))
            for s in MODERATION_SOURCES
            if len(idx := np.flatnonzero([e.source == s for e in mod]))
            and 0 < y[idx].sum() < len(idx)
        },
    }

    # (c) political tweets
    pol = held_out(root, (POLITICAL,))
    # (b') the same abuse inside a longer post: after or before three civil political tweets
    every = [e.text for e, kind in zip(mod, every_kind, strict=True) if kind]
    posts = inside_longer_posts(every, [e.text for e in pol if _all_zero(e)])
    p_posts = np.asarray([r[1] for r in _assess(engine, posts)])
    report["moderation"]["auprc_in_posts"] = float(average_precision_score(y[every_kind], p_posts))
    pol_results = _assess(engine, [e.text for e in pol])
    civil = [r[0] for e, r in zip(pol, pol_results, strict=True) if _all_zero(e)]
    intolerant = [
        r[0] for e, r in zip(pol, pol_results, strict=True) if e.labels["personal_attack"] == 1
    ]
    impolite = [
        r[0] for e, r in zip(pol, pol_results, strict=True) if e.labels["personal_attack"] is None
    ]
    report["political"] = {
        "n_civil": len(civil),
        "civil_pass": 1 - sum(civil) / len(civil),
        "n_intolerant": len(intolerant),
        "intolerant_breach": sum(intolerant) / len(intolerant),
        "n_impolite": len(impolite),
        "impolite_breach": sum(impolite) / max(1, len(impolite)),
    }

    # (d) OLID
    olid = held_out(root, ("olid",))
    olid_results = _assess(engine, [e.text for e in olid])
    y_olid = np.asarray([0 if _all_zero(e) else 1 for e in olid], dtype=np.int64)
    p_olid = np.asarray([int(r[0] or "profanity" in r[2]) for r in olid_results])
    report["olid"] = {
        "n": len(olid),
        "pos": int(y_olid.sum()),
        "macro_f1": float(f1_score(y_olid, p_olid, average="macro")),
    }

    # speed: assess() on real held-out texts
    pool = [e.text for e in mod + pol + olid]
    texts = (pool * (speed_n // max(1, len(pool)) + 1))[:speed_n]
    started = time.perf_counter()
    for k, text in enumerate(texts):
        engine.assess(Message(id=f"s-{k}", text=text))
    seconds = time.perf_counter() - started
    report["speed"] = {"n": len(texts), "msg_per_s": len(texts) / seconds}
    return report


def inside_longer_posts(texts: Sequence[str], filler: Sequence[str], seed: int = 0) -> list[str]:
    """Each text set after or before three texts drawn from ``filler`` (seeded): whether one
    abusive sentence is still found when the rest of a post is about something else."""
    rng = random.Random(seed)
    pool = list(filler)
    out = []
    for text in texts:
        padding = " ".join(rng.sample(pool, 3))
        out.append(f"{padding} {text}" if rng.random() < 0.5 else f"{text} {padding}")
    return out


def _suite(engine: Dignity, suite: Sequence[functional.Case]) -> dict[str, Any]:
    """Accuracy of ``breach`` against the hate label (the headline) and the code's label."""
    results = _assess(engine, [c.text for c in suite])
    per: dict[str, list[int]] = {}
    hate_right = hate_n = code_right = 0
    for case, (breach, _, _) in zip(suite, results, strict=True):
        code_right += int(breach == case.breach)
        hate = case.suite == "hate"
        right = int(breach == (case.hateful if hate else case.breach))
        hate_n += hate
        hate_right += right if hate else 0
        counts = per.setdefault(case.functionality, [0, 0])
        counts[0] += right
        counts[1] += 1
    return {
        "n": hate_n,
        "accuracy": hate_right / hate_n,
        "n_all": len(suite),
        "code_accuracy": code_right / len(suite),
        "per_functionality": {k: {"n": v[1], "accuracy": v[0] / v[1]} for k, v in per.items()},
    }


def _all_zero(e: Example) -> bool:
    return all(v == 0 for v in e.labels.values())


def figures(report: dict[str, Any]) -> dict[str, float]:
    return {
        "functional accuracy": report["functional"]["accuracy"],
        "moderation AUPRC": report["moderation"]["auprc"],
        "political civil pass": report["political"]["civil_pass"],
        "political intolerant breach": report["political"]["intolerant_breach"],
        "OLID macro-F1": report["olid"]["macro_f1"],
    }


def format_table(report: dict[str, Any]) -> str:
    """The bar as a Markdown table, then the functional suite per functionality."""
    lines = [
        f"detectors: {', '.join(report['detectors'])}",
        "",
        "| measure | proxy (held out) | n | value | bar | met |",
        "|---|---|---:|---:|---:|:-:|",
    ]
    ns = {
        "functional accuracy": report["functional"]["n"],
        "moderation AUPRC": report["moderation"]["n"],
        "political civil pass": report["political"]["n_civil"],
        "political intolerant breach": report["political"]["n_intolerant"],
        "OLID macro-F1": report["olid"]["n"],
    }
    proxies = {
        "functional accuracy": "dignity.training.functional (hate suite)",
        "moderation AUPRC": "ConvAbuse+HateXplain+EDOS+TweetEval test",
        "political civil pass": "political-incivility hash test",
        "political intolerant breach": "political-incivility hash test",
        "OLID macro-F1": "OLID hash test, breach or profanity",
    }
    for name, value in figures(report).items():
        _, bar = BAR[name]
        lines.append(
            f"| {name} | {proxies[name]} | {ns[name]} | {value:.3f} | >= {bar:.2f} | "
            f"{'yes' if value >= bar else 'no'} |"
        )
    f = report["functional"]
    lines.append(
        f"| functional, code-of-conduct labels | all {f['n_all']} cases | {f['n_all']} | "
        f"{f['code_accuracy']:.3f} | | |"
    )
    b = report["functional_blind"]
    lines.append(
        f"| functional accuracy, blind companion | dignity.training.functional_blind | {b['n']} | "
        f"{b['accuracy']:.3f} | | |"
    )
    lines.append(
        f"| functional blind, code-of-conduct labels | all {b['n_all']} cases | {b['n_all']} | "
        f"{b['code_accuracy']:.3f} | | |"
    )
    pol = report["political"]
    lines.append(
        f"| political impolite-only breach | political-incivility hash test | "
        f"{pol['n_impolite']} | {pol['impolite_breach']:.3f} | | |"
    )
    m = report["moderation"]
    lines.append(
        f"| moderation AUPRC, sources labelling every kind of abuse | "
        f"{'+'.join(ALL_ABUSE_SOURCES)} test | {m['n_all_abuse']} | "
        f"{m['auprc_all_abuse']:.3f} | | |"
    )
    if "auprc_in_posts" in m:
        lines.append(
            f"| moderation AUPRC, the same inside longer posts | each after or before 3 civil "
            f"political test tweets | {m['n_all_abuse']} | {m['auprc_in_posts']:.3f} | | |"
        )
    for source, value in report["moderation"]["per_source"].items():
        lines.append(f"| moderation AUPRC, {source} | official test | | {value:.3f} | | |")
    s = report["speed"]
    lines.append(
        f"| engine.assess msg/s (1 process) | real held-out texts | {s['n']} | "
        f"{s['msg_per_s']:.0f} | | |"
    )
    lines += ["", "| functionality | n | accuracy |", "|---|---:|---:|"]
    for name, m in report["functional"]["per_functionality"].items():
        lines.append(f"| {name} | {m['n']} | {m['accuracy']:.3f} |")
    return "\n".join(lines)


_START = "<!-- bar:start -->"
_END = "<!-- bar:end -->"


def write_card(path: Path, table: str, command: str) -> None:
    """Put the table into ``path`` between bar markers (appended the first time)."""
    block = (
        f"{_START}\n## Issue 3's bar, measured through the engine\n\n"
        f"`{command}`; every proxy is held out from training.\n\n{table}\n{_END}"
    )
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if _START in text and _END in text:
        text = re.sub(
            re.escape(_START) + r".*?" + re.escape(_END), lambda _: block, text, count=1, flags=re.S
        )
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dignity.training.bar",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    parser.add_argument("--policy", default=None, help="policy file (default: the default)")
    parser.add_argument("--data", type=Path, default=None, help="datasets folder")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--card", type=Path, default=None, help="also write into this card")
    args = parser.parse_args(argv)
    report = measure(args.policy, args.data)
    if args.json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    else:
        table = format_table(report)
        sys.stdout.write(table + "\n")
        if args.card:
            command = "python -m dignity.training.bar" + (
                f" --policy {args.policy}" if args.policy else ""
            )
            write_card(args.card, table, command)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
