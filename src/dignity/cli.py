"""The ``dignity`` command: check one text, scan a file, inspect and validate policies.

An interface only: it calls the engine facade, the readers, the store and the writers, and turns
every ``DignityError`` into a clear message and exit status 2, never a traceback.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from dignity.errors import DignityError, InputError
from dignity.model import Action, Assessment, BehaviourFinding, Message
from dignity.service_commands import register as register_service_commands
from dignity.terminal import console, err_console, refuse

app = typer.Typer(
    name="dignity",
    help="Enforce a community's code of conduct: fairly, with evidence, and fast.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
policy_app = typer.Typer(help="Show and validate codes of conduct.", no_args_is_help=True)
app.add_typer(policy_app, name="policy")


DEFAULT_DB = Path("dignity.db")
BATCH_SIZE = 500

PolicyOption = Annotated[
    Path | None,
    typer.Option(
        "--policy",
        help="An organisation's policy YAML (default: the built-in NEC code of conduct).",
        show_default=False,
    ),
]

_ACTION_STYLE = {
    Action.ALLOW: "green",
    Action.NUDGE: "yellow",
    Action.REVIEW: "bold dark_orange",
    Action.URGENT: "bold red",
}


@contextmanager
def _refusals() -> Iterator[None]:
    """Print a DignityError (or an OS refusal to write) as one clear message and exit 2."""
    try:
        yield
    except DignityError as exc:
        refuse(str(exc))
    except OSError as exc:  # an output path we cannot write: a full disk, a missing folder
        where = f" {exc.filename}" if exc.filename else ""
        refuse(f"cannot write{where}: {exc.strerror or exc}; check the path and free space")


@app.command()
def check(
    text: Annotated[str, typer.Argument(help="The text to check, as a member would post it.")],
    policy: PolicyOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the assessment as JSON.")] = False,
) -> None:
    """Assess one text before it is posted: the clause, the words and how to rephrase."""
    from dignity.engine import Dignity
    from dignity.output import assessment_record

    with _refusals():
        if not text.strip():
            raise InputError("the text to check is empty; pass the words you want checked")
        engine = Dignity.from_policy(policy).load()
        message = Message(id="text", text=text)
        assessment = engine.assess(message)
    if as_json:
        typer.echo(json.dumps(assessment_record(message, assessment), ensure_ascii=False, indent=2))
        return
    _print_assessment(text, assessment)


def _print_assessment(text: str, assessment: Assessment) -> None:
    highlighted = Text(text)
    for clause in assessment.clauses:
        style = "bold red underline" if clause.kind == "forbids" else "yellow underline"
        for span in clause.evidence:
            highlighted.stylize(style, span.start, span.end)
    verdict = "breach" if assessment.breach else "no breach"
    style = _ACTION_STYLE[assessment.action]
    console.print(
        Panel(
            highlighted,
            title=f"[{style}]{assessment.action.value.upper()}[/] — {verdict}",
            title_align="left",
        )
    )
    if assessment.clauses:
        table = Table(show_lines=True)
        table.add_column("clause")
        table.add_column("confidence", justify="right")
        table.add_column("action")
        table.add_column("why")
        for clause in assessment.clauses:
            table.add_row(
                f"{clause.clause_id}\n{clause.title}",
                f"{clause.confidence:.2f}",
                clause.action.value,
                clause.explanation,
            )
        console.print(table)
    if assessment.nudge:
        console.print(Panel(assessment.nudge, title="Before you post", title_align="left"))
    informational = [c for c in assessment.categories if not _engaged(assessment, c)]
    if informational:
        console.print(f"Also noted (not a breach on its own): {', '.join(informational)}")
    if not assessment.clauses:
        console.print("[green]Nothing in this text breaches the code of conduct.[/]")


def _engaged(assessment: Assessment, category: str) -> bool:
    return any(category in clause.categories for clause in assessment.clauses)


@app.command()
def scan(
    input_path: Annotated[
        Path, typer.Argument(metavar="INPUT", help="JSONL or CSV of messages.", show_default=False)
    ],
    out: Annotated[Path, typer.Option("--out", help="Where to write one JSON record per message.")],
    db: Annotated[Path, typer.Option("--db", help="SQLite database for results.")] = DEFAULT_DB,
    policy: PolicyOption = None,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="jsonl, csv, mastodon (outbox.json), twitter (tweets.js), discourse (topic "
            "JSON) or reddit (comment JSON lines); detected from the file when not given.",
        ),
    ] = None,
    author: Annotated[
        str | None,
        typer.Option(help="The archive owner's handle, for an X archive without account.js."),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Also write a self-contained HTML report here."),
    ] = None,
    text_field: Annotated[str, typer.Option(help="Field holding the message text.")] = "text",
    id_field: Annotated[str, typer.Option(help="Field holding the message id.")] = "id",
    max_chars: Annotated[
        int, typer.Option(help="Longer texts are recorded as faults and skipped.", min=1)
    ] = 100_000,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Processes that run text detection (1: in this process). Default: 1 for "
            "small files, more for big ones, up to the cores.",
            min=1,
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
) -> None:
    """Assess every message in a file; write JSONL and store the results."""
    from dignity.engine import Dignity
    from dignity.ingest.formats import detect_format, read_any
    from dignity.ingest.records import RecordFault
    from dignity.output import RecordWriter, assessment_record
    from dignity.policy.loader import load_policy
    from dignity.report.html import ReportBuilder
    from dignity.store.sql import SqlStore

    started = time.perf_counter()
    counts: Counter[str] = Counter()
    by_clause: Counter[str] = Counter()
    faults: list[RecordFault] = []
    with _refusals():
        loaded = load_policy(policy)
        engine = Dignity.from_policy(loaded)
        detection_workers = workers or _auto_workers(input_path)
        if detection_workers == 1:
            engine.load()  # else each worker loads the models, and reports what fails
        conversation = engine.conversation()
        records = read_any(
            input_path,
            format=input_format,
            text_field=text_field,
            id_field=id_field,
            max_chars=max_chars,
            author=author,
        )
        line_based = (input_format or detect_format(input_path)) in {"jsonl", "csv", "reddit"}
        total = _count_lines(input_path) if line_based else None
        builder = ReportBuilder() if report is not None else None
        with SqlStore.for_path(db) as store:
            store.record_policy(loaded.policy.id, loaded.policy.version, loaded.text)
            scan_id = store.begin_scan(
                source=str(input_path),
                policy_id=loaded.policy.id,
                policy_version=loaded.policy.version,
            )
            try:
                with (
                    RecordWriter(out) as writer,
                    _progress(quiet, total, input_path.name) as advance,
                ):
                    batch: list[tuple[Message, Assessment, dict[str, object]]] = []

                    def messages() -> Iterator[Message]:
                        for entry in records:
                            advance()
                            if isinstance(entry, RecordFault):
                                faults.append(entry)
                            else:
                                yield entry

                    detected = engine.findings_many(messages(), workers=detection_workers)
                    for item, text_findings in detected:
                        assessment = conversation.assess(item, text_findings)
                        record = assessment_record(item, assessment)
                        writer.write(record)
                        if builder is not None:
                            builder.add(item, assessment)
                        batch.append((item, assessment, record))
                        counts["messages"] += 1
                        counts[assessment.action.value] += 1
                        counts["breaches"] += assessment.breach
                        by_clause.update(c.clause_id for c in assessment.clauses)
                        if len(batch) >= BATCH_SIZE:
                            store.save_batch(scan_id=scan_id, items=batch)
                            batch = []
                    store.save_batch(scan_id=scan_id, items=batch)
                    store.record_faults(scan_id=scan_id, faults=faults)
                    patterns = conversation.patterns()
                    if builder is not None and report is not None:
                        builder.write(
                            report,
                            patterns=patterns,
                            policy_id=loaded.policy.id,
                            policy_version=loaded.policy.version,
                            faults=len(faults),
                        )
                    writer.commit()
            except BaseException:
                store.finish_scan(
                    scan_id=scan_id,
                    status="failed",
                    messages=counts["messages"],
                    breaches=counts["breaches"],
                    faults=len(faults),
                )
                raise
            store.finish_scan(
                scan_id=scan_id,
                status="finished",
                messages=counts["messages"],
                breaches=counts["breaches"],
                faults=len(faults),
            )
    elapsed = time.perf_counter() - started
    _print_scan_summary(
        counts, by_clause, faults, elapsed=elapsed, out=out, db=db, scan_id=scan_id, engine=engine
    )
    _print_patterns(patterns)
    if report is not None:
        console.print(f"Report: {report}", highlight=False)


PARALLEL_FROM_BYTES = 256 << 10


def _auto_workers(path: Path) -> int:
    """Detection processes for ``path``: one for small files, else one per core (up to four).

    Starting a worker costs a second or two (import, load the models), which a file under
    256 KiB (about 1,500 short messages) does not repay. Above that, text detection dominates
    a scan with the default cascade (its transformer runs on most doubtful messages), so a
    worker per core pays even beside the main process.
    """
    try:
        size = path.stat().st_size
    except OSError:
        return 1
    if size < PARALLEL_FROM_BYTES:
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _count_lines(path: Path) -> int | None:
    """Lines in ``path`` for the progress bar; None when it cannot be read (the reader says why)."""
    try:
        with path.open("rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return None


@contextmanager
def _progress(quiet: bool, total: int | None, label: str) -> Iterator[Callable[[], None]]:
    if quiet:
        yield lambda: None
        return
    progress = Progress(
        TextColumn("[bold]scanning[/] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )
    with progress:
        task = progress.add_task(label, total=total)
        pending = 0

        def advance() -> None:
            nonlocal pending
            pending += 1
            if pending >= 1000:
                progress.advance(task, pending)
                pending = 0

        yield advance


def _print_scan_summary(
    counts: Counter[str],
    by_clause: Counter[str],
    faults: list[Any],
    *,
    elapsed: float,
    out: Path,
    db: Path,
    scan_id: int,
    engine: Any,
) -> None:
    messages = counts["messages"]
    rate = messages / elapsed if elapsed > 0 else 0.0
    console.print(
        f"[bold]Scanned {messages:,} messages[/] in {elapsed:.1f}s ({rate:,.0f} messages/s): "
        f"[red]{counts['breaches']:,} breaches[/], "
        + ", ".join(f"{counts[a.value]:,} {a.value}" for a in Action)
    )
    if by_clause:
        table = Table(title="Clauses engaged")
        table.add_column("clause")
        table.add_column("title")
        table.add_column("messages", justify="right")
        for clause_id, n in by_clause.most_common():
            table.add_row(clause_id, engine.policy.clause(clause_id).title, f"{n:,}")
        console.print(table)
    if faults:
        console.print(f"[yellow]{len(faults):,} records skipped[/] (stored in the faults table):")
        for fault in faults[:10]:
            console.print(f"  {fault.source}, line {fault.line}: {fault.reason}", highlight=False)
        if len(faults) > 10:
            console.print(f"  … and {len(faults) - 10:,} more")
    console.print(f"Results: {out} (JSONL) and {db} (SQLite, scan {scan_id})", highlight=False)


def _print_patterns(patterns: Sequence[BehaviourFinding], limit: int = 15) -> None:
    """The accounts and pairs whose behaviour over the conversation needs attention."""
    if not patterns:
        return
    table = Table(title="Accounts and pairs that need attention")
    for column in ("behaviour", "accounts", "towards", "score", "messages"):
        table.add_column(column)
    for pattern in patterns[:limit]:
        shown = ", ".join(pattern.message_ids[:4])
        more = len(pattern.message_ids) - 4
        table.add_row(
            pattern.category,
            ", ".join(pattern.actors),
            ", ".join(pattern.targets) or "—",
            f"{pattern.score:.2f}",
            shown + (f" (+{more})" if more > 0 else ""),
        )
    console.print(table)
    if len(patterns) > limit:
        console.print(f"… and {len(patterns) - limit:,} more (see the report or the JSONL)")


@policy_app.command("show")
def policy_show(
    policy: PolicyOption = None,
    as_yaml: Annotated[bool, typer.Option("--yaml", help="Print the policy file itself.")] = False,
) -> None:
    """Show the clauses, what each covers and the action it calls for."""
    from dignity.engine import Dignity
    from dignity.policy.loader import load_policy

    with _refusals():
        loaded = load_policy(policy)
        coverage = Dignity.from_policy(loaded).coverage()
    if as_yaml:
        typer.echo(loaded.text)
        return
    pol = loaded.policy
    console.print(f"[bold]{pol.title}[/] ({pol.id} {pol.version})\nSource: {pol.source}\n")
    table = Table(show_lines=True)
    for column in ("clause", "kind", "scope", "categories", "action", "detected by"):
        table.add_column(column)
    for clause in pol.clauses:
        detectors = sorted({d for c in clause.categories for d in coverage.producers.get(c, ())})
        table.add_row(
            f"{clause.id}\n{clause.title}",
            clause.kind.value,
            clause.scope.value,
            ", ".join(clause.categories) or "—",
            clause.action.value,
            ", ".join(detectors) or ("not yet detected" if clause.categories else "—"),
        )
    console.print(table)
    console.print(
        "Sanction ladder: " + " → ".join(step.title for step in pol.sanctions), highlight=False
    )
    console.print("Report routes: " + ", ".join(route.title for route in pol.routes))


@policy_app.command("validate")
def policy_validate(
    file: Annotated[Path, typer.Argument(help="The policy YAML to check.", show_default=False)],
) -> None:
    """Check a policy file: schema, references, registered detectors and clause coverage."""
    from dignity.engine import Dignity
    from dignity.policy.loader import load_policy

    with _refusals():
        loaded = load_policy(file)
        coverage = Dignity.from_policy(loaded).coverage()
    pol = loaded.policy
    console.print(
        f"[green]valid:[/] {file} — {pol.id} {pol.version}, {len(pol.clauses)} clauses, "
        f"{len(pol.categories)} categories, {len(pol.detectors)} detectors",
        highlight=False,
    )
    for clause_id, missing in coverage.uncovered.items():
        console.print(
            f"[yellow]warning:[/] clause {clause_id}: no configured detector produces "
            f"{', '.join(missing)}; it cannot be engaged until one does",
            highlight=False,
        )


@policy_app.command("schema")
def policy_schema() -> None:
    """Print the JSON Schema of the policy format."""
    from dignity.policy.schema import Policy

    typer.echo(json.dumps(Policy.model_json_schema(), indent=2))


@app.command()
def train(
    data: Annotated[
        Path | None,
        typer.Option(help="The datasets folder (default: $DIGNITY_DATA_DIR or ../shared/data)."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the model (default: the shipped one).")
    ] = None,
    seed: Annotated[
        int, typer.Option(help="Random seed; the same seed rebuilds the same model.")
    ] = 0,
) -> None:
    """Rebuild the shipped text model from the public datasets (minutes, on two cores)."""
    from dignity.training.datasets import default_data_dir
    from dignity.training.train import DEFAULT_OUT
    from dignity.training.train import train as train_model

    data_dir = data or default_data_dir()
    if not data_dir.is_dir():
        refuse(f"no datasets folder at {data_dir}; pass --data or set DIGNITY_DATA_DIR")
    report = train_model(data_dir, out or DEFAULT_OUT, seed=seed)
    console.print(
        f"Trained in {report.seconds:.0f}s: {report.n_features:,} features, "
        f"{report.size_bytes / 1e6:.1f} MB in {report.out_dir}",
        highlight=False,
    )


@app.command()
def evaluate(
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            help="Labelled JSONL/CSV files or shared dataset names (default: every test split).",
            show_default=False,
        ),
    ] = None,
    model: Annotated[Path | None, typer.Option(help="Model folder (default: shipped).")] = None,
    data: Annotated[Path | None, typer.Option(help="The datasets folder.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    detector: Annotated[
        str, typer.Option(help="The text detector measured (default: the default policy's).")
    ] = "dignity.text.v3",
) -> None:
    """Precision, recall, F1 and AUPRC per category and per source."""
    from dignity.training.evaluate import run_evaluate

    code = run_evaluate(
        list(targets or []), model_dir=model, data_dir=data, as_json=as_json, detector=detector
    )
    if code:
        raise typer.Exit(code)


@app.command()
def detectors() -> None:
    """List the registered detectors and the categories each produces."""
    from dignity.detectors import registry

    with _refusals():
        found = registry.available()
    table = Table()
    table.add_column("detector")
    table.add_column("categories")
    for name, factory in found.items():
        table.add_row(name, ", ".join(sorted(factory.categories)))
    console.print(table)


register_service_commands(app)
