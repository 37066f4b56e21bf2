# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Volcengine request signing (HMAC-SHA256, the volc-sdk-python SignerV4 scheme)."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime, timezone
from urllib.parse import quote

ALGORITHM = "HMAC-SHA256"
_X_DATE_FORMAT = "%Y%m%dT%H%M%SZ"
_SDK_DEFAULT_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8"
_DEFAULT_PORTS = ("80", "443")


def _utf8(value: str) -> bytes:
    # surrogatepass: a lone surrogate must not make signing raise; valid text encodes exactly like UTF-8
    return value.encode("utf-8", "surrogatepass")


def _encode(value: str, safe: str = "~") -> str:
    return quote(_utf8(value), safe=safe)


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, _utf8(message), hashlib.sha256).digest()


def canonical_query(query: Mapping[str, str]) -> str:
    """Sorted, RFC 3986 encoded query; also the exact wire query."""
    keys = sorted(key for key, value in query.items() if value is not None)
    return "&".join(f"{_encode(key)}={_encode(query[key])}" for key in keys)


def _canonical_uri(path: str) -> str:
    return _encode(path or "/", safe="/~")


def _host_without_default_port(host: str) -> str:
    # mirrors the SDK: it splits on ":" and drops :80/:443 (only the first two fields count)
    if ":" not in host:
        return host
    name, port = host.split(":")[:2]
    return name if port in _DEFAULT_PORTS else host


def _canonical_headers(headers: Mapping[str, str]) -> tuple[str, str]:
    lowered = {name.lower(): value for name, value in headers.items()}
    if "host" in lowered:
        lowered["host"] = _host_without_default_port(lowered["host"])
    names = sorted(lowered)
    return "".join(f"{name}:{lowered[name]}\n" for name in names), ";".join(names)


def _signing_key(secret_key: str, short_date: str, region: str, service: str) -> bytes:
    key = _hmac(_utf8(secret_key), short_date)
    for part in (region, service, "request"):
        key = _hmac(key, part)
    return key


def credential_scope(x_date: str, region: str, service: str) -> str:
    """`<yyyymmdd>/<region>/<service>/request`."""
    return f"{x_date[:8]}/{region}/{service}/request"


def canonical_request(method: str, path: str, query: Mapping[str, str], signed_headers: Mapping[str, str], payload_sha256: str) -> str:
    """The SDK's CanonicalRequest text (its SHA-256 is what gets signed)."""
    canonical_headers, signed_names = _canonical_headers(signed_headers)
    return "\n".join([method, _canonical_uri(path), canonical_query(query), canonical_headers, signed_names, payload_sha256])


def volc_signature(method: str, path: str, query: Mapping[str, str], signed_headers: Mapping[str, str], payload_sha256: str,
                   secret_key: str, x_date: str, region: str, service: str) -> tuple[str, str]:
    """(SignedHeaders, hex signature) of a request signing exactly `signed_headers`."""
    request_hash = hashlib.sha256(_utf8(canonical_request(method, path, query, signed_headers, payload_sha256))).hexdigest()
    string_to_sign = "\n".join([ALGORITHM, x_date, credential_scope(x_date, region, service), request_hash])
    key = _signing_key(secret_key, x_date[:8], region, service)
    return _canonical_headers(signed_headers)[1], _hmac(key, string_to_sign).hex()


def sdk_signs_header(name: str) -> bool:
    """The SDK's (case-sensitive) choice of headers to sign: Content-Type, Content-Md5, Host and X-*."""
    return name in ("Content-Type", "Content-Md5", "Host") or name.startswith("X-")


def _x_date(now: datetime) -> str:
    if now.tzinfo is not None:
        now = now.astimezone(timezone.utc)
    return now.strftime(_X_DATE_FORMAT)


def sign_volcengine(method: str, host: str, path: str, query: Mapping[str, str], body: bytes, *, access_key: str, secret_key: str,
                    region: str, service: str, now: datetime, session_token: str | None = None,
                    content_type: str = "application/json", extra_headers: Mapping[str, str] | None = None) -> dict[str, str]:
    """All headers to send (Authorization included); extra headers are signed when the SDK would sign them."""
    if not content_type and method != "GET":
        content_type = _SDK_DEFAULT_CONTENT_TYPE
    payload_sha256 = hashlib.sha256(body).hexdigest()
    headers = {"Host": host}
    if content_type:
        headers["Content-Type"] = content_type
    headers["X-Date"] = x_date = _x_date(now)
    headers["X-Content-Sha256"] = payload_sha256
    if session_token:
        headers["X-Security-Token"] = session_token
    reserved = {name.lower() for name in headers} | {"authorization"}
    headers.update({name: value for name, value in (extra_headers or {}).items() if name.lower() not in reserved})
    signed = {name: value for name, value in headers.items() if sdk_signs_header(name)}
    signed_names, signature = volc_signature(method, path, query, signed, payload_sha256, secret_key, x_date, region, service)
    scope = credential_scope(x_date, region, service)
    headers["Authorization"] = f"{ALGORITHM} Credential={access_key}/{scope}, SignedHeaders={signed_names}, Signature={signature}"
    return headers
