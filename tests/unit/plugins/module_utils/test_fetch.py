# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""JobFetcher: many ids in input order, found / missing / failed, and wait_for with a fake clock."""

from __future__ import annotations

import threading
from collections import Counter

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils._descriptors import Scope
from ansible_collections.mediaops.live_jobs.plugins.module_utils._errors import ApiError, WaitTimeout
from ansible_collections.mediaops.live_jobs.plugins.module_utils._fetch import JobFetcher
from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS
from ansible_collections.mediaops.live_jobs.plugins.module_utils._replies import Reply

ICE = APIS["ice_record"]


def record_body(job_id, status):
    return {"RecordJob": {"JobId": job_id, "Name": f"job {job_id}", "Status": status, "CreateTime": "2022-07-20T02:48:58Z"},
            "RequestId": f"REQ-{job_id}"}


class StubClient:
    """Answers a vendor client's send(ApiCall) from per-id scripts (the last answer repeats)."""

    def __init__(self, answers):
        self.answers = {job_id: list(items) for job_id, items in answers.items()}
        self.calls = Counter()
        self.lock = threading.Lock()

    def send(self, call):
        job_id = call.params["JobId"]
        assert (call.action, call.version, call.method) == ("GetLiveRecordJob", "2020-11-09", "GET")
        with self.lock:
            self.calls[job_id] += 1
            script = self.answers[job_id]
            answer = script.pop(0) if len(script) > 1 else script[0]
        if isinstance(answer, Exception):
            raise answer
        return Reply(record_body(job_id, answer), f"HDR-{job_id}", 200)


def not_found(job_id):
    return ApiError("alibaba", "JobNotFound", "No such job.", 404, f"NF-{job_id}")


def test_fetch_many_sorts_found_missing_failed_in_input_order():
    client = StubClient({
        "a": ["started"], "b": [not_found("b")], "c": ["paused"],
        "d": [ApiError("alibaba", "Forbidden", "no", 403, "F-d")], "e": ["initial"],
    })
    outcome = JobFetcher(ICE, client, Scope(), 3).fetch_many(["a", "b", "c", "d", "e"])
    assert [job["job_id"] for job in outcome.jobs] == ["a", "c", "e"]
    assert [job["status"] for job in outcome.jobs] == ["running", "paused", "pending"]
    assert [job["request_id"] for job in outcome.jobs] == ["REQ-a", "REQ-c", "REQ-e"]
    assert list(outcome.missing) == ["b"]
    assert outcome.missing["b"].request_id == "NF-b"
    assert list(outcome.failures) == ["d"]
    assert outcome.failures["d"].code == "Forbidden"
    assert outcome.warnings == []


def test_unknown_status_is_a_warning_not_a_failure():
    client = StubClient({"a": ["exploded"]})
    outcome = JobFetcher(ICE, client, Scope(), 1).fetch_many(["a"])
    assert outcome.jobs[0]["status"] == "unknown"
    assert outcome.jobs[0]["provider_status"] == "exploded"
    assert len(outcome.warnings) == 1 and "exploded" in outcome.warnings[0]


def test_unexpected_shape_becomes_an_api_error():
    class Broken:
        def send(self, call):
            return Reply({"RequestId": "R-shape", "Nothing": 1}, "HDR", 200)

    outcome = JobFetcher(ICE, Broken(), Scope(), 1).fetch_many(["a"])
    error = outcome.failures["a"]
    assert (error.provider, error.code, error.http_status, error.request_id, error.retryable) == ("alibaba", "UnexpectedResponse", 200, "HDR", False)
    assert "RecordJob" in error.message


def test_wait_for_polls_only_pending_ids(fake_clock):
    client = StubClient({"a": ["started"], "b": ["initial", "initial", "started"], "c": ["initial", "started"]})
    fetcher = JobFetcher(ICE, client, Scope(), 4)
    outcome = fetcher.wait_for(["a", "b", "c"], "running", timeout=60, interval=5, clock=fake_clock.monotonic, sleep=fake_clock.sleep)
    assert [job["job_id"] for job in outcome.jobs] == ["a", "b", "c"]
    assert all(job["status"] == "running" for job in outcome.jobs)
    assert client.calls == Counter({"a": 1, "b": 3, "c": 2})
    assert fake_clock.sleeps == [5, 5]
    assert outcome.failures == {} and outcome.missing == {}


def test_wait_for_already_there_does_not_sleep(fake_clock):
    client = StubClient({"a": ["paused"]})
    outcome = JobFetcher(ICE, client, Scope(), 1).wait_for(["a"], "paused", 10, 1, clock=fake_clock.monotonic, sleep=fake_clock.sleep)
    assert outcome.jobs[0]["status"] == "paused"
    assert fake_clock.sleeps == []
    assert client.calls["a"] == 1


