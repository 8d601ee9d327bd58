"""The check stage: one policy (or many) fetched, judged, and recorded.

In: PolicyConfigs, a Store, a Fetcher and the Watchlist (routes, thresholds, fetch settings).
Out: a CheckOutcome per policy, plus what the store keeps of it: a fetch row always, and a
version (with its changes and planned alerts, in the same transaction) when the text changed.
In a pass (`check_on_threads`) the rows of checks that change nothing are written a hundred
per transaction (QuietFetches); everything else is written by the check itself, at once.

One check: validators -> conditional fetch -> 304 stops here; a failed fetch is a failed fetch
row (and health alerts); an unchanged raw body stops before parsing; otherwise normalise, guard
(empty, challenge, login wall, shrinkage), compare with the latest version's clauses and record.
`check_many` shares a long pass out between processes (monitor/shards.py) so the engine, which
is pure Python, uses every core. Nothing one policy raises escapes its check. The time a check
starts comes from the store's clock (Store(path, clock=...)), never from the wall clock here.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from monitor.errors import InputError
from monitor.fetch.base import SHRUNK
from monitor.fetch.browser import fetch_for_policy
from monitor.models import Change, Clause, FetchResult, PolicyConfig, Watchlist, sha256_hex
from monitor.store import (
    FetchRecord,
    HealthChange,
    NewAlert,
    Store,
    StoredVersion,
    VersionConflict,
    storage_error,
)

log = logging.getLogger("monitor.watch.check")

OUTCOMES: tuple[str, ...] = ("new", "changed", "unchanged", "not_modified", "failed", "suspect")
# Outcomes that show the page was reachable (they end a run of failures).
REACHED: frozenset[str] = frozenset({"new", "changed", "unchanged", "not_modified"})
CHALLENGE = "challenge"


@dataclass
class CheckOutcome:
    """What one check of one policy came to. `summary` is DiffResult.summary() for a change."""

    policy_id: str
    outcome: str  # new | changed | unchanged | not_modified | failed | suspect
    duration_ms: int
    version_seq: int | None = None
    summary: dict | None = None
    error: str | None = None
    alerts: int = 0


# --- the pure, CPU-bound part ------------------------------------------------------------------


@dataclass
class PageJob:
    """Everything the CPU part needs, picklable: the body and the latest version's text/clauses."""

    body: bytes
    content_type: str | None
    charset: str | None
    select: str | None
    remove: tuple[str, ...]
    language: str | None
    prev_text: str | None
    prev_text_sha: str | None
    prev_clauses: list[Clause] | None
    confirm_text_sha: str | None  # text hash of the previous fetch when it was a suspect shrink


@dataclass
class PageResult:
    """The CPU part's verdict. kind: failed | suspect | unchanged | version."""

    kind: str
    text_sha: str | None = None
    error: str | None = None
    text: str = ""
    language: str = "und"
    clauses: list[Clause] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    summary: dict | None = None


Previous = Callable[[], "tuple[str, list[Clause]] | None"]


