"""The REST API: JSON over GET, described by the OpenAPI 3.1 document at /api/openapi.json.

In: HTTP GET requests with query filters; the read models (monitor.app.read_models).
Out: JSON in the shapes the CLI prints with `--json` (`status --json` is GET /api/status,
`history ID --json` is GET /api/policies/ID/versions, `show ID --version N --json` is
GET /api/policies/ID/versions/N), errors as {"error": message} with 400 or 404.

Endpoints: /api/policies (paged, filtered, sorted), /api/policies/ID, /api/policies/ID/versions,
/api/policies/ID/versions/N[?clauses=1], /api/policies/ID/versions/N/changes,
/api/policies/ID/diff?from=&to=, /api/changes (since, policy, category, min_severity, material,
before, limit), /api/status. No endpoint writes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from monitor.app import read_models
from monitor.models import CATEGORIES, SEVERITIES


def _json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)


def _bool(raw: str | None, name: str) -> bool | None:
    if raw in (None, ""):
        return None
    if raw.lower() in ("1", "true", "yes"):
        return True
    if raw.lower() in ("0", "false", "no"):
        return False
    raise read_models.BadQuery(f"{name} must be true or false (not {raw!r})")


def _int(request: Request, name: str, default: int | None = None) -> int | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)  # type: ignore[arg-type]
    except ValueError:
        raise read_models.BadQuery(f"{name} must be a whole number (not {raw!r})") from None


def _endpoint(web: Any, fn: Callable[[Any, Request], Any]) -> Callable[[Request], Any]:
    async def handler(request: Request) -> Response:
        try:
            return _json(await run_in_threadpool(fn, web.store, request))
        except read_models.NotFound as e:
            return _json({"error": str(e)}, 404)
        except read_models.BadQuery as e:
            return _json({"error": str(e)}, 400)

    return handler


def policies(store: Any, request: Request) -> Any:
    q = request.query_params
    return read_models.policy_list(
        store,
        sort=q.get("sort") or "id",
        order=q.get("order") or "asc",
        severity=q.get("severity") or None,
        category=q.get("category") or None,
        language=q.get("language") or None,
        status=q.get("status") or None,
        page=_int(request, "page", 1) or 1,
        per_page=_int(request, "per_page", read_models.PER_PAGE) or 100,
    ).to_dict()


def policy(web: Any) -> Callable[[Any, Request], Any]:
    def get(store: Any, request: Request) -> Any:
        from dataclasses import asdict

        pid = request.path_params["policy_id"]
        row = read_models.policy_row(store, pid)
        entry = read_models.watchlist_entry(read_models.policy_config(store, pid, web.watchlist()))
        return {
            "policy": asdict(row),
            "watchlist": entry,
            "fetches": read_models.fetch_history(store, pid, 50),
        }

    return get


def versions(store: Any, request: Request) -> Any:
    return read_models.history_records(store, request.path_params["policy_id"])


def version(store: Any, request: Request) -> Any:
    v = read_models.version(store, request.path_params["policy_id"], str(request.path_params["seq"]))
    return read_models.version_record(
        v, clauses=_bool(request.query_params.get("clauses"), "clauses") or False
    )


def version_changes(store: Any, request: Request) -> Any:
    v = read_models.version(store, request.path_params["policy_id"], str(request.path_params["seq"]))
    return [c.to_dict() for c in read_models.changes_in(store, v)]


def diff(store: Any, request: Request) -> Any:
    return read_models.compare_versions(
        store, request.path_params["policy_id"], _int(request, "from"), _int(request, "to")
    ).to_dict()


def changes(store: Any, request: Request) -> Any:
    q = request.query_params
    limit = _int(request, "limit", read_models.PER_PAGE) or read_models.PER_PAGE
    items = read_models.changes(
        store,
        since=q.get("since") or None,
        policy_id=q.get("policy") or None,
        category=q.get("category") or None,
        min_severity=q.get("min_severity") or None,
        material=_bool(q.get("material"), "material"),
        before=_int(request, "before"),
        limit=limit,
    )
    return {
        "items": items,
        "next_before": items[-1]["id"] if len(items) == min(max(1, limit), 1000) else None,
    }


def status(store: Any, request: Request) -> Any:
    return read_models.status_records(store)


def openapi(store: Any, request: Request) -> Any:
    return OPENAPI


def routes(web: Any) -> list[Route]:
    async def schema(request: Request) -> Response:
        return _json(OPENAPI)

    return [
        Route("/api/openapi.json", schema),
        Route("/api/policies", _endpoint(web, policies)),
        Route("/api/policies/{policy_id}", _endpoint(web, policy(web))),
        Route("/api/policies/{policy_id}/versions", _endpoint(web, versions)),
        Route("/api/policies/{policy_id}/versions/{seq:int}", _endpoint(web, version)),
        Route("/api/policies/{policy_id}/versions/{seq:int}/changes", _endpoint(web, version_changes)),
        Route("/api/policies/{policy_id}/diff", _endpoint(web, diff)),
        Route("/api/changes", _endpoint(web, changes)),
        Route("/api/status", _endpoint(web, status)),
    ]


# --- the OpenAPI document ----------------------------------------------------------------------

_S: dict[str, Any] = {"type": "string"}
_NS: dict[str, Any] = {"type": ["string", "null"]}
_NI: dict[str, Any] = {"type": ["integer", "null"]}
_SEVERITY = {"type": "string", "enum": list(SEVERITIES)}
_CATEGORY = {"type": "string", "enum": list(CATEGORIES)}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(props: dict[str, Any], required: list[str] | None = None, extra: bool = False) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": props,
        "required": list(props) if required is None else required,
        "additionalProperties": extra,
    }


_SIDE = {"oneOf": [{"type": "null"}, _obj({"index": {"type": "integer"}, "section": _NS, "text": _S})]}
_FACT = _obj(
    {"category": _S, "old": {}, "new": {}, "direction": _S, "kind": _S}, required=["category"], extra=True
)
_CHANGE_PROPS: dict[str, Any] = {
    "kind": {"type": "string", "enum": ["added", "removed", "modified", "moved"]},
    "material": {"type": "boolean"},
    "severity": _SEVERITY,
    "categories": {"type": "array", "items": _CATEGORY},
    "old": _SIDE,
    "new": _SIDE,
    "inline": {"type": "array", "items": {"type": "array", "prefixItems": [{"type": "integer"}, _S]}},
    "facts": {"type": "array", "items": _FACT},
    "explanation": _S,
    "context": _obj({"before": _NS, "after": _NS}),
}
_CHANGE_REQUIRED = ["kind", "material", "severity", "categories", "old", "new", "facts", "explanation"]
_SUMMARY = _obj(
    {
        "added": {"type": "integer"},
        "removed": {"type": "integer"},
        "modified": {"type": "integer"},
        "moved": {"type": "integer"},
        "material": {"type": "boolean"},
        "max_severity": _SEVERITY,
        "categories": {"type": "array", "items": _S},
    },
    extra=True,
)

SCHEMAS: dict[str, Any] = {
    "Error": _obj({"error": _S}),
    "PolicyRow": _obj(
        {
            "id": _S,
            "name": _S,
            "url": _S,
            "type": _NS,
            "status": {"type": "string", "enum": list(read_models.STATUSES)},
            "last_check_at": _NS,
            "last_outcome": _NS,
            "last_error": _NS,
            "versions": {"type": "integer"},
            "language": _NS,
            "last_version_at": _NS,
            "material_seq": _NI,
            "material_at": _NS,
            "material_severity": {"oneOf": [{"type": "null"}, _SEVERITY]},
            "material_categories": {"type": "array", "items": _S},
        }
    ),
    "PolicyPage": _obj(
        {
            "items": {"type": "array", "items": _ref("PolicyRow")},
            "total": {"type": "integer"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "pages": {"type": "integer"},
            "filters": {"type": "object"},
        }
    ),
    "WatchlistEntry": _obj(
        {
            "id": _S,
            "name": _S,
            "url": _S,
            "type": _S,
            "interval_seconds": {"type": "integer"},
            "select": _NS,
            "remove": {"type": "array", "items": _S},
            "language": _NS,
            "alert": {"type": "array", "items": _S},
        }
    ),
    "Fetch": _obj(
        {
            "id": {"type": "integer"},
            "started_at": _S,
            "outcome": _S,
            "http_status": _NI,
            "duration_ms": _NI,
            "bytes": _NI,
            "error": _NS,
            "version": _NI,
        }
    ),
    "PolicyDetail": _obj(
        {
            "policy": _ref("PolicyRow"),
            "watchlist": _ref("WatchlistEntry"),
            "fetches": {"type": "array", "items": _ref("Fetch")},
        }
    ),
    "HistoryRecord": _obj(
        {
            "id": {"type": "integer"},
            "seq": {"type": "integer"},
            "seen_at": _S,
            "sha": _S,
            "body_sha256": _NS,
            "language": _NS,
            "clause_count": _NI,
            "summary": _SUMMARY,
        }
    ),
    "Version": _obj(
        {
            "policy_id": _S,
            "seq": {"type": "integer"},
            "seen_at": _S,
            "sha256": _S,
            "language": _NS,
            "text": _S,
            "clauses": {
                "type": "array",
                "items": _obj({"index": {"type": "integer"}, "section": _NS, "marker": _NS, "text": _S}),
            },
        },
        required=["policy_id", "seq", "seen_at", "sha256", "language"],
    ),
    "Change": _obj(_CHANGE_PROPS, required=_CHANGE_REQUIRED),
    "ChangeItem": _obj(
        {
            **_CHANGE_PROPS,
            "id": {"type": "integer"},
            "policy_id": _S,
            "policy_name": _NS,
            "seq": {"type": "integer"},
            "seen_at": _S,
            "position": {"type": "integer"},
        },
        required=[*_CHANGE_REQUIRED, "id", "policy_id", "seq", "seen_at"],
    ),
    "ChangePage": _obj({"items": {"type": "array", "items": _ref("ChangeItem")}, "next_before": _NI}),
    "Comparison": _obj(
        {
            "policy_id": _S,
            "from": {"type": "integer"},
            "to": {"type": "integer"},
            "stored": {"type": "boolean"},
            "changes": {"type": "array", "items": _ref("Change")},
        }
    ),
    "Status": _obj(
        {
            "policy_id": _S,
            "name": _S,
            "url": _S,
            "last_check_at": _NS,
            "last_outcome": _NS,
            "last_change_at": _NS,
            "versions": {"type": "integer"},
            "consecutive_failures": {"type": "integer"},
            "dead_alerts": {"type": "integer"},
            "pending_alerts": {"type": "integer"},
            "health": _S,
            "rendered": _NS,  # "browser" / "browser (auto: ...)" when the last fetch ran in Chromium
            "extra": {"type": "object"},
            "last_material_change_at": _NS,
            "retrying_alerts": {"type": "integer"},  # pending alerts whose delivery failed at least once
            "alert_error": _NS,  # why the last failed delivery of a retrying (else dead) alert failed
            "retry_streak": {"type": "integer"},  # checks in a row that failed or were suspect
            "interval_seconds": {"type": ["integer", "null"]},
            "next_check_at": _NS,  # when the daemon checks again (sooner after failures)
        }
    ),
}


def _param(name: str, schema: dict[str, Any], where: str = "query", doc: str = "") -> dict[str, Any]:
    return {"name": name, "in": where, "required": where == "path", "schema": schema, "description": doc}


def _op(summary: str, schema: dict[str, Any], params: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    err = {"description": "error", "content": {"application/json": {"schema": _ref("Error")}}}
    return {
        "get": {
            "summary": summary,
            "parameters": params or [],
            "responses": {
                "200": {"description": "ok", "content": {"application/json": {"schema": schema}}},
                "400": err,
                "404": err,
            },
        }
    }


_PID = _param("policy_id", _S, "path", "the policy id")
_SEQ = _param("seq", {"type": "integer", "minimum": 1}, "path", "the version number")

OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "policy-monitor",
        "version": "1",
        "description": "Read-only access to the history of watched privacy policies.",
    },
    "paths": {
        "/api/policies": _op(
            "A page of policies, filtered and sorted",
            _ref("PolicyPage"),
            [
                _param("sort", {"type": "string", "enum": list(read_models.SORTS)}),
                _param("order", {"type": "string", "enum": ["asc", "desc"]}),
                _param(
                    "severity",
                    {"type": "string", "enum": list(SEVERITIES[1:])},
                    doc="the last material change is at least this severe",
                ),
                _param("category", _CATEGORY, doc="the last material change touches this category"),
                _param("language", _S),
                _param("status", {"type": "string", "enum": list(read_models.STATUSES)}),
                _param("page", {"type": "integer", "minimum": 1}),
                _param("per_page", {"type": "integer", "minimum": 1, "maximum": 1000}),
            ],
        ),
        "/api/policies/{policy_id}": _op(
            "A policy: its row, watchlist entry and latest fetches", _ref("PolicyDetail"), [_PID]
        ),
        "/api/policies/{policy_id}/versions": _op(
            "Every version (as `history ID --json`)",
            {"type": "array", "items": _ref("HistoryRecord")},
            [_PID],
        ),
        "/api/policies/{policy_id}/versions/{seq}": _op(
            "A version's text, or its clauses (as `show ID --version N --json`)",
            _ref("Version"),
            [_PID, _SEQ, _param("clauses", {"type": "boolean"})],
        ),
        "/api/policies/{policy_id}/versions/{seq}/changes": _op(
            "The changes recorded when this version was seen",
            {"type": "array", "items": _ref("Change")},
            [_PID, _SEQ],
        ),
        "/api/policies/{policy_id}/diff": _op(
            "Any two versions compared, material changes first",
            _ref("Comparison"),
            [_PID, _param("from", {"type": "integer"}), _param("to", {"type": "integer"})],
        ),
        "/api/changes": _op(
            "Changes, newest first",
            _ref("ChangePage"),
            [
                _param("since", {"type": "string", "format": "date-time"}),
                _param("policy", _S),
                _param("category", _CATEGORY),
                _param("min_severity", _SEVERITY),
                _param("material", {"type": "boolean"}),
                _param("before", {"type": "integer"}, doc="page: the next_before of the previous page"),
                _param("limit", {"type": "integer", "minimum": 1, "maximum": 1000}),
            ],
        ),
        "/api/status": _op(
            "Per policy status (as `status --json`)", {"type": "array", "items": _ref("Status")}
        ),
    },
    "components": {"schemas": SCHEMAS},
}