def test_wait_for_times_out_with_laggards(fake_clock):
    client = StubClient({"a": ["started"], "b": ["initial"], "m": [not_found("m")]})
    fetcher = JobFetcher(ICE, client, Scope(), 2)
    with pytest.raises(WaitTimeout) as info:
        fetcher.wait_for(["a", "b", "m"], "running", timeout=10, interval=5, clock=fake_clock.monotonic, sleep=fake_clock.sleep)
    error = info.value
    assert error.laggards == {"b": "pending", "m": "missing"}
    assert error.wanted_status == "running"
    assert error.waited == pytest.approx(10)
    assert fake_clock.sleeps == [5, 5]  # polls at t=0, 5, 10
    assert client.calls == Counter({"a": 1, "b": 3, "m": 3})
    assert "running" in str(error) and "b (pending)" in str(error) and "m (missing)" in str(error)


def test_wait_for_never_sleeps_past_the_timeout(fake_clock):
    client = StubClient({"a": ["initial"]})
    with pytest.raises(WaitTimeout):
        JobFetcher(ICE, client, Scope(), 1).wait_for(["a"], "running", timeout=7, interval=3, clock=fake_clock.monotonic, sleep=fake_clock.sleep)
    assert sum(fake_clock.sleeps) <= 7
    assert fake_clock.sleeps == [3, 3]


def test_wait_for_stops_on_failure_and_keeps_last_known_jobs(fake_clock):
    client = StubClient({"a": ["started"], "b": ["initial", ApiError("alibaba", "Forbidden", "no", 403, "F")]})
    outcome = JobFetcher(ICE, client, Scope(), 2).wait_for(["a", "b"], "running", 60, 5, clock=fake_clock.monotonic, sleep=fake_clock.sleep)
    assert list(outcome.failures) == ["b"]
    assert [job["job_id"] for job in outcome.jobs] == ["a", "b"]
    assert outcome.jobs[1]["status"] == "pending"
    assert fake_clock.sleeps == [5]


def test_wait_for_uses_time_module_by_default(monkeypatch, fake_clock):
    from ansible_collections.mediaops.live_jobs.plugins.module_utils import _fetch
    monkeypatch.setattr(_fetch.time, "monotonic", fake_clock.monotonic)
    monkeypatch.setattr(_fetch.time, "sleep", fake_clock.sleep)
    client = StubClient({"a": ["initial", "started"]})
    JobFetcher(ICE, client, Scope(), 1).wait_for(["a"], "running", 30, 2)
    assert fake_clock.sleeps == [2]


def test_wait_timeout_carries_last_known_jobs_in_input_order(fake_clock):
    client = StubClient({"b": ["started"], "a": ["initial"]})
    with pytest.raises(WaitTimeout) as info:
        JobFetcher(ICE, client, Scope(), 2).wait_for(["b", "a"], "running", 4, 2, clock=fake_clock.monotonic, sleep=fake_clock.sleep)
    assert [(job["job_id"], job["status"]) for job in info.value.jobs] == [("b", "running"), ("a", "pending")]


def test_wait_for_stop_on_missing_returns_at_once(fake_clock):
    client = StubClient({"a": ["initial"], "m": [not_found("m")]})
    outcome = JobFetcher(ICE, client, Scope(), 2).wait_for(["a", "m"], "running", 60, 5, clock=fake_clock.monotonic,
                                                           sleep=fake_clock.sleep, stop_on_missing=True)
    assert list(outcome.missing) == ["m"]
    assert [job["job_id"] for job in outcome.jobs] == ["a"]
    assert fake_clock.sleeps == [] and client.calls == Counter({"a": 1, "m": 1})


def test_wait_for_missing_id_that_appears_later(fake_clock):
    client = StubClient({"m": [not_found("m"), "initial", "started"]})
    outcome = JobFetcher(ICE, client, Scope(), 1).wait_for(["m"], "running", 60, 5, clock=fake_clock.monotonic, sleep=fake_clock.sleep)
    assert outcome.missing == {}
    assert [job["status"] for job in outcome.jobs] == ["running"]
    assert client.calls["m"] == 3


def test_ice_resource_not_found_is_missing_for_both_ice_apis():
    """ICE's own dialect (IMS error table): ResourceNotFound (404) means the job does not exist, like JobNotFound."""
    for name in ("ice_record", "ice_snapshot"):
        api = APIS[name]
        assert {"JobNotFound", "ResourceNotFound"} <= api.not_found_codes

        class Gone:
            def send(self, call):
                raise ApiError("alibaba", "ResourceNotFound", "The specified resource is not found.", 404, "NF")

        outcome = JobFetcher(api, Gone(), Scope(), 1).fetch_many(["a"])
        assert list(outcome.missing) == ["a"] and outcome.failures == {}


def test_fetch_one_sends_the_descriptors_get_call():
    """JobFetcher knows no API: what it sends is exactly api.get_call(job_id, scope)."""
    sent = []

    class Recorder:
        def send(self, call):
            sent.append(call)
            raise ApiError("x", "JobNotFound", "no", 404)

    scope = Scope(region="cn-shanghai", cluster_id="c1", app_id="app")
    for name, api in APIS.items():
        sent.clear()
        JobFetcher(api, Recorder(), scope, 1).fetch_many(["id-1"])
        assert sent == [api.get_call("id-1", scope)], name
