# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Turning raw HTTP responses into decoded vendor replies, and the failures every vendor shares (non-JSON bodies)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ._errors import ApiError

RETRYABLE_HTTP = frozenset({429, 500, 502, 503, 504})
CLOCK_HINT = "the local clock differs from the vendor's clock by more than 15 minutes; correct the clock of the host running the module"


@dataclass
class Reply:
    body: dict
    request_id: str | None
    http_status: int


def decode_object(body):
    """The JSON object in body, or None when the body is not a JSON object (HTML page, truncated or malformed)."""
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def describe_body(response):
    content_type = (response.header("content-type") or "").split(";")[0].strip() or "no content type"
    if "html" in content_type or response.body.lstrip()[:1] == b"<":
        return f"an HTML page ({content_type}) instead of JSON, typically from a proxy or gateway"
    if not response.body:
        return "an empty body"
    return f"a body that is not a JSON object ({content_type}, {len(response.body)} bytes)"


def not_json_error(provider, response, request_id=None, retry_after=None):
    """A reply we cannot read. Retryable: these calls are read-only and such bodies usually come from a hiccup."""
    return ApiError(
        provider, "MalformedResponse" if response.status < 400 else f"HTTP{response.status}",
        f"the vendor returned {describe_body(response)}", response.status, request_id,
        retryable=response.status < 400 or response.status in RETRYABLE_HTTP, retry_after=retry_after,
    )


def retry_after_seconds(headers, names):
    """Seconds to wait from the first of (header name, scale) that holds a positive number, or None."""
    for name, scale in names:
        try:
            seconds = float(headers.get(name, "")) * scale
        except ValueError:
            continue
        if seconds > 0:
            return seconds
    return None


def as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def as_text(value):
    return None if value is None else str(value)
