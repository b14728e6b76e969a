"""The ``dignity`` command as a user runs it: real files, real SQLite, the published schema."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from dignity import cli
from dignity.cli import app
from dignity.output import scan_record_schema

REPO = Path(__file__).resolve().parents[1]

runner = CliRunner()
SAMPLE = REPO / "examples" / "forum-thread.jsonl"


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich wraps at the terminal's width; tests read whole lines."""
    monkeypatch.setattr(cli.console, "width", 200)
    monkeypatch.setattr(cli.err_console, "width", 200)


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(scan_record_schema())


def test_check_passes_vehement_political_criticism() -> None:
    result = runner.invoke(
        app, ["check", "Your housing policy is a disgrace and will hurt millions of renters"]
    )
    assert result.exit_code == 0, result.output
    assert "Nothing in this text breaches" in result.output


def test_check_json_explains_a_personal_attack(validator: Draft202012Validator) -> None:
    result = runner.invoke(app, ["check", "You are a pathetic idiot, Dave", "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    validator.validate(record)
    assert record["breach"] is True
    (clause,) = [c for c in record["clauses"] if c["id"] == "nec.personal-abuse"]
    quotes = {e["quote"].lower() for e in clause["evidence"]}
    assert "idiot" in " ".join(quotes)
    assert "nec.personal-abuse" in clause["explanation"]
    assert record["nudge"]


def test_check_flags_a_published_phone_number() -> None:
    text = "Ring her at home on 07700 900123 and tell her"
    result = runner.invoke(app, ["check", text, "--json"])
    record = json.loads(result.output)
    assert record["action"] == "urgent"
    assert "private_information" in record["categories"]
    (clause,) = [c for c in record["clauses"] if c["id"] == "nec.private-information"]
    assert clause["evidence"][0]["quote"] == "07700 900123"


@pytest.mark.parametrize("text", ["", "   \n\t"])
def test_check_refuses_empty_text(text: str) -> None:
    result = runner.invoke(app, ["check", text])
    assert result.exit_code == 2
    assert "empty" in result.output
    assert "Traceback" not in result.output


def test_check_with_a_bad_policy_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "ours.yaml"
    bad.write_text("id: ours\nversion: 1\n", "utf-8")
    result = runner.invoke(app, ["check", "hello", "--policy", str(bad)])
    assert result.exit_code == 2
    assert str(bad) in result.output
    assert "clauses" in result.output


def _scan(tmp_path: Path, source: Path, *extra: str) -> tuple[object, Path, Path]:
    out = tmp_path / "out.jsonl"
    db = tmp_path / "scan.db"
    result = runner.invoke(
        app, ["scan", str(source), "--out", str(out), "--db", str(db), "--quiet", *extra]
    )
    return result, out, db


def test_scan_sample_thread_is_valid_ordered_and_stored(
    tmp_path: Path, validator: Draft202012Validator
) -> None:
    result, out, db = _scan(tmp_path, SAMPLE)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    inputs = [json.loads(line)["id"] for line in SAMPLE.read_text("utf-8").splitlines()]
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    for record in records:
        validator.validate(record)
    written = [r["id"] for r in records]
    assert written == [i for i in inputs if i in set(written)]
    assert len(written) >= len(inputs) - 2
    assert any(r["breach"] for r in records)
    assert sum(not r["breach"] for r in records) > len(records) / 2
    with sqlite3.connect(db) as conn:
        stored = conn.execute("select count(*) from assessments").fetchone()[0]
    assert stored == len(records)


def test_rescanning_the_same_input_is_idempotent(tmp_path: Path) -> None:
    for _ in range(2):
        result, _, db = _scan(tmp_path, SAMPLE)
        assert result.exit_code == 0  # type: ignore[attr-defined]
    with sqlite3.connect(db) as conn:
        messages = conn.execute("select count(*) from messages").fetchone()[0]
        assessments = conn.execute("select count(*) from assessments").fetchone()[0]
        scans = conn.execute("select count(*) from scans").fetchone()[0]
    assert messages == assessments
    assert messages == len(SAMPLE.read_text("utf-8").splitlines())
    assert scans == 2


def test_scan_skips_and_counts_bad_records(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "a fine point about the budget"}).encode(),
        b"{not json",
        json.dumps({"id": "b", "text": ""}).encode(),
        b'{"id": "c", "text": "caf\xe9 latin-1"}',
        json.dumps({"id": "d", "text": "x" * 1_000_001}).encode(),
        json.dumps({"id": "e", "text": "you absolute moron"}).encode(),
    ]
    source.write_bytes(b"\n".join(lines) + b"\n")
    result, out, db = _scan(tmp_path, source)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    output = result.output  # type: ignore[attr-defined]
    assert "4 records skipped" in output
    assert "in.jsonl, line 2" in output
    assert [json.loads(x)["id"] for x in out.read_text("utf-8").splitlines()] == ["a", "e"]
    with sqlite3.connect(db) as conn:
        faults = conn.execute("select line from faults order by line").fetchall()
    assert [f[0] for f in faults] == [2, 3, 4, 5]


