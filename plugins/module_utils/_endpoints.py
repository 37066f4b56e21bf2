# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Where a task's requests go: the vendor's default host for the API, or the endpoint override."""

from __future__ import annotations

from urllib.parse import urlsplit

from ._errors import OptionError


def base_url(endpoint, default_host):
    """(base URL without trailing slash, host:port as signed). endpoint may be a bare host or a URL; '' means unset.

    default_host is called (and may raise OptionError) only when no endpoint is given."""
    if not endpoint or not endpoint.strip():
        host = default_host()
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