def analyse_page(job: PageJob, load_previous: Previous | None = None) -> PageResult:
    """Normalise, guard, segment and compare one fetched page. No I/O but `load_previous`.

    When the job carries only the latest version's text hash, the latest text and clauses are
    loaded through `load_previous` once the new text is known to differ: a page whose markup
    changed but not its text costs no clause parsing.
    """
    # Imported here: a pass of 304s and unchanged bodies never loads the engine (~0.1 s).
    from monitor.engine.pipeline import analyse, compare, document_language, text_sha256
    from monitor.extract.normalize import normalize
    from monitor.fetch import guards

    try:
        doc = normalize(job.body, job.content_type, charset=job.charset, select=job.select, remove=job.remove)
    except InputError as e:
        return PageResult("failed", error=f"unreadable page: {e}")
    text = doc.text
    sha = text_sha256(text)
    if sha == job.prev_text_sha:
        return PageResult("unchanged", text_sha=sha)
    if job.prev_text_sha is not None and job.prev_text is None and load_previous is not None:
        previous = load_previous()
        if previous is not None:
            job.prev_text, job.prev_clauses = previous
    if job.prev_text_sha is not None and (job.prev_text is None or job.prev_clauses is None):
        # Never mistake a changed page for a first version: that would hide its changes.
        raise ValueError("the latest version's text and clauses were not given")
    if "\ufffd" in text and job.prev_text is not None and "\ufffd" not in job.prev_text:
        # mojibake (a charset the bytes are not in) must never become a version of its own
        return PageResult(
            "failed",
            text_sha=sha,
            error="decoding error: the page decodes only with"
            " replacement characters (U+FFFD), the stored version has none",
        )
    prev_len = len(job.prev_text) if job.prev_text is not None else None
    reason = guards.suspicion(doc, previous_text_length=prev_len)
    if reason is not None:
        # Only a shrink can be confirmed (by a second fetch with the same text); an empty,
        # challenge or login page is never a version.
        only_shrunk = prev_len is not None and guards.suspicion(doc, previous_text_length=None) is None
        if not (only_shrunk and job.confirm_text_sha == sha):
            return PageResult("suspect", text_sha=sha, error=reason)
    first = job.prev_clauses is None or job.prev_text is None
    # A first version is only stored, and the store keeps no comparison keys: none are computed.
    clauses = analyse(doc, job.language, keys=not first)
    language = job.language or document_language(clauses)
    if first:
        return PageResult(
            "version", sha, text=text, language=language, clauses=clauses, summary={"clauses": len(clauses)}
        )
    diff = compare(job.prev_clauses, clauses, old_text=job.prev_text, new_text=text)
    return PageResult(
        "version",
        sha,
        text=text,
        language=language,
        clauses=clauses,
        changes=diff.changes,
        summary=diff.summary(),
    )


Analyser = Callable[[PageJob, Previous], PageResult]
CONFLICT_RETRIES = 3  # another checker recording a version between compare and record, each time


def _compared_with(page: PageResult, latest: StoredVersion) -> PageResult:
    """The page's changes against `latest` instead of the version it was first compared with."""
    from monitor.engine.pipeline import compare, with_keys

    clauses = with_keys(page.clauses)  # a page found first has none (analyse_page)
    diff = compare(latest.clauses, clauses, old_text=latest.text, new_text=page.text)
    return replace(page, clauses=clauses, changes=diff.changes, summary=diff.summary())


# --- one check ---------------------------------------------------------------------------------


def extraction_key(policy: PolicyConfig) -> str:
    """The settings that decide what text a page yields: "" for the whole page."""
    if not policy.select and not policy.remove:
        return ""
    return json.dumps([policy.select, sorted(policy.remove)], ensure_ascii=False)


def check_policy(policy: PolicyConfig, *, store: Store, fetcher: Any, watchlist: Watchlist) -> CheckOutcome:
    """Check one policy now and record what came of it. Never raises."""
    return _check(policy, store, fetcher, watchlist, analyse_page)


QUIET_BATCH = 100  # quiet fetch rows written per transaction; a kill -9 forgets at most these


class QuietFetches:
    """The fetch rows of a pass's checks that found a page as stored and change nothing else,
    written QUIET_BATCH at a time rather than one transaction each (30-36 µs of CPU per row
    alone, 15 µs in a batch, and a pass's processes queue for the write lock 100 times less).

    Losing them (a kill -9 of the pass) loses only when those pages were last looked at: no
    version, alert, change of health, validator or hash is ever held here, and the pass flushes
    what is left before it returns (`close`)."""

    def __init__(self, store: Store, batch: int | None = None) -> None:
        self.store, self.batch = store, batch or QUIET_BATCH
        self._rows: list[FetchRecord] = []
        self._lock = threading.Lock()

    def add(self, fetch: FetchRecord) -> None:
        with self._lock:
            self._rows.append(fetch)
            if len(self._rows) < self.batch:
                return
            rows, self._rows = self._rows, []
        self._write(rows)

    def close(self) -> None:
        with self._lock:
            rows, self._rows = self._rows, []
        self._write(rows)

    def _write(self, rows: list[FetchRecord]) -> None:
        try:
            self.store.record_quiet_fetches(rows)
        except Exception as e:  # noqa: BLE001 - the checks are done; only their rows are lost
            storage = storage_error(e)
            if not storage:
                log.exception("could not record %d unchanged checks", len(rows))
            else:
                log.error("storage error: %s; %d unchanged checks were not recorded", storage, len(rows))


