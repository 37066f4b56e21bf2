# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Default hosts per service/region (each vendor file's default_host) and the endpoint override (_endpoints.base_url)."""

from __future__ import annotations

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils import _endpoints
from ansible_collections.mediaops.live_jobs.plugins.module_utils import _vendor_alibaba, _vendor_huawei, _vendor_volcengine
from ansible_collections.mediaops.live_jobs.plugins.module_utils._errors import OptionError
from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS

# the old service names -> (vendor file, the service its default_host is asked for)
SERVICES = {
    "ice": (_vendor_alibaba, "ice"),
    "live": (_vendor_alibaba, "live"),
    "volcengine_live": (_vendor_volcengine, "live"),
    "huawei_rtc": (_vendor_huawei, "rtc"),
}


def default_host(service, region):
    vendor, vendor_service = SERVICES[service]
    return vendor.default_host(vendor_service, region)


def base_url(endpoint, service, region):
    """The old call shape on the new one: the default host is a callable, asked only when no endpoint is given."""
    return _endpoints.base_url(endpoint, lambda: default_host(service, region))


@pytest.mark.parametrize("service, region, host", [
    ("ice", "cn-shanghai", "ice.cn-shanghai.aliyuncs.com"),
    ("ice", "cn-beijing", "ice.cn-beijing.aliyuncs.com"),
    ("ice", "ap-southeast-1", "ice.ap-southeast-1.aliyuncs.com"),
    ("live", None, "live.aliyuncs.com"),
    ("live", "cn-shanghai", "live.aliyuncs.com"),
    ("live", "ap-southeast-1", "live.ap-southeast-1.aliyuncs.com"),
    ("live", "eu-central-1", "live.eu-central-1.aliyuncs.com"),
    ("volcengine_live", None, "live.volcengineapi.com"),
    ("volcengine_live", "cn-north-1", "live.volcengineapi.com"),
    ("huawei_rtc", None, "rtc-api.myhuaweicloud.com"),
    ("huawei_rtc", "cn-north-4", "rtc-api.myhuaweicloud.com"),
])
def test_default_hosts(service, region, host):
    assert default_host(service, region) == host
    assert base_url(None, service, region) == (f"https://{host}", host)
    assert base_url("", service, region) == (f"https://{host}", host)


@pytest.mark.parametrize("region", [None, ""])
def test_ice_without_region_or_endpoint_names_the_sources(region):
    with pytest.raises(OptionError) as info:
        base_url("", "ice", region)
    assert info.value.option == "region"
    for name in ("ALIBABA_CLOUD_REGION_ID", "ALICLOUD_REGION_ID", "ALICLOUD_REGION", "endpoint"):
        assert name in str(info.value)


def test_ice_with_endpoint_needs_no_region():
    assert base_url("ice-vpc.cn-shanghai.aliyuncs.com", "ice", None) == ("https://ice-vpc.cn-shanghai.aliyuncs.com", "ice-vpc.cn-shanghai.aliyuncs.com")


@pytest.mark.parametrize("endpoint, expected", [
    ("http://127.0.0.1:8080", ("http://127.0.0.1:8080", "127.0.0.1:8080")),
    ("http://127.0.0.1:8080/", ("http://127.0.0.1:8080", "127.0.0.1:8080")),
    ("https://ice-vpc.cn-shanghai.aliyuncs.com", ("https://ice-vpc.cn-shanghai.aliyuncs.com", "ice-vpc.cn-shanghai.aliyuncs.com")),
    ("ice-vpc.cn-shanghai.aliyuncs.com", ("https://ice-vpc.cn-shanghai.aliyuncs.com", "ice-vpc.cn-shanghai.aliyuncs.com")),
    ("gateway.internal:8443", ("https://gateway.internal:8443", "gateway.internal:8443")),
    ("  http://localhost:9000  ", ("http://localhost:9000", "localhost:9000")),
    ("HTTP://LOCALHOST:9000", ("http://LOCALHOST:9000", "LOCALHOST:9000")),
    ("http://[::1]:8080", ("http://[::1]:8080", "[::1]:8080")),
])
def test_endpoint_override(endpoint, expected):
    for service in ("ice", "live", "volcengine_live", "huawei_rtc"):
        assert base_url(endpoint, service, None) == expected


@pytest.mark.parametrize("endpoint", [
    "ftp://example.com", "http://", "https://:8080", "http://host:99999", "http://host:port",
    "http://host/path", "http://host/v2/apps", "http://host?x=1", "http://host/#frag", "http://user:pw@host",
    "http://user@host",
])
def test_bad_endpoints(endpoint):
    with pytest.raises(OptionError) as info:
        base_url(endpoint, "live", None)
    assert info.value.option == "endpoint"
    assert "pw" not in str(info.value)


@pytest.mark.parametrize("endpoint", ["", "   ", None])
def test_blank_endpoint_is_unset(endpoint):
    assert base_url(endpoint, "live", "eu-central-1") == ("https://live.eu-central-1.aliyuncs.com", "live.eu-central-1.aliyuncs.com")


@pytest.mark.parametrize("endpoint", ["http://[bad", "https://[::1", "http://host:65536x"])
def test_unparseable_endpoints_name_the_option(endpoint):
    with pytest.raises(OptionError) as info:
        base_url(endpoint, "ice", "cn-shanghai")
    assert info.value.option == "endpoint"


@pytest.mark.parametrize("api_name, service", [
    ("ice_record", "ice"), ("ice_snapshot", "ice"), ("live_edge_transcode", "live"), ("volc_pull_record", "volcengine_live"),
    ("huawei_record", "huawei_rtc"),
])
def test_each_api_asks_its_vendor_for_the_right_service(api_name, service):
    api = APIS[api_name]
    vendor, vendor_service = SERVICES[service]
    assert api.vendor is vendor.VENDOR and api.endpoint_service == vendor_service
    assert api.vendor.default_host(api.endpoint_service, "cn-shanghai") == default_host(service, "cn-shanghai")


def test_default_host_is_not_asked_when_an_endpoint_is_given():
    def must_not_be_called():
        raise AssertionError("default_host called although an endpoint was given")

    assert _endpoints.base_url("http://127.0.0.1:8080", must_not_be_called) == ("http://127.0.0.1:8080", "127.0.0.1:8080")
