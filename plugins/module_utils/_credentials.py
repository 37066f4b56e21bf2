# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Credentials per vendor: module options first, then the vendor's own environment variables (empty = unset)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from ._errors import OptionError

# The vendors' own names, so an AWX custom credential type can inject them directly (never ANSIBLE_*).
# "endpoint": ALIBABA_CLOUD_ENDPOINT and VOLCENGINE_ENDPOINT are the names the vendors' tools use; Huawei Cloud
# has no such variable, so HUAWEICLOUD_ENDPOINT is this collection's own (kept out of the SDK's HUAWEICLOUD_SDK_*
# namespace on purpose). An endpoint is not a secret: it is never added to no_log_values.
ENV_VARS = {
    "alibaba": {
        "access_key": ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"),
        "secret_key": ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"),
        "security_token": ("ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN"),
        "region": ("ALIBABA_CLOUD_REGION_ID", "ALICLOUD_REGION_ID", "ALICLOUD_REGION"),
        "endpoint": ("ALIBABA_CLOUD_ENDPOINT",),
    },
    "volcengine": {
        "access_key": ("VOLCENGINE_ACCESS_KEY", "VOLC_ACCESSKEY"),
        "secret_key": ("VOLCENGINE_SECRET_KEY", "VOLC_SECRETKEY"),
        "security_token": ("VOLCENGINE_SESSION_TOKEN",),
        "region": ("VOLCENGINE_REGION",),
        "endpoint": ("VOLCENGINE_ENDPOINT",),
    },
    "huawei": {
        "access_key": ("HUAWEICLOUD_SDK_AK",),
        "secret_key": ("HUAWEICLOUD_SDK_SK",),
        "security_token": ("HUAWEICLOUD_SDK_SECURITY_TOKEN",),
        "project_id": ("HUAWEICLOUD_SDK_PROJECT_ID",),
        "endpoint": ("HUAWEICLOUD_ENDPOINT",),
    },
}

SECRET_FIELDS = ("secret_key", "security_token", "auth_token")


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

    def secrets(self):
        return [value for value in (getattr(self, name) for name in SECRET_FIELDS) if value]


def _first_set(params, name, provider, environ):
    value = params.get(name)
    if value not in (None, ""):
        return value
    for var in ENV_VARS[provider].get(name, ()):
        if environ.get(var):
            return environ[var]
    return None


def _sources(provider, name):
    names = ", ".join(ENV_VARS[provider].get(name, ())) or "no environment variable"
    return f"option {name} or environment {names}"


def resolve_credentials(provider, params, environ=None):
    """Resolve and check the credentials a provider needs; OptionError names every place that was looked at."""
    environ = os.environ if environ is None else environ
    names = ("access_key", "secret_key", "security_token", "region", "project_id", "endpoint")
    fields = {name: _first_set(params, name, provider, environ) for name in names}
    if provider != "huawei":
        fields["project_id"] = None
    creds = Credentials(provider=provider, auth_token=params.get("auth_token") or None, **fields)
    _reject_unsendable(creds)
    if provider == "huawei" and creds.auth_token:
        return creds
    _require_key_pair(creds)
    if provider == "huawei" and not creds.project_id:
        raise OptionError("project_id", f"Huawei Cloud AK/SK signing needs a project id; looked at {_sources(provider, 'project_id')}")
    return creds


def _reject_unsendable(creds):
    """A pasted newline or space in a key would only surface as an obscure header error later; name the option now."""
    for name in ("access_key", "secret_key", "security_token", "project_id", "auth_token"):
        value = getattr(creds, name)
        if value and (value != value.strip() or any(ord(char) < 32 or ord(char) == 127 for char in value)):
            raise OptionError(name, "contains leading/trailing whitespace or a control character (a pasted newline?)")


def _require_key_pair(creds):
    for name in ("access_key", "secret_key"):
        if not getattr(creds, name):
            hint = " (or auth_token for token authentication)" if creds.provider == "huawei" else ""
            raise OptionError(name, f"no {creds.provider} credentials found; looked at {_sources(creds.provider, name)}{hint}")
