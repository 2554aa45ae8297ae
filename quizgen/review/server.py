"""The review page's local web server (the standard library's http.server).

Safe by default, as Jupyter is: it listens on 127.0.0.1 only, and every request must carry
the random token of the page's address (`http://127.0.0.1:PORT/TOKEN/`). A request whose
Host header is not this server's address is refused (DNS rebinding), and so is a change
whose Origin header is not this server's or that is not JSON (another web page in the
same browser cannot post one). Responses are never cached and send no Referer (the token
is in the address); the page's policy lets only its own script run, and the previews are
shown in sandboxed frames.

API (under /TOKEN/): GET api/state, GET api/items?FILTERS&offset=&limit=, GET
api/preview?id=, POST api/items/ID with {"version": N, "changes": {...}}.
"""

from __future__ import annotations

import errno
import hmac
import json
import secrets
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from ..errors import QuizgenError
from .edits import EditError
from .present import Filter, facets, item_view, kept_counts, page_labels
from .preview import card_preview, worksheet_preview
from .session import Conflict, ReviewSession

HOST = "127.0.0.1"
PAGE_SIZE = 100  # items sent at a time; the page asks for more as the teacher moves on
MAX_BODY = 1 << 20
_ASSETS = {"": ("review.html", "text/html"), "static/review.js": ("review.js", "text/javascript"),
           "static/review.css": ("review.css", "text/css")}
_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
           " connect-src 'self'; img-src 'self' data:; frame-src 'self'; base-uri 'none';"
           " form-action 'none'; frame-ancestors 'none'")


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def _asset(name: str) -> bytes:
    return resources.files(__package__).joinpath("assets", name).read_bytes()


