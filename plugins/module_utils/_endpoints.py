# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Where each vendor's requests go: default hosts per service and region, and the endpoint override."""

from __future__ import annotations

from urllib.parse import urlsplit

from ._errors import OptionError

# Alibaba documents regional hosts for Singapore and Frankfurt even though its SDK map sends them to live.aliyuncs.com.
LIVE_REGIONAL_HOSTS = {
    "ap-southeast-1": "live.ap-southeast-1.aliyuncs.com",
    "eu-central-1": "live.eu-central-1.aliyuncs.com",
}
VOLCENGINE_LIVE_HOST = "live.volcengineapi.com"
HUAWEI_RTC_HOST = "rtc-api.myhuaweicloud.com"


def default_host(service, region):
    if service == "ice":
        if not region:
            raise OptionError(
                "region", "Alibaba Cloud ICE needs a region (for example cn-shanghai) to pick its regional endpoint, or an explicit endpoint; "
                "also read from ALIBABA_CLOUD_REGION_ID, ALICLOUD_REGION_ID, ALICLOUD_REGION")
        return f"ice.{region}.aliyuncs.com"
    if service == "live":
        return LIVE_REGIONAL_HOSTS.get(region or "", "live.aliyuncs.com")
    if service == "volcengine_live":
        return VOLCENGINE_LIVE_HOST
    return HUAWEI_RTC_HOST


def base_url(endpoint, service, region):
    """(base URL without trailing slash, host:port as signed). endpoint may be a bare host or a URL; '' means unset."""
    if not endpoint or not endpoint.strip():
        host = default_host(service, region)
        return f"https://{host}", host
    text = endpoint.strip()
    try:
        parts = urlsplit(text if "://" in text else f"https://{text}")
        port = parts.port
    except ValueError:  # e.g. an unclosed IPv6 bracket or a port that is not a number
        parts, port = None, -1
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
        raise OptionError("endpoint", "must be a host name or an http(s) URL such as https://ice-vpc.cn-shanghai.aliyuncs.com or http://127.0.0.1:8080")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username or parts.password:
        raise OptionError("endpoint", "must not carry a path, query, fragment or user info: give only scheme, host and port")
    return f"{parts.scheme}://{parts.netloc}", parts.netloc
