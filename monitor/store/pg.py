"""PostgreSQL behind the Store's API: a connection that speaks the store's SQLite SQL, and the schema.

In: a postgresql:// URL (psycopg 3, the optional `postgres` extra) and the SQL the other store
modules write for SQLite. Out: `PgConnection`, which looks to them like a sqlite3.Connection
(execute/executemany returning a cursor with fetchone, fetchall, rowcount, lastrowid; rows read
by index or by name), and PG_MIGRATIONS, the same schema as schema.py, one SQL script per version
with the same version numbers, recorded in the same `migrations` table.

The dialect layer is as small as the store's SQL allows, each rewrite made once per statement:
- `?` and `?N` placeholders become `%s` (a `%` becomes `%%`), outside string literals;
- `INSERT OR IGNORE` becomes `INSERT .. ON CONFLICT DO NOTHING`; an INSERT into a table with a
  serial id gets `RETURNING id`, which is the cursor's lastrowid;
- `BEGIN IMMEDIATE` becomes `BEGIN`; `x IS NOT (SELECT ..)` becomes `IS DISTINCT FROM`;
  `json_each(c.categories)` becomes `jsonb_array_elements_text(c.categories::jsonb)`;
- the few statements SQLite accepts and PostgreSQL does not (a LEFT JOIN without ON, a subquery
  in FROM without an alias, PRAGMA table_info) are rewritten by name below.
`sum(boolean)` and `group_concat(text, text)`, which SQLite has, are created as aggregates by
migration 1. Times stay ISO TEXT, compared as strings, as in SQLite.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any

SCHEMES = ("postgresql://", "postgres://")
# Tables whose INSERT returns the new row's id (the cursor's lastrowid).
_SERIAL_TABLES = ("fetches", "versions", "changes", "alerts")
# pg_advisory_xact_lock key held while migrating, so that workers starting together migrate once.
MIGRATE_LOCK = 0x706D_6D69  # "pmmi"
# application_name of a worker's session: the web app's /healthz counts these sessions as live workers
WORKER_SESSION = "policy-monitor worker"


def is_postgres_url(target: object) -> bool:
    """Whether a --db value names a PostgreSQL database rather than a SQLite file."""
    return isinstance(target, str) and target.startswith(SCHEMES)


class Row:
    """One result row, read like a sqlite3.Row: row[0], row["name"], keys(), dict(row)."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: Sequence[Any]) -> None:
        self._index, self._values = index, values

    def __getitem__(self, key: int | str) -> Any:
        return self._values[self._index[key] if isinstance(key, str) else key]

    def keys(self) -> list[str]:
        return list(self._index)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def _row_factory(cursor: Any) -> Any:
    names = [c.name for c in cursor.description or ()]
    index = {n: i for i, n in enumerate(names)}
    return lambda values: Row(index, values)


class Cursor:
    """What execute() returns: the psycopg cursor's rows, rowcount, and lastrowid from RETURNING."""

    def __init__(self, cursor: Any, returning: bool) -> None:
        self._cursor = cursor
        self.rowcount: int = cursor.rowcount
        self.lastrowid: int | None = None
        if returning:
            row = cursor.fetchone()
            self.lastrowid = row[0] if row is not None else None

    def fetchone(self) -> Row | None:
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[Row]:
        return self._cursor.fetchall() if self._cursor.description else []

    def __iter__(self) -> Iterator[Row]:
        return iter(self.fetchall())


class PgConnection:
    """A psycopg connection in autocommit mode (transactions are the store's BEGIN .. COMMIT),
    taking the store's SQLite SQL."""

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as e:  # pragma: no cover - the extra is not installed
            from monitor.errors import MonitorError

            raise MonitorError(
                "a postgresql:// database needs psycopg: pip install 'policy-monitor[postgres]'"
            ) from e
        self._psycopg = psycopg
        # application_name: pg_stat_activity shows which sessions are policy-monitor's
        self.raw = psycopg.connect(
            url, autocommit=True, row_factory=_row_factory, application_name="policy-monitor"
        )

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != self._psycopg.pq.TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        text, order, returning = translate(sql)
        cur = self.raw.cursor()
        cur.execute(text, _ordered(params, order))  # always a list: %% becomes %
        return Cursor(cur, returning)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Cursor:
        text, order, _ = translate(sql, many=True)
        cur = self.raw.cursor()
        cur.executemany(text, [_ordered(r, order) for r in rows])
        return Cursor(cur, False)

    def close(self) -> None:
        self.raw.close()


def _ordered(params: Sequence[Any], order: tuple[int, ...] | None) -> list[Any]:
    """The parameters for the %s placeholders: as given, or picked by ?N number."""
    params = list(params)
    return params if order is None else [params[i] for i in order]


