"""Counters exposed by GET /_emulator/stats."""

import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Dict, Optional


@dataclass
class CallTally:
    """One API id's or limit key's calls; *_accepted_at are epoch seconds (time.time()) of 2xx answers."""

    requests: int = 0            # every call that reached the API routing (auth failures and throttled included)
    accepted: int = 0            # answered with an HTTP 2xx status
    throttled: int = 0
    signature_failures: int = 0  # every authentication rejection (signature, key, token, clock, nonce, project)
    first_accepted_at: Optional[float] = None
    last_accepted_at: Optional[float] = None


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
            self.apis: Dict[str, CallTally] = {}        # API id: Get and List calls together
            self.limit_keys: Dict[str, CallTally] = {}  # "<api>" Get calls only, "<api>.list" List calls only

    def count(self, counter_name: str, key: str) -> None:
        with self._lock:
            getattr(self, counter_name)[key] += 1

    def tally(self, api: str, limit_key: str, field_name: str) -> None:
        """Add one to a CallTally field of the API id and of the limit key."""
        with self._lock:
            for tally in self._tallies(api, limit_key):
                setattr(tally, field_name, getattr(tally, field_name) + 1)

    def accepted(self, api: str, limit_key: str) -> None:
        now = time.time()
        with self._lock:
            for tally in self._tallies(api, limit_key):
                tally.accepted += 1
                tally.last_accepted_at = now
                if tally.first_accepted_at is None:
                    tally.first_accepted_at = now

    def _tallies(self, api: str, limit_key: str):
        return self.apis.setdefault(api, CallTally()), self.limit_keys.setdefault(limit_key, CallTally())

    def to_dict(self) -> dict:
        with self._lock:
            return {"requests": dict(self.requests), "throttled": dict(self.throttled),
                    "faults_fired": dict(self.faults_fired), "signature_failures": dict(self.signature_failures),
                    "errors": dict(self.errors),
                    "apis": {key: asdict(tally) for key, tally in self.apis.items()},
                    "limit_keys": {key: asdict(tally) for key, tally in self.limit_keys.items()}}
