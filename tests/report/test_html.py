from __future__ import annotations

import re
import tracemalloc
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dignity.model import Action, Assessment, BehaviourFinding, ClauseBreach, Message, Span
from dignity.report import ReportBuilder
from dignity.report.html import TEXT_LIMIT, anchor, marked_text

T0 = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
POLICY = {"policy_id": "nec-social-media", "policy_version": "2024.1"}


def _clause(
    text: str,
    word: str,
    *,
    clause_id: str = "nec.personal-abuse",
    title: str = "No personal abuse, shaming or bullying",
    action: Action = Action.REVIEW,
    confidence: float = 0.9,
    message_ids: tuple[str, ...] = (),
) -> ClauseBreach:
    start = text.index(word)
    return ClauseBreach(
        clause_id=clause_id,
        title=title,
        kind="forbids",
        action=action,
        confidence=confidence,
        categories=("personal_attack",),
        evidence=(Span.of(text, start, start + len(word)),),
        explanation=f"'{word}' attacks the person, not the argument",
        message_ids=message_ids,
    )


def _assessed(
    message_id: str,
    text: str,
    *,
    word: str | None = None,
    author: str | None = "alice",
    at: datetime | None = T0,
    action: Action = Action.REVIEW,
    confidence: float = 0.9,
    **clause: object,
) -> tuple[Message, Assessment]:
    message = Message(id=message_id, text=text, author=author, created_at=at, platform="test")
    clauses = (
        (_clause(text, word, action=action, confidence=confidence, **clause),)  # type: ignore[arg-type]
        if word
        else ()
    )
    assessment = Assessment(
        message_id=message_id,
        breach=bool(clauses),
        action=action if clauses else Action.ALLOW,
        categories=("personal_attack",) if clauses else (),
        clauses=clauses,
    )
    return message, assessment


def _builder(*items: tuple[Message, Assessment], keep: int = 2_000) -> ReportBuilder:
    builder = ReportBuilder(keep=keep)
    for message, assessment in items:
        builder.add(message, assessment)
    return builder


def _render(builder: ReportBuilder, patterns: tuple[BehaviourFinding, ...] = ()) -> str:
    return builder.render(patterns=patterns, faults=3, **POLICY)


