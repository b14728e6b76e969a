"""Speed of the default text model through ``dignity scan``, against a BERT-base classifier.

    python -m benchmarks.text_model [--messages 5000] [--bert-messages 512]

Writes ~5,000 real held-out texts (the official test splits of HateXplain, ConvAbuse, EDOS,
TweetEval-hate and the political tweets' held-out hash split: never trained on) as JSONL, runs
the real CLI on them in a child process with the default policy, and samples the peak memory of
its whole process tree (detection workers included, :mod:`benchmarks.child`).
In the same run, a second child scores the same texts with a BERT-base
sequence classifier (``transformers.BertConfig()`` defaults, random weights: speed does not
depend on the weights) on CPU with ``torch.set_num_threads(2)``, batch 32, max_length 128,
after a WordPiece tokenizer of BERT's vocabulary size is trained on the texts (setup, not timed).
The BERT rate counts inference only (tokenising and the forward passes), which flatters BERT;
dignity's counts everything (start-up, policy, every detector, decision, JSONL and SQLite).

Needs the ``bench`` extra (``transformers``, ``torch``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.child import run_child

TARGET_RATE = 500
TARGET_PEAK_MIB = 1536
TARGET_RATIO = 10.0
SOURCES = ("hatexplain", "convabuse", "edos", "tweeteval-hate", "political-incivility-twitter")

BERT_CODE = r"""
import json, sys, time
import torch
from tokenizers import BertWordPieceTokenizer
from transformers import BertConfig, BertForSequenceClassification

texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
limit = int(sys.argv[2])
torch.set_num_threads(2)
torch.manual_seed(0)
config = BertConfig()
tokenizer = BertWordPieceTokenizer(lowercase=True)
tokenizer.train_from_iterator(texts, vocab_size=config.vocab_size, show_progress=False)
tokenizer.enable_truncation(max_length=128)
tokenizer.enable_padding(length=None)
model = BertForSequenceClassification(config).eval()
subset = texts[:limit]
started = time.perf_counter()
with torch.inference_mode():
    for i in range(0, len(subset), 32):
        batch = tokenizer.encode_batch(subset[i : i + 32])
        ids = torch.tensor([e.ids for e in batch])
        mask = torch.tensor([e.attention_mask for e in batch])
        model(input_ids=ids, attention_mask=mask).logits.softmax(-1)
timing = {"n": len(subset), "seconds": time.perf_counter() - started}
open(sys.argv[3], "w", encoding="utf-8").write(json.dumps(timing))
"""


@dataclass(frozen=True, slots=True)
class Measurement:
    name: str
    messages: int
    seconds: float
    peak_mib: float
    note: str = ""

    @property
    def rate(self) -> float:
        return self.messages / self.seconds


def build_input(path: Path, messages: int) -> int:
    """Write up to ``messages`` real held-out texts as JSONL; returns how many."""
    from dignity.training.datasets import default_data_dir, read

    texts: list[str] = []
    seen: set[str] = set()
    for source in SOURCES:
        for e in read(source, default_data_dir()):
            if e.split == "test" and e.text not in seen:
                seen.add(e.text)
                texts.append(e.text)
    texts = texts[:: max(1, len(texts) // messages)][:messages]
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            out.write(json.dumps({"id": f"t-{i:06d}", "text": text}, ensure_ascii=False) + "\n")
    return len(texts)


def run(messages: int, bert_messages: int) -> list[Measurement]:
    dignity = Path(sys.executable).with_name("dignity")
    with tempfile.TemporaryDirectory(prefix="dignity-textbench-") as tmp:
        work = Path(tmp)
        source = work / "texts.jsonl"
        n = build_input(source, messages)
        scanned = run_child(
            [
                str(dignity),
                "scan",
                str(source),
                "--out",
                str(work / "out.jsonl"),
                "--db",
                str(work / "bench.db"),
                "--quiet",
            ],
            name="dignity scan",
        )
        scan = Measurement(
            "dignity scan (default policy, end to end)",
            n,
            scanned.seconds,
            scanned.tree_peak_mib,
        )
        limit = min(n, bert_messages)
        timing = work / "bert.json"
        bert_run = run_child(
            [sys.executable, "-c", BERT_CODE, str(source), str(limit), str(timing)],
            name="BERT-base",
        )
        timed = json.loads(timing.read_text(encoding="utf-8"))
        note = f"inference only, first {timed['n']} texts" if timed["n"] < n else "inference only"
        bert = Measurement(
            "BERT-base classifier (random weights, CPU)",
            int(timed["n"]),
            float(timed["seconds"]),
            bert_run.tree_peak_mib,
            note,
        )
    return [scan, bert]


def print_table(results: list[Measurement]) -> None:
    scan, bert = results
    header = f"{'run':<44} {'messages':>9} {'seconds':>8} {'msg/s':>9} {'peak MiB':>9}  note"
    print(header)
    print("-" * len(header))
    for m in results:
        print(
            f"{m.name:<44} {m.messages:>9,} {m.seconds:>8.2f} {m.rate:>9,.1f} "
            f"{m.peak_mib:>9.1f}  {m.note}"
        )
    ratio = scan.rate / bert.rate
    print()
    print(
        f"dignity scan {scan.rate:,.0f} msg/s "
        f"({'meets' if scan.rate >= TARGET_RATE else 'MISSES'} >= {TARGET_RATE}), "
        f"peak {scan.peak_mib:,.0f} MiB "
        f"({'meets' if scan.peak_mib <= TARGET_PEAK_MIB else 'MISSES'} <= {TARGET_PEAK_MIB}), "
        f"{ratio:,.1f}x BERT-base "
        f"({'meets' if ratio >= TARGET_RATIO else 'MISSES'} >= {TARGET_RATIO:.0f}x); "
        f"{os.cpu_count()} CPUs"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--bert-messages", type=int, default=512)
    args = parser.parse_args()
    print_table(run(args.messages, args.bert_messages))


if __name__ == "__main__":
    main()
