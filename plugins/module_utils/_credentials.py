# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Credentials of one task: module options first, then the vendor's own environment variables (empty = unset)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

from ._errors import OptionError

SECRET_FIELDS = ("secret_key", "security_token", "auth_token")
CHECKED_FIELDS = ("access_key", "secret_key", "security_token", "project_id", "auth_token")
RESOLVED_FIELDS = ("access_key", "secret_key", "security_token", "region", "project_id", "endpoint")


@dataclass(frozen=True)
class Credentials:
    provider: str
    access_key: str | None = None
    secret_key: str | None = None
    security_token: str | None = None
    region: str | None = None
    project_id: str | None = None
    auth_token: str | None = None
    endpoint: str | None = None
    env_vars: dict = field(default_factory=dict, repr=False, compare=False)

    def secrets(self):
        return [value for value in (getattr(self, name) for name in SECRET_FIELDS) if value]

    def account_id(self):
        """Who the vendor bills and throttles: the access key, or a digest of the token when there is none."""
        if self.access_key:
            return self.access_key
        return "token:" + hashlib.sha256((self.auth_token or "").encode("utf-8")).hexdigest()

    def identity(self):
        """A digest of every credential field: requests with the same identity succeed or fail authentication together."""
        text = "\0".join(str(getattr(self, name) or "") for name in ("provider", "access_key", "secret_key", "security_token", "auth_token"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def sources(self, name):
        names = ", ".join(self.env_vars.get(name, ())) or "no environment variable"
        return f"option {name} or environment {names}"

    def require_key_pair(self, hint=""):
        for name in ("access_key", "secret_key"):
            if not getattr(self, name):
                raise OptionError(name, f"no {self.provider} credentials found; looked at {self.sources(name)}{hint}")


def _first_set(params, name, env_vars, environ):
    value = params.get(name)
    if value not in (None, ""):
        return value
    for var in env_vars.get(name, ()):
        if environ.get(var):
            return environ[var]
    return None


def resolve_credentials(vendor, params, environ=None):
    """Resolve and check the credentials a vendor needs; OptionError names every place that was looked at."""
    environ = os.environ if environ is None else environ
    fields = {name: _first_set(params, name, vendor.env_vars, environ) for name in RESOLVED_FIELDS}
    if "project_id" not in vendor.env_vars and "project_id" not in vendor.options:
        fields["project_id"] = None
    creds = Credentials(provider=vendor.name, auth_token=params.get("auth_token") or None, env_vars=vendor.env_vars, **fields)
    _reject_unsendable(creds)
    vendor.check_credentials(creds)
    return creds


def _reject_unsendable(creds):
    """A pasted newline or space in a key would only surface as an obscure header error later; name the option now."""
    for name in CHECKED_FIELDS:
        value = getattr(creds, name)
        if value and (value != value.strip() or any(ord(char) < 32 or ord(char) == 127 for char in value)):
            raise OptionError(name, "contains leading/trailing whitespace or a control character (a pasted newline?)")