def _check(
    policy: PolicyConfig,
    store: Store,
    fetcher: Any,
    watchlist: Watchlist,
    analyser: Analyser,
    quiet: QuietFetches | None = None,
) -> CheckOutcome:
    t0 = time.perf_counter()
    started = store.now_iso()
    try:
        return _Check(policy, store, fetcher, watchlist, started, t0, quiet).run(analyser)
    except Exception as e:  # noqa: BLE001 - one policy must never stop the others
        storage = storage_error(e)
        if storage:  # the disk, not the code: one clear line, no traceback
            error = f"storage error: {storage}; the check's result was not stored"
            log.error("%s: %s", policy.id, error)
        else:
            error = f"internal error: {type(e).__name__}: {e}"
            log.exception("%s: check failed", policy.id)
        ms = _ms(t0)
        try:
            store.record_fetch(FetchRecord(policy.id, started, "failed", duration_ms=ms, error=error))
        except Exception as again:  # noqa: BLE001
            if storage_error(again):
                log.debug("%s: could not record the failed check either", policy.id)
            else:
                log.exception("%s: could not record the failed check", policy.id)
        return CheckOutcome(policy.id, "failed", ms, error=error)


def _ms(t0: float) -> int:
    return int((time.perf_counter() - t0) * 1000)


