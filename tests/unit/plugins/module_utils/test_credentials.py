# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""resolve_credentials: options first, then the vendor's environment variables (empty string = unset)."""

from __future__ import annotations

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils import _credentials
from ansible_collections.mediaops.live_jobs.plugins.module_utils._credentials import Credentials
from ansible_collections.mediaops.live_jobs.plugins.module_utils._errors import OptionError
from ansible_collections.mediaops.live_jobs.plugins.module_utils._vendor_alibaba import VENDOR as ALIBABA
from ansible_collections.mediaops.live_jobs.plugins.module_utils._vendor_huawei import VENDOR as HUAWEI
from ansible_collections.mediaops.live_jobs.plugins.module_utils._vendor_volcengine import VENDOR as VOLCENGINE

SECRET = "Zq8vR2nLx5Tb7Wc9Yd1Fe3Gh4Jk6Mp0S"
TOKEN = "STS.NUgYrLnoC37mZZCNnAbez2PGe.sts-token-value-0123456789"


VENDORS = {vendor.name: vendor for vendor in (ALIBABA, VOLCENGINE, HUAWEI)}
# each vendor's environment variable names now live in its own _vendor_*.py file
ENV_VARS = {name: vendor.env_vars for name, vendor in VENDORS.items()}


def resolve_credentials(provider, params, environ=None):
    """The old call shape (vendor name) on the new one (vendor descriptor)."""
    return _credentials.resolve_credentials(VENDORS[provider], params, environ)


def params(**values):
    base = dict(access_key=None, secret_key=None, security_token=None, region=None, project_id=None, auth_token=None)
    base.update(values)
    return base


