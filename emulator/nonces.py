"""Remembers Alibaba signature nonces for the replay window."""

import threading
import time
from typing import Dict, Tuple

from .settings import NONCE_WINDOW_SECONDS


class NonceCache:
    def __init__(self, window_seconds: float = NONCE_WINDOW_SECONDS):
        self._window = window_seconds
        self._lock = threading.Lock()
        self._seen: Dict[Tuple[str, str], float] = {}
        self._next_purge = 0.0

    def first_use(self, access_key: str, nonce: str) -> bool:
        """Record the nonce; False when it was already used within the window."""
        now = time.monotonic()
        with self._lock:
            if now >= self._next_purge:
                self._purge(now)
            expiry = self._seen.get((access_key, nonce))
            if expiry is not None and expiry > now:
                return False
            self._seen[(access_key, nonce)] = now + self._window
            return True

    def _purge(self, now: float) -> None:
        self._seen = {key: expiry for key, expiry in self._seen.items() if expiry > now}
        self._next_purge = now + 60.0

    def reset(self) -> None:
        with self._lock:
            self._seen.clear()