class _Check:
    """The steps of one check, sharing the policy, store and the fetch's record."""

    def __init__(
        self,
        policy: PolicyConfig,
        store: Store,
        fetcher: Any,
        watchlist: Watchlist,
        started: str,
        t0: float,
        quiet: QuietFetches | None = None,
    ) -> None:
        self.policy, self.store, self.fetcher, self.watchlist = policy, store, fetcher, watchlist
        self.started, self.t0, self.quiet = started, t0, quiet
        # one read for the last fetch, validators, latest hashes and extraction, failures
        self.state = store.check_state(policy.id)
        self.last = self.state.last
        self._latest_version: StoredVersion | None = None
        self._latest_loaded = False
        # select/remove changed since the latest version: the page must be extracted again, and
        # what that changes in the text is the user's doing, not the policy's (no change alerts).
        self.extraction = extraction_key(policy)
        self.reextract = self.state.latest_extraction not in (None, self.extraction)

    def run(self, analyser: Analyser) -> CheckOutcome:
        etag, last_modified = (None, None) if self.reextract else self.state.validators
        res: FetchResult = fetch_for_policy(self.fetcher, self.policy, etag=etag, last_modified=last_modified)
        if res.outcome == "not_modified":
            return self._reached(self._rec(res, "not_modified"))
        if res.outcome != "ok":
            met = _http_failure_kind(res)  # "challenge", "login wall" or None
            error = res.error or (f"HTTP {res.status}" if res.status else "fetch failed")
            if met and not error.startswith(met):
                error = f"{met}: {error}"
            return self._failed(self._rec(res, "failed", error=error), challenge=met == CHALLENGE)
        body_sha = sha256_hex(res.body)
        if not self.reextract and self._same_body(body_sha):
            return self._reached(self._rec(res, "unchanged", body_sha=body_sha))
        if not self.reextract and self._same_suspect_body(body_sha):
            assert self.last is not None
            return self._suspect(
                self._rec(
                    res, "suspect", error=self.last.error, body_sha=body_sha, text_sha=self.last.text_sha256
                )
            )
        return self._analysed(res, body_sha, analyser)

    # -- outcomes

    def _analysed(self, res: FetchResult, body_sha: str, analyser: Analyser) -> CheckOutcome:
        hashes = self.state.latest_hashes
        confirm = self.last.text_sha256 if self.last is not None and self.last.outcome == "suspect" else None
        job = PageJob(
            res.body,
            res.content_type,
            res.charset,
            self.policy.select,
            tuple(self.policy.remove),
            self.policy.language,
            None,
            hashes[0] if hashes else None,
            None,
            confirm,
        )
        page = analyser(job, self._previous)
        if page.kind == "failed":
            return self._failed(self._rec(res, "failed", error=page.error, body_sha=body_sha))
        if page.kind == "suspect":
            rec = self._rec(res, "suspect", error=page.error, body_sha=body_sha, text_sha=page.text_sha)
            return self._suspect(rec)
        if page.kind == "unchanged":
            if self.reextract:
                self.store.set_latest_extraction(self.policy.id, self.extraction)
            return self._reached(self._rec(res, "unchanged", body_sha=body_sha, text_sha=page.text_sha))
        latest = self._latest() if hashes else None
        for _ in range(CONFLICT_RETRIES):
            try:
                return self._version(res, body_sha, page, latest.seq if latest else 0)
            except VersionConflict:
                # Another checker (the daemon beside a `check`) recorded a version since this page
                # was compared: compare it with that one, or it is unchanged against it.
                latest = self._reload_latest()
                assert latest is not None  # the conflict was a newer version; versions are never deleted
                if latest.text_sha256 == page.text_sha:
                    unchanged = self._rec(res, "unchanged", body_sha=body_sha, text_sha=page.text_sha)
                    return self._reached(unchanged)
                page = _compared_with(page, latest)
        return self._failed(
            self._rec(
                res,
                "failed",
                body_sha=body_sha,
                text_sha=page.text_sha,
                error="other checkers kept recording versions meanwhile",
            )
        )

    def _reload_latest(self) -> StoredVersion | None:
        self.state = self.store.check_state(self.policy.id)
        self.last = self.state.last
        self._latest_loaded = False
        return self._latest()

    def _version(self, res: FetchResult, body_sha: str, page: PageResult, prev_seq: int) -> CheckOutcome:
        outcome = "changed" if prev_seq else "new"
        fetch = self._rec(res, outcome, body_sha=body_sha, text_sha=page.text_sha)
        alerts: list[NewAlert] = []
        if self.reextract:
            log.info(
                "%s: select/remove changed; v%d is the new baseline, no change alerts",
                self.policy.id,
                prev_seq + 1,
            )
        elif page.changes:
            from monitor.alerts import plan_change_alerts

            alerts += plan_change_alerts(
                self.policy, self.watchlist, seq=prev_seq + 1, seen_at=self.started, changes=page.changes
            )
        health = self._recovery()
        version = self.store.record_version(
            fetch,
            body=res.body,
            content_type=res.content_type,
            text=page.text,
            language=page.language,
            clauses=page.clauses,
            changes=page.changes,
            alerts=alerts,
            extraction=self.extraction,
            health=health,
            base_seq=prev_seq,
            hashes=(body_sha, page.text_sha) if page.text_sha else None,
        )
        if fetch.outcome == "unchanged":  # another checker recorded this very text first: no alerts
            return CheckOutcome(self.policy.id, "unchanged", fetch.duration_ms, version.seq)
        return CheckOutcome(
            self.policy.id,
            outcome,
            fetch.duration_ms,
            version.seq,
            page.summary,
            alerts=len(alerts) + (len(health.alerts) if health else 0),
        )

    def _reached(self, fetch: FetchRecord) -> CheckOutcome:
        health = self._recovery()
        if health is None and self.quiet is not None and self._is_quiet(fetch):
            self.quiet.add(fetch)
        else:
            self.store.record_fetch(fetch, health=health)
        return self._outcome(fetch, health.alerts if health else [])

    def _is_quiet(self, fetch: FetchRecord) -> bool:
        """The page is as stored and the row brings nothing the next check reads but when it
        ran: no validators or hashes (_only_news dropped them as known), after a reached fetch
        (so no run of failures or suspicion ends here)."""
        last = self.last
        return (
            fetch.outcome in ("not_modified", "unchanged")
            and last is not None
            and last.outcome in REACHED
            and fetch.etag is None
            and fetch.last_modified is None
            and fetch.body_sha256 is None
            and fetch.text_sha256 is None
            and fetch.final_url is None
        )

    def _failed(self, fetch: FetchRecord, *, challenge: bool = False) -> CheckOutcome:
        alerts: list[NewAlert] = []
        health = None
        failures = self.state.consecutive_failures + 1
        if failures >= self.watchlist.failure_threshold and self.state.health != "unreachable":
            # the store raises these only if the policy was not unreachable yet: once per outage
            health = HealthChange(
                "unreachable",
                self._health("unreachable", f"{failures} failed checks in a row: {fetch.error}"),
            )
        if challenge and not self._last_was_challenge():
            alerts += self._health("challenge", fetch.error or CHALLENGE)
        self.store.record_fetch(fetch, alerts, health=health)
        return self._outcome(fetch, alerts + (health.alerts if health else []))

    def _suspect(self, fetch: FetchRecord) -> CheckOutcome:
        alerts: list[NewAlert] = []
        if (fetch.error or "").startswith(CHALLENGE) and not self._last_was_challenge():
            alerts += self._health("challenge", fetch.error or CHALLENGE)
        self.store.record_fetch(fetch, alerts)
        return self._outcome(fetch, alerts)

    # -- helpers

    def _latest(self) -> StoredVersion | None:
        """The latest version with its text and clauses, loaded at most once per check."""
        if not self._latest_loaded:
            self._latest_version = self.store.latest_version(self.policy.id)
            self._latest_loaded = True
        return self._latest_version

    def _previous(self) -> tuple[str, list[Clause]] | None:
        latest = self._latest()
        return (latest.text, latest.clauses) if latest is not None else None

    def _same_body(self, body_sha: str) -> bool:
        """The raw body is the one the current version came from: unchanged without parsing."""
        last = self.last
        if last is not None and last.outcome in ("new", "changed", "unchanged") and last.body_sha256:
            return last.body_sha256 == body_sha
        hashes = self.state.latest_hashes if last is not None else None
        return hashes is not None and hashes[1] == body_sha

    def _same_suspect_body(self, body_sha: str) -> bool:
        """The very body the last check found suspect for what it is (a challenge, a login wall,
        an empty page): the same verdict without parsing it again. A page suspect for how much it
        shrank is parsed again, as a second fetch of the same text confirms it."""
        last = self.last
        if last is None or last.outcome != "suspect" or last.body_sha256 != body_sha or not last.error:
            return False
        return not last.error.startswith(SHRUNK)

    def _last_was_challenge(self) -> bool:
        last = self.last
        if last is None or last.outcome not in ("failed", "suspect"):
            return False
        return (last.error or "").startswith(CHALLENGE)

    def _recovery(self) -> HealthChange | None:
        """The page was reached: an outage in progress ends here, whatever came in between
        (failed, challenge, login wall or shrunk pages). The store raises "recovered" only if
        the policy was still unreachable, so two checks ending one outage raise it once."""
        if self.state.health != "unreachable":
            return None
        return HealthChange("ok", self._health("recovered", "reachable again after an outage"))

    def _health(self, kind: str, detail: str) -> list[NewAlert]:
        from monitor.alerts import plan_health_alerts

        return list(
            plan_health_alerts(self.policy, self.watchlist, kind=kind, at=self.started, detail=detail)
        )

    def _outcome(self, fetch: FetchRecord, alerts: Sequence[NewAlert]) -> CheckOutcome:
        return CheckOutcome(
            self.policy.id, fetch.outcome, fetch.duration_ms, error=fetch.error, alerts=len(alerts)
        )

    def _rec(
        self,
        res: FetchResult,
        outcome: str,
        *,
        error: str | None = None,
        body_sha: str | None = None,
        text_sha: str | None = None,
    ) -> FetchRecord:
        # Validators only of a page we accepted: after a suspect or failed fetch the next one must be
        # a full GET, or a 304 would hide the page that confirms (or ends) the suspicion.
        reached = outcome in REACHED
        validators = (res.etag, res.last_modified) if reached else (None, None)
        if outcome in ("not_modified", "unchanged"):
            validators, body_sha, text_sha = self._only_news(validators, body_sha, text_sha)
        return FetchRecord(
            policy_id=self.policy.id,
            started_at=self.started,
            outcome=outcome,
            duration_ms=_ms(self.t0),
            http_status=res.status,
            bytes=len(res.body),
            etag=validators[0],
            last_modified=validators[1],
            final_url=None if res.final_url == self.policy.url else res.final_url,  # NULL: no redirect
            error=error,
            text_sha256=text_sha,
            body_sha256=body_sha,
            rendered=res.rendered,
            fetch_ms=res.duration_ms,
        )

    def _only_news(
        self, validators: tuple[str | None, str | None], body_sha: str | None, text_sha: str | None
    ) -> tuple[tuple[str | None, str | None], str | None, str | None]:
        """What a check that found the page unchanged adds to what the store already holds: the
        validators only when they changed (the row that brought them stays the one check_state
        reads), the hashes only when they differ from the current version's. Months of unchanged
        checks then cost a few dozen bytes each."""
        if validators == self.state.validators:
            validators = (None, None)
        latest = self.state.latest_hashes
        if latest is not None:
            text_sha = None if text_sha == latest[0] else text_sha
            body_sha = None if body_sha == latest[1] else body_sha
        return validators, body_sha, text_sha