def test_env_var_names_are_the_vendors_own():
    assert ENV_VARS == {
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
            # issue 13: no "region" entry any more; VOLCENGINE_REGION (other Volcengine tools' cn-beijing) must not
            # change the signing region of Live calls (cn-north-1 unless the task's region option says otherwise)
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
    for provider in ENV_VARS.values():
        for names in provider.values():
            assert not any(name.startswith("ANSIBLE_") for name in names)


def test_options_win_over_env():
    env = {"ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIenvKey", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret-value-1234567890",
           "ALIBABA_CLOUD_REGION_ID": "cn-beijing", "ALIBABA_CLOUD_SECURITY_TOKEN": "env-token-value-1234567890"}
    creds = resolve_credentials("alibaba", params(access_key="LTAIoptKey", secret_key=SECRET, region="cn-shanghai", security_token=TOKEN), env)
    assert creds == Credentials("alibaba", "LTAIoptKey", SECRET, TOKEN, "cn-shanghai", None, None)


@pytest.mark.parametrize("provider, field", [(p, f) for p, table in ENV_VARS.items() for f in table])
def test_each_env_var_in_order_first_non_empty_wins(provider, field):
    names = ENV_VARS[provider][field]
    required = {"access_key": "AK-from-option", "secret_key": SECRET}
    if provider == "huawei":
        required["project_id"] = "0123456789abcdef0123456789abcdef"
    for position, name in enumerate(names):
        env = {earlier: "" for earlier in names[:position]}  # AWX injects "" for unset fields
        env[name] = f"value-of-{name}"
        for later in names[position + 1:]:
            env[later] = f"value-of-{later}"
        opts = params(**{k: v for k, v in required.items() if k != field})
        if field in ("access_key", "secret_key", "project_id"):
            opts[field] = ""
        creds = resolve_credentials(provider, opts, env)
        assert getattr(creds, field) == f"value-of-{name}"


@pytest.mark.parametrize("provider", ["alibaba", "volcengine", "huawei"])
def test_empty_option_is_unset_and_falls_back_to_env(provider):
    ak_var, sk_var = ENV_VARS[provider]["access_key"][0], ENV_VARS[provider]["secret_key"][0]
    env = {ak_var: "AK-from-env", sk_var: SECRET, "HUAWEICLOUD_SDK_PROJECT_ID": "proj-from-env"}
    creds = resolve_credentials(provider, params(access_key="", secret_key="", project_id=""), env)
    assert (creds.access_key, creds.secret_key) == ("AK-from-env", SECRET)
    if provider == "huawei":
        assert creds.project_id == "proj-from-env"
    else:
        assert creds.project_id is None


@pytest.mark.parametrize("provider, missing", [
    ("alibaba", "access_key"), ("alibaba", "secret_key"),
    ("volcengine", "access_key"), ("volcengine", "secret_key"),
    ("huawei", "access_key"), ("huawei", "secret_key"),
])
def test_missing_key_names_option_and_every_env_var(provider, missing):
    given = {"access_key": "AK-given", "secret_key": SECRET}
    given[missing] = ""
    env = {name: "" for name in ENV_VARS[provider][missing]}
    with pytest.raises(OptionError) as info:
        resolve_credentials(provider, params(project_id="p", **given), env)
    assert info.value.option == missing
    text = str(info.value)
    assert f"option {missing}" in text
    for name in ENV_VARS[provider][missing]:
        assert name in text
    assert provider in text
    assert SECRET not in text
    if provider == "huawei":
        assert "auth_token" in text


def test_huawei_aksk_needs_project_id():
    with pytest.raises(OptionError) as info:
        resolve_credentials("huawei", params(access_key="AK", secret_key=SECRET), {"HUAWEICLOUD_SDK_PROJECT_ID": ""})
    assert info.value.option == "project_id"
    assert "HUAWEICLOUD_SDK_PROJECT_ID" in str(info.value)


def test_huawei_token_auth_needs_no_keys():
    token = "MIIZkgYJKoZIhvcNAQcCoIIZgzCCGX8CAQExDTALBglghkgBZQMEAgEwgheoBgkqhkiG9w0BBwGggheZBIIXlXsidG9rZW4iOnsiZXhwaXJlc19hdCI6"
    creds = resolve_credentials("huawei", params(auth_token=token), {})
    assert creds.auth_token == token
    assert creds.access_key is None and creds.secret_key is None
    assert creds.secrets() == [token]


def test_project_id_ignored_for_other_vendors():
    creds = resolve_credentials("volcengine", params(access_key="AK", secret_key=SECRET, project_id="p"), {"HUAWEICLOUD_SDK_PROJECT_ID": "x"})
    assert creds.project_id is None


def test_secrets_lists_only_secret_values():
    creds = resolve_credentials("alibaba", params(access_key="LTAIpublicKeyId", region="cn-shanghai"),
                                {"ALICLOUD_SECRET_KEY": SECRET, "ALICLOUD_SECURITY_TOKEN": TOKEN})
    assert creds.secrets() == [SECRET, TOKEN]
    assert "LTAIpublicKeyId" not in creds.secrets()


def test_uses_os_environ_by_default(monkeypatch):
    monkeypatch.setenv("VOLCENGINE_ACCESS_KEY", "AKLTfromOsEnviron")
    monkeypatch.setenv("VOLCENGINE_SECRET_KEY", SECRET)
    monkeypatch.setenv("VOLCENGINE_REGION", "cn-beijing")
    creds = resolve_credentials("volcengine", params())
    # issue 13: VOLCENGINE_REGION is ignored (it used to become creds.region)
    assert (creds.access_key, creds.secret_key, creds.region) == ("AKLTfromOsEnviron", SECRET, None)
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIfromOsEnviron")
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
    monkeypatch.setenv("ALIBABA_CLOUD_REGION_ID", "cn-shanghai")
    creds = resolve_credentials("alibaba", params())
    assert (creds.access_key, creds.secret_key, creds.region) == ("LTAIfromOsEnviron", SECRET, "cn-shanghai")


def test_credentials_repr_is_not_used_in_errors():
    # the dataclass repr would show the secret; make sure the error path never formats Credentials
    with pytest.raises(OptionError) as info:
        resolve_credentials("huawei", params(access_key="AK", secret_key=SECRET, security_token=TOKEN), {})
    assert SECRET not in str(info.value) and TOKEN not in str(info.value)


@pytest.mark.parametrize("field, value", [
    ("access_key", "LTAI5tPastedWithNewline0001\n"),
    ("secret_key", " Zq8vR2nLx5Tb7Wc9Yd1Fe3Gh4Jk6Mp0S"),
    ("security_token", "CAISTokenWith\x07Bell0123456789abcdef"),
])
def test_whitespace_or_control_characters_in_credentials_name_the_option(field, value):
    values = dict(access_key="LTAI5tExampleAccessKey01", secret_key="Zq8vR2nLx5Tb7Wc9Yd1Fe3Gh4Jk6Mp0S")
    values[field] = value
    with pytest.raises(OptionError) as info:
        resolve_credentials("alibaba", params(**values), environ={})
    assert info.value.option == field
    assert value.strip() not in str(info.value)


def test_account_id_is_the_access_key_or_a_token_digest():
    """What the shared quota is keyed by: the access key, or for token auth a digest (never the token itself)."""
    token = "MIIZkgYJKoZIhvcNAQcCoIIZgzCCGX8CAQExDTALBglghkgBZQMEAgEwgheoBgkqhkiG9w0BBwGggheZ"
    assert resolve_credentials("alibaba", params(access_key="LTAIkey", secret_key=SECRET, region="r"), {}).account_id() == "LTAIkey"
    account = resolve_credentials("huawei", params(auth_token=token), {}).account_id()
    assert account.startswith("token:") and token not in account
    other = resolve_credentials("huawei", params(auth_token=token + "x"), {}).account_id()
    assert other != account
