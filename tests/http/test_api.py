"""The HTTP API end to end: check, report, triage, decide, appeal, export, audit."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from tests.http.conftest import seed

from dignity.http import Settings, create_app

THREAT = {
    "id": "tw-1",
    "text": "I will kill you, I know where you live",
    "author": "@bob",
    "platform": "twitter",
    "url": "https://twitter.example/bob/1",
}


def _h(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_health_needs_no_token_but_everything_else_does(client: TestClient) -> None:
    assert client.get("/v1/health").json() == {"status": "ok"}
    refused = client.post("/v1/check", json={"text": "hello"})
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == "Bearer"
    assert refused.json()["code"] == "D501"
    wrong = client.post("/v1/check", json={"text": "hello"}, headers=_h("dgn_nope"))
    assert wrong.status_code == 401


def test_check_before_posting_gives_clause_words_and_rewrite(
    client: TestClient, tokens: dict[str, str]
) -> None:
    text = "Your housing policy is wrong, you pathetic idiot."
    body = client.post("/v1/check", json={"text": text}, headers=_h(tokens["alice"])).json()
    assert body["action"] == "review"
    (clause,) = body["clauses"]
    assert clause["id"] == "nec.personal-abuse"
    assert [e["quote"] for e in clause["evidence"]] == ["pathetic", "idiot"]
    assert clause["nudge"]
    assert body["suggestion"]["text"] == "Your housing policy is wrong."


def test_bad_input_is_a_clear_4xx(client: TestClient, tokens: dict[str, str]) -> None:
    h = _h(tokens["alice"])
    for body in (
        {"text": ""},
        {"text": "a\x00b"},
        {"text": "x", "extra": 1},
        {"text": "x" * 20_001},
    ):
        response = client.post("/v1/check", json=body, headers=h)
        assert response.status_code == 422, body
        assert response.json()["errors"]
    both = {"message": THREAT, "account": "@bob", "reason": "x"}
    assert client.post("/v1/reports", json=both, headers=h).status_code == 422
    assert client.post("/v1/reports", content=b"{nope", headers=h).status_code == 422
    assert client.get("/v1/cases/0", headers=h).status_code == 422
    assert client.get("/v1/cases/99", headers=_h(tokens["mod1"])).status_code == 404


def test_report_to_decision_to_appeal(client: TestClient, tokens: dict[str, str]) -> None:
    first = client.post(
        "/v1/reports", json={"message": THREAT, "reason": "a threat"}, headers=_h(tokens["alice"])
    )
    assert first.status_code == 201
    again = client.post(
        "/v1/reports", json={"message": THREAT, "reason": "me too"}, headers=_h(tokens["mod2"])
    ).json()
    case_id = first.json()["case_id"]
    assert again["case_id"] == case_id
    assert again["joined_existing_case"]

    queue = client.get("/v1/queue", headers=_h(tokens["mod1"])).json()
    assert queue[0]["id"] == case_id
    assert queue[0]["action"] == "urgent"
    assert queue[0]["police_referral"]
    assert client.get("/v1/queue", headers=_h(tokens["alice"])).status_code == 403

    reports = client.get(f"/v1/cases/{case_id}/reports", headers=_h(tokens["mod1"])).json()
    assert [r["reporter"] for r in reports] == [None, None]
    reports = client.get(f"/v1/cases/{case_id}/reports", headers=_h(tokens["root"])).json()
    assert [r["reporter"] for r in reports] == ["alice", "mod2"]
    assert [r["id"] for r in client.get("/v1/me/reports", headers=_h(tokens["alice"])).json()] == [
        first.json()["id"]
    ]

    decided = client.post(
        f"/v1/cases/{case_id}/decision",
        json={
            "outcome": "breach",
            "clauses": ["nec.harassment-and-intimidation"],
            "reasons": "A threat of violence.",
        },
        headers=_h(tokens["mod1"]),
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["sanction"] == "education"
    again_decided = client.post(
        f"/v1/cases/{case_id}/decision",
        json={"outcome": "no_breach", "reasons": "second thoughts"},
        headers=_h(tokens["mod1"]),
    )
    assert again_decided.status_code == 409

    mine = client.get("/v1/me/cases", headers=_h(tokens["bob"])).json()
    assert mine[0]["reasons"] == "A threat of violence."
    assert "reporter" not in str(mine)
    assert "alice" not in str(mine)

    appeal = client.post(
        f"/v1/cases/{case_id}/appeal", json={"reason": "song lyrics"}, headers=_h(tokens["bob"])
    )
    assert appeal.status_code == 200
    assert appeal.json()["status"] == "appealed"
    self_review = client.post(
        f"/v1/cases/{case_id}/appeal/decision",
        json={"outcome": "upheld", "reasons": "still a threat"},
        headers=_h(tokens["mod1"]),
    )
    assert self_review.status_code == 403
    heard = client.post(
        f"/v1/cases/{case_id}/appeal/decision",
        json={"outcome": "upheld", "reasons": "still a threat"},
        headers=_h(tokens["mod2"]),
    )
    assert heard.json()["status"] == "closed"

    html = client.get(f"/v1/cases/{case_id}/evidence.html", headers=_h(tokens["mod1"]))
    assert html.headers["content-type"].startswith("text/html")
    bundle = client.get(f"/v1/cases/{case_id}/evidence", headers=_h(tokens["mod1"])).json()
    assert bundle["messages"][0]["text_sha256"] in html.text

    csv = client.get("/v1/routes/platform/export.csv", headers=_h(tokens["mod1"]))
    assert csv.headers["content-type"].startswith("text/csv")
    assert "tw-1" in csv.text
    assert "I will kill you" in csv.text
    rows = client.get("/v1/routes/platform/export.json", headers=_h(tokens["mod1"])).json()
    assert rows[0]["message_url"] == THREAT["url"]
    assert (
        client.get("/v1/routes/nowhere/export.json", headers=_h(tokens["mod1"])).status_code == 404
    )

    verified = client.get("/v1/audit/verify", headers=_h(tokens["root"])).json()
    assert verified["ok"]
    assert verified["entries"] > 5
    assert client.get("/v1/audit/verify", headers=_h(tokens["mod1"])).status_code == 403


def test_report_flooding_gets_429_with_retry_after(
    client: TestClient, tokens: dict[str, str]
) -> None:
    h = _h(tokens["alice"])
    for i in range(5):
        ok = client.post("/v1/reports", json={"account": f"@a{i}", "reason": "spam"}, headers=h)
        assert ok.status_code == 201
    refused = client.post("/v1/reports", json={"account": "@z", "reason": "spam"}, headers=h)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 61
    assert "Retry-After" in refused.json()["message"]


def test_admins_add_users_and_the_token_works(client: TestClient, tokens: dict[str, str]) -> None:
    made = client.post(
        "/v1/users", json={"name": "carol", "role": "moderator"}, headers=_h(tokens["root"])
    )
    assert made.status_code == 201
    assert client.get("/v1/queue", headers=_h(made.json()["token"])).status_code == 200
    taken = client.post(
        "/v1/users", json={"name": "carol", "role": "member"}, headers=_h(tokens["root"])
    )
    assert taken.status_code == 409
    assert (
        client.post(
            "/v1/users", json={"name": "dave", "role": "admin"}, headers=_h(tokens["mod1"])
        ).status_code
        == 403
    )


def test_openapi_is_published(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/v1/check", "/v1/reports", "/v1/queue", "/v1/cases/{case_id}/decision"} <= set(
        spec["paths"]
    )


def test_check_on_detection_workers_matches_the_in_process_engine(
    tmp_path: Path, client: TestClient, tokens: dict[str, str]
) -> None:
    """``dignity serve`` assesses on worker processes; the answer must be the same."""
    url = f"sqlite:///{tmp_path / 'workers.db'}"
    member = seed(url)["alice"]
    texts = (
        "Your housing policy is wrong, you pathetic idiot.",
        "I will kill you, I know where you live",
        "Thanks for chairing the branch meeting.",
    )
    with TestClient(create_app(Settings(database_url=url, detection_workers=2))) as pooled:
        pool = pooled.app.state.service.pool  # type: ignore[attr-defined]
        assert pool is not None
        assert pool.workers == 2
        for text in texts:
            expected = client.post("/v1/check", json={"text": text}, headers=_h(tokens["alice"]))
            got = pooled.post("/v1/check", json={"text": text}, headers=_h(member))
            assert got.status_code == expected.status_code == 200
            assert got.json() == expected.json()
