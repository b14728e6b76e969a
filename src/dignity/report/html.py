"""A self-contained HTML report of a scan, built in bounded memory.

::

    builder = ReportBuilder()
    for message, assessment in scanned:
        builder.add(message, assessment)
    builder.write(path, patterns=scan.patterns(), policy_id=..., policy_version=..., faults=n)

``add`` keeps only counts, time buckets and the ``keep`` most serious breaching messages (a
heap), so a scan of millions of messages holds a few thousand at most. ``write`` renders one HTML
file with inline CSS, inline SVG charts and a few lines of inline script; it makes no request of
any kind, and its Content-Security-Policy forbids any (and any script but its own).

Everything that comes from a message or a policy is escaped with :func:`html.escape`; evidence
spans are wrapped in ``<mark>`` after escaping the text around them, so message text can never
become markup.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import itertools
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from urllib.parse import quote

from dignity.model import Action, Assessment, BehaviourFinding, ClauseBreach, Message, Span
from dignity.report.charts import Bar, Bucket, bar_chart, timeline_chart

DEFAULT_KEEP = 2_000
"""Breaching messages a report lists, most serious first."""

TEXT_LIMIT = 4_000
"""Longer texts are shown as excerpts around their evidence."""

CONTEXT = 300
"""Characters of context kept on each side of a span in an excerpt."""

MAX_BUCKETS = 10_000
"""Time buckets kept while scanning; past it the buckets widen (hour, day, month, year)."""

MAX_AUTHORS = 100_000
"""Authors counted while scanning; past it only the most frequent half is kept."""

MAX_PATTERNS = 200
"""Behaviour findings shown in full."""

TIMELINE_BARS = 240
"""Most columns in the timeline; the period widens until the range fits."""

_LEVELS = ("hour", "day", "month", "year")


# ---------------------------------------------------------------------------------- kept items


@dataclass(frozen=True, slots=True, kw_only=True)
class KeptMessage:
    """A breaching message kept for the report: enough to show it, nothing more."""

    id: str
    author: str | None
    created_at: datetime | None
    platform: str | None
    reply_to: str | None
    shares: str | None
    text_length: int
    excerpt: tuple[tuple[int, str], ...]
    """``(offset, text)`` pieces of the text: the whole text, or windows around the evidence."""
    marks: tuple[tuple[int, int], ...]
    """Merged ``[start, end)`` evidence ranges, in text offsets."""
    action: Action
    clauses: tuple[ClauseBreach, ...]
    seriousness: tuple[int, float, int]


def seriousness(assessment: Assessment) -> tuple[int, float, int]:
    """How serious an assessment is, for ordering: action, then confidence, then clauses."""
    confidence = max((c.confidence for c in assessment.clauses if c.kind == "forbids"), default=0.0)
    return (assessment.action.rank, round(confidence, 6), len(assessment.clauses))


def _valid_marks(text: str, spans: Iterable[Span]) -> tuple[tuple[int, int], ...]:
    ranges = sorted(
        (s.start, s.end)
        for s in spans
        if 0 <= s.start < s.end <= len(text) and text[s.start : s.end] == s.quote
    )
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _excerpt(text: str, marks: Sequence[tuple[int, int]]) -> tuple[tuple[int, str], ...]:
    if len(text) <= TEXT_LIMIT:
        return ((0, text),)
    windows: list[tuple[int, int]] = []
    for start, end in marks or ((0, 0),):
        lo, hi = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return tuple((lo, text[lo:hi]) for lo, hi in windows[:20])


def keep(message: Message, assessment: Assessment) -> KeptMessage:
    """What the report keeps of a breaching message (clauses without their raw findings)."""
    marks = _valid_marks(message.text, (s for c in assessment.clauses for s in c.evidence))
    return KeptMessage(
        id=message.id,
        author=message.author,
        created_at=_utc(message.created_at),
        platform=message.platform,
        reply_to=message.reply_to,
        shares=message.shares,
        text_length=len(message.text),
        excerpt=_excerpt(message.text, marks),
        marks=marks,
        action=assessment.action,
        clauses=tuple(replace(c, findings=()) for c in assessment.clauses),
        seriousness=seriousness(assessment),
    )


# -------------------------------------------------------------------------------- time buckets


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _floor(moment: datetime, level: str) -> datetime:
    if level == "hour":
        return moment.replace(minute=0, second=0, microsecond=0)
    if level == "day":
        return moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if level == "month":
        return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return moment.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)


def _next(moment: datetime, level: str) -> datetime:
    if level == "hour":
        return moment + timedelta(hours=1)
    if level == "day":
        return moment + timedelta(days=1)
    if level == "month":
        if moment.month == 12:
            return moment.replace(year=moment.year + 1, month=1)
        return moment.replace(month=moment.month + 1)
    return moment.replace(year=moment.year + 1)


def _bucket_label(moment: datetime, level: str) -> str:
    formats = {"hour": "%Y-%m-%d %H:00", "day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
    return moment.strftime(formats[level])


def _span_count(first: datetime, last: datetime, level: str) -> int:
    if level == "hour":
        return int((last - first).total_seconds() // 3600) + 1
    if level == "day":
        return (last - first).days + 1
    if level == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return last.year - first.year + 1


# ------------------------------------------------------------------------------------- builder


class ReportBuilder:
    """Accumulates a scan for the HTML report: counts, time buckets, the most serious breaches."""

    def __init__(self, *, keep: int = DEFAULT_KEEP, title: str = "dignity scan report") -> None:
        if keep < 0:
            raise ValueError(f"keep must be at least 0, got {keep}")
        self.keep_limit = keep
        self.title = title
        self.messages = 0
        self.breaches = 0
        self.actions: Counter[Action] = Counter()
        self.by_clause: Counter[str] = Counter()
        self.clause_titles: dict[str, tuple[str, Action]] = {}
        self.authors: Counter[str] = Counter()
        self.authors_approximate = False
        self.first_at: datetime | None = None
        self.last_at: datetime | None = None
        self.undated = 0
        self.level = _LEVELS[0]
        self.buckets: dict[datetime, list[int]] = {}
        self._heap: list[tuple[tuple[int, float, int], int, KeptMessage]] = []
        self._sequence = itertools.count()

    @property
    def kept(self) -> list[KeptMessage]:
        """The breaching messages kept, most serious first (then in input order)."""
        ordered = sorted(self._heap, key=lambda entry: (entry[0], entry[1]), reverse=True)
        return [entry[2] for entry in ordered]

    def add(self, message: Message, assessment: Assessment) -> None:
        """Count one assessed message; keep it if it is among the most serious breaches."""
        self.messages += 1
        self.actions[assessment.action] += 1
        for clause in assessment.clauses:
            self.by_clause[clause.clause_id] += 1
            self.clause_titles.setdefault(clause.clause_id, (clause.title, clause.action))
        breach = assessment.breach
        self.breaches += breach
        self._count_time(_utc(message.created_at), breach)
        if not breach:
            return
        if message.author is not None:
            self._count_author(message.author)
        if self.keep_limit == 0:
            return
        rank = seriousness(assessment)
        order = -next(self._sequence)  # among equals the earliest is kept
        if len(self._heap) < self.keep_limit:
            heapq.heappush(self._heap, (rank, order, keep(message, assessment)))
        elif (rank, order) > self._heap[0][:2]:
            heapq.heapreplace(self._heap, (rank, order, keep(message, assessment)))

    def _count_time(self, moment: datetime | None, breach: bool) -> None:
        if moment is None:
            self.undated += 1
            return
        if self.first_at is None or moment < self.first_at:
            self.first_at = moment
        if self.last_at is None or moment > self.last_at:
            self.last_at = moment
        counts = self.buckets.setdefault(_floor(moment, self.level), [0, 0])
        counts[0] += 1
        counts[1] += breach
        while len(self.buckets) > MAX_BUCKETS and self.level != _LEVELS[-1]:
            self._widen()

    def _widen(self) -> None:
        self.level = _LEVELS[_LEVELS.index(self.level) + 1]
        wider: dict[datetime, list[int]] = {}
        for moment, (messages, breaches) in self.buckets.items():
            counts = wider.setdefault(_floor(moment, self.level), [0, 0])
            counts[0] += messages
            counts[1] += breaches
        self.buckets = wider

    def _count_author(self, author: str) -> None:
        self.authors[author] += 1
        if len(self.authors) > MAX_AUTHORS:
            self.authors = Counter(dict(self.authors.most_common(MAX_AUTHORS // 2)))
            self.authors_approximate = True

    def timeline(self) -> list[Bucket]:
        """The timeline's columns: the finest period that fits the range, gaps filled."""
        if not self.buckets:
            return []
        first, last = min(self.buckets), max(self.buckets)
        level = self.level
        for candidate in _LEVELS[_LEVELS.index(level) :]:
            level = candidate
            if _span_count(_floor(first, level), _floor(last, level), level) <= TIMELINE_BARS:
                break
        totals: dict[datetime, list[int]] = {}
        for moment, (messages, breaches) in self.buckets.items():
            counts = totals.setdefault(_floor(moment, level), [0, 0])
            counts[0] += messages
            counts[1] += breaches
        columns: list[Bucket] = []
        moment = _floor(first, level)
        end = _floor(last, level)
        while moment <= end:
            messages, breaches = totals.get(moment, (0, 0))
            label = _bucket_label(moment, level)
            columns.append(Bucket(label=label, messages=messages, breaches=breaches))
            moment = _next(moment, level)
        return columns

    def render(
        self,
        *,
        patterns: Sequence[BehaviourFinding],
        policy_id: str,
        policy_version: str,
        faults: int,
        generated_at: datetime | None = None,
    ) -> str:
        """The report as one HTML document."""
        return _Renderer(
            self,
            patterns=patterns,
            policy_id=policy_id,
            policy_version=policy_version,
            faults=faults,
            generated_at=generated_at or datetime.now(UTC),
        ).document()

    def write(
        self,
        path: Path,
        *,
        patterns: Sequence[BehaviourFinding],
        policy_id: str,
        policy_version: str,
        faults: int,
    ) -> None:
        """Write the report to ``path`` (via ``path.partial``, renamed when complete)."""
        document = self.render(
            patterns=patterns, policy_id=policy_id, policy_version=policy_version, faults=faults
        )
        partial = path.with_name(path.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8", newline="\n") as stream:
                stream.write(document)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)


