# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The endpoint env fallback (what an AWX credential's optional endpoint field injects): option > env, "" = unset."""

from __future__ import annotations

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils import _credentials
from ansible_collections.mediaops.live_jobs.plugins.module_utils._vendor_alibaba import VENDOR as ALIBABA
from ansible_collections.mediaops.live_jobs.plugins.module_utils._vendor_huawei import VENDOR as HUAWEI
from ansible_collections.mediaops.live_jobs.plugins.module_utils._vendor_volcengine import VENDOR as VOLCENGINE

VENDORS = {vendor.name: vendor for vendor in (ALIBABA, VOLCENGINE, HUAWEI)}
ENV_VARS = {name: vendor.env_vars for name, vendor in VENDORS.items()}


def resolve_credentials(provider, params, environ=None):
    return _credentials.resolve_credentials(VENDORS[provider], params, environ)


SECRET = "Zq8vR2nLx5Tb7Wc9Yd1Fe3Gh4Jk6Mp0S"
KEYS = {
    "alibaba": {"ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIkey", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": SECRET},
    "volcengine": {"VOLCENGINE_ACCESS_KEY": "AKLTkey", "VOLCENGINE_SECRET_KEY": SECRET},
    "huawei": {"HUAWEICLOUD_SDK_AK": "HWAK", "HUAWEICLOUD_SDK_SK": SECRET, "HUAWEICLOUD_SDK_PROJECT_ID": "p"},
}
ENDPOINT_VARS = {"alibaba": "ALIBABA_CLOUD_ENDPOINT", "volcengine": "VOLCENGINE_ENDPOINT", "huawei": "HUAWEICLOUD_ENDPOINT"}


def params(**values):
    base = dict(access_key=None, secret_key=None, security_token=None, region=None, project_id=None, auth_token=None, endpoint=None)
    base.update(values)
    return base


@pytest.mark.parametrize("provider", sorted(ENDPOINT_VARS))
def test_endpoint_env_names(provider):
    assert ENV_VARS[provider]["endpoint"] == (ENDPOINT_VARS[provider],)
    assert not ENDPOINT_VARS[provider].startswith("ANSIBLE_")


@pytest.mark.parametrize("provider", sorted(ENDPOINT_VARS))
def test_endpoint_from_env_when_option_unset_or_empty(provider):
    env = dict(KEYS[provider], **{ENDPOINT_VARS[provider]: "http://127.0.0.1:8080"})
    assert resolve_credentials(provider, params(), env).endpoint == "http://127.0.0.1:8080"
    assert resolve_credentials(provider, params(endpoint=""), env).endpoint == "http://127.0.0.1:8080"


@pytest.mark.parametrize("provider", sorted(ENDPOINT_VARS))
def test_endpoint_option_wins_over_env(provider):
    env = dict(KEYS[provider], **{ENDPOINT_VARS[provider]: "http://127.0.0.1:8080"})
    creds = resolve_credentials(provider, params(endpoint="https://gateway.example.com"), env)
    assert creds.endpoint == "https://gateway.example.com"


@pytest.mark.parametrize("provider", sorted(ENDPOINT_VARS))
def test_empty_endpoint_env_is_unset(provider):
    # AWX injects "" for an optional field left empty: the vendor's default host must then be used
    env = dict(KEYS[provider], **{ENDPOINT_VARS[provider]: ""})
    assert resolve_credentials(provider, params(), env).endpoint is None


def test_endpoint_of_another_vendor_is_ignored():
    env = dict(KEYS["volcengine"], ALIBABA_CLOUD_ENDPOINT="http://127.0.0.1:1", HUAWEICLOUD_ENDPOINT="http://127.0.0.1:2")
    assert resolve_credentials("volcengine", params(), env).endpoint is None


def test_endpoint_is_not_a_secret():
    env = dict(KEYS["alibaba"], ALIBABA_CLOUD_ENDPOINT="http://127.0.0.1:8080")
    creds = resolve_credentials("alibaba", params(), env)
    assert creds.secrets() == [SECRET]
