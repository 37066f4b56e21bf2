"""Run-time knobs of the emulator: rate limits, latency, fault timings, clock tolerance."""

from dataclasses import dataclass, field
from typing import Dict, Optional

# Requests per second per (limit key, account). "<api>" is the Get call, "<api>.list" its List call.
DEFAULT_RATE_LIMITS: Dict[str, float] = {
    "ice_record": 100.0,            # undocumented by Alibaba; configurable
    "ice_record.list": 10.0,
    "ice_snapshot": 100.0,          # undocumented by Alibaba; configurable
    "ice_snapshot.list": 10.0,
    "live_edge_transcode": 100.0,   # 6000 calls/min per user (seed document)
    "live_edge_transcode.list": 10.0,
    "volc_pull_record": 10.0,       # 10 req/s per user (seed document)
    "volc_pull_record.list": 50.0,
    "huawei_record": 10.0,          # SparkRTC job management 10/s
}

MAX_CLOCK_SKEW_SECONDS = 15 * 60
NONCE_WINDOW_SECONDS = 15 * 60

# How ICE (ice_record, ice_snapshot) words throttling and Get not-found: the API gateway's Throttling.User /
# JobNotFound, or IMS's own RequestsTooFrequent (403) / ResourceNotFound (404) (vendor-apis.md section 7).
ICE_ERROR_DIALECTS = ("gateway", "ims")


@dataclass
class Settings:
    rate_limits: Dict[str, float] = field(default_factory=lambda: dict(DEFAULT_RATE_LIMITS))
    rate_limit_enabled: bool = True
    latency_ms: float = 0.0
    jitter_ms: float = 0.0
    timeout_fault_seconds: float = 30.0
    ice_error_dialect: str = "gateway"

    def update(self, rate_limits: Optional[Dict[str, float]] = None, rate_limit_enabled: Optional[bool] = None,
               latency_ms: Optional[float] = None, jitter_ms: Optional[float] = None,
               timeout_fault_seconds: Optional[float] = None, ice_error_dialect: Optional[str] = None) -> None:
        if ice_error_dialect is not None:  # first, so a bad dialect leaves the rest untouched
            self.ice_error_dialect = _checked_dialect(ice_error_dialect)
        for key, rps in (rate_limits or {}).items():
            self.rate_limits[key] = float(rps)
        if rate_limit_enabled is not None:
            self.rate_limit_enabled = bool(rate_limit_enabled)
        if latency_ms is not None:
            self.latency_ms = float(latency_ms)
        if jitter_ms is not None:
            self.jitter_ms = float(jitter_ms)
        if timeout_fault_seconds is not None:
            self.timeout_fault_seconds = float(timeout_fault_seconds)

    def to_dict(self) -> dict:
        return {"rate_limits": dict(self.rate_limits), "rate_limit_enabled": self.rate_limit_enabled,
                "latency_ms": self.latency_ms, "jitter_ms": self.jitter_ms,
                "timeout_fault_seconds": self.timeout_fault_seconds, "ice_error_dialect": self.ice_error_dialect}


def _checked_dialect(value: str) -> str:
    if value not in ICE_ERROR_DIALECTS:
        raise ValueError("ice_error_dialect must be one of %s, got %r" % (", ".join(ICE_ERROR_DIALECTS), value))
    return value
