"""Sharing a pass out between processes keeps each host's politeness in one place."""

from __future__ import annotations

import pytest
from db_watch import until

from monitor.models import FetchSettings, PolicyConfig
from monitor.watch.shards import plan_shards, shard_settings


def policies(*urls: str) -> list[PolicyConfig]:
    return [PolicyConfig(id=f"p{i}", name=f"p{i}", url=u) for i, u in enumerate(urls)]


def test_a_polite_host_stays_in_one_process():
    ps = policies(*[f"https://a.example/{i}" for i in range(6)], "https://b.example/x", "https://c.example/y")
    shards = plan_shards(ps, FetchSettings(per_host_delay=2.0, per_host_concurrency=1), 2)
    hosts = [{ps[i].url.split("/")[2] for i in shard} for shard in shards]
    assert sorted(len(s) for s in shards) == [2, 6]
    assert {"a.example"} in hosts and sum("a.example" in h for h in hosts) == 1
    assert sorted(i for s in shards for i in s) == list(range(8))


def test_a_host_without_delay_is_split_and_its_concurrency_divided():
    ps = policies(*[f"http://127.0.0.1:8765/p/{i}" for i in range(10)])
    settings = FetchSettings(per_host_delay=0, per_host_concurrency=8, max_workers=8)
    shards = plan_shards(ps, settings, 2)
    assert [len(s) for s in shards] == [5, 5]
    each = shard_settings(settings, 2)
    assert (each.per_host_concurrency, each.max_workers) == (4, 4)


def test_delayed_hosts_keep_their_limits_in_their_process():
    settings = FetchSettings(per_host_delay=1.0, per_host_concurrency=1, max_workers=8)
    assert shard_settings(settings, 2).per_host_concurrency == 1


def test_a_workers_outcomes_reach_the_pass_in_order_in_a_few_messages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Outcomes leave a worker as lists (one message each OUTCOME_BATCH_SECONDS, not one per
    check), in the order they came, and close() sends the rest: none is lost or repeated."""
    import queue

    from monitor.watch import shards
    from monitor.watch.check import CheckOutcome

    monkeypatch.setattr(shards, "OUTCOME_BATCH_SECONDS", 0.02)
    sent: queue.Queue = queue.Queue()
    batches = shards._Batches(sent)  # type: ignore[arg-type]
    outcomes = [CheckOutcome(f"p{i}", "not_modified", 1) for i in range(50)]
    for o in outcomes[:40]:
        batches.add(o)
    early: list[list[CheckOutcome]] = []

    def sent_so_far() -> bool:  # the sender sends what came without being asked
        early.extend(sent.get_nowait() for _ in range(sent.qsize()))
        return sum(map(len, early)) >= 40

    until(sent_so_far, 10, "the first 40 outcomes sent")
    assert [o.policy_id for batch in early for o in batch] == [f"p{i}" for i in range(40)]
    for o in outcomes[40:]:
        batches.add(o)
    batches.close()
    late = [sent.get_nowait() for _ in range(sent.qsize())]
    assert [o for batch in early + late for o in batch] == outcomes
    assert len(early) + len(late) < 10