_NUMBERED = re.compile(r"\?(\d+)")


@functools.lru_cache(maxsize=1024)
def translate(sql: str, many: bool = False) -> tuple[str, tuple[int, ...] | None, bool]:
    """SQLite SQL -> (PostgreSQL SQL, the parameter index of each %s when ?N are used, whether
    the statement returns the new row's id)."""
    sql = _rewrite(sql)
    out: list[str] = []
    order: list[int] = []
    numbered = False
    plain = 0
    i, n, quoted = 0, len(sql), False
    while i < n:
        ch = sql[i]
        if ch == "'":
            quoted = not quoted
        if ch == "%":
            out.append("%%")
        elif ch == "?" and not quoted:
            m = _NUMBERED.match(sql, i)
            if m:
                numbered = True
                order.append(int(m.group(1)) - 1)
                i = m.end()
                out.append("%s")
                continue
            order.append(plain)
            plain += 1
            out.append("%s")
        else:
            out.append(ch)
        i += 1
    text = "".join(out)
    returning = False
    if (
        not many
        and re.match(rf"\s*INSERT INTO ({'|'.join(_SERIAL_TABLES)})\b", text)
        and "RETURNING" not in text
    ):
        text += " RETURNING id"
        returning = True
    return text, tuple(order) if numbered else None, returning


_TABLE_INFO = re.compile(r"PRAGMA table_info\((\w+)\)")
_INDEXED_BY = re.compile(r" INDEXED BY \w+")


def _rewrite(sql: str) -> str:
    """The statement-level rewrites (see the module docstring)."""
    if sql.startswith("PRAGMA "):
        m = _TABLE_INFO.match(sql)
        if m:  # (cid, name) like SQLite's, in column order
            return (
                "SELECT ordinal_position - 1 AS cid, column_name AS name FROM information_schema.columns"
                f" WHERE table_schema = current_schema() AND table_name = '{m.group(1)}'"
                " ORDER BY ordinal_position"
            )
        raise ValueError(f"no PostgreSQL equivalent for {sql!r}")
    if sql == "BEGIN IMMEDIATE":
        return "BEGIN"
    sql = _INDEXED_BY.sub("", sql)  # SQLite's index hint: PostgreSQL's planner picks the index
    if sql.startswith("INSERT OR IGNORE INTO"):
        sql = "INSERT INTO" + sql[len("INSERT OR IGNORE INTO") :] + " ON CONFLICT DO NOTHING"
    sql = sql.replace(" IS NOT (SELECT", " IS DISTINCT FROM (SELECT")
    # the change filter by category: the elements of a JSON array of names (browse.change_rows)
    sql = sql.replace(
        "json_each(c.categories) j", "jsonb_array_elements_text(c.categories::jsonb) AS j(value)"
    )
    if "FROM (SELECT 1) AS one" in sql:  # check_state's LEFT JOINs of one-row subqueries
        sql = re.sub(r"\) AS (f|v|val)\b(?! ON)", r") AS \1 ON TRUE", sql)
    # a subquery in FROM needs an alias before PostgreSQL 16 (prune_fetches)
    sql = sql.replace("WINDOW w AS (ORDER BY id)) WHERE", "WINDOW w AS (ORDER BY id)) AS w_rows WHERE")
    return sql


# --- the schema: the same tables, indexes and version numbers as schema.py ----------------------

_AGGREGATES = """
CREATE FUNCTION pm_sum_bool(acc bigint, value boolean) RETURNS bigint LANGUAGE sql IMMUTABLE
  AS 'SELECT acc + CASE WHEN value THEN 1 ELSE 0 END';
CREATE AGGREGATE sum(boolean) (SFUNC = pm_sum_bool, STYPE = bigint, INITCOND = '0');
CREATE FUNCTION pm_concat(acc text, value text, sep text) RETURNS text LANGUAGE sql IMMUTABLE
  AS 'SELECT CASE WHEN value IS NULL THEN acc WHEN acc IS NULL THEN value ELSE acc || sep || value END';
CREATE AGGREGATE group_concat(text, text) (SFUNC = pm_concat, STYPE = text);
"""

