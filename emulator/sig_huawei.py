"""Huawei SDK-HMAC-SHA256 recomputed on the server side (vendor-apis.md 4.2, standard library only)."""

import hashlib
import hmac
from typing import Iterable, Mapping, Tuple
from urllib.parse import quote, unquote

from .sig_common import canonical_headers

ALGORITHM = "SDK-HMAC-SHA256"


def _encode(value: str) -> str:
    return quote(value, safe="~", encoding="utf-8")


def canonical_uri(raw_path: str) -> str:
    """Each decoded segment re-encoded; always ends with '/' although the wire path need not."""
    uri = "/".join(_encode(segment) for segment in unquote(raw_path).split("/"))
    return uri if uri.endswith("/") else uri + "/"


def canonical_query(pairs: Iterable[Tuple[str, str]]) -> str:
    return "&".join(_encode(name) + "=" + _encode(value) for name, value in sorted(pairs))


def canonical_request(method: str, raw_path: str, query_pairs: Iterable[Tuple[str, str]],
                      signed_headers: Mapping[str, str], payload_sha256: str) -> str:
    header_block, signed_names = canonical_headers(signed_headers)
    return "\n".join((method, canonical_uri(raw_path), canonical_query(query_pairs), header_block, signed_names,
                      payload_sha256))


def string_to_sign(sdk_date: str, request_text: str) -> str:
    return "\n".join((ALGORITHM, sdk_date, hashlib.sha256(request_text.encode("utf-8")).hexdigest()))


def huawei_signature(method: str, raw_path: str, query_pairs: Iterable[Tuple[str, str]],
                     signed_headers: Mapping[str, str], payload_sha256: str, secret: str, sdk_date: str) -> str:
    """Hex HMAC-SHA256 keyed with the plain secret (no scope, no derivation)."""
    text = string_to_sign(sdk_date, canonical_request(method, raw_path, query_pairs, signed_headers, payload_sha256))
    return hmac.new(secret.encode("utf-8"), text.encode("utf-8"), hashlib.sha256).hexdigest()
