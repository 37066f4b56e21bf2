# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fuzzing request building and signing: any string in any credential, id, region, cluster, app or host signs without
raising, and a request that cannot be sent as HTTP becomes an ApiError that names no secret, never an exception."""

from __future__ import annotations

import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ansible_collections.mediaops.live_jobs.plugins.module_utils._credentials import Credentials
from ansible_collections.mediaops.live_jobs.plugins.module_utils._descriptors import Scope
from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS
from ansible_collections.mediaops.live_jobs.plugins.module_utils._errors import ApiError
from ansible_collections.mediaops.live_jobs.plugins.module_utils._transport import HttpRequest, Transport

from ansible_collections.mediaops.live_jobs.tests.unit.plugins.module_utils.fuzz_support import AWKWARD_TEXT, count, fuzz_settings
# the autouse fixture that prints the number of fuzz cases run
from ansible_collections.mediaops.live_jobs.tests.unit.plugins.module_utils.fuzz_support import report_cases  # noqa: F401  pylint: disable=unused-import

ANY_TEXT = st.one_of(AWKWARD_TEXT, st.text())
MAYBE_TEXT = st.one_of(st.none(), ANY_TEXT)
NOW = datetime(2026, 3, 1, 12, 0, 0, tzinfo=timezone.utc)


class BuildOnly:
    """A transport that only builds the signed request (no network) and returns it."""

    def call(self, provider, build, interpret):
        request = build()
        assert isinstance(request, HttpRequest)
        return request


def credentials_for(provider, data):
    return Credentials(provider=provider, access_key=data.draw(ANY_TEXT), secret_key=data.draw(ANY_TEXT),
                       security_token=data.draw(MAYBE_TEXT), region=data.draw(MAYBE_TEXT),
                       project_id=data.draw(MAYBE_TEXT),
                       auth_token=data.draw(MAYBE_TEXT) if provider == "huawei" else None)


@pytest.mark.parametrize("api_name", sorted(APIS))
@fuzz_settings(150)
@given(data=st.data(), job_id=ANY_TEXT, host=ANY_TEXT, version=st.sampled_from(["v3", "v1"]),
       scope=st.builds(Scope, region=MAYBE_TEXT, cluster_id=MAYBE_TEXT, app_id=MAYBE_TEXT))
def test_every_api_signs_any_string(api_name, data, job_id, host, version, scope):
    count(f"sign[{api_name}]")
    api = APIS[api_name]
    creds = credentials_for(api.vendor.name, data)
    # the task's options the vendor client reads: signature_version (Alibaba), region (Volcengine's signing region)
    params = {"signature_version": version, "region": data.draw(MAYBE_TEXT)}
    client = api.vendor.make_client(BuildOnly(), creds, "http://127.0.0.1:9", host, lambda: NOW, lambda: data.draw(ANY_TEXT), params)
    request = client.send(api.get_call(job_id, scope))
    assert request.url.startswith("http://127.0.0.1:9/")
    assert all(isinstance(name, str) and isinstance(value, str) for name, value in request.headers.items())
    assert isinstance(request.body, bytes)


class _Quiet(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    do_POST = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def loopback_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Quiet)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield "http://127.0.0.1:%d" % server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("api_name", ["ice_record", "volc_pull_record", "huawei_record"])
@fuzz_settings(60)
@given(data=st.data(), job_id=ANY_TEXT)
def test_unsendable_values_become_api_errors(loopback_url, api_name, data, job_id):
    """Real requests + http.client over loopback: header values with newlines or non-Latin-1 characters must end as an
    ApiError (InvalidRequest) that does not quote the value, never as an exception from requests or http.client."""
    count(f"send[{api_name}]")
    api = APIS[api_name]
    creds = credentials_for(api.vendor.name, data)
    transport = Transport(timeout=5, retries=0, max_connections=1)
    try:
        client = api.vendor.make_client(transport, creds, loopback_url, urlsplit(loopback_url).netloc, lambda: NOW, lambda: "nonce",
                                        {"region": creds.region})
        scope = Scope(region=creds.region, cluster_id="c", app_id=data.draw(ANY_TEXT))
        try:
            client.send(api.get_call(job_id, scope))
        except ApiError as error:
            text = error.describe()
            for secret in creds.secrets():
                if len(secret) >= 8:
                    assert secret not in text
    finally:
        transport.session.close()