_V1 = (
    _AGGREGATES
    + """
CREATE TABLE policies (id TEXT PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL,
  type TEXT DEFAULT 'privacy', interval_seconds BIGINT, active BIGINT NOT NULL DEFAULT 1,
  added_at TEXT, updated_at TEXT);
CREATE TABLE bodies (sha256 TEXT PRIMARY KEY, content_type TEXT, size BIGINT NOT NULL, data BYTEA NOT NULL);
CREATE TABLE texts (sha256 TEXT PRIMARY KEY, text TEXT NOT NULL, clauses TEXT NOT NULL,
  clause_count BIGINT NOT NULL);
CREATE TABLE fetches (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  policy_id TEXT NOT NULL REFERENCES policies (id), started_at TEXT NOT NULL, outcome TEXT NOT NULL,
  http_status BIGINT, duration_ms BIGINT, bytes BIGINT, etag TEXT, last_modified TEXT, final_url TEXT,
  error TEXT, text_sha256 TEXT, body_sha256 TEXT, version_id BIGINT);
CREATE TABLE versions (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  policy_id TEXT NOT NULL REFERENCES policies (id), seq BIGINT NOT NULL, seen_at TEXT NOT NULL,
  text_sha256 TEXT NOT NULL REFERENCES texts (sha256), body_sha256 TEXT REFERENCES bodies (sha256),
  language TEXT, clause_count BIGINT NOT NULL, fetch_id BIGINT REFERENCES fetches (id));
CREATE TABLE changes (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  version_id BIGINT NOT NULL REFERENCES versions (id), position BIGINT NOT NULL, kind TEXT NOT NULL,
  material BIGINT NOT NULL, severity TEXT NOT NULL, categories TEXT, old_index BIGINT, new_index BIGINT,
  old_section TEXT, new_section TEXT, old_text TEXT, new_text TEXT, inline TEXT, facts TEXT,
  explanation TEXT);
CREATE TABLE alerts (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, alert_id TEXT NOT NULL,
  policy_id TEXT, version_id BIGINT REFERENCES versions (id), route TEXT NOT NULL, kind TEXT NOT NULL,
  status TEXT NOT NULL, attempts BIGINT NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL,
  created_at TEXT NOT NULL, delivered_at TEXT, last_error TEXT, payload TEXT NOT NULL, digest_id BIGINT);
CREATE TABLE migrations (version BIGINT PRIMARY KEY, applied_at TEXT);
CREATE INDEX fetches_policy_id ON fetches (policy_id, id);
CREATE INDEX fetches_policy_time ON fetches (policy_id, started_at);
CREATE UNIQUE INDEX versions_policy_seq ON versions (policy_id, seq);
CREATE INDEX versions_text ON versions (text_sha256);
CREATE UNIQUE INDEX changes_version ON changes (version_id, position);
CREATE UNIQUE INDEX alerts_alert_id ON alerts (alert_id);
CREATE INDEX alerts_status_due ON alerts (status, next_attempt_at);
CREATE INDEX alerts_route_status ON alerts (route, status);
CREATE INDEX alerts_policy_status ON alerts (policy_id, status);
"""
)

_V2 = """
ALTER TABLE versions ADD COLUMN extraction TEXT;
CREATE INDEX fetches_validators ON fetches (policy_id, id) WHERE outcome IN
  ('new', 'changed', 'unchanged', 'not_modified') AND (etag IS NOT NULL OR last_modified IS NOT NULL);
"""

_V3 = """
ALTER TABLE alerts ADD COLUMN claimed_by TEXT;
ALTER TABLE alerts ADD COLUMN claim_expires_at TEXT;
CREATE INDEX alerts_claimed ON alerts (claimed_by) WHERE claimed_by IS NOT NULL;
ALTER TABLE policies ADD COLUMN health TEXT NOT NULL DEFAULT 'ok';
ALTER TABLE policies ADD COLUMN health_since TEXT;
"""

_V4 = "ALTER TABLE fetches ADD COLUMN rendered TEXT;"
_V5 = "ALTER TABLE fetches ADD COLUMN fetch_ms BIGINT;"
_V6 = """
ALTER TABLE policies ADD COLUMN next_check_at TEXT;
ALTER TABLE policies ADD COLUMN config TEXT;
-- NULLS FIRST: SQLite's order (never-scheduled policies first), which the claim walks
CREATE INDEX policies_due ON policies (next_check_at NULLS FIRST) WHERE active = 1;
"""
_V7 = """
CREATE TABLE watchlist_state (id BIGINT PRIMARY KEY CHECK (id = 1), path TEXT NOT NULL,
  stamps TEXT NOT NULL, synced_at TEXT NOT NULL);
"""
_V8 = """
ALTER TABLE policies ADD COLUMN lease_owner TEXT;
ALTER TABLE policies ADD COLUMN lease_expires_at TEXT;
CREATE INDEX policies_leased ON policies (lease_owner) WHERE lease_owner IS NOT NULL;
CREATE TABLE hosts (host TEXT PRIMARY KEY, next_allowed_at TEXT NOT NULL);
"""

# PG_MIGRATIONS[i] brings the schema from version i to i + 1, as MIGRATIONS[i] does in SQLite.
PG_MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8]
