"""The written report in a real browser: headless Debian chromium driven by Playwright."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dignity.engine import Dignity
from dignity.model import BehaviourFinding, Message
from dignity.report import ReportBuilder

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT_COPY = Path("/tmp/dignity-report.png")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)",
    ),
]

T0 = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
TEXTS = [
    ("alice", "Great turnout at the branch meeting tonight, thank you all"),
    ("bob", "@carol you are a pathetic idiot and everyone knows it"),
    ("dave", "I disagree with the motion on housing; the costs are not credible"),
    ("bob", "@carol shut up you stupid cow, nobody wants you here"),
    ("erin", "<script>alert(1)</script> nice try"),
    ("bob", "@carol I know where you live, watch yourself"),
    ("frank", "Call me on 07700 900123 if you want a lift to the count"),
    ("alice", "Leaflets are in the office from 9am 🌹"),
]


def _report(path: Path, engine: Dignity) -> tuple[str, ...]:
    scan = engine.conversation()
    builder = ReportBuilder()
    for i in range(60):
        author, text = TEXTS[i % len(TEXTS)]
        message = Message(
            id=f"m{i}",
            text=text,
            author=author,
            created_at=T0 + timedelta(hours=i * 2),
            mentions=("carol",) if "@carol" in text else (),
            platform="test",
        )
        builder.add(message, scan.assess(message))
    listed = tuple(m.id for m in builder.kept if m.author == "bob")
    assert listed, "the engine should find bob's messages breaching"
    pattern = BehaviourFinding(
        category="unwelcome_contact",
        score=0.87,
        detector="dignity.behaviour.test",
        label="persistent_contact",
        rationale="bob mentioned carol repeatedly with abuse and no reply",
        actors=("bob",),
        targets=("carol",),
        message_ids=listed[:6],
        first_at=T0,
        last_at=T0 + timedelta(days=5),
    )
    builder.write(
        path,
        patterns=[pattern, *scan.patterns()],
        policy_id=engine.policy.id,
        policy_version=engine.policy.version,
        faults=2,
    )
    return listed


def test_report_in_chromium(tmp_path: Path, engine: Dignity) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    report = tmp_path / "report.html"
    listed = _report(report, engine)
    console_errors: list[str] = []
    failed: list[str] = []
    requests: list[str] = []
    dialogs: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on(
                "console", lambda m: console_errors.append(m.text) if m.type == "error" else None
            )
            page.on("pageerror", lambda e: console_errors.append(str(e)))
            page.on("requestfailed", lambda r: failed.append(r.url))
            page.on("request", lambda r: requests.append(r.url))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(report.as_uri())
            page.wait_for_load_state("load")

            assert page.locator("table.clauses").is_visible()
            assert page.locator("table.clauses tbody tr").count() >= 1
            assert page.locator("#clauses svg.chart").is_visible()
            assert page.locator("#timeline svg.chart").is_visible()
            assert page.locator("#timeline svg rect.breaches").count() >= 1
            assert page.locator("mark").count() >= 1

            link = page.locator(f'#attention a[href="#msg-{listed[0]}"]').first
            link.click()
            assert page.evaluate("location.hash") == f"#msg-{listed[0]}"
            target = page.locator(f"#msg-{listed[0]}")
            assert target.is_visible()
            assert target.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"

            page.fill("#filter", "where you live")
            visible = page.locator("article.msg:visible")
            assert visible.count() >= 1
            assert all("where you live" in t for t in visible.all_inner_texts())
            page.fill("#filter", "")

            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(tmp_path / "report-full.png"), full_page=True)
            shot = tmp_path / "report.png"
            page.screenshot(
                path=str(shot), full_page=True, clip={"x": 0, "y": 0, "width": 1200, "height": 2400}
            )
        finally:
            browser.close()
    assert console_errors == []
    assert failed == []
    assert requests == [report.as_uri()]
    assert dialogs == []  # the <script> in a message never ran
    assert shot.stat().st_size > 10_000
    shutil.copyfile(shot, SCREENSHOT_COPY)
