# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""_session.open_session: one task's line to one account for one API, built once (credentials, endpoint, limiters,
transport, Get client, Lister), with the scope checked before any request."""

from __future__ import annotations

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils._errors import OptionError
from ansible_collections.mediaops.live_jobs.plugins.module_utils._pacing import Deadline
from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS
from ansible_collections.mediaops.live_jobs.plugins.module_utils._session import open_session
from ansible_collections.mediaops.live_jobs.plugins.module_utils._transport import CredentialGuard

SECRET = "Zq8vR2nLx5Tb7Wc9Yd1Fe3Gh4Jk6Mp0S"
ALI = dict(access_key="LTAI5tSessionAccessKey01", secret_key=SECRET, shared_quota=False)


class NoNetwork:
    def mount(self, prefix, adapter):
        pass

    def request(self, *args, **kwargs):
        raise AssertionError("no request expected")


def session_for(name, environ=None, **params):
    return open_session(APIS[name], dict(params), environ=environ or {}, http_session=NoNetwork())


@pytest.mark.parametrize("name, params, option", [
    ("live_edge_transcode", dict(ALI), "cluster_id"),
    ("live_edge_transcode", dict(ALI, cluster_id="  "), "cluster_id"),
    ("huawei_record", dict(access_key="HWAK", secret_key=SECRET, project_id="p", shared_quota=False), "app_id"),
    ("ice_record", dict(ALI), "region"),
    ("ice_snapshot", dict(ALI, region="cn-shanghai", access_key=""), "access_key"),
])
def test_missing_scope_or_credentials_fail_before_anything_is_built(name, params, option):
    with pytest.raises(OptionError) as info:
        session_for(name, **params)
    assert info.value.option == option


def test_region_from_the_environment_becomes_the_scope_and_the_host():
    session = session_for("live_edge_transcode", {"ALIBABA_CLOUD_REGION_ID": "ap-southeast-1"}, cluster_id="c1", **ALI)
    assert session.scope.region == "ap-southeast-1" and session.scope.cluster_id == "c1"
    assert session.client.host == "live.ap-southeast-1.aliyuncs.com"
    assert session.client.base_url == "https://live.ap-southeast-1.aliyuncs.com"
    call = session.api.get_call("j1", session.scope)
    assert call.params["RegionId"] == "ap-southeast-1"


def test_rates_retries_and_timeouts_come_from_the_options():
    session = session_for("volc_pull_record", access_key="AK", secret_key=SECRET, shared_quota=False, rate_limit=3.0, list_rate_limit=7.0,
                          retries=2, timeout=4.5, max_concurrency=5)
    assert session.transport.rate_limiter.rate == 3.0
    assert session.lister.client.transport.rate_limiter.rate == 7.0
    assert (session.transport.retries, session.transport.timeout, session.max_workers) == (2, 4.5, 5)
    assert (session.lister.get_rate, session.lister.list_rate) == (3.0, 7.0)


def test_default_rates_are_the_descriptors():
    session = session_for("ice_record", region="cn-shanghai", **ALI)
    assert session.transport.rate_limiter.rate == APIS["ice_record"].default_rate_limit
    assert session.lister.client.transport.rate_limiter.rate == APIS["ice_record"].listing.default_rate_limit
    assert session_for("huawei_record", access_key="HWAK", secret_key=SECRET, project_id="p", app_id="a", shared_quota=False).lister is None


def test_get_and_list_share_deadline_guard_session_and_counters():
    deadline, guard = Deadline(30.0), CredentialGuard()
    session = open_session(APIS["ice_record"], dict(ALI, region="cn-shanghai"), deadline=deadline, guard=guard, environ={},
                           http_session=NoNetwork())
    get_transport, list_transport = session.transport, session.lister.client.transport
    assert get_transport.deadline is deadline and list_transport.deadline is deadline
    assert get_transport.guard is guard and list_transport.guard is guard
    assert list_transport.session is get_transport.session and list_transport.stats is get_transport.stats
    assert list_transport.rate_limiter is not get_transport.rate_limiter


@pytest.mark.parametrize("params, region", [({}, "cn-north-1"), ({"region": "cn-beijing"}, "cn-beijing"), ({"region": "  "}, "cn-north-1")])
def test_volcengine_signing_region_is_the_task_option_only(params, region):
    session = session_for("volc_pull_record", {"VOLCENGINE_REGION": "cn-shanghai"}, access_key="AK", secret_key=SECRET,
                          shared_quota=False, **params)
    assert session.client.region == region
    assert session.lister.client.region == region


def test_secrets_are_offered_for_no_log():
    session = session_for("ice_snapshot", region="cn-shanghai", security_token="STS.token-value-0123456789", **ALI)
    assert session.credentials.secrets() == [SECRET, "STS.token-value-0123456789"]
