"""Read queries for browsing the history at scale: the web dashboard, the REST API, feeds, metrics.

In: nothing but the database (no clock, no writes; every method is one or two SELECTs).
Out: plain dicts: one row per policy with what a dashboard shows (latest fetch, versions, last
material change), pages of changes filtered by time, policy, category, severity and materiality,
a policy's fetch history, and the counts behind /metrics and /healthz (on PostgreSQL, the workers'
sessions as well).

Written for 10,000 policies and 100,000 changes: every per-policy lookup walks an index
(fetches_policy_id, versions_policy_seq, changes_version) from its newest end.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from monitor.models import SEVERITIES
from monitor.store.connection import Connection
from monitor.store.pg import WORKER_SESSION
from monitor.store.records import change_dict

# severity name -> rank, as SQL (the changes table stores the name)
SEVERITY_RANK_SQL = (
    "CASE {col} " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(SEVERITIES)) + " ELSE 0 END"
)

_POLICY_ROWS = """
SELECT p.id, p.name, p.url, p.type, p.active, p.health, p.health_since,
  f.started_at AS last_check_at, f.outcome AS last_outcome, f.error AS last_error,
  f.http_status AS last_http_status,
  lv.seq AS versions, lv.language AS language, lv.seen_at AS last_version_at
FROM policies p
LEFT JOIN fetches f ON f.id = (SELECT max(id) FROM fetches WHERE policy_id = p.id)
LEFT JOIN versions lv ON lv.id = (SELECT id FROM versions WHERE policy_id = p.id ORDER BY seq DESC LIMIT 1)
"""

# the material versions after a version id: (version id, policy, seq, time, top severity rank, categories)
_MATERIAL_SINCE = f"""
SELECT c.version_id, v.policy_id, v.seq, v.seen_at,
  max({SEVERITY_RANK_SQL.format(col="c.severity")}) AS rank, group_concat(c.categories, '|') AS cats