class _Checker(HTMLParser):
    """Collects tags, ids and hrefs, failing on any script or resource that is not ours."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.scripts = 0
        self.marks: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if "id" in found:
            self.ids.append(found["id"] or "")
        if "href" in found:
            self.hrefs.append(found["href"] or "")
        assert "src" not in found, f"<{tag}> loads {found['src']}"
        assert not any(name.startswith("on") for name in found), f"<{tag}> has a handler"
        if tag == "script":
            self.scripts += 1
        if tag == "mark":
            self._in_mark = True
            self.marks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.marks[-1] += data


def _check(document: str) -> _Checker:
    checker = _Checker()
    checker.feed(document)
    checker.close()
    return checker


# ------------------------------------------------------------------------------------ counts


def test_builder_counts_and_keeps_breaches() -> None:
    builder = _builder(
        _assessed("1", "good morning all"),
        _assessed("2", "you are an idiot", word="idiot", at=T0 + timedelta(hours=2)),
        _assessed(
            "3", "I will find you", word="find you", action=Action.URGENT, author="bob", at=None
        ),
    )
    assert builder.messages == 3
    assert builder.breaches == 2
    assert builder.actions[Action.ALLOW] == 1
    assert builder.actions[Action.URGENT] == 1
    assert builder.by_clause == {"nec.personal-abuse": 2}
    assert (builder.first_at, builder.last_at, builder.undated) == (T0, T0 + timedelta(hours=2), 1)
    assert [m.id for m in builder.kept] == ["3", "2"]  # most serious first
    assert builder.kept[1].marks == ((11, 16),)
    columns = builder.timeline()
    assert [(c.label, c.messages, c.breaches) for c in columns] == [
        ("2024-05-01 09:00", 1, 0),
        ("2024-05-01 10:00", 0, 0),
        ("2024-05-01 11:00", 1, 1),
    ]


def test_report_sections() -> None:
    builder = _builder(
        _assessed("1", "good morning all"),
        _assessed("2", "you are an idiot", word="idiot", author="bob"),
        _assessed(
            "3",
            "still an idiot, @carol",
            word="idiot",
            author="bob",
            at=T0 + timedelta(days=1),
            message_ids=("2",),
        ),
    )
    pattern = BehaviourFinding(
        category="unwelcome_contact",
        score=0.82,
        detector="dignity.behaviour.contact.v1",
        label="persistent_contact",
        rationale="bob wrote to carol 2 times after no reply",
        actors=("bob",),
        targets=("carol",),
        message_ids=("2", "3", "99"),
        first_at=T0,
        last_at=T0 + timedelta(days=1),
    )
    document = _render(builder, (pattern,))
    checker = _check(document)
    for section in ("overview", "clauses", "timeline", "attention", "messages"):
        assert section in checker.ids
    assert "msg-2" in checker.ids
    assert "msg-3" in checker.ids
    assert "#msg-2" in checker.hrefs
    assert "#msg-99" not in checker.hrefs  # not listed: shown, never a broken link
    assert "nec-social-media" in document
    assert "2024.1" in document
    assert "<svg" in document
    assert checker.marks == ["idiot"] * 2 + ["idiot"] * 2  # evidence in findings and list
    assert checker.scripts == 1
    assert "persistent_contact" in document
    assert re.search(r"<b>bob</b> → <b>carol</b>", document)


def test_no_external_resources() -> None:
    document = _render(_builder(_assessed("2", "you idiot", word="idiot")))
    assert "http://" not in document.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in document
    assert "default-src 'none'" in document


def test_empty_report() -> None:
    document = _render(ReportBuilder())
    assert "No clause of the code of conduct was engaged" in document
    assert "no message carries a time" in document
    assert "No message breaches the code of conduct" in document
    _check(document)


# ---------------------------------------------------------------------------------- escaping


XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def test_message_text_is_escaped() -> None:
    text = f"{XSS} you idiot"
    builder = _builder(_assessed("x", text, word="idiot", author='"><script>alert(3)</script>'))
    document = _render(builder)
    assert "<script>alert" not in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    checker = _check(document)
    assert checker.scripts == 1


def test_evidence_inside_markup_is_escaped() -> None:
    text = "look: <b>idiot</b> & more"
    builder = _builder(_assessed("x", text, word="<b>idiot</b>"))
    checker = _check(_render(builder))
    assert checker.marks == ["<b>idiot</b>"]


def test_ids_and_findings_are_escaped() -> None:
    message_id = 'a"><script>alert(4)</script>'
    builder = _builder(_assessed(message_id, "you idiot", word="idiot"))
    pattern = BehaviourFinding(
        category="<i>pile_on</i>",
        score=0.5,
        detector="d",
        label="<script>x</script>",
        rationale="<img src=x>",
        actors=("<u>a</u>",),
        targets=("<svg onload=alert(5)>",),
        message_ids=(message_id,),
    )
    document = _render(builder, (pattern,))
    checker = _check(document)
    assert checker.scripts == 1
    assert f'id="{anchor(message_id)}"' in document
    assert f'href="#{anchor(message_id)}"' in document
    assert "<svg onload" not in document


def test_marked_text() -> None:
    assert marked_text("a<b>c", 0, [(1, 4)]) == "a<mark>&lt;b&gt;</mark>c"
    assert marked_text("xyz", 10, [(0, 11), (12, 20)]) == "<mark>x</mark>y<mark>z</mark>"


def test_spans_that_do_not_match_the_text_are_not_marked() -> None:
    message, assessment = _assessed("1", "you idiot", word="idiot")
    wrong = ClauseBreach(
        **{
            **{f: getattr(assessment.clauses[0], f) for f in ClauseBreach.__dataclass_fields__},
            "evidence": (Span(start=40, end=45, quote="idiot"),),
        }
    )
    builder = ReportBuilder()
    builder.add(
        message,
        Assessment(
            message_id="1",
            breach=True,
            action=Action.REVIEW,
            categories=("personal_attack",),
            clauses=(wrong,),
        ),
    )
    assert builder.kept[0].marks == ()


def test_long_text_is_an_excerpt() -> None:
    text = "a" * TEXT_LIMIT + " idiot " + "b" * TEXT_LIMIT
    builder = _builder(_assessed("1", text, word="idiot"))
    [kept] = builder.kept
    assert sum(len(piece) for _, piece in kept.excerpt) < 1_000
    assert _check(_render(builder)).marks == ["idiot"]


# ----------------------------------------------------------------------------------- bounded


def test_bounded_keeps_the_most_serious() -> None:
    builder = ReportBuilder(keep=100)
    tracemalloc.start()
    try:
        for i in range(50_000):
            confidence = (i % 1000) / 1000
            action = Action.URGENT if i % 5000 == 0 else Action.REVIEW
            message, assessment = _assessed(
                str(i),
                f"message {i} idiot",
                word="idiot",
                at=T0 + timedelta(minutes=i),
                author=f"user{i % 300}",
                action=action,
                confidence=confidence,
            )
            builder.add(message, assessment)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    kept = builder.kept
    assert len(kept) == 100
    assert builder.messages == builder.breaches == 50_000
    urgent = [m for m in kept if m.action is Action.URGENT]
    assert len(urgent) == 10  # every urgent one kept
    assert all(m.seriousness[1] >= 0.99 for m in kept if m.action is Action.REVIEW)
    assert len(builder.timeline()) <= 240
    assert peak < 30 * 1024 * 1024
    document = _render(builder)
    assert document.count('<article class="msg"') == 100
    assert "The 100 most serious of 50,000 breaching messages" in document


def test_time_buckets_widen() -> None:
    builder = ReportBuilder(keep=0)
    for i in range(12_000):
        message, assessment = _assessed(str(i), "hello", at=T0 + timedelta(hours=i))
        builder.add(message, assessment)
    assert builder.level == "day"
    assert len(builder.buckets) == 501
    assert builder.kept == []
    columns = builder.timeline()
    assert len(columns) <= 240
    assert sum(c.messages for c in columns) == 12_000


def test_write_is_complete_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    _builder(_assessed("1", "you idiot", word="idiot")).write(path, patterns=(), faults=0, **POLICY)
    assert path.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert not (tmp_path / "report.html.partial").exists()


def test_keep_must_not_be_negative() -> None:
    with pytest.raises(ValueError, match="keep"):
        ReportBuilder(keep=-1)
