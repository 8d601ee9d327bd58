"""The web app: server-rendered pages over the history, plus the API, feeds, health and metrics.

In: a database path (opened read-only: a WAL reader never blocks the daemon's writes) or a
postgresql:// URL (a read-only session beside the workers'), the
watchlist path (optional: the policy page shows its entry), the access rule (token or basic-auth
credentials from the environment) and a clock. Out: a Starlette ASGI app (`create_app`) with
GET routes only, and `serve()` running it under uvicorn on 127.0.0.1:8080 by default.

Pages (Jinja2 templates in templates/, autoescaped: policy text is hostile input, and the CSP
forbids scripts): `/` dashboard, `/policies/ID` policy, `/policies/ID/diff?from=3&to=7` change,
`/policies/ID/versions/N` version. The JSON API is in api.py, the Atom feeds in feeds.py,
/healthz and /metrics in metrics.py. Everything read goes through monitor.app.read_models.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress
import os
import threading
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from monitor.app import read_models
from monitor.clock import Clock, system_clock
from monitor.errors import MonitorError
from monitor.models import CATEGORIES, SEVERITIES

DEFAULT_BIND = "127.0.0.1:8080"
ENV_TOKEN = "POLICY_MONITOR_WEB_TOKEN"
ENV_USER, ENV_PASSWORD = "POLICY_MONITOR_WEB_USER", "POLICY_MONITOR_WEB_PASSWORD"
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none';"
    " frame-ancestors 'none'"
)


class BindRefused(MonitorError):
    """Binding beyond loopback without credentials in the environment."""


# --- access ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Access:
    """Who may read: a bearer token and/or basic-auth credentials; none set: anyone who can connect."""

    token: str | None = None
    user: str | None = None
    password: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Access:
        env = os.environ if env is None else env
        user, password = env.get(ENV_USER) or None, env.get(ENV_PASSWORD) or None
        if bool(user) != bool(password):
            raise BindRefused(f"set both {ENV_USER} and {ENV_PASSWORD}, or neither")
        return cls(token=env.get(ENV_TOKEN) or None, user=user, password=password)

    @property
    def required(self) -> bool:
        return bool(self.token or self.user)

    def allows(self, authorization: str | None) -> bool:
        if not self.required:
            return True
        scheme, _, value = (authorization or "").partition(" ")
        if scheme.lower() == "bearer" and self.token:
            return hmac.compare_digest(value.strip().encode(), self.token.encode())
        if scheme.lower() == "basic" and self.user and self.password:
            try:
                user, _, password = base64.b64decode(value.strip(), validate=True).decode().partition(":")
            except (binascii.Error, UnicodeDecodeError):
                return False
            ok_user = hmac.compare_digest(user.encode(), self.user.encode())
            return hmac.compare_digest(password.encode(), self.password.encode()) and ok_user
        return False


def parse_bind(bind: str) -> tuple[str, int]:
    """'127.0.0.1:8080', '[::1]:8080', ':8080' (loopback) or '8080' -> (host, port)."""
    host, sep, port = bind.rpartition(":")
    if not sep:
        host, port = "", bind
    host = host.strip("[]") or "127.0.0.1"
    try:
        number = int(port)
    except ValueError:
        raise BindRefused(f"--bind {bind!r}: expected HOST:PORT, e.g. 127.0.0.1:8080") from None
    if not 0 <= number <= 65535:
        raise BindRefused(f"--bind {bind!r}: port out of range")
    return host, number


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, access: Access) -> None:
    """The rule: loopback is open; any other address needs a token or basic-auth credentials."""
    if not is_loopback(host) and not access.required:
        raise BindRefused(
            f"refusing to listen on {host} without credentials: set {ENV_TOKEN}, or {ENV_USER} and"
            f" {ENV_PASSWORD}, in the environment (or bind to 127.0.0.1)"
        )


class Guard:
    """ASGI middleware: credentials when required, GET/HEAD only, and safe headers on every answer."""

    def __init__(self, app: ASGIApp, access: Access) -> None:
        self.app, self.access = app, access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if not self.access.allows(headers.get("authorization")):
            challenge = (
                'Basic realm="policy-monitor"' if self.access.user else 'Bearer realm="policy-monitor"'
            )
            response: Response = PlainTextResponse(
                "credentials required\n", 401, headers={"WWW-Authenticate": challenge}
            )
            await _secure(response)(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            await _secure(
                PlainTextResponse("read-only: GET and HEAD only\n", 405, headers={"Allow": "GET, HEAD"})
            )(scope, receive, send)
            return

        async def secured_send(message: Any) -> None:
            if message["type"] == "http.response.start":
                extra = [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, secured_send)


def _secure(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


# --- the app's state ---------------------------------------------------------------------------


class Web:
    """What the routes share: the read-only store, the watchlist path, the clock, the templates."""

    def __init__(self, db_path: str | Path, watchlist_path: Path | None, clock: Clock) -> None:
        from monitor.store.pg import is_postgres_url

        self.postgres = is_postgres_url(db_path)
        # a postgresql:// URL stays a string; a SQLite file is a Path
        self.db_path: Any = db_path if self.postgres else Path(db_path)
        self.watchlist_path, self.clock = watchlist_path, clock
        self._store: Any = None
        self._watchlist: tuple[dict[str, Any], Any] | None = None  # (stamps of what was read, the list)
        self._lock = threading.Lock()
        self.templates = Environment(
            loader=PackageLoader("monitor.app.web", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.templates.globals.update(
            SEVERITIES=SEVERITIES[1:], CATEGORIES=CATEGORIES, STATUSES=read_models.STATUSES
        )

    @property
    def store(self) -> Any:
        """The read-only Store, opened on first use (the database may not exist when serve starts);
        on PostgreSQL, opened again after its session was lost (the server restarted)."""
        with self._lock:
            if self._store is not None and self._store.connection_lost():
                self._store.close()
                self._store = None
            if self._store is None:
                from monitor.store import Store

                if not self.postgres and not self.db_path.exists():
                    raise read_models.NotFound(
                        f"no database at {self.db_path} yet: the daemon or `check --all` makes it"
                    )
                self._store = Store(self.db_path, read_only=True, clock=self.clock)
            return self._store

    def watchlist(self) -> Any:
        """The watchlist as last loaded, reloaded when it or a policy source changes; None when
        absent or invalid (the policy page then shows the entry the store mirrored)."""
        if self.watchlist_path is None:
            return None
        from monitor.config.sources import stale
        from monitor.config.watchlist import load_watchlist

        cached = self._watchlist
        if cached is not None and not stale(cached[0]):
            return cached[1]
        stamps: dict[str, Any] = {}
        try:
            loaded = load_watchlist(self.watchlist_path, stamps=stamps)
        except MonitorError:
            loaded = None
        self._watchlist = (stamps, loaded)
        return loaded

    def render(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.templates.get_template(name).render(**context), status_code=status)

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


Handler = Callable[[Request], Awaitable[Response]]


def _int(request: Request, name: str, default: int | None = None) -> int | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)  # type: ignore[arg-type]
    except ValueError:
        raise read_models.BadQuery(f"{name} must be a whole number (not {raw!r})") from None


def _opt(request: Request, name: str) -> str | None:
    return request.query_params.get(name) or None


# --- pages -------------------------------------------------------------------------------------


def dashboard(web: Web, request: Request) -> Response:
    q = request.query_params
    page = read_models.policy_list(
        web.store,
        sort=q.get("sort") or "id",
        order=q.get("order") or "asc",
        severity=_opt(request, "severity"),
        category=_opt(request, "category"),
        language=_opt(request, "language"),
        status=_opt(request, "status"),
        page=_int(request, "page", 1) or 1,
    )
    params = {k: v for k, v in page.filters.items() if v}

    def link(**changes: Any) -> str:
        from urllib.parse import urlencode

        merged = {**params, **changes}
        return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})

    return web.render(
        "dashboard.html",
        page=page,
        link=link,
        filters=page.filters,
        last_check=web.store.last_check_at(),
        daemon=not web.postgres and web.store.daemon_running(),
        workers=web.store.worker_sessions()[0] if web.postgres else None,  # PostgreSQL: no daemon
    )


def policy_page(web: Web, request: Request) -> Response:
    pid = request.path_params["policy_id"]
    row = read_models.policy_row(web.store, pid)
    timeline = list(reversed(read_models.history(web.store, pid)))
    fetches = read_models.fetch_history(web.store, pid, 50)
    entry = read_models.watchlist_entry(read_models.policy_config(web.store, pid, web.watchlist()))
    return web.render("policy.html", policy=row, timeline=timeline, fetches=fetches, entry=entry)


def diff_page(web: Web, request: Request) -> Response:
    pid = request.path_params["policy_id"]
    comparison = read_models.compare_versions(web.store, pid, _int(request, "from"), _int(request, "to"))
    row = read_models.policy_row(web.store, pid)
    material = [c for c in comparison.changes if c.material]
    quiet = [c for c in comparison.changes if not c.material]
    return web.render(
        "diff.html",
        policy=row,
        cmp=comparison,
        material=material,
        quiet=quiet,
        context=_context(comparison),
        show_all=request.query_params.get("all") == "1",
    )


def _context(cmp: read_models.Comparison) -> Callable[[Any], tuple[str | None, str | None]]:
    """For a change: the clauses before and after it in its version (the paragraph around it)."""

    from monitor.engine.pipeline import context_of

    def around(change: Any) -> tuple[str | None, str | None]:
        side, clauses = (
            (change.new, cmp.new.clauses) if change.new is not None else (change.old, cmp.old.clauses)
        )
        if side is None:
            return None, None
        found = context_of(side, clauses, limit=None)
        return found.before, found.after

    return around


def version_page(web: Web, request: Request) -> Response:
    pid, seq = request.path_params["policy_id"], request.path_params["seq"]
    v = read_models.version(web.store, pid, str(seq))
    changed = read_models.changed_clauses(v, read_models.changes_in(web.store, v))
    row = read_models.policy_row(web.store, pid)
    return web.render("version.html", policy=row, version=v, changed=changed)


def style(web: Web, request: Request) -> Response:
    from importlib import resources

    css = (resources.files("monitor.app.web") / "templates" / "style.css").read_text(encoding="utf-8")
    return Response(css, media_type="text/css", headers={"Cache-Control": "max-age=3600"})


def errors_as_pages(web: Web, fn: Callable[[Web, Request], Response]) -> Handler:
    """A route that answers NotFound with 404 and a bad query with 400, as a page."""

    async def handler(request: Request) -> Response:
        from starlette.concurrency import run_in_threadpool

        try:
            return await run_in_threadpool(fn, web, request)
        except read_models.NotFound as e:
            return web.render("error.html", 404, title="Not found", message=str(e))
        except read_models.BadQuery as e:
            return web.render("error.html", 400, title="Bad request", message=str(e))

    return handler


def create_app(
    db_path: str | Path,
    *,
    watchlist_path: str | Path | None = None,
    access: Access | None = None,
    clock: Clock = system_clock,
) -> ASGIApp:
    """The whole web app over the database at `db_path`, guarded by `access`."""
    from monitor.app.web import api, feeds, metrics

    web = Web(db_path, Path(watchlist_path) if watchlist_path else None, clock)
    page = errors_as_pages
    routes = [
        Route("/", page(web, dashboard), name="dashboard"),
        Route("/policies", lambda r: RedirectResponse("/", 308)),
        Route("/policies/{policy_id}", page(web, policy_page), name="policy"),
        Route("/policies/{policy_id}/diff", page(web, diff_page), name="diff"),
        Route("/policies/{policy_id}/versions/{seq:int}", page(web, version_page), name="version"),
        Route("/static/style.css", page(web, style), name="style"),
        Route("/favicon.ico", lambda r: Response(status_code=204)),
        *api.routes(web),
        *feeds.routes(web),
        *metrics.routes(web),
    ]
    app = Starlette(routes=routes)
    app.state.web = web
    return Guard(app, access or Access())


def serve(
    db_path: str | Path,
    *,
    bind: str = DEFAULT_BIND,
    watchlist_path: Path | None = None,
    env: Mapping[str, str] | None = None,
    started: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
    clock: Clock = system_clock,
) -> None:
    """Run the app under uvicorn until stopped (SIGINT/SIGTERM, or `stop` set from another thread).
    Refuses (BindRefused) a non-loopback address without credentials in the environment."""
    import uvicorn

    host, port = parse_bind(bind)
    access = Access.from_env(env)
    check_bind(host, access)
    app = create_app(db_path, watchlist_path=watchlist_path, access=access, clock=clock)
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", access_log=False, server_header=False, lifespan="off"
    )
    server = uvicorn.Server(config)
    finished = threading.Event()

    def announce() -> None:  # uvicorn has no "started" callback: watch its flag
        while not server.started and not finished.wait(0.02):
            pass
        if server.started and started is not None:
            name = server.servers[0].sockets[0].getsockname()
            started(f"http://{'[' + name[0] + ']' if ':' in name[0] else name[0]}:{name[1]}/")

    def stopper() -> None:
        assert stop is not None
        while not stop.wait(0.2):
            if finished.is_set():
                return
        server.should_exit = True

    threading.Thread(target=announce, name="web-started", daemon=True).start()
    if stop is not None:
        threading.Thread(target=stopper, name="web-stop", daemon=True).start()
    try:
        server.run()
    finally:
        finished.set()
        app_state = getattr(app, "app", None)
        if app_state is not None:
            app_state.state.web.close()
    if not server.started:
        raise MonitorError(f"could not listen on {bind}")
