# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Alibaba Cloud request signing: RPC signature V1 (HMAC-SHA1) and ACS3-HMAC-SHA256 (V3), as the tea-openapi SDK does it."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime, timezone
from urllib.parse import quote

EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
ACS3_ALGORITHM = "ACS3-HMAC-SHA256"
_TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def _utf8(value: str) -> bytes:
    # surrogatepass: a lone surrogate must not make signing raise; valid text encodes exactly like UTF-8
    return value.encode("utf-8", "surrogatepass")


def percent_encode(value: str) -> str:
    """RFC 3986 encoding of the UTF-8 bytes: only A-Z a-z 0-9 - _ . ~ stay literal."""
    return quote(_utf8(value), safe="~")


def _present(params: Mapping[str, str | None]) -> list[str]:
    return sorted(key for key, value in params.items() if value is not None)


def encode_query(params: Mapping[str, str]) -> str:
    """Wire query string, encoded exactly like the canonical query so no id can alter the signed request."""
    return "&".join(f"{percent_encode(key)}={percent_encode(params[key])}" for key in _present(params))


def _utc_timestamp(now: datetime) -> str:
    if now.tzinfo is not None:
        now = now.astimezone(timezone.utc)
    return now.strftime(_TIMESTAMP_FORMAT)


def _sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def rpc_v1_signature(method: str, params: Mapping[str, str], access_key_secret: str) -> str:
    """Base64 HMAC-SHA1 RPC V1 signature over every parameter except Signature."""
    unsigned = {key: value for key, value in params.items() if key != "Signature"}
    string_to_sign = f"{method}&%2F&{percent_encode(encode_query(unsigned))}"
    digest = hmac.new(_utf8(access_key_secret + "&"), _utf8(string_to_sign), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def sign_rpc_v1(method: str, api_params: Mapping[str, str], *, action: str, version: str, access_key_id: str,
                access_key_secret: str, now: datetime, nonce: str, security_token: str | None = None,
                response_format: str = "JSON") -> dict[str, str]:
    """Complete RPC V1 query parameters (API + common parameters + Signature) for one request."""
    params = {key: value for key, value in api_params.items() if value is not None}
    params.update({
        "Action": action,
        "Format": response_format,
        "Version": version,
        "Timestamp": _utc_timestamp(now),
        "SignatureNonce": nonce,
        "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0",
        "AccessKeyId": access_key_id,
    })
    if security_token:
        params["SecurityToken"] = security_token
    params["Signature"] = rpc_v1_signature(method, params, access_key_secret)
    return params


def _acs3_canonical_query(query: Mapping[str, str]) -> str:
    # the SDK leaves keys unencoded (the docs say encode both); identical for the ASCII keys our APIs use
    return "&".join(f"{key}={percent_encode(query[key])}" for key in _present(query))


def _acs3_canonical_headers(headers: Mapping[str, str]) -> tuple[str, str]:
    grouped: dict[str, list[str]] = {}
    for name, value in headers.items():
        if value is not None:
            grouped.setdefault(name.lower(), []).append(value.strip())
    names = sorted(grouped)
    canonical = "".join(f"{name}:{','.join(sorted(grouped[name]))}\n" for name in names)
    return canonical, ";".join(names)


def acs3_canonical_request(method: str, path: str, query: Mapping[str, str], signed_headers: Mapping[str, str], payload_sha256: str) -> str:
    """The SDK's ACS3 CanonicalRequest text (its SHA-256 is what gets signed)."""
    canonical_headers, signed_names = _acs3_canonical_headers(signed_headers)
    return "\n".join([method, path or "/", _acs3_canonical_query(query), canonical_headers, signed_names, payload_sha256])


def acs3_signature(method: str, path: str, query: Mapping[str, str], signed_headers: Mapping[str, str], payload_sha256: str,
                   access_key_secret: str) -> tuple[str, str]:
    """(SignedHeaders, hex signature) of an ACS3-HMAC-SHA256 request signing exactly `signed_headers`."""
    string_to_sign = f"{ACS3_ALGORITHM}\n{_sha256_hex(_utf8(acs3_canonical_request(method, path, query, signed_headers, payload_sha256)))}"
    signature = hmac.new(_utf8(access_key_secret), _utf8(string_to_sign), hashlib.sha256).hexdigest()
    return _acs3_canonical_headers(signed_headers)[1], signature


def _without_names(headers: Mapping[str, str] | None, taken: Mapping[str, str]) -> dict[str, str]:
    # an extra header may not replace (or duplicate in another case) one the signature is built from
    reserved = {name.lower() for name in taken} | {"authorization"}
    return {name: value for name, value in (headers or {}).items() if name.lower() not in reserved}


def sign_acs3(method: str, host: str, path: str, query: Mapping[str, str], body: bytes, *, action: str, version: str,
              access_key_id: str, access_key_secret: str, now: datetime, nonce: str, security_token: str | None = None,
              extra_headers: Mapping[str, str] | None = None) -> dict[str, str]:
    """All headers (every one signed, plus Authorization) for an ACS3-HMAC-SHA256 request."""
    payload_sha256 = _sha256_hex(body)
    headers = {
        "host": host,
        "x-acs-action": action,
        "x-acs-version": version,
        "x-acs-date": _utc_timestamp(now),
        "x-acs-signature-nonce": nonce,
        "x-acs-content-sha256": payload_sha256,
    }
    if security_token:
        headers["x-acs-security-token"] = security_token
        headers["x-acs-accesskey-id"] = access_key_id
    headers.update(_without_names(extra_headers, headers))
    signed_names, signature = acs3_signature(method, path, query, headers, payload_sha256, access_key_secret)
    headers["Authorization"] = f"{ACS3_ALGORITHM} Credential={access_key_id},SignedHeaders={signed_names},Signature={signature}"
    return headers
