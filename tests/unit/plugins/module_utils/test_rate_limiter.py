# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""RateLimiter: token bucket measured with a fake clock (no real sleeping), shared by worker threads."""

from __future__ import annotations

import threading

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils._transport import RateLimiter


def test_rejects_non_positive_rate(fake_clock):
    for rate in (0, -1, -0.5):
        with pytest.raises(ValueError):
            RateLimiter(rate, clock=fake_clock.monotonic, sleep=fake_clock.sleep)


def test_first_request_is_free_then_spaced(fake_clock):
    limiter = RateLimiter(10, clock=fake_clock.monotonic, sleep=fake_clock.sleep)
    assert limiter.acquire() == 0.0
    assert fake_clock.sleeps == []
    assert limiter.acquire() == pytest.approx(0.1)
    assert fake_clock.sleeps == [pytest.approx(0.1)]


@pytest.mark.parametrize("rate", [0.5, 2.0, 10.0, 50.0, 100.0])
def test_measured_rate_equals_configured_rate(fake_clock, rate):
    limiter = RateLimiter(rate, clock=fake_clock.monotonic, sleep=fake_clock.sleep)
    start = fake_clock.monotonic()
    stamps = []
    for call_number in range(201):
        limiter.acquire()
        stamps.append(fake_clock.monotonic())
    elapsed = stamps[-1] - start
    assert elapsed == pytest.approx(200 / rate)
    assert 200 / elapsed == pytest.approx(rate)
    gaps = [b - a for a, b in zip(stamps, stamps[1:])]
    assert min(gaps) == pytest.approx(1 / rate)
    assert max(gaps) == pytest.approx(1 / rate)


def test_no_wait_when_callers_are_slower_than_the_rate(fake_clock):
    limiter = RateLimiter(10, clock=fake_clock.monotonic, sleep=fake_clock.sleep)
    for call_number in range(20):
        assert limiter.acquire() == 0.0
        fake_clock.advance(0.25)
    assert fake_clock.sleeps == []


def test_idle_time_refills_only_up_to_burst(fake_clock):
    limiter = RateLimiter(10, burst=3, clock=fake_clock.monotonic, sleep=fake_clock.sleep)
    fake_clock.advance(1000)
    waits = [limiter.acquire() for call_number in range(6)]
    assert waits[:3] == [0.0, 0.0, 0.0]
    assert waits[3:] == [pytest.approx(0.1)] * 3


def test_partial_refill(fake_clock):
    limiter = RateLimiter(4, clock=fake_clock.monotonic, sleep=fake_clock.sleep)
    limiter.acquire()
    fake_clock.advance(0.1)  # 0.4 token back, 0.6 short -> 0.15 s
    assert limiter.acquire() == pytest.approx(0.15)


def test_defaults_use_time_module(monkeypatch):
    from ansible_collections.mediaops.live_jobs.plugins.module_utils import _transport
    now = [50.0]
    slept = []
    monkeypatch.setattr(_transport.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(_transport.time, "sleep", slept.append)
    limiter = RateLimiter(5)
    limiter.acquire()
    limiter.acquire()
    assert slept == [pytest.approx(0.2)]


def test_bucket_is_shared_by_threads():
    """Clock frozen at 0: every reservation from every thread must get its own slot 1/rate apart."""
    lock = threading.Lock()
    slots = []
    limiter = RateLimiter(20, clock=lambda: 0.0, sleep=lambda seconds: None)
    start = threading.Barrier(8, timeout=5)

    def worker():
        start.wait()
        for call_number in range(25):
            wait = limiter.acquire()
            with lock:
                slots.append(wait)

    threads = [threading.Thread(target=worker) for worker_number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert len(slots) == 200
    assert sorted(slots) == [pytest.approx(i / 20) for i in range(200)]
