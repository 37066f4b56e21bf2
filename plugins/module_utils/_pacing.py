# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pacing of one account's requests: an adaptive token bucket (slower on throttling, recovering gradually) and deadlines.

The bucket's state lives in a store: LocalState (this process) or _quota.FileState (shared by every process of the user
on this controller). All arithmetic is here, so both behave the same.
"""

from __future__ import annotations

import threading
import time

# A throttling reply means the account's quota is below what is sent. The accepted rate over the last complete window
# is then the best estimate of the quota (of this process and every other one sharing the state), so the rate drops to
# ESTIMATE_SHARE x that estimate; repeated replies during one overshoot set the same value again instead of compounding.
# Before the first window is complete the rate halves instead, at most once per BLIND_COOLDOWN (a vendor's bucket stays
# empty for a while after a burst, so every reply in that while would otherwise halve it again). Then the rate regains
# RECOVERY_PER_SECOND x the lowered rate each second, probing upwards; measured at one fifth of the ceiling this uses
# 85-95 % of the quota (make bench, row q).
ESTIMATE_SHARE = 0.9
BLIND_DECREASE = 0.5
BLIND_COOLDOWN = 1.0
RECOVERY_PER_SECOND = 0.05
FLOOR_FRACTION = 0.01
WINDOW_SECONDS = 2.0
# A state written before a reboot has a monotonic time far in the future: start afresh.
STALE_SECONDS = 3600.0


class PacingTimeout(Exception):
    """The next free slot is later than the caller may wait (its deadline)."""

    def __init__(self, wait):
        super().__init__(f"the next request slot is {wait:.1f}s away")
        self.wait = wait


class LocalState:
    """Bucket state for the threads of this process."""

    def __init__(self):
        self.data = {}
        self._lock = threading.Lock()

    def update(self, change):
        with self._lock:
            return change(self.data)


class RateLimiter:
    """Token bucket shared by every worker thread (and, with a shared store, every process of the account).

    Callers reserve a token under the lock and sleep outside it, so N threads are spaced 1/rate apart
    without anyone holding the lock while waiting. `rate` is the ceiling; throttling lowers the rate used below it.
    """

    def __init__(self, rate, burst=1.0, clock=None, sleep=None, state=None):
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate = float(rate)
        self.burst = float(burst)
        self.floor = self.rate * FLOOR_FRACTION
        self._clock = clock or time.monotonic
        self._sleep = sleep or time.sleep
        self._state = state or LocalState()

    def now(self):
        return self._clock()

    def current_rate(self):
        now = self._clock()
        return self._state.update(lambda state: self._rate_at(state, now))

    def _rate_at(self, state, now):
        lowered, since = state.get("rate"), state.get("decreased_at")
        if lowered is None or since is None:
            return self.rate
        return min(self.rate, max(self.floor, lowered * (1.0 + RECOVERY_PER_SECOND * max(0.0, now - since))))

    @staticmethod
    def _count_success(state, now):
        """Accepted requests per window; the last complete window's rate is the quota estimate."""
        start = state.get("window_start")
        if start is None or now < start:
            state.update(window_start=now, window_ok=0)
            start = now
        if now - start >= WINDOW_SECONDS:
            state.update(accepted_rate=state.get("window_ok", 0) / (now - start), window_start=now, window_ok=0)
        state["window_ok"] = state.get("window_ok", 0) + 1

    def succeeded(self):
        """A request was answered (not throttled): it counts towards the estimate of the account's quota."""
        now = self._clock()
        self._state.update(lambda state: self._count_success(state, now))

    def _refill(self, state, now, rate):
        if state.get("updated", now) > now + STALE_SECONDS:
            state.clear()
        elapsed = max(0.0, now - state.get("updated", now))
        state["tokens"] = min(self.burst, state.get("tokens", self.burst) + elapsed * rate)
        state["updated"] = now

    def _reserve(self):
        now = self._clock()

        def take(state):
            rate = self._rate_at(state, now)
            self._refill(state, now, rate)
            state["tokens"] -= 1.0
            return 0.0 if state["tokens"] >= 0 else -state["tokens"] / rate

        return self._state.update(take)

    def acquire(self, max_wait=None):
        """Wait for the next slot; PacingTimeout (without waiting) when it is more than max_wait seconds away."""
        wait = self._reserve()
        if max_wait is not None and wait > max_wait:
            self._state.update(self._give_back)  # the slot is not used: others (in any process) may have it
            raise PacingTimeout(wait)
        if wait > 0:
            self._sleep(wait)
        return wait

    @staticmethod
    def _give_back(state):
        state["tokens"] = state.get("tokens", 0.0) + 1.0

    def throttled(self, sent_at=None, retry_after=None):
        """A request was throttled: drop to the quota estimate (or halve, once per cool-down), hold everyone for
        retry_after. sent_at (when the request was sent) is accepted from the transport but not used by this rule."""
        now = self._clock()

        def slow_down(state):
            rate = self._rate_at(state, now)
            self._refill(state, now, rate)
            estimate = state.get("accepted_rate")
            if estimate:
                rate = max(self.floor, min(rate, ESTIMATE_SHARE * estimate))
                state.update(rate=rate, decreased_at=now)
            elif state.get("decreased_at") is None or now - state["decreased_at"] >= BLIND_COOLDOWN:
                rate = max(self.floor, rate * BLIND_DECREASE)
                state.update(rate=rate, decreased_at=now)
            # no burst after a throttling reply; a Retry-After becomes a debt every caller queues behind
            state["tokens"] = min(state["tokens"], 0.0) - (retry_after or 0.0) * rate

        self._state.update(slow_down)


class Deadline:
    """The whole budget of a task (requests, retries, waits); None seconds means no deadline."""

    def __init__(self, seconds=None, clock=None):
        self.seconds = seconds
        self._clock = clock or time.monotonic
        self._end = None if seconds is None else self._clock() + seconds

    def remaining(self):
        return None if self._end is None else max(0.0, self._end - self._clock())

    def expired(self):
        return self._end is not None and self._clock() >= self._end