def _http_failure_kind(res: FetchResult) -> str | None:
    """What a failed fetch met: "challenge" (a bot wall), "login wall", or None."""
    from monitor.fetch import guards

    try:
        return guards.classify_http_failure(res)
    except Exception:  # noqa: BLE001 - a guard must not turn a failed fetch into a crash
        log.exception("classify_http_failure failed for %s", res.url)
        return None


# --- many checks -------------------------------------------------------------------------------


def check_on_threads(
    policies: Sequence[PolicyConfig],
    *,
    store: Store,
    fetcher: Any,
    watchlist: Watchlist,
    progress: Callable[[CheckOutcome], None] | None = None,
) -> list[CheckOutcome]:
    """Check every policy on a bounded number of threads in this process; outcomes in the order
    of `policies`. (monitor.watch.passes.check_many decides between this and worker processes.)

    Each thread takes the next policy itself and reports its outcome itself (progress calls are
    serialised), so a check costs no hand-over to a coordinating thread; one worker runs in the
    calling thread. At most one body per thread is in memory at once."""
    settings = getattr(fetcher, "settings", None) or watchlist.fetch
    workers = max(1, min(settings.max_workers, len(policies)))
    results: list[CheckOutcome | None] = [None] * len(policies)
    todo = iter(enumerate(policies))
    taking, reporting = threading.Lock(), threading.Lock()
    quiet = QuietFetches(store)

    def work() -> None:
        while True:
            with taking:
                item = next(todo, None)
            if item is None:
                return
            i, policy = item
            outcome = results[i] = _check(policy, store, fetcher, watchlist, analyse_page, quiet)
            if progress is not None:
                with reporting:
                    _report(progress, outcome)

    try:
        if workers == 1:
            work()
        else:
            threads = [threading.Thread(target=work, name=f"check_{n}") for n in range(workers)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
    finally:
        quiet.close()
    return [r for r in results if r is not None]


def _report(progress: Callable[[CheckOutcome], None], outcome: CheckOutcome) -> None:
    try:
        progress(outcome)
    except Exception:  # noqa: BLE001 - a progress display must not stop the pass
        log.exception("progress callback failed")


# --- the log line ------------------------------------------------------------------------------


def format_outcome(policy: PolicyConfig | str, outcome: CheckOutcome) -> str:
    """One line per check: "kaiconn-privacy changed v4 in 812 ms: 1 modified, 2 added; material high
    [retention, sharing]"."""
    pid = policy if isinstance(policy, str) else policy.id
    head = f"{pid} {outcome.outcome}"
    if outcome.version_seq is not None:
        head += f" v{outcome.version_seq}"
    head += f" in {outcome.duration_ms} ms"
    detail = _detail(outcome)
    line = f"{head}: {detail}" if detail else head
    if outcome.alerts:
        line += f" ({outcome.alerts} alert{'s' if outcome.alerts != 1 else ''})"
    return line


def _detail(outcome: CheckOutcome) -> str:
    if outcome.error:
        return outcome.error
    s = outcome.summary
    if not s:
        return ""
    if outcome.outcome == "new":
        return f"{s.get('clauses', 0)} clauses"
    counts = ", ".join(f"{s[k]} {k}" for k in ("modified", "added", "removed", "moved") if s.get(k))
    if s.get("material"):
        cats = ", ".join(s.get("categories") or [])
        meaning = f"material {s.get('max_severity', 'none')}" + (f" [{cats}]" if cats else "")
    else:
        meaning = "not material"
    return f"{counts or 'no clause changes'}; {meaning}"
