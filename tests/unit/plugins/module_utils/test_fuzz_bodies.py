# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fuzzing vendor response bodies: every interpret() (error parser) and every normalizer must either give a result or
raise its one documented error type with a readable message; never anything else, never a traceback."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ansible_collections.mediaops.live_jobs.plugins.module_utils import _normalize
from ansible_collections.mediaops.live_jobs.plugins.module_utils import _vendor_alibaba as _alibaba
from ansible_collections.mediaops.live_jobs.plugins.module_utils import _vendor_huawei as _huawei
from ansible_collections.mediaops.live_jobs.plugins.module_utils import _vendor_volcengine as _volcengine
from ansible_collections.mediaops.live_jobs.plugins.module_utils._descriptors import Scope
from ansible_collections.mediaops.live_jobs.plugins.module_utils._errors import ApiError
from ansible_collections.mediaops.live_jobs.plugins.module_utils._fetch import JobFetcher
from ansible_collections.mediaops.live_jobs.plugins.module_utils._models import NormalizeError
from ansible_collections.mediaops.live_jobs.plugins.module_utils._normalize import JOB_KEYS, STATUSES, summarize
from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS as API_DESCRIPTORS
from ansible_collections.mediaops.live_jobs.plugins.module_utils._replies import Reply
from ansible_collections.mediaops.live_jobs.plugins.module_utils._transport import HttpResponse

from ansible_collections.mediaops.live_jobs.tests.unit.plugins.module_utils.fuzz_support import (
    ERROR_SEEDS, GET_SEEDS, HTTP_STATUSES, JSON_VALUES, LIST_ITEM_SEEDS, count, encoded_bodies, fuzz_settings, mutated,
    response_headers,
)
# the autouse fixture that prints the number of fuzz cases run
from ansible_collections.mediaops.live_jobs.tests.unit.plugins.module_utils.fuzz_support import report_cases  # noqa: F401  pylint: disable=unused-import

INTERPRETERS = {"alibaba": _alibaba.interpret, "volcengine": _volcengine.interpret, "huawei": _huawei.interpret}
PROVIDER_SEEDS = {
    "alibaba": [GET_SEEDS["ice_record"], GET_SEEDS["ice_snapshot"], GET_SEEDS["live_edge_transcode"], *ERROR_SEEDS["alibaba"]],
    "volcengine": [GET_SEEDS["volc_pull_record"], *ERROR_SEEDS["volcengine"]],
    "huawei": [GET_SEEDS["huawei_record"], *ERROR_SEEDS["huawei"]],
}
APIS = tuple(GET_SEEDS)
# Huawei SparkRTC has no List call (no ListSpec since issue 12), so it has no list items to fuzz
LIST_APIS = tuple(api for api in APIS if API_DESCRIPTORS[api].listing is not None)


def normalize_job(api, body, request_id=None):
    """normalize_job takes the API's descriptor since issue 12; the fuzz cases are named by API."""
    return _normalize.normalize_job(API_DESCRIPTORS[api], body, request_id)


def normalize_list_item(api, item, request_id=None):
    return _normalize.normalize_list_item(API_DESCRIPTORS[api], item, request_id)


def check_api_error(error, provider):
    assert error.provider == provider
    assert isinstance(error.code, str) and error.code
    assert isinstance(error.message, str) and error.message
    assert isinstance(error.describe(), str)
    json.dumps(error.to_dict())                     # what fail_json serializes
    assert isinstance(error.retryable, bool)
    assert error.retry_after is None or 0 < error.retry_after
    # the vendor's verdicts (is_throttling is gone): plain booleans, never both, throttling always retryable
    assert isinstance(error.throttled, bool) and isinstance(error.credential, bool)
    assert not (error.throttled and error.credential)
    assert error.retryable or not error.throttled


def check_job(job, warnings):
    assert tuple(job) == JOB_KEYS
    assert job["status"] in STATUSES
    assert isinstance(job["job_id"], str) and job["job_id"]
    assert all(isinstance(warning, str) for warning in warnings)
    json.dumps(job)                                 # must reach Ansible as JSON
    summarize([job])


