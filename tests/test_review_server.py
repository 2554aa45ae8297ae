"""The review server refuses what the page did not send: requests without the token, from
another Host (DNS rebinding), changes from another Origin or not in JSON (CSRF). A refused
request changes nothing."""

from __future__ import annotations

import http.client
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgen.review.server import ReviewServer
from quizgen.review.session import ReviewSession

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[ReviewServer, Path]]:
    path = tmp_path / "bank.yaml"
    shutil.copy(FIXTURES / "bank_sample.yaml", path)
    server = ReviewServer(ReviewSession(path))
    server.start()
    yield server, path
    server.shutdown()


def request(server: ReviewServer, method: str, path: str, headers: dict[str, str],
            body: bytes | None = None) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.putrequest(method, path, skip_host=True)
    for k, v in headers.items():
        conn.putheader(k, v)
    conn.putheader("Content-Length", str(len(body or b"")))
    conn.endheaders(body)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    ctype = response.getheader("Content-Type", "")
    return response.status, (json.loads(data) if ctype.startswith("application/json") else {})


def change(server: ReviewServer, token: str | None = None) -> tuple[str, bytes]:
    item = server.session.bank.items[0].id
    body = json.dumps({"version": server.session.version, "changes": {"keep": False}})
    return f"/{token or server.token}/api/items/{item}", body.encode()


def good_headers(server: ReviewServer) -> dict[str, str]:
    return {"Host": f"127.0.0.1:{server.port}", "Origin": f"http://127.0.0.1:{server.port}",
            "Content-Type": "application/json"}


REFUSED = [
    # (name, how the request differs from the page's, status)
    ("no-token", lambda s: {"path": f"/api/items/{s.session.bank.items[0].id}"}, 403),
    ("wrong-token", lambda s: {"token": "x" * len(s.token)}, 403),
    ("foreign-origin", lambda s: {"headers": {"Origin": "http://evil.example"}}, 403),
    ("no-origin", lambda s: {"headers": {"Origin": None}}, 403),
    ("null-origin", lambda s: {"headers": {"Origin": "null"}}, 403),
    ("rebound-host", lambda s: {"headers": {"Host": f"evil.example:{s.port}"}}, 403),
    ("form-post", lambda s: {"headers": {"Content-Type": "application/x-www-form-urlencoded"}},
     415),
]


@pytest.mark.parametrize("name, differ, status", REFUSED, ids=[r[0] for r in REFUSED])
def test_review_server_refuses_foreign_changes(served, name, differ, status) -> None:
    server, path = served
    before = path.read_bytes()
    how = differ(server)
    url, body = change(server, how.get("token"))
    headers = {k: v for k, v in {**good_headers(server), **how.get("headers", {})}.items()
               if v is not None}
    got, data = request(server, "POST", how.get("path", url), headers, body)
    assert got == status and data["error"]
    assert path.read_bytes() == before and server.session.version == 0


def test_review_server_takes_the_page_s_change(served) -> None:
    server, path = served
    url, body = change(server)
    got, data = request(server, "POST", url, good_headers(server), body)
    assert (got, data["item"]["keep"], data["version"]) == (200, False, 1)
    assert "keep: false" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path, status", [
    ("/", 403), ("/{token}x/", 403), ("/{token}/", 200), ("/{token}/api/state", 200),
    ("/{token}/static/review.js", 200), ("/{token}/../etc/passwd", 404),
])
def test_review_server_reads_need_the_token_and_the_host(served, path, status) -> None:
    server, _ = served
    url = path.replace("{token}", server.token)
    assert request(server, "GET", url, {"Host": f"127.0.0.1:{server.port}"})[0] == status
    assert request(server, "GET", url, {"Host": f"attacker.example:{server.port}"})[0] == 403


def test_review_server_listens_on_loopback_only(served) -> None:
    server, _ = served
    assert server.httpd.server_address[0] == "127.0.0.1"


def test_review_server_page_runs_only_its_own_script(served) -> None:
    server, _ = served
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("GET", f"/{server.token}/")
    response = conn.getresponse()
    policy = response.getheader("Content-Security-Policy")
    assert "script-src 'self';" in policy and "frame-ancestors 'none'" in policy
    assert response.getheader("Referrer-Policy") == "no-referrer"  # the token is in the URL
    conn.close()
