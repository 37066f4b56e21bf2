# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Vendor response bodies -> the one normalized Job shape: UTC times, snake_cased details, statuses by the API's map.

What to read from a body is the API descriptor's business (its vendor models and picker); this file knows no API.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from ._models import NormalizeError

STATUSES = ("pending", "running", "paused", "stopped", "finished", "unknown")

JOB_KEYS = (
    "job_id", "name", "provider", "service", "kind", "status", "provider_status", "input_url", "template_id",
    "template_name", "created_at", "updated_at", "started_at", "stopped_at", "request_id", "details",
)


# ---------------------------------------------------------------------------------------------------------------
# Key and time helpers
# ---------------------------------------------------------------------------------------------------------------

_ACRONYM_RE = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD_RE = re.compile(r"([a-z0-9])([A-Z])")
_SEPARATOR_RE = re.compile(r"[-\s]+")


@lru_cache(maxsize=4096)
def snake_case(name: str) -> str:
    """CamelCase / PascalCase / header-style name -> snake_case ("JobID" -> "job_id", "X-Request-Id" -> "x_request_id")."""
    if not isinstance(name, str):
        return name
    out = _ACRONYM_RE.sub(r"\1_\2", name)
    out = _WORD_RE.sub(r"\1_\2", out)
    out = _SEPARATOR_RE.sub("_", out)
    return out.lower()


def snake_keys(value):
    """Recursively snake_case the keys of dicts (inside lists too); values are returned untouched.

    When two keys collapse to the same snake_case name, a key already in snake_case keeps it and the other keeps its
    original spelling, so nothing is lost.
    """
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            new_key = snake_case(key) if isinstance(key, str) else key
            if new_key in out:
                return _snake_keys_colliding(value)
            out[new_key] = snake_keys(item)
        return out
    if isinstance(value, (list, tuple)):
        return [snake_keys(item) for item in value]
    return value


def _snake_keys_colliding(value):
    # Original keys that change under snake_case contain an upper-case letter, '-' or whitespace, which no
    # snake_case result does, so keeping such a key's original spelling can never collide again.
    out = {key: snake_keys(item) for key, item in value.items() if not isinstance(key, str) or snake_case(key) == key}
    for key, item in value.items():
        if isinstance(key, str) and snake_case(key) != key:
            new_key = snake_case(key)
            out[key if new_key in out else new_key] = snake_keys(item)
    return out


_TIME_RE = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
    r"\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?\s*$"
)
_UTC = timezone.utc


@lru_cache(maxsize=8192)
def _to_utc(raw: str):
    """ISO 8601 text -> "YYYY-MM-DDTHH:MM:SS[.mmm]Z" (UTC), or None when it cannot be parsed. Naive times are UTC."""
    match = _TIME_RE.match(raw)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, _zulu, sign, off_h, off_m = match.groups()
    try:
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        if sign:
            hours, minutes = int(off_h), int(off_m or 0)
            if hours > 23 or minutes > 59:
                return None
            offset = timedelta(hours=hours, minutes=minutes)
            moment = moment.replace(tzinfo=timezone(-offset if sign == "-" else offset)).astimezone(_UTC)
    except (ValueError, OverflowError):
        return None
    text = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
    if fraction:
        text += "." + fraction[:3].ljust(3, "0")
    return text + "Z"


def _short(value, limit=64):
    """repr() of a raw value, cut short so a warning never carries a whole body."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _none_if_empty(value):
    return value if value else None


def _coerced_details(obj, model):
    """details: the vendor job object, keys snake_cased; declared-string fields sent as numbers appear as strings."""
    details = snake_keys(obj)
    for name, alias in type(model).wire_names().items():
        raw = obj.get(alias)
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            key = snake_case(alias)
            if key in details:
                details[key] = getattr(model, name)
    return details


def map_status(api, raw):
    """The normalized status of a raw vendor value by the API's map (exact, then trimmed and case-folded), or None."""
    if raw is None:
        return None
    status = api.status_map.get(raw)
    if status is None:
        folded = {key.strip().casefold(): value for key, value in api.status_map.items()}
        status = folded.get(raw.strip().casefold())
    return status


def _status(api, fields, warnings):
    status = (api.status_of(fields) if api.status_of else None) or map_status(api, fields.status)
    if status is not None:
        return status
    what = f"missing {api.name} status" if fields.status is None else f"unknown {api.name} status {_short(fields.status)}"
    warnings.append(f"job {fields.job_id}: {what}; reported as unknown")
    return "unknown"


def _times(api, fields, warnings):
    normalized = {"created_at": None, "updated_at": None, "started_at": None, "stopped_at": None}
    for time in fields.times:
        if not time.raw:
            continue
        value = _to_utc(time.raw)
        if value is None:
            warnings.append(f"job {fields.job_id}: unparseable {api.name} {time.vendor_name} {_short(time.raw)}; {time.field} reported as null")
        normalized[time.field] = value
    return normalized


def _normalize(api, extract, data, request_id, what):
    if not isinstance(data, dict):
        raise NormalizeError(f"{api.name}: {what} is not a JSON object (got {type(data).__name__})")
    extracted = extract(data)
    fields = api.pick(extracted.model)
    if not fields.job_id:
        raise NormalizeError(f"{api.name} {what} has no job id")
    warnings = []
    times = _times(api, fields, warnings)
    status = _status(api, fields, warnings)
    job = {
        "job_id": fields.job_id,
        "name": _none_if_empty(fields.name),
        "provider": api.vendor.name,
        "service": api.service,
        "kind": api.kind,
        "status": status,
        "provider_status": fields.status,
        "input_url": _none_if_empty(fields.input_url),
        "template_id": _none_if_empty(fields.template_id),
        "template_name": _none_if_empty(fields.template_name),
        **times,
        "request_id": extracted.request_id or request_id or None,
        "details": _coerced_details(extracted.obj, extracted.model),
    }
    return job, warnings


def normalize_job(api, body, request_id=None):
    """(job, warnings) of one Get response body; ``request_id`` (HTTP header) is used only when the body has none."""
    return _normalize(api, api.read_get, body, request_id, "response body")


def normalize_list_item(api, item, request_id=None):
    """(job, warnings) of one element of a List response; ``request_id`` is the List response's request id."""
    return _normalize(api, api.listing.read_item, item, request_id, "list item")


def summarize(jobs):
    """{"total": N, "by_status": {status: count}} with only the statuses present, in STATUSES order."""
    counts = Counter(job.get("status", "unknown") for job in jobs)
    by_status = {status: counts[status] for status in STATUSES if counts.get(status)}
    for status, count in counts.items():
        if status not in by_status:
            by_status[status] = count
    return {"total": len(jobs), "by_status": by_status}