@pytest.mark.parametrize("provider", sorted(INTERPRETERS))
@fuzz_settings(200)
@given(data=st.data(), status=HTTP_STATUSES, headers=response_headers())
def test_interpret_gives_a_reply_or_an_api_error(provider, data, status, headers):
    count(f"interpret[{provider}]")
    body = data.draw(encoded_bodies(PROVIDER_SEEDS[provider]))
    try:
        reply = INTERPRETERS[provider](HttpResponse(status, headers, body))
    except ApiError as error:
        check_api_error(error, provider)
    else:
        assert isinstance(reply, Reply) and isinstance(reply.body, dict)
        assert 200 <= status < 300
        assert reply.request_id is None or isinstance(reply.request_id, str)


@pytest.mark.parametrize("provider", sorted(INTERPRETERS))
@fuzz_settings(80)
@given(data=st.data(), status=HTTP_STATUSES)
def test_vendor_error_bodies_keep_code_and_request_id(provider, data, status):
    """A mutated vendor error body is still an ApiError; a string code the body gives is the code reported."""
    count(f"error_parser[{provider}]")
    seed = data.draw(st.sampled_from(ERROR_SEEDS[provider]))
    body = data.draw(mutated(seed))
    raw = json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass")
    try:
        reply = INTERPRETERS[provider](HttpResponse(status, {"x-request-id": "HDR-1"}, raw))
    except ApiError as error:
        check_api_error(error, provider)
    else:
        assert 200 <= status < 300 and isinstance(reply.body, dict)


@pytest.mark.parametrize("api", APIS)
@fuzz_settings(120)
@given(data=st.data(), request_id=st.one_of(st.none(), st.text(max_size=10)))
def test_normalize_job_gives_a_job_or_a_normalize_error(api, data, request_id):
    count(f"normalize_job[{api}]")
    body = data.draw(st.one_of(mutated(GET_SEEDS[api]), JSON_VALUES))
    try:
        job, warnings = normalize_job(api, body, request_id)
    except NormalizeError as error:
        assert str(error)
    else:
        check_job(job, warnings)


@pytest.mark.parametrize("api", LIST_APIS)
@fuzz_settings(80)
@given(data=st.data())
def test_normalize_list_item_gives_a_job_or_a_normalize_error(api, data):
    count(f"normalize_list_item[{api}]")
    item = data.draw(st.one_of(mutated(LIST_ITEM_SEEDS[api]), JSON_VALUES))
    try:
        job, warnings = normalize_list_item(api, item, "LIST-REQ")
    except NormalizeError as error:
        assert str(error)
    else:
        check_job(job, warnings)


class _ScriptedClient:
    """A vendor client whose send() answers with a fuzzed body through the vendor's real interpret()."""

    def __init__(self, api, status, headers, body):
        self.vendor = API_DESCRIPTORS[api].vendor.name
        self.response = HttpResponse(status, headers, body)

    def send(self, call):
        return INTERPRETERS[self.vendor](self.response)


@pytest.mark.parametrize("api", APIS)
@fuzz_settings(60)
@given(data=st.data(), status=HTTP_STATUSES, headers=response_headers())
def test_fetch_sorts_every_id_into_jobs_missing_or_failed(api, data, status, headers):
    """interpret + normalize together, as the module runs them: each id lands in exactly one bucket, none is dropped."""
    count(f"fetch[{api}]")
    provider = API_DESCRIPTORS[api].vendor.name
    body = data.draw(encoded_bodies([GET_SEEDS[api], *ERROR_SEEDS[provider]]))
    fetcher = JobFetcher(API_DESCRIPTORS[api], _ScriptedClient(api, status, headers, body), scope=Scope("r", "c", "a"), max_workers=1)
    outcome = fetcher.fetch_many(["a", "b"])
    assert len(outcome.jobs) + len(outcome.missing) + len(outcome.failures) == 2
    for error in [*outcome.missing.values(), *outcome.failures.values()]:
        check_api_error(error, provider)
    for job in outcome.jobs:
        check_job(job, outcome.warnings)