def test_scan_refuses_missing_input_and_leaves_no_output(tmp_path: Path) -> None:
    result, out, _ = _scan(tmp_path, tmp_path / "missing.jsonl")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "missing.jsonl" in result.output  # type: ignore[attr-defined]
    assert "Traceback" not in result.output  # type: ignore[attr-defined]
    assert not out.exists()


def test_scan_csv_without_the_text_field_names_the_columns(tmp_path: Path) -> None:
    source = tmp_path / "posts.csv"
    source.write_text("post_id,body\n1,hello there\n", "utf-8")
    result, out, _ = _scan(tmp_path, source)
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "body" in result.output  # type: ignore[attr-defined]
    assert not out.exists()
    result, out, _ = _scan(tmp_path, source, "--text-field", "body", "--id-field", "post_id")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert json.loads(out.read_text("utf-8"))["id"] == "1"


def test_scan_of_ten_thousand_lines_is_valid_against_the_schema(
    tmp_path: Path, validator: Draft202012Validator
) -> None:
    sample = SAMPLE.read_text("utf-8").splitlines()
    source = tmp_path / "big.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for i in range(10_000):
            record = json.loads(sample[i % len(sample)])
            record["id"] = f"big-{i}"
            handle.write(json.dumps(record) + "\n")
    result, out, _ = _scan(tmp_path, source)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    count = 0
    with out.open(encoding="utf-8") as handle:
        for count, line in enumerate(handle, start=1):  # noqa: B007
            validator.validate(json.loads(line))
    assert count == 10_000


def test_policy_validate_and_show(tmp_path: Path) -> None:
    default = REPO / "src" / "dignity" / "policy" / "default.yaml"
    result = runner.invoke(app, ["policy", "validate", str(default)])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output
    assert "warning" not in result.output, "the default policy covers every clause"
    only_pii = tmp_path / "only-pii.yaml"
    data = yaml.safe_load(default.read_text("utf-8"))
    data["detectors"] = [d for d in data["detectors"] if d["name"] == "dignity.pii.v1"]
    only_pii.write_text(yaml.safe_dump(data), "utf-8")
    partial = runner.invoke(app, ["policy", "validate", str(only_pii)])
    assert partial.exit_code == 0
    assert "warning: clause nec.personal-abuse: no configured detector produces" in partial.output
    shown = runner.invoke(app, ["policy", "show"])
    assert shown.exit_code == 0
    assert "nec.private-information" in shown.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(default.read_text("utf-8").replace("action: urgent", "action: ban", 1), "utf-8")
    refused = runner.invoke(app, ["policy", "validate", str(bad)])
    assert refused.exit_code == 2
    assert "nec.harassment-and-intimidation" in refused.output


def test_detectors_lists_the_built_ins() -> None:
    result = runner.invoke(app, ["detectors"])
    assert result.exit_code == 0
    assert "dignity.pii.v1" in result.output
    assert "dignity.lexicon.v1" in result.output