class ReviewServer:
    """A server for one session; `serve_forever()` until `shutdown()`."""

    def __init__(self, session: ReviewSession, *, port: int = 0,
                 limits: dict[str, int] | None = None, token: str | None = None,
                 poll_seconds: float = 2.0) -> None:
        self.session = session
        self.poll_seconds = poll_seconds  # how often the page looks for changes made elsewhere
        self.limits = dict(limits or {})
        self.token = token or secrets.token_urlsafe(24)
        try:
            self.httpd = ThreadingHTTPServer((HOST, port), _handler(self))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise QuizgenError(f"port {port} is in use; choose another with --port,"
                                   " or leave --port out to take a free one") from None
            raise QuizgenError(f"cannot listen on {HOST}:{port} ({exc.strerror});"
                               " choose another --port") from None
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.origins = {f"http://{HOST}:{self.port}", f"http://localhost:{self.port}"}

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/{self.token}/"

    def serve_forever(self) -> None:
        self.httpd.serve_forever(poll_interval=0.2)

    def start(self) -> threading.Thread:
        """Serve on a background thread (tests)."""
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        return thread

    def shutdown(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # The answers, on plain data; the handler below does the HTTP.

    def state(self) -> dict[str, Any]:
        s = self.session
        with s.lock:
            s.refresh()
            return {
                "version": s.version, "title": s.bank.title, "lang": s.bank.lang,
                "path": str(s.path), "labels": page_labels(s.bank.lang),
                "counts": kept_counts(s.bank), "limits": self.limits,
                "facets": facets(s.bank), "problem": s.write_problem(),
                "poll_seconds": self.poll_seconds,
            }

    def items(self, query: dict[str, str]) -> dict[str, Any]:
        offset = _whole(query.get("offset", "0"), "offset")
        limit = min(_whole(query.get("limit", str(PAGE_SIZE)), "limit"), 1000)
        wanted = Filter.from_query(query)
        s = self.session
        with s.lock:
            s.refresh()
            bank = s.bank
            chosen = [item for item in bank.items if wanted(item)]
            articles = {a.id: a for a in bank.articles}
            return {
                "version": s.version, "total": len(chosen), "offset": offset,
                "items": [item_view(i, articles, bank.lang) for i in chosen[offset:offset + limit]],
            }

    def preview(self, item_id: str) -> dict[str, Any]:
        s = self.session
        with s.lock:
            item = next((i for i in s.bank.items if i.id == item_id), None)
            if item is None:
                raise _Refused(HTTPStatus.NOT_FOUND, f"no item '{item_id}'; reload the page")
            return {"card": card_preview(item, s.bank), "worksheet": worksheet_preview(item, s.bank)}

    def change(self, item_id: str, body: Any) -> tuple[HTTPStatus, dict[str, Any]]:
        if not isinstance(body, dict) or not isinstance(body.get("version"), int):
            return HTTPStatus.BAD_REQUEST, {"error": "send {\"version\": N, \"changes\": {...}}"}
        s = self.session
        with s.lock:
            try:
                version = s.change(item_id, body["version"], body.get("changes"))
            except Conflict as exc:
                return HTTPStatus.CONFLICT, {"error": exc.message, "reload": True}
            except EditError as exc:
                return HTTPStatus.UNPROCESSABLE_ENTITY, {"error": exc.message, "field": exc.field}
            except QuizgenError as exc:  # cannot write: the file stays as it was
                return HTTPStatus.SERVICE_UNAVAILABLE, {"error": exc.message}
            bank = s.bank
            item = next(i for i in bank.items if i.id == item_id)
            articles = {a.id: a for a in bank.articles}
            return HTTPStatus.OK, {"version": version, "counts": kept_counts(bank),
                                   "item": item_view(item, articles, bank.lang)}


def _whole(text: str, name: str) -> int:
    if not text.isdigit():
        raise _Refused(HTTPStatus.BAD_REQUEST, f"'{name}' must be a whole number")
    return int(text)


def _handler(server: ReviewServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "quizgen-review"
        sys_version = ""

        def log_message(self, format: str, *args: Any) -> None:  # the token is in every path
            pass

        def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{content_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("X-Frame-Options", "DENY")
            self.send_header("Content-Security-Policy", _POLICY)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _json(self, status: HTTPStatus, data: Any) -> None:
            body = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").encode("utf-8")
            self._send(status, body, "application/json")

        def _route(self) -> tuple[str, dict[str, str]]:
            """The path after the token, and the query; refuses foreign hosts and requests
            without the token."""
            if self.headers.get("Host", "") not in {o.split("//", 1)[1] for o in server.origins}:
                raise _Refused(HTTPStatus.FORBIDDEN, "wrong Host; open the address quizgen printed")
            parts = urlsplit(self.path)
            token, _, rest = parts.path.lstrip("/").partition("/")
            if not hmac.compare_digest(token.encode(), server.token.encode()):
                raise _Refused(HTTPStatus.FORBIDDEN, "no valid token; open the address quizgen"
                               " printed, token included")
            return unquote(rest), dict(parse_qsl(parts.query))

        def _answer(self, method: str) -> None:
            try:
                route, query = self._route()
                if method == "GET" and not route and not urlsplit(self.path).path.endswith("/"):
                    self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                    self.send_header("Location", f"/{server.token}/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif method == "GET":
                    self._get(route, query)
                else:
                    self._post(route)
            except _Refused as exc:
                self._json(exc.status, {"error": str(exc)})
            except QuizgenError as exc:
                self._json(HTTPStatus.BAD_REQUEST, {"error": exc.message})

        def _get(self, route: str, query: dict[str, str]) -> None:
            if route in _ASSETS:
                name, content_type = _ASSETS[route]
                self._send(HTTPStatus.OK, _asset(name), content_type)
            elif route == "api/state":
                self._json(HTTPStatus.OK, server.state())
            elif route == "api/items":
                self._json(HTTPStatus.OK, server.items(query))
            elif route == "api/preview":
                self._json(HTTPStatus.OK, server.preview(query.get("id", "")))
            else:
                raise _Refused(HTTPStatus.NOT_FOUND, "no such page")

        def _post(self, route: str) -> None:
            if self.headers.get("Origin") not in server.origins:
                raise _Refused(HTTPStatus.FORBIDDEN, "changes are taken only from the review page")
            if self.headers.get_content_type() != "application/json":
                raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send JSON")
            if not route.startswith("api/items/"):
                raise _Refused(HTTPStatus.NOT_FOUND, "no such page")
            length = self.headers.get("Content-Length", "")
            if not length.isdigit() or int(length) > MAX_BODY:
                raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "send a short JSON body")
            try:
                body = json.loads(self.rfile.read(int(length)))
            except (ValueError, UnicodeDecodeError):
                raise _Refused(HTTPStatus.BAD_REQUEST, "the body is not JSON") from None
            status, data = server.change(route[len("api/items/"):], body)
            self._json(status, data)

        def do_GET(self) -> None:  # noqa: N802 (http.server's names)
            self._answer("GET")

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._answer("POST")

    return Handler