# ------------------------------------------------------------------------------------ rendering


def anchor(message_id: str) -> str:
    """The element id of a message in the report: ``msg-<id>``, percent-encoded where needed."""
    return "msg-" + quote(message_id, safe="-._~:")


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _time(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment is not None else "—"


def marked_text(piece: str, offset: int, marks: Sequence[tuple[int, int]]) -> str:
    """``piece`` (text from ``offset``) escaped, with ``<mark>`` over the evidence ranges."""
    out: list[str] = []
    cursor = 0
    for start, end in marks:
        lo, hi = max(start - offset, 0), min(end - offset, len(piece))
        if hi <= lo or lo < cursor:
            continue
        out.append(escape(piece[cursor:lo]))
        out.append(f"<mark>{escape(piece[lo:hi])}</mark>")
        cursor = hi
    out.append(escape(piece[cursor:]))
    return "".join(out)


_STYLE = """
:root { --ink:#1d2939; --muted:#667085; --line:#eaecf0; --red:#b42318; --bg:#f9fafb; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--ink);
  background:var(--bg); }
header, main { max-width:1100px; margin:0 auto; padding:0 20px; }
header { padding-top:24px; }
h1 { margin:0 0 4px; font-size:26px; } h2 { margin:0 0 12px; font-size:20px; }
h3 { margin:20px 0 8px; font-size:16px; }
.meta { color:var(--muted); margin:0; }
section { background:#fff; border:1px solid var(--line); border-radius:8px; padding:16px 20px;
  margin:16px 0; }
.cards { display:grid; grid-template-columns:repeat(auto-fit, minmax(150px, 1fr)); gap:12px; }
.card { border:1px solid var(--line); border-radius:8px; padding:10px 14px; background:#fff; }
.card b { display:block; font-size:24px; } .card span { color:var(--muted); font-size:13px; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line);
  vertical-align:top; }
th { font-size:13px; color:var(--muted); font-weight:600; }
td.n, th.n { text-align:right; font-variant-numeric:tabular-nums; }
.chart { display:block; max-width:100%; height:auto; margin:12px 0; }
.chart .label, .chart .value { font:12px system-ui, sans-serif; fill:var(--ink); }
.chart .axis { stroke:#98a2b3; stroke-width:1; }
.legend span { display:inline-block; margin-right:14px; font-size:13px; }
.legend i { display:inline-block; width:10px; height:10px; margin-right:4px; }
.action { display:inline-block; padding:0 8px; border-radius:10px; font-size:12px;
  font-weight:600; text-transform:uppercase; }
.action.urgent { background:#fee4e2; color:#912018; }
.action.review { background:#fef0c7; color:#93370d; }
.action.nudge { background:#fef7c3; color:#713b12; } .action.allow { background:#d1fadf; }
article.msg { border-top:1px solid var(--line); padding:12px 0; }
article.msg:target { background:#fffaeb; outline:2px solid #fdb022; }
.text { white-space:pre-wrap; overflow-wrap:anywhere; background:var(--bg); padding:8px 10px;
  border-radius:6px; margin:8px 0; }
mark { background:#fecdca; color:inherit; padding:0 1px; border-radius:2px; }
.gap { color:var(--muted); }
.clause { margin:4px 0; } .why { color:var(--muted); margin:2px 0 0 0; }
code { font-size:13px; overflow-wrap:anywhere; }
.finding { border-top:1px solid var(--line); padding:10px 0; }
.filter { width:100%; max-width:420px; padding:6px 10px; font:inherit; border:1px solid #d0d5dd;
  border-radius:6px; }
.note { color:var(--muted); font-size:13px; }
"""

_SCRIPT = """
(function () {
  var box = document.getElementById("filter");
  if (!box) { return; }
  var items = document.querySelectorAll("article.msg");
  box.addEventListener("input", function () {
    var q = box.value.toLowerCase();
    items.forEach(function (item) {
      item.hidden = q !== "" && item.textContent.toLowerCase().indexOf(q) < 0;
    });
  });
})();
"""


def _script_hash() -> str:
    digest = hashlib.sha256(_SCRIPT.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


class _Renderer:
    """Turns a ReportBuilder into HTML, one small method per section."""

    def __init__(
        self,
        builder: ReportBuilder,
        *,
        patterns: Sequence[BehaviourFinding],
        policy_id: str,
        policy_version: str,
        faults: int,
        generated_at: datetime,
    ) -> None:
        self.b = builder
        self.patterns = list(patterns)
        self.policy_id = policy_id
        self.policy_version = policy_version
        self.faults = faults
        self.generated_at = generated_at
        self.kept = builder.kept
        self.listed = {m.id for m in self.kept}
        self.by_id = {m.id: m for m in self.kept}

    def document(self) -> str:
        csp = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src '{_script_hash()}'; base-uri 'none'; form-action 'none'"
        )
        body = "".join(
            (
                self.overview(),
                self.clauses(),
                self.timeline(),
                self.attention(),
                self.message_list(),
            )
        )
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(self.b.title)}</title><style>{_STYLE}</style></head><body>"
            f"<header><h1>{_e(self.b.title)}</h1>"
            f'<p class="meta">Policy <b>{_e(self.policy_id)}</b> version'
            f" <b>{_e(self.policy_version)}</b> · generated {_time(self.generated_at)}</p>"
            f"</header><main>{body}</main><script>{_SCRIPT}</script></body></html>\n"
        )

    # ---------------------------------------------------------------------------- sections

    def overview(self) -> str:
        b = self.b
        cards = [
            (f"{b.messages:,}", "messages"),
            (f"{b.breaches:,}", "breaches"),
            *((f"{b.actions[a]:,}", a.value) for a in Action),
            (f"{self.faults:,}", "records skipped (faults)"),
        ]
        cells = "".join(f'<div class="card"><b>{v}</b><span>{_e(k)}</span></div>' for v, k in cards)
        period = (
            f"{_time(b.first_at)} to {_time(b.last_at)}"
            if b.first_at is not None
            else "no message carries a time"
        )
        undated = f" ({b.undated:,} messages without a time)" if b.undated and b.first_at else ""
        return (
            '<section id="overview"><h2>Overview</h2>'
            f'<div class="cards">{cells}</div>'
            f'<p class="meta">Messages from {period}{undated}.</p></section>'
        )

    def clauses(self) -> str:
        b = self.b
        if not b.by_clause:
            return (
                '<section id="clauses"><h2>Breaches by clause</h2>'
                "<p>No clause of the code of conduct was engaged.</p></section>"
            )
        rows = []
        bars = []
        for clause_id, count in b.by_clause.most_common():
            title, action = b.clause_titles[clause_id]
            rows.append(
                f"<tr><td><code>{_e(clause_id)}</code></td><td>{_e(title)}</td>"
                f'<td><span class="action {_e(action.value)}">{_e(action.value)}</span></td>'
                f'<td class="n">{count:,}</td></tr>'
            )
            bars.append(Bar(label=title, value=count))
        chart = bar_chart(bars, label="Messages engaging each clause")
        return (
            '<section id="clauses"><h2>Breaches by clause</h2>'
            '<table class="clauses"><thead><tr><th>clause</th><th>title</th><th>action</th>'
            f'<th class="n">messages</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f"{chart}</section>"
        )

    def timeline(self) -> str:
        columns = self.b.timeline()
        if not columns:
            return (
                '<section id="timeline"><h2>Timeline</h2>'
                "<p>No message carries a time, so there is no timeline.</p></section>"
            )
        legend = (
            '<p class="legend"><span><i style="background:#98a2b3"></i>messages</span>'
            '<span><i style="background:#b42318"></i>breaches</span></p>'
        )
        chart = timeline_chart(columns, label="Messages and breaches over time")
        return f'<section id="timeline"><h2>Timeline</h2>{legend}{chart}</section>'

    def attention(self) -> str:
        parts = ['<section id="attention"><h2>Accounts and pairs that need attention</h2>']
        if self.patterns:
            shown = self.patterns[:MAX_PATTERNS]
            parts.append("".join(self.finding(p) for p in shown))
            if len(self.patterns) > len(shown):
                parts.append(
                    f'<p class="note">… and {len(self.patterns) - len(shown):,} more patterns'
                    " (the most serious are shown).</p>"
                )
        else:
            parts.append("<p>No pattern of behaviour across messages was found.</p>")
        parts.append(self.authors())
        parts.append("</section>")
        return "".join(parts)

    def finding(self, pattern: BehaviourFinding) -> str:
        actors = ", ".join(f"<b>{_e(a)}</b>" for a in pattern.actors) or "—"
        targets = ", ".join(f"<b>{_e(t)}</b>" for t in pattern.targets) or "—"
        period = (
            f" · {_time(pattern.first_at)} to {_time(pattern.last_at)}"
            if pattern.first_at is not None
            else ""
        )
        links = ", ".join(self.message_ref(i) for i in pattern.message_ids) or "—"
        evidence = [
            self.evidence_block(self.by_id[i]) for i in pattern.message_ids if i in self.by_id
        ][:3]
        return (
            f'<div class="finding"><p><b>{_e(pattern.category)}</b> · {_e(pattern.label)} ·'
            f" score {pattern.score:.2f}{period}</p>"
            f'<p>{actors} → {targets}</p><p class="why">{_e(pattern.rationale)}</p>'
            f"<p>Messages: {links}</p>{''.join(evidence)}</div>"
        )

    def authors(self) -> str:
        top = self.b.authors.most_common(20)
        if not top:
            return ""
        rows = "".join(
            f'<tr><td>{_e(author)}</td><td class="n">{n:,}</td></tr>' for author, n in top
        )
        note = (
            '<p class="note">Counts are approximate: too many authors to count every one.</p>'
            if self.b.authors_approximate
            else ""
        )
        return (
            "<h3>Authors with the most breaching messages</h3>"
            '<table class="authors"><thead><tr><th>author</th><th class="n">breaching messages'
            f"</th></tr></thead><tbody>{rows}</tbody></table>{note}"
        )

    def message_list(self) -> str:
        b = self.b
        if not self.kept:
            return (
                '<section id="messages"><h2>Breaching messages</h2>'
                "<p>No message breaches the code of conduct.</p></section>"
            )
        shown = (
            f"The {len(self.kept):,} most serious of {b.breaches:,} breaching messages"
            if b.breaches > len(self.kept)
            else f"All {b.breaches:,} breaching messages"
        )
        items = "".join(self.message(m) for m in self.kept)
        return (
            '<section id="messages"><h2>Breaching messages</h2>'
            f'<p class="note">{shown}, most serious first.</p>'
            '<input id="filter" class="filter" type="search" placeholder="Filter messages"'
            ' aria-label="Filter messages">'
            f"{items}</section>"
        )

    # ---------------------------------------------------------------------------- pieces

    def message_ref(self, message_id: str) -> str:
        if message_id in self.listed:
            return f'<a href="#{_e(anchor(message_id))}"><code>{_e(message_id)}</code></a>'
        return f'<code title="not among the listed messages">{_e(message_id)}</code>'

    def text_block(self, kept: KeptMessage) -> str:
        pieces = []
        for offset, piece in kept.excerpt:
            if offset > 0:
                pieces.append('<span class="gap">… </span>')
            pieces.append(marked_text(piece, offset, kept.marks))
        last_offset, last_piece = kept.excerpt[-1]
        if last_offset + len(last_piece) < kept.text_length:
            pieces.append('<span class="gap"> …</span>')
        return f'<div class="text">{"".join(pieces)}</div>'

    def evidence_block(self, kept: KeptMessage) -> str:
        return (
            f'<div class="evidence"><a href="#{_e(anchor(kept.id))}">'
            f"{_e(kept.author or 'unknown author')}, {_time(kept.created_at)}</a>"
            f"{self.text_block(kept)}</div>"
        )

    def message(self, kept: KeptMessage) -> str:
        clauses = "".join(
            f'<div class="clause"><span class="action {_e(c.action.value)}">'
            f"{_e(c.action.value)}</span> <code>{_e(c.clause_id)}</code> {_e(c.title)}"
            f" · confidence {c.confidence:.2f}"
            + (
                f" · with {', '.join(self.message_ref(i) for i in c.message_ids)}"
                if c.message_ids
                else ""
            )
            + f'<p class="why">{_e(c.explanation)}</p></div>'
            for c in kept.clauses
        )
        context = []
        if kept.reply_to:
            context.append(f"reply to {self.message_ref(kept.reply_to)}")
        if kept.shares:
            context.append(f"shares {self.message_ref(kept.shares)}")
        if kept.platform:
            context.append(_e(kept.platform))
        extra = f" · {' · '.join(context)}" if context else ""
        return (
            f'<article class="msg" id="{_e(anchor(kept.id))}">'
            f'<p><span class="action {_e(kept.action.value)}">{_e(kept.action.value)}</span>'
            f" <b>{_e(kept.author or 'unknown author')}</b> · {_time(kept.created_at)}"
            f" · <code>{_e(kept.id)}</code>{extra}</p>"
            f"{self.text_block(kept)}{clauses}</article>"
        )
