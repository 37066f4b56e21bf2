"""Pieces every vendor's signature check shares: Authorization parsing, signed headers, clock tolerance."""

import hashlib
from datetime import datetime, timezone
from typing import Dict, Iterable, Optional

from .http_types import Request
from .rejection import Rejection
from .settings import MAX_CLOCK_SKEW_SECONDS


def authorization_fields(value: str) -> Dict[str, str]:
    """'ALGO A=1,B=2, C=3' -> {'A': '1', 'B': '2', 'C': '3'} (after the algorithm name)."""
    _algorithm, _sep, rest = value.partition(" ")
    fields = {}
    for part in rest.split(","):
        name, sep, field_value = part.strip().partition("=")
        if sep:
            fields[name] = field_value
    return fields


def signed_header_values(request: Request, signed_names: str) -> Dict[str, str]:
    """The received values of the headers the client says it signed; a missing one fails the signature."""
    values = {}
    for name in (n for n in signed_names.split(";") if n):
        value = request.header(name)
        if value is None:
            raise Rejection("bad_signature")
        values[name] = value
    return values


def body_sha256(request: Request) -> str:
    return hashlib.sha256(request.body).hexdigest()


def parse_utc(value: Optional[str], formats: Iterable[str]) -> datetime:
    for time_format in formats:
        try:
            return datetime.strptime(value or "", time_format).replace(tzinfo=timezone.utc)
        except ValueError:
            continue
    raise Rejection("bad_timestamp")


def check_clock(signed_at: datetime, received_at: float) -> None:
    """Reject requests signed more than 15 minutes away from the server clock."""
    if abs(signed_at.timestamp() - received_at) > MAX_CLOCK_SKEW_SECONDS:
        raise Rejection("expired")
