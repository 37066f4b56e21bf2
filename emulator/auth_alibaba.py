"""Verifies Alibaba RPC signature V1 (query Signature) and ACS3-HMAC-SHA256 (Authorization header)."""

import hmac
from typing import Dict

from .auth_common import (authorization_fields, body_sha256, check_clock, parse_utc,
                          signed_header_values)
from .credentials import Credential, CredentialBook
from .http_types import Request
from .nonces import NonceCache
from .rejection import Rejection
from .sig_alibaba import ACS3_ALGORITHM, acs3_signature, rpc_v1_signature

_TIME_FORMATS = ("%Y-%m-%dT%H:%M:%SZ",)
_MUST_SIGN_PREFIXES = ("x-acs-",)


def verify_alibaba(request: Request, query: Dict[str, str], form: Dict[str, str], book: CredentialBook,
                   nonces: NonceCache) -> str:
    """The caller's account (rate-limit identity) when the request is authentic; raises Rejection otherwise.

    V3 signs the query (the form body is covered by x-acs-content-sha256); V1 signs query and form together.
    """
    authorization = request.header("Authorization") or ""
    if authorization.startswith(ACS3_ALGORITHM):
        return _verify_acs3(request, query, authorization, book, nonces)
    if "Signature" in query:
        return _verify_rpc_v1(request, dict(query, **form), book, nonces)
    raise Rejection("missing_auth")


def _credential(book: CredentialBook, access_key_id: str) -> Credential:
    credential = book.alibaba.get(access_key_id)
    if credential is None:
        raise Rejection("bad_access_key")
    return credential


def _check_token(credential: Credential, token) -> None:
    if (credential.token or None) != (token or None):
        raise Rejection("bad_token")


def _check_nonce(nonces: NonceCache, access_key_id: str, nonce) -> None:
    if not nonce:
        raise Rejection("missing_param", "SignatureNonce is mandatory for this action.")
    if not nonces.first_use(access_key_id, nonce):
        raise Rejection("nonce_used")


def _verify_rpc_v1(request: Request, params: Dict[str, str], book: CredentialBook, nonces: NonceCache) -> str:
    credential = _credential(book, params.get("AccessKeyId", ""))
    check_clock(parse_utc(params.get("Timestamp"), _TIME_FORMATS), request.received_at)
    expected = rpc_v1_signature(request.method, params, credential.secret)
    if not hmac.compare_digest(expected, params.get("Signature", "")):
        raise Rejection("bad_signature")
    _check_token(credential, params.get("SecurityToken"))
    _check_nonce(nonces, credential.access_key, params.get("SignatureNonce"))
    return credential.account


def _verify_acs3(request: Request, params: Dict[str, str], authorization: str, book: CredentialBook,
                 nonces: NonceCache) -> str:
    fields = authorization_fields(authorization)
    credential = _credential(book, fields.get("Credential", ""))
    check_clock(parse_utc(request.header("x-acs-date"), _TIME_FORMATS), request.received_at)
    signed = signed_header_values(request, fields.get("SignedHeaders", ""))
    _require_common_headers_signed(request, signed)
    payload_sha256 = body_sha256(request)
    if request.header("x-acs-content-sha256") not in (None, payload_sha256):
        raise Rejection("bad_signature")
    expected = acs3_signature(request.method, request.path, params, signed, payload_sha256, credential.secret)
    if not hmac.compare_digest(expected, fields.get("Signature", "")):
        raise Rejection("bad_signature")
    _check_token(credential, request.header("x-acs-security-token"))
    _check_nonce(nonces, credential.access_key, request.header("x-acs-signature-nonce"))
    return credential.account


def _require_common_headers_signed(request: Request, signed: Dict[str, str]) -> None:
    """Alibaba: host and every x-acs-* header that is present must be signed."""
    signed_names = {name.lower() for name in signed}
    present = {name.lower() for name in request.headers.keys()}
    required = {name for name in present if name.startswith(_MUST_SIGN_PREFIXES)} | {"host"}
    if not required <= signed_names:
        raise Rejection("bad_signature")
