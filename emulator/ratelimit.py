"""Token buckets per (limit key, account); burst is one second's worth of requests.

An account is the fixture's `account` of the credential (default: the access key or token itself), so all keys
of one account share one quota, as the vendors count per user/account rather than per key.
"""

import threading
import time
from typing import Dict, Tuple

from .settings import Settings


class RateLimiter:
    def __init__(self, settings: Settings):
        self._settings = settings
        self._lock = threading.Lock()
        self._buckets: Dict[Tuple[str, str], Tuple[float, float]] = {}  # key -> (tokens, last refill time)

    def allow(self, limit_key: str, account: str) -> bool:
        """Take one token; False when the caller is over the limit."""
        rps = self._settings.rate_limits.get(limit_key)
        if not self._settings.rate_limit_enabled or not rps or rps <= 0:
            return True
        burst = max(1.0, rps)
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get((limit_key, account), (burst, now))
            tokens = min(burst, tokens + (now - last) * rps)
            allowed = tokens >= 1.0
            self._buckets[(limit_key, account)] = (tokens - 1.0 if allowed else tokens, now)
        return allowed

    def reset(self) -> None:
        with self._lock:
            self._buckets.clear()
