"""Alibaba Cloud signatures recomputed on the server side: RPC V1 (HMAC-SHA1) and ACS3-HMAC-SHA256.

Written from vendor-apis.md sections 2.3 and 2.4 (standard library only); the emulator never borrows the
collection's signers, so a signer bug cannot hide behind a verifier that shares its code.
"""

import base64
import hashlib
import hmac
from typing import Mapping, Optional
from urllib.parse import quote

from .sig_common import canonical_headers

ACS3_ALGORITHM = "ACS3-HMAC-SHA256"


def percent_encode(value: str) -> str:
    """RFC 3986: A-Z a-z 0-9 - _ . ~ stay, everything else is %XX (upper-case hex of the UTF-8 bytes)."""
    return quote(value, safe="~", encoding="utf-8")


def _sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rpc_v1_string_to_sign(method: str, params: Mapping[str, Optional[str]]) -> str:
    """METHOD&%2F&encode(sorted k=v pairs of every parameter but Signature)."""
    pairs = sorted((name, value) for name, value in params.items() if name != "Signature" and value is not None)
    canonical_query = "&".join(percent_encode(name) + "=" + percent_encode(value) for name, value in pairs)
    return "&".join((method, percent_encode("/"), percent_encode(canonical_query)))


def rpc_v1_signature(method: str, params: Mapping[str, Optional[str]], secret: str) -> str:
    """Base64 HMAC-SHA1 keyed with secret + '&'."""
    string_to_sign = rpc_v1_string_to_sign(method, params)
    digest = hmac.new((secret + "&").encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def acs3_canonical_query(query: Mapping[str, Optional[str]]) -> str:
    pairs = sorted((name, value) for name, value in query.items() if value is not None)
    return "&".join(percent_encode(name) + "=" + percent_encode(value) for name, value in pairs)


def acs3_canonical_request(method: str, path: str, query: Mapping[str, Optional[str]],
                           signed_headers: Mapping[str, str], payload_sha256: str) -> str:
    header_block, signed_names = canonical_headers(signed_headers)
    return "\n".join((method, path, acs3_canonical_query(query), header_block, signed_names, payload_sha256))


def acs3_string_to_sign(canonical_request: str) -> str:
    return ACS3_ALGORITHM + "\n" + _sha256_hex(canonical_request)


def acs3_signature(method: str, path: str, query: Mapping[str, Optional[str]], signed_headers: Mapping[str, str],
                   payload_sha256: str, secret: str) -> str:
    """Hex HMAC-SHA256 keyed with the plain secret (no derivation)."""
    canonical_request = acs3_canonical_request(method, path, query, signed_headers, payload_sha256)
    string_to_sign = acs3_string_to_sign(canonical_request)
    return hmac.new(secret.encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