def test_scan_into_a_missing_folder_is_refused_cleanly(tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "folder" / "out.jsonl"
    result = runner.invoke(
        app, ["scan", str(SAMPLE), "--out", str(out), "--db", str(tmp_path / "x.db"), "--quiet"]
    )
    assert result.exit_code == 2
    assert "cannot write" in result.output
    assert "Traceback" not in result.output


def test_scan_reads_a_mastodon_archive_and_writes_a_report(tmp_path: Path) -> None:
    outbox = REPO / "tests" / "ingest" / "fixtures" / "outbox.json"
    report = tmp_path / "report.html"
    result, out, _ = _scan(tmp_path, outbox, "--report", str(report))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert records
    assert all(r["id"].startswith("https://") for r in records)
    html = report.read_text("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "Breaches by clause" in html
    assert "Report:" in result.output  # type: ignore[attr-defined]


def test_scan_names_the_formats_it_reads(tmp_path: Path) -> None:
    source = tmp_path / "posts.txt"
    source.write_text("hello\n", "utf-8")
    result, out, _ = _scan(tmp_path, source)
    assert result.exit_code == 2  # type: ignore[attr-defined]
    for name in ("jsonl", "csv", "mastodon", "twitter", "discourse", "reddit"):
        assert name in result.output  # type: ignore[attr-defined]
    assert not out.exists()


def test_evaluate_prints_figures_for_a_labelled_file(tmp_path: Path) -> None:
    labelled = tmp_path / "labelled.jsonl"
    rows = [
        {"text": "you are a pathetic idiot", "personal_attack": 1, "source": "mine"},
        {"text": "shut up you moron", "personal_attack": 1, "source": "mine"},
        {"text": "the budget cuts will hurt renters", "personal_attack": 0, "source": "mine"},
        {"text": "I disagree with the motion on rail", "personal_attack": 0, "source": "mine"},
    ]
    labelled.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    result = runner.invoke(app, ["evaluate", str(labelled), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["mine"]["personal_attack"]["auprc"] == pytest.approx(1.0)
    # any text detector can be measured; the bare classifier ranks these four the same way
    older = runner.invoke(
        app, ["evaluate", str(labelled), "--json", "--detector", "dignity.text.v1"]
    )
    assert older.exit_code == 0, older.output
    assert json.loads(older.output)["mine"]["personal_attack"]["n"] == 4
    unknown = runner.invoke(app, ["evaluate", str(labelled), "--detector", "dignity.nope.v9"])
    assert unknown.exit_code == 2
    assert "dignity.nope.v9" in unknown.output


def test_evaluate_and_train_refuse_what_they_cannot_read(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2
    refused = runner.invoke(app, ["train", "--data", str(tmp_path / "nowhere")])
    assert refused.exit_code == 2
    assert "no datasets folder" in refused.output


def test_scan_with_detection_workers_writes_the_same_records(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one, out_one, _ = _scan(tmp_path / "one", SAMPLE, "--workers", "1")
    two, out_two, _ = _scan(tmp_path / "two", SAMPLE, "--workers", "2")
    assert one.exit_code == 0, one.output  # type: ignore[attr-defined]
    assert two.exit_code == 0, two.output  # type: ignore[attr-defined]
    assert out_one.read_text("utf-8") == out_two.read_text("utf-8")


def test_scan_on_workers_reports_a_model_they_cannot_load(tmp_path: Path) -> None:
    """The main process leaves the models to its workers; a worker that cannot load them
    fails the scan with the loader's own message instead of being respawned forever."""
    policy = yaml.safe_load((REPO / "src" / "dignity" / "policy" / "default.yaml").read_text())
    for config in policy["detectors"]:
        if config["name"] == "dignity.text.v3":
            config["options"] = {"model_dir": str(tmp_path / "no-model")}
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(policy), "utf-8")
    result, out, db = _scan(tmp_path, SAMPLE, "--workers", "2", "--policy", str(broken))
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "no text model in" in result.output  # type: ignore[attr-defined]
    with sqlite3.connect(db) as conn:
        assert conn.execute("select status, messages from scans").fetchall() == [("failed", 0)]
    assert not out.exists() or out.read_text("utf-8") == ""
