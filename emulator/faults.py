"""Fault rules: which API / job id misbehaves, how, and how many more times."""

import random
import threading
from dataclasses import dataclass
from typing import List, Optional

FAULT_KINDS = frozenset((
    "latency", "status_500", "status_502", "status_503", "status_504", "throttle", "throttle_ims", "reset", "timeout",
    "malformed_json", "html", "truncated", "common_err", "signature_mismatch", "clock_skew", "unknown_status",
))


@dataclass
class FaultRule:
    kind: str
    api: str = "*"
    job_id: Optional[str] = None
    count: int = 1            # times left to fire; 0 or negative = forever
    latency_ms: float = 0.0
    jitter_ms: float = 0.0

    @classmethod
    def from_dict(cls, data: dict) -> "FaultRule":
        kind = data.get("kind")
        if kind not in FAULT_KINDS:
            raise ValueError("unknown fault kind %r; expected one of %s" % (kind, ", ".join(sorted(FAULT_KINDS))))
        job_id = data.get("job_id")
        return cls(kind=kind, api=data.get("api") or "*", job_id=None if job_id is None else str(job_id),
                   count=int(data.get("count", 1)), latency_ms=float(data.get("latency_ms", 0)),
                   jitter_ms=float(data.get("jitter_ms", 0)))

    def matches(self, api: str, job_id: Optional[str]) -> bool:
        return self.api in ("*", api) and (self.job_id is None or self.job_id == job_id)

    def delay_seconds(self) -> float:
        return jittered_seconds(self.latency_ms, self.jitter_ms)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def jittered_seconds(latency_ms: float, jitter_ms: float) -> float:
    jitter = random.uniform(-jitter_ms, jitter_ms) if jitter_ms else 0.0
    return max(0.0, latency_ms + jitter) / 1000.0


class FaultBook:
    def __init__(self):
        self._lock = threading.Lock()
        self._rules: List[FaultRule] = []

    def add(self, rules: List[FaultRule]) -> None:
        with self._lock:
            self._rules.extend(rules)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def rules(self) -> List[dict]:
        with self._lock:
            return [rule.to_dict() for rule in self._rules]

    def take(self, api: str, job_id: Optional[str]) -> Optional[FaultRule]:
        """The first matching rule, consuming one of its firings (rules are checked in insertion order)."""
        if not self._rules:
            return None
        with self._lock:
            for rule in self._rules:
                if rule.matches(api, job_id):
                    if rule.count > 0:
                        rule.count -= 1
                        if rule.count == 0:
                            self._rules.remove(rule)
                    return rule
        return None
