"""Loads a fixture file (YAML or JSON) into credentials, jobs, faults and settings."""

import copy
import functools
import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Dict, List, Optional, Union

import yaml

from .apis import SHAPES
from .credentials import CredentialBook
from .faults import FaultRule
from .generate import generate_jobs

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DEFAULT_FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "default.yml")

# "@now", "@now-3d", "@now+90m": a time relative to fixture load, rendered in the API's timestamp format.
_RELATIVE_TIME = re.compile(r"^@now(?:([+-])(\d+)([smhd]))?$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
SETTING_KEYS = ("rate_limits", "latency_ms", "jitter_ms", "timeout_fault_seconds", "ice_error_dialect")


@dataclass
class Fixture:
    credentials: CredentialBook
    jobs: Dict[str, List[dict]]
    faults: List[FaultRule] = field(default_factory=list)
    settings: dict = field(default_factory=dict)


def read_document(source: Union[None, str, dict]) -> dict:
    """A fixture as a dict: from a mapping, a .json/.yml path, or the bundled default."""
    if isinstance(source, dict):
        return copy.deepcopy(source)
    path = os.path.abspath(source or DEFAULT_FIXTURE)
    return copy.deepcopy(_parse_file(path, os.stat(path).st_mtime_ns))


@functools.lru_cache(maxsize=8)
def _parse_file(path: str, _mtime_ns: int) -> dict:
    """Parsed once per file version: tests and /_emulator/reset reload fixtures often."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    return json.loads(text) if path.endswith(".json") else yaml.load(text, Loader=_YAML_LOADER) or {}


def load_fixture(source: Union[None, str, dict], now: Optional[datetime] = None) -> Fixture:
    document = read_document(source)
    now = now or datetime.now(timezone.utc).replace(microsecond=0)
    jobs = {api: [_resolve_times(api, job, now) for job in (document.get("jobs") or {}).get(api) or []]
            for api in SHAPES}
    unknown = set((document.get("jobs") or {})) - set(SHAPES)
    if unknown:
        raise ValueError("unknown api id(s) in fixture jobs: %s" % ", ".join(sorted(unknown)))
    for api, count in (document.get("generate") or {}).items():
        jobs[api].extend(generate_jobs(api, int(count), now))
    settings = {key: document[key] for key in SETTING_KEYS if key in document}
    return Fixture(CredentialBook.from_fixture(document.get("credentials")), jobs,
                   [FaultRule.from_dict(rule) for rule in document.get("faults") or []], settings)


def _resolve_times(api: str, job: dict, now: datetime) -> dict:
    time_format = SHAPES[api].time_format
    return {key: _resolve_value(value, now, time_format) for key, value in job.items()}


def _resolve_value(value, now: datetime, time_format: str):
    if isinstance(value, str):
        match = _RELATIVE_TIME.match(value)
        if match:
            sign, amount, unit = match.groups()
            offset = timedelta(**{_UNITS[unit]: int(amount)}) if amount else timedelta()
            return (now + offset if sign == "+" else now - offset).strftime(time_format)
    return value
