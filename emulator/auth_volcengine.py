"""Verifies Volcengine HMAC-SHA256 (SignerV4) requests."""

import hmac

from .auth_common import authorization_fields, body_sha256, check_clock, parse_utc, signed_header_values
from .credentials import CredentialBook
from .http_types import Request
from .rejection import Rejection
from .sig_volcengine import ALGORITHM, credential_scope, volc_signature

REGION = "cn-north-1"
SERVICE = "live"
_TIME_FORMATS = ("%Y%m%dT%H%M%SZ",)


def verify_volcengine(request: Request, book: CredentialBook) -> str:
    """The caller's account (rate-limit identity) when the request is authentic; raises Rejection otherwise."""
    authorization = request.header("Authorization") or ""
    if not authorization.startswith(ALGORITHM + " "):
        raise Rejection("missing_auth")
    fields = authorization_fields(authorization)
    access_key, _sep, scope = fields.get("Credential", "").partition("/")
    credential = book.volcengine.get(access_key)
    if credential is None:
        raise Rejection("bad_access_key")
    x_date = request.header("X-Date") or ""
    check_clock(parse_utc(x_date, _TIME_FORMATS), request.received_at)
    if scope != credential_scope(x_date, REGION, SERVICE):
        raise Rejection("bad_signature")
    payload_sha256 = body_sha256(request)
    if request.header("X-Content-Sha256") not in (None, payload_sha256):
        raise Rejection("bad_signature")
    signed = signed_header_values(request, fields.get("SignedHeaders", ""))
    expected = volc_signature(request.method, request.path, request.query_pairs(), signed, payload_sha256,
                              credential.secret, x_date, REGION, SERVICE)
    if not hmac.compare_digest(expected, fields.get("Signature", "")):
        raise Rejection("bad_signature")
    if (credential.token or None) != (request.header("X-Security-Token") or None):
        raise Rejection("bad_token")
    return credential.account
