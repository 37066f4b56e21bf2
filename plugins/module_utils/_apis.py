# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""One small descriptor per vendor API: who serves it, how to ask for one id, what not-found looks like, its rate limit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ._endpoints import base_url


@dataclass(frozen=True)
class Scope:
    """Per-task settings some APIs need besides the id."""

    region: str | None = None
    cluster_id: str | None = None
    app_id: str | None = None


@dataclass(frozen=True)
class ApiDescriptor:
    name: str
    provider: str
    service: str
    kind: str
    endpoint_service: str
    default_rate_limit: float
    not_found_codes: frozenset
    get_one: Callable

    def make_client(self, transport, credentials, endpoint, signature_version, clock, nonce):
        url, host = base_url(endpoint, self.endpoint_service, credentials.region)
        # only the vendor this run talks to is imported (a module runs from a zip: every import is compiled afresh)
        if self.provider == "alibaba":
            from . import _alibaba  # pylint: disable=import-outside-toplevel

            return _alibaba.AlibabaRpcClient(transport, credentials, url, host, clock, signature_version=signature_version, nonce=nonce)
        if self.provider == "volcengine":
            from . import _volcengine  # pylint: disable=import-outside-toplevel

            return _volcengine.VolcengineClient(transport, credentials, url, host, clock)
        from . import _huawei  # pylint: disable=import-outside-toplevel

        return _huawei.HuaweiClient(transport, credentials, url, host, clock)


def _ice_get(action):
    return lambda client, job_id, scope: client.call(action, "2020-11-09", "GET", {"JobId": job_id})


def _edge_get(client, job_id, scope):
    params = {"ClusterId": scope.cluster_id, "JobId": job_id}
    if scope.region:
        params["RegionId"] = scope.region
    return client.call("GetEdgeTranscodeJob", "2016-11-01", "POST", params)


def _pull_record_get(client, job_id, scope):
    return client.call("GetPullRecordTask", "2023-01-01", {"TaskID": job_id})


def _huawei_get(client, job_id, scope):
    return client.get(("v2", "apps", scope.app_id, "individual-stream-jobs", job_id))


# ICE documents no rate limit for these Get calls: 50/s stays well inside what Alibaba grants RPC APIs by default,
# and throttling (Throttling.*) is absorbed by retries if an account has a lower quota.
APIS = {
    api.name: api for api in (
        ApiDescriptor("ice_record", "alibaba", "ice", "record", "ice", 50.0, frozenset({"JobNotFound"}),
                      _ice_get("GetLiveRecordJob")),
        ApiDescriptor("ice_snapshot", "alibaba", "ice", "snapshot", "ice", 50.0, frozenset({"JobNotFound"}),
                      _ice_get("GetLiveSnapshotJob")),
        ApiDescriptor("live_edge_transcode", "alibaba", "live", "edge_transcode", "live", 100.0, frozenset({"JobNotFound"}),
                      _edge_get),
        ApiDescriptor("volc_pull_record", "volcengine", "live", "pull_record", "volcengine_live", 10.0, frozenset({"ResourceNotFound"}),
                      _pull_record_get),
        ApiDescriptor("huawei_record", "huawei", "rtc", "record", "huawei_rtc", 10.0, frozenset({"RTC.00001003"}),
                      _huawei_get),
    )
}
