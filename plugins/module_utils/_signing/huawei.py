# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Huawei Cloud request signing (SDK-HMAC-SHA256, the huaweicloudsdkcore Signer scheme)."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime, timezone
from urllib.parse import quote, unquote

ALGORITHM = "SDK-HMAC-SHA256"
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"
_SDK_DATE_FORMAT = "%Y%m%dT%H%M%SZ"
_DOT_SEGMENTS = {".": "%2E", "..": "%2E%2E"}


def _utf8(value: str) -> bytes:
    # surrogatepass: a lone surrogate must not make signing raise; valid text encodes exactly like UTF-8
    return value.encode("utf-8", "surrogatepass")


def _encode(value: str, safe: str = "~") -> str:
    return quote(_utf8(value), safe=safe)


def encode_path_segment(value: str) -> str:
    """One wire path segment: '/' becomes %2F and '.'/'..' are escaped, so an id can never change the path."""
    return _DOT_SEGMENTS.get(value) or _encode(value, safe="")


def canonical_uri(path: str) -> str:
    """The SDK's canonical URI of a wire path: unquote, re-quote each '/' segment, always end with '/'."""
    # the SDK unquotes before splitting, so an id encoded as %2F signs as two segments (the SDK does the same)
    uri = "/".join(_encode(segment) for segment in unquote(path).split("/"))
    return uri if uri.endswith("/") else uri + "/"


def canonical_query(query: Mapping[str, str]) -> str:
    """Sorted (key, value) pairs, RFC 3986 encoded; also usable as the wire query."""
    return "&".join(f"{_encode(key)}={_encode(value)}" for key, value in sorted(query.items()))


def _canonical_headers(headers: Mapping[str, str]) -> tuple[str, str]:
    # the SDK lists a name once per header (case variants repeat it) but keeps only the last value
    names = sorted(name.lower() for name in headers)
    values = {name.lower(): value.strip() for name, value in headers.items()}
    return "\n".join(f"{name}:{values[name]}" for name in names) + "\n", ";".join(names)


def canonical_request(method: str, path: str, query: Mapping[str, str], signed_headers: Mapping[str, str], payload_sha256: str) -> str:
    """The SDK's CanonicalRequest text (its SHA-256 is what gets signed)."""
    canonical_headers, signed_names = _canonical_headers(signed_headers)
    return "\n".join([method.upper(), canonical_uri(path), canonical_query(query), canonical_headers, signed_names, payload_sha256])


def huawei_signature(method: str, path: str, query: Mapping[str, str], signed_headers: Mapping[str, str], payload_sha256: str,
                     secret_key: str, sdk_date: str) -> tuple[str, str]:
    """(SignedHeaders, hex signature) of a request signing exactly `signed_headers`; `path` is the wire path."""
    request_hash = hashlib.sha256(_utf8(canonical_request(method, path, query, signed_headers, payload_sha256))).hexdigest()
    string_to_sign = f"{ALGORITHM}\n{sdk_date}\n{request_hash}"
    return _canonical_headers(signed_headers)[1], hmac.new(_utf8(secret_key), _utf8(string_to_sign), hashlib.sha256).hexdigest()


def sdk_signs_header(name: str) -> bool:
    """The SDK signs every header whose name has no underscore."""
    return "_" not in name


def _sdk_date(now: datetime) -> str:
    if now.tzinfo is not None:
        now = now.astimezone(timezone.utc)
    return now.strftime(_SDK_DATE_FORMAT)


def _is_json_like(content_type: str) -> bool:
    return content_type.startswith(("application/json", "application/bson"))


def sign_huawei(method: str, host: str, path: str, query: Mapping[str, str], body: bytes, *, access_key: str, secret_key: str,
                now: datetime, project_id: str | None = None, security_token: str | None = None,
                content_type: str = "application/json", extra_headers: Mapping[str, str] | None = None) -> dict[str, str]:
    """All headers to send (Authorization included) for a request to the wire `path`."""
    headers = {"Host": host}
    if content_type:
        headers["Content-Type"] = content_type
    headers["X-Sdk-Date"] = sdk_date = _sdk_date(now)
    if project_id:
        headers["X-Project-Id"] = project_id
    if security_token:
        headers["X-Security-Token"] = security_token
    payload_sha256 = hashlib.sha256(body).hexdigest() if body else EMPTY_SHA256
    if content_type and not _is_json_like(content_type):
        headers["X-Sdk-Content-Sha256"] = UNSIGNED_PAYLOAD
        payload_sha256 = UNSIGNED_PAYLOAD if body else EMPTY_SHA256
    # the SDK would take a caller's X-Sdk-Content-Sha256 as the payload hash, so callers may not set it
    reserved = {name.lower() for name in headers} | {"authorization", "x-sdk-content-sha256"}
    headers.update({name: value for name, value in (extra_headers or {}).items() if name.lower() not in reserved})
    signed = {name: value for name, value in headers.items() if sdk_signs_header(name)}
    signed_names, signature = huawei_signature(method, path, query, signed, payload_sha256, secret_key, sdk_date)
    headers["Authorization"] = f"{ALGORITHM} Access={access_key}, SignedHeaders={signed_names}, Signature={signature}"
    return headers
