"""Counters exposed by GET /_emulator/stats."""

import threading
from collections import Counter


class Stats:
    def __init__(self):
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self.requests = Counter()
            self.throttled = Counter()
            self.faults_fired = Counter()
            self.signature_failures = Counter()
            self.errors = Counter()

    def count(self, counter_name: str, key: str) -> None:
        with self._lock:
            getattr(self, counter_name)[key] += 1

    def to_dict(self) -> dict:
        with self._lock:
            return {"requests": dict(self.requests), "throttled": dict(self.throttled),
                    "faults_fired": dict(self.faults_fired), "signature_failures": dict(self.signature_failures),
                    "errors": dict(self.errors)}