FROM changes c JOIN versions v ON v.id = c.version_id
WHERE c.material = 1 AND c.version_id > ? GROUP BY c.version_id, v.policy_id, v.seq, v.seen_at
ORDER BY c.version_id
"""

_CHANGE_COLUMNS = "c.*, v.policy_id, v.seq, v.seen_at, p.name AS policy_name"


def _categories(joined: str | None) -> list[str]:
    """'["a","b"]|["b"]' (group_concat of JSON arrays) -> ['a', 'b']."""
    seen: dict[str, None] = {}
    for part in (joined or "").split("|"):
        if part:
            for c in json.loads(part):
                seen.setdefault(c, None)
    return list(seen)


class Browse(Connection):
    """Dashboard, API and metrics reads (see the module docstring)."""

    def policy_rows(
        self,
        *,
        ids: Sequence[str] | None = None,
        include_inactive: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """One row per policy, by id: latest fetch, version count and language, last material change
        (version, time, highest severity, categories). `limit`/`offset` page in SQL (by id).

        Every policy (no ids, no limit): the rows are kept between calls and brought up to date
        from what was committed since: the policies whose fetches or versions are newer than the
        last ones read are read again (fetch and version ids only grow); a change to the
        policies table itself (a watchlist sync) reads them all again. The list returned is
        shared: callers read it and never change it.

        PostgreSQL reads them all each time: workers commit concurrently, so a row with a lower
        id may commit after a higher one was read, and "only what is newer" would miss it."""
        if ids is None and limit is None and offset == 0 and not self.postgres:
            return self._all_policy_rows(include_inactive)
        return self._policy_rows(ids=ids, include_inactive=include_inactive, limit=limit, offset=offset)

    def _all_policy_rows(self, include_inactive: bool) -> list[dict[str, Any]]:
        with self._lock:
            data_version = self._one("PRAGMA data_version")[0]  # type: ignore[index]
            state = self.__dict__.get("_rows_state")
            if state is not None and state["key"] == (data_version, include_inactive):
                return state["rows"]
            sig = tuple(
                self._one("SELECT count(*), max(updated_at), sum(active), max(added_at) FROM policies")
            )  # type: ignore[arg-type]
            top_fetch = self._one("SELECT max(id) FROM fetches")[0] or 0  # type: ignore[index]
            top_version = self._one("SELECT max(id) FROM versions")[0] or 0  # type: ignore[index]
            rows: list[dict[str, Any]] | None = None
            position: dict[str, int] = {}
            if state is not None and state["sig"] == sig and state["inactive"] == include_inactive:
                touched = {
                    r[0]
                    for r in self._all(
                        "SELECT policy_id FROM fetches WHERE id > ?"
                        " UNION SELECT policy_id FROM versions WHERE id > ?",
                        (state["fetch"], state["version"]),
                    )
                }
                if len(touched) <= 2000:
                    rows = list(state["rows"])
                    position = state["position"]
                    for d in self._policy_rows(ids=sorted(touched), include_inactive=include_inactive):
                        if d["id"] in position:
                            rows[position[d["id"]]] = d
                        else:  # a policy the table signature missed: read them all
                            rows = None
                            break
            if rows is None:
                rows = self._policy_rows(include_inactive=include_inactive)
                position = {d["id"]: i for i, d in enumerate(rows)}
            self.__dict__["_rows_state"] = {
                "key": (data_version, include_inactive),
                "sig": sig,
                "inactive": include_inactive,
                "fetch": top_fetch,
                "version": top_version,
                "rows": rows,
                "position": position,
            }
            return rows

    def _policy_rows(
        self,
        *,
        ids: Sequence[str] | None = None,
        include_inactive: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        if ids is not None and not ids:
            return []  # `IN ()`, which PostgreSQL rejects, matches nothing
        where: list[str] = []
        params: list[Any] = []
        if not include_inactive:
            where.append("p.active = 1")
        if ids is not None:
            where.append(f"p.id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        sql = _POLICY_ROWS + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY p.id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        rows, names = self._plain_rows(sql, params)
        material = self.last_material()
        none: dict[str, Any] = {"seq": None, "seen_at": None, "severity": None, "categories": ()}
        out = []
        for r in rows:
            d = dict(zip(names, r, strict=True))
            d["active"] = bool(d["active"])
            d["versions"] = d["versions"] or 0
            m = material.get(d["id"], none)
            d["material_seq"], d["material_at"] = m["seq"], m["seen_at"]
            d["material_severity"], d["material_categories"] = m["severity"], list(m["categories"])
            out.append(d)
        return out

    def _plain_rows(self, sql: str, params: Sequence[Any]) -> tuple[list[tuple[Any, ...]], list[str]]:
        """The rows of `sql` as plain tuples, and the column names."""
        with self._lock:
            if self.postgres:
                found = self._conn.execute(sql, params).fetchall()
                return [tuple(r) for r in found], (found[0].keys() if found else [])
            cur = self._conn.cursor()
            cur.row_factory = None  # plain tuples: a third of the time of sqlite3.Row for 10,000 rows
            rows = cur.execute(sql, params).fetchall()
            return rows, [c[0] for c in cur.description]

    def policy_ids(self, *, include_inactive: bool = False, limit: int = 100, offset: int = 0) -> list[str]:
        """A page of policy ids, in id order."""
        where = "" if include_inactive else " WHERE active = 1"
        rows = self._all(f"SELECT id FROM policies{where} ORDER BY id LIMIT ? OFFSET ?", (limit, offset))
        return [r[0] for r in rows]

    def last_material(self) -> dict[str, dict[str, Any]]:
        """Per policy, its latest version with a material change: seq, seen_at, severity, categories.

        Versions and their changes never change once written and ids only grow, so this reader
        keeps what it has read and asks only for the versions after the last one it knows: the
        first call reads every material change once, later calls read only what is new."""
        with self._lock:
            cache = self.__dict__.setdefault("_last_material", {"upto": 0, "by_policy": {}})
            if self.postgres:  # read afresh: see policy_rows
                cache = {"upto": 0, "by_policy": {}}
            for r in self._all(_MATERIAL_SINCE, (cache["upto"],)):
                cache["by_policy"][r["policy_id"]] = {
                    "version_id": r["version_id"],
                    "seq": r["seq"],
                    "seen_at": r["seen_at"],
                    "severity": SEVERITIES[r["rank"] or 0],
                    "categories": tuple(_categories(r["cats"])),
                }
                cache["upto"] = r["version_id"]
            return cache["by_policy"]

    def policy_record(self, policy_id: str) -> dict[str, Any] | None:
        """The policies row of one id (active or not), or None."""
        row = self._one("SELECT * FROM policies WHERE id = ?", (policy_id,))
        return {**dict(row), "active": bool(row["active"])} if row else None

    def policy_count(self, include_inactive: bool = False) -> int:
        where = "" if include_inactive else " WHERE active = 1"
        return self._one(f"SELECT count(*) FROM policies{where}")[0]  # type: ignore[index]

    def change_rows(
        self,
        *,
        since: str | None = None,
        policy_id: str | None = None,
        category: str | None = None,
        min_severity: str | None = None,
        material: bool | None = None,
        before_id: int | None = None,
        limit: int = 100,
    ) -> list[dict[str, Any]]:
        """Changes, newest first (by change id), each in the Change.to_dict() shape plus its
        policy_id, seq, seen_at, policy_name and id. `before_id` pages: pass the last id seen."""
        where, params = ["1 = 1"], []  # type: list[str], list[Any]
        if since is not None:
            where.append("v.seen_at >= ?")
            params.append(since)
        if policy_id is not None:
            where.append("v.policy_id = ?")
            params.append(policy_id)
        if category is not None:
            where.append("EXISTS (SELECT 1 FROM json_each(c.categories) j WHERE j.value = ?)")
            params.append(category)
        if min_severity is not None and min_severity in SEVERITIES and SEVERITIES.index(min_severity) > 0:
            names = SEVERITIES[SEVERITIES.index(min_severity) :]
            where.append(f"c.severity IN ({','.join('?' * len(names))}) AND c.material = 1")
            params.extend(names)
        if material is not None:
            where.append("c.material = ?")
            params.append(int(material))
        if before_id is not None:
            where.append("c.id < ?")
            params.append(before_id)
        rows = self._all(
            f"SELECT {_CHANGE_COLUMNS} FROM changes c JOIN versions v ON v.id = c.version_id"
            f" JOIN policies p ON p.id = v.policy_id WHERE {' AND '.join(where)}"
            " ORDER BY c.id DESC LIMIT ?",
            [*params, limit],
        )
        return [
            {
                "id": r["id"],
                "policy_id": r["policy_id"],
                "policy_name": r["policy_name"],
                "seq": r["seq"],
                "seen_at": r["seen_at"],
                "position": r["position"],
                **change_dict(r),
            }
            for r in rows
        ]

    def fetch_rows(self, policy_id: str, limit: int = 50) -> list[dict[str, Any]]:
        """A policy's latest fetches, newest first (no validators, no hashes)."""
        rows = self._all(
            "SELECT f.id, f.started_at, f.outcome, f.http_status, f.duration_ms, f.bytes, f.error,"
            " v.seq AS version FROM fetches f LEFT JOIN versions v ON v.id = f.version_id"
            " WHERE f.policy_id = ? ORDER BY f.id DESC LIMIT ?",
            (policy_id, limit),
        )
        return [dict(r) for r in rows]

    def metric_counts(
        self, buckets_ms: Sequence[int] = (50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000)
    ) -> dict[str, Any]:
        """The counts behind /metrics: checks by outcome, check durations by outcome and fetch
        latencies as cumulative histogram buckets (`buckets_ms` upper bounds), versions, changes by
        (severity, material), alerts by status, active policies and those whose latest check failed
        or was suspect."""
        out: dict[str, Any] = {}
        le = ", ".join(f"sum(duration_ms <= {int(b)})" for b in buckets_ms)
        rows = self._all(
            f"SELECT outcome, count(*), coalesce(sum(duration_ms), 0), {le} FROM fetches GROUP BY outcome"
        )
        out["duration_buckets"] = {
            r[0]: {"count": r[1], "sum_ms": int(r[2]), "le": [int(x or 0) for x in tuple(r)[3:]]}
            for r in rows
        }
        out["checks"] = {r[0]: r[1] for r in rows}
        fetch_le = ", ".join(f"sum(fetch_ms <= {int(b)})" for b in buckets_ms)
        fetched = self._one(
            f"SELECT count(*), coalesce(sum(fetch_ms), 0), {fetch_le} FROM fetches WHERE fetch_ms IS NOT NULL"
        )
        out["fetch_buckets"] = {
            "count": fetched[0],
            "sum_ms": int(fetched[1]),
            "le": [int(x or 0) for x in tuple(fetched)[2:]],
        }
        out["versions"] = self._one("SELECT count(*) FROM versions")[0]  # type: ignore[index]
        out["changes"] = {
            (r[0], bool(r[1])): r[2]
            for r in self._all("SELECT severity, material, count(*) FROM changes GROUP BY severity, material")
        }
        out["alerts"] = {r[0]: r[1] for r in self._all("SELECT status, count(*) FROM alerts GROUP BY status")}
        out["policies"] = self._one("SELECT count(*) FROM policies WHERE active = 1")[0]  # type: ignore[index]
        out["failing"] = self._one(
            "SELECT count(*) FROM policies p JOIN fetches f ON f.id ="
            " (SELECT max(id) FROM fetches WHERE policy_id = p.id)"
            " WHERE p.active = 1 AND f.outcome IN ('failed', 'suspect')"
        )[0]  # type: ignore[index]
        return out

    def worker_sessions(self) -> tuple[int, datetime | None, float | None]:
        """PostgreSQL: how many workers' sessions (named WORKER_SESSION) are connected now, when
        one last ran a statement (pg_stat_activity.state_change; an idle worker still runs one
        every poll), and how many seconds ago by the server's own clock (so a web app on a host
        whose clock differs still judges it right). Seeing other sessions' times needs the
        workers' role or pg_read_all_stats. The age is read against clock_timestamp(), not now():
        now() is when this session's transaction began, which a worker's latest statement may
        follow by a moment (a negative age)."""
        row = self._one(
            "SELECT count(*), max(state_change),"
            " greatest(0, extract(epoch FROM clock_timestamp() - max(state_change)))"
            " FROM pg_stat_activity WHERE datname = current_database() AND application_name = ?",
            (WORKER_SESSION,),
        )
        if not row:
            return 0, None, None
        return int(row[0]), row[1], float(row[2]) if row[2] is not None else None

    def server_is_primary(self) -> bool:
        """PostgreSQL: whether the server takes writes (a primary, not a standby in recovery)."""
        row = self._one("SELECT NOT pg_is_in_recovery()")
        return bool(row and row[0])

    def last_check_at(self) -> str | None:
        """The start of the latest fetch of any policy."""
        row = self._one("SELECT started_at FROM fetches ORDER BY id DESC LIMIT 1")
        return row[0] if row else None
