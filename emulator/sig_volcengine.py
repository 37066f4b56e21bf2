"""Volcengine HMAC-SHA256 ("SignerV4") recomputed on the server side (vendor-apis.md 3.2, standard library only)."""

import hashlib
import hmac
from typing import Dict, Iterable, Mapping, Tuple
from urllib.parse import quote, unquote

from .sig_common import canonical_headers

ALGORITHM = "HMAC-SHA256"
_DEFAULT_PORT_SUFFIXES = (":80", ":443")


def _encode(value: str) -> str:
    return quote(value, safe="-_.~", encoding="utf-8")


def _sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_query(pairs: Iterable[Tuple[str, str]]) -> str:
    """Pairs sorted by key (repeated keys keep their received order), both sides %XX-encoded, space as %20."""
    ordered = sorted(pairs, key=lambda pair: pair[0])
    return "&".join(_encode(name) + "=" + _encode(value) for name, value in ordered)


def canonical_uri(raw_path: str) -> str:
    return quote(unquote(raw_path), safe="/-_.~")


def _host_value(value: str) -> str:
    """The SDK signs the host without a default port."""
    for suffix in _DEFAULT_PORT_SUFFIXES:
        if value.endswith(suffix):
            return value[: -len(suffix)]
    return value


def _without_default_port(signed_headers: Mapping[str, str]) -> Dict[str, str]:
    return {name: _host_value(value) if name.lower() == "host" else value for name, value in signed_headers.items()}


def canonical_request(method: str, raw_path: str, query_pairs: Iterable[Tuple[str, str]],
                      signed_headers: Mapping[str, str], payload_sha256: str) -> str:
    header_block, signed_names = canonical_headers(_without_default_port(signed_headers))
    return "\n".join((method, canonical_uri(raw_path), canonical_query(query_pairs), header_block, signed_names,
                      payload_sha256))


def credential_scope(x_date: str, region: str, service: str) -> str:
    return "/".join((x_date[:8], region, service, "request"))


def string_to_sign(x_date: str, scope: str, request_text: str) -> str:
    return "\n".join((ALGORITHM, x_date, scope, _sha256_hex(request_text)))


def signing_key(secret: str, short_date: str, region: str, service: str) -> bytes:
    """HMAC chain date -> region -> service -> 'request', starting from the bare secret (no 'AWS4'-like prefix)."""
    key = secret.encode("utf-8")
    for part in (short_date, region, service, "request"):
        key = hmac.new(key, part.encode("utf-8"), hashlib.sha256).digest()
    return key


def volc_signature(method: str, raw_path: str, query_pairs: Iterable[Tuple[str, str]],
                   signed_headers: Mapping[str, str], payload_sha256: str, secret: str, x_date: str, region: str,
                   service: str) -> str:
    request_text = canonical_request(method, raw_path, query_pairs, signed_headers, payload_sha256)
    text = string_to_sign(x_date, credential_scope(x_date, region, service), request_text)
    key = signing_key(secret, x_date[:8], region, service)
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()
