# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""_pacing: the adaptive token bucket (RateLimiter) measured with a fake clock (no real sleeping), shared by worker
threads; its adaptive decrease / recovery / floor, Retry-After debt, max_wait, and Deadline."""

from __future__ import annotations

import threading

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils import _pacing
from ansible_collections.mediaops.live_jobs.plugins.module_utils._pacing import Deadline, LocalState, PacingTimeout, RateLimiter


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
    now = [50.0]
    slept = []
    monkeypatch.setattr(_pacing.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(_pacing.time, "sleep", slept.append)
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


# --- adaptive rate -------------------------------------------------------------------------------------------------


def limiter_at(fake_clock, rate=10.0, **kwargs):
    return RateLimiter(rate, clock=fake_clock.monotonic, sleep=fake_clock.sleep, **kwargs)


def test_blind_decrease_halves_at_most_once_per_cooldown(fake_clock):
    """Before any window of accepted requests is complete, a throttling reply halves the rate; the replies that follow
    within BLIND_COOLDOWN (the vendor's bucket is still empty after the burst) do not halve it again."""
    limiter = limiter_at(fake_clock, 10.0)
    limiter.throttled(limiter.now())
    assert limiter.current_rate() == pytest.approx(10.0 * _pacing.BLIND_DECREASE)
    for reply_number in range(5):
        fake_clock.advance(0.1)
        limiter.throttled(limiter.now())
    rate = limiter.current_rate()
    assert 5.0 <= rate < 5.2, "replies within the cool-down must not compound the decrease"
    fake_clock.advance(_pacing.BLIND_COOLDOWN)
    before = limiter.current_rate()
    limiter.throttled(limiter.now())
    assert limiter.current_rate() == pytest.approx(before * _pacing.BLIND_DECREASE)


def accept(limiter, fake_clock, count, spacing):
    """count accepted requests, spacing seconds apart (the quota the vendor let through)."""
    for request_number in range(count):
        fake_clock.advance(spacing)
        limiter.succeeded()


def test_throttling_after_a_window_drops_to_the_accepted_rate(fake_clock):
    """The accepted rate of the last complete window estimates the account's quota: the rate drops to 90 % of it."""
    limiter = limiter_at(fake_clock, 10.0)
    accept(limiter, fake_clock, 10, 0.5)      # 2 accepted per second over a full window
    accept(limiter, fake_clock, 1, 0.5)       # closes the window
    limiter.throttled(limiter.now())
    assert limiter.current_rate() == pytest.approx(_pacing.ESTIMATE_SHARE * 2.0, rel=0.05)


def test_repeated_replies_during_one_overshoot_do_not_compound(fake_clock):
    limiter = limiter_at(fake_clock, 10.0)
    accept(limiter, fake_clock, 11, 0.5)
    for reply_number in range(10):
        limiter.throttled(limiter.now())
    assert limiter.current_rate() == pytest.approx(_pacing.ESTIMATE_SHARE * 2.0, rel=0.05)


def test_the_estimate_never_raises_the_rate(fake_clock):
    """An estimate above the current rate (e.g. from a window before an earlier decrease) keeps the lower rate."""
    limiter = limiter_at(fake_clock, 10.0)
    accept(limiter, fake_clock, 17, 0.125)   # 8 accepted per second
    limiter.throttled(limiter.now())          # estimate 8/s -> 7.2/s
    limiter.throttled(limiter.now())
    assert limiter.current_rate() == pytest.approx(7.2, rel=0.05)


def test_lowered_rate_spaces_requests(fake_clock):
    limiter = limiter_at(fake_clock, 10.0)
    limiter.acquire()
    limiter.throttled(limiter.now())      # no window yet: 5/s, no burst left
    gaps = []
    for request_number in range(3):
        before = fake_clock.monotonic()
        limiter.acquire()
        gaps.append(fake_clock.monotonic() - before)
    # spaced at the lowered rate (recovering a little while waiting), never at the 10/s ceiling
    assert all(1 / 5.2 < gap <= 1 / 5.0 + 1e-9 for gap in gaps), gaps


def test_recovery_over_time_up_to_the_ceiling(fake_clock):
    limiter = limiter_at(fake_clock, 10.0)
    limiter.throttled(None)
    assert limiter.current_rate() == pytest.approx(5.0)
    fake_clock.advance(4)                 # 5 % of the lowered rate per second: +1/s after 4 s
    assert limiter.current_rate() == pytest.approx(6.0)
    fake_clock.advance(100)
    assert limiter.current_rate() == pytest.approx(10.0), "capped at the ceiling"
    fake_clock.advance(1000)
    assert limiter.current_rate() == pytest.approx(10.0)


def test_rate_never_falls_below_the_floor(fake_clock):
    limiter = limiter_at(fake_clock, 50.0)
    for reply_number in range(100):
        fake_clock.advance(_pacing.BLIND_COOLDOWN)
        limiter.throttled(None)
    assert limiter.floor == pytest.approx(50.0 * _pacing.FLOOR_FRACTION)
    assert limiter.current_rate() >= limiter.floor
    assert limiter.current_rate() < limiter.floor * 1.1
    # and it paces at about the floor: the next request waits about 1/floor seconds
    limiter.acquire()
    before = fake_clock.monotonic()
    limiter.acquire()
    # (the rate recovers 5 % per second while it waits, so a little less than 1/floor)
    assert 0.8 / limiter.floor < fake_clock.monotonic() - before <= 1 / limiter.floor


# --- Retry-After debt ----------------------------------------------------------------------------------------------


def test_retry_after_becomes_a_debt_every_caller_queues_behind():
    """Clock frozen: after a Retry-After of 2 s, the next callers wait at least 2 s, spaced 1/rate apart."""
    limiter = RateLimiter(10, clock=lambda: 0.0, sleep=lambda seconds: None)
    limiter.acquire()
    limiter.throttled(0.0, retry_after=2.0)
    rate = 10 * _pacing.BLIND_DECREASE
    waits = [limiter.acquire() for caller in range(4)]
    assert waits[0] >= 2.0
    assert waits[0] == pytest.approx(2.0 + 1 / rate)
    assert [b - a for a, b in zip(waits, waits[1:])] == [pytest.approx(1 / rate)] * 3


def test_retry_after_debt_with_a_moving_clock(fake_clock):
    limiter = limiter_at(fake_clock, 10.0)
    limiter.acquire()
    limiter.throttled(limiter.now(), retry_after=3.0)
    start = fake_clock.monotonic()
    limiter.acquire()
    assert fake_clock.monotonic() - start >= 3.0
    assert fake_clock.monotonic() - start < 3.5


def test_no_burst_after_a_throttling_reply(fake_clock):
    limiter = limiter_at(fake_clock, 10.0, burst=5)
    fake_clock.advance(100)               # a full bucket of 5
    limiter.acquire()
    limiter.throttled(limiter.now())
    assert limiter.acquire() > 0, "the bucket is emptied on throttling: the next request waits its turn"


# --- max_wait -------------------------------------------------------------------------------------------------------


def test_acquire_max_wait_raises_pacing_timeout_without_sleeping(fake_clock):
    limiter = limiter_at(fake_clock, 10.0)
    limiter.acquire()
    limiter.throttled(limiter.now(), retry_after=5.0)
    with pytest.raises(PacingTimeout) as info:
        limiter.acquire(max_wait=1.0)
    assert info.value.wait > 5.0
    assert "s away" in str(info.value)
    assert fake_clock.sleeps == []


def test_acquire_within_max_wait_sleeps(fake_clock):
    limiter = limiter_at(fake_clock, 10.0)
    assert limiter.acquire(max_wait=0.0) == 0.0
    assert limiter.acquire(max_wait=0.5) == pytest.approx(0.1)
    assert fake_clock.sleeps == [pytest.approx(0.1)]
    with pytest.raises(PacingTimeout):
        limiter.acquire(max_wait=0.05)


# --- state stores --------------------------------------------------------------------------------------------------


def test_limiters_on_one_state_share_the_bucket(fake_clock):
    state = LocalState()
    first, second = limiter_at(fake_clock, 10.0, state=state), limiter_at(fake_clock, 10.0, state=state)
    assert first.acquire() == 0.0
    assert second.acquire() == pytest.approx(0.1), "the second limiter sees the token the first one took"
    first.throttled(None)
    assert second.current_rate() == pytest.approx(5.0), "and what throttling taught"


def test_stale_state_from_before_a_reboot_is_dropped(fake_clock):
    state = LocalState()
    state.data.update(tokens=-1000.0, updated=fake_clock.monotonic() + 10 * _pacing.STALE_SECONDS)
    limiter = limiter_at(fake_clock, 10.0, state=state)
    assert limiter.acquire() == 0.0


# --- Deadline -------------------------------------------------------------------------------------------------------


def test_deadline_counts_down_and_never_goes_negative(fake_clock):
    deadline = Deadline(10.0, clock=fake_clock.monotonic)
    assert deadline.seconds == 10.0
    assert deadline.remaining() == pytest.approx(10.0) and not deadline.expired()
    fake_clock.advance(4)
    assert deadline.remaining() == pytest.approx(6.0) and not deadline.expired()
    fake_clock.advance(7)
    assert deadline.remaining() == 0.0 and deadline.expired()


def test_no_deadline():
    deadline = Deadline(None)
    assert deadline.remaining() is None and not deadline.expired() and deadline.seconds is None


def test_deadline_uses_time_module_by_default(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(_pacing.time, "monotonic", lambda: now[0])
    deadline = Deadline(5)
    now[0] = 103.0
    assert deadline.remaining() == pytest.approx(2.0)
