# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Tests for _normalize: seed responses, status maps, times, coercion, errors and random input."""
from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ansible_collections.mediaops.live_jobs.plugins.module_utils import _models, _normalize
from ansible_collections.mediaops.live_jobs.plugins.module_utils._models import NormalizeError
from ansible_collections.mediaops.live_jobs.plugins.module_utils._normalize import (
    STATUSES,
    snake_case,
    snake_keys,
    summarize,
)
from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS as REGISTRY

KINDS = ("record", "snapshot", "edge_transcode", "pull_record")


def normalize_job(api, body, request_id=None):
    """The old call shape (API name) on the new one: normalize_job takes the API's descriptor."""
    return _normalize.normalize_job(REGISTRY[api], body, request_id)


def normalize_list_item(api, item, request_id=None):
    return _normalize.normalize_list_item(REGISTRY[api], item, request_id)


# --- seed example responses (verbatim from /work/shared/seeds) -------------------------------------------------

ICE_RECORD_SEED = {
    "RecordJob": {
        "NotifyUrl": "https://example.com/imsnotify",
        "CreateTime": "2022-07-20T02:48:58Z",
        "StreamInput": {"Type": "rtmp", "Url": "rtmp://example.com/app/stream"},
        "RecordOutput": {"Type": "oss", "Bucket": "imsbucket1", "Endpoint": "oss-cn-shanghai.aliyuncs.com"},
        "TemplateId": "69e1f9fe-1e97-11ed-ba64-0c42a1b73d66",
        "TemplateName": "test template",
        "Name": "Live event recording task 1",
        "JobId": "ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66",
        "Status": "paused",
    },
    "RequestId": "B57A046C-CE33-5FBB-B57A-D2B89ACF6907",
}

VOLC_SEED = {
    "ResponseMetadata": {
        "RequestId": "202306041104200100100232280022D31",
        "Action": "GetPullRecordTask",
        "Version": "2023-01-01",
        "Service": "live",
        "Region": "cn-north-1",
    },
    "Result": {
        "TaskId": "5b903f78c7f5ae*******01f6fe2eea",
        "StartTime": "2023-10-09T15:16:15+08:00",
        "EndTime": "2023-10-09T15:18:28+08:00",
        "Vhost": "example.com",
        "Domain": "pull.example.com",
        "App": "live",
        "Stream": "example_stream",
        "Status": "生效中",
    },
}

HUAWEI_SEED = {
    "job_id": 1, "app_id": 1, "room_id": 100, "user_id": "user001", "is_record_audio": True, "video_type": "CAMERASTREAM",
    "select_stream_type": "FHD", "max_idle_time": 30, "record_param": {"record_rule_id": "5f5e172b9016ed5b0961a43"},
    "create_time": "2006-01-02T15:04:05.075Z", "start_time": "2006-01-02T15:04:05.075Z",
}

ICE_SNAPSHOT_SEED = {
    "RequestId": "******11-DB8D-4A9A-875B-275798******",
    "JobId": "****a046-263c-3560-978a-fb287782****",
    "JobName": "",
    "TemplateId": "****a046-263c-3560-978a-fb287666****",
    "TemplateName": "",
    "Status": "started",
    "StreamInput": {"Url": "rtmp://www.aliyun.com/stream", "Type": "rtmp"},
    "SnapshotOutput": {"StorageType": "oss", "Endpoint": "oss-cn-shanghai.aliyuncs.com", "Bucket": "testbucket"},
    "OverwriteFormat": "snapshot/{JobId}.jpg",
    "SequenceFormat": "snapshot/{JobId}/{UnixTimestamp}.jpg",
    "TimeInterval": 5,
    "CallbackUrl": "http://www.aliyun.com/snapshot/callback",
    "LastModified": "2022-02-02T22:22:22Z",
    "CreateTime": "2022-02-02T22:22:22Z",
}

EDGE_SEED = {
    "Job": {
        "CreateTime": "2023-07-24T16:44:55Z",
        "JobId": "****20b48fb04483915d4f2cd8ac****",
        "LastStartAt": "2023-07-25T02:48:58Z",
        "LastStopAt": "2023-07-25T05:48:58Z",
        "Name": "my_job",
        "Status": "0",
        "StreamInput": "rtmp://mydomain/app/stream1",
        "StreamOutput": "rtmp://testdomain/app/stream2",
        "TemplateId": "9b1571b513cb44f7a1ba6ae561ff****",
        "TemplateName": "my_template",
        "Type": "common",
    },
    "RequestId": "******3B-0E1A-586A-AC29-742247******",
}

APIS = ("ice_record", "ice_snapshot", "live_edge_transcode", "volc_pull_record", "huawei_record")
# Huawei SparkRTC has no List call: since issue 12 its descriptor has no ListSpec, so it has no list items either
LIST_APIS = tuple(api for api in APIS if REGISTRY[api].listing is not None)
SEEDS = {
    "ice_record": ICE_RECORD_SEED,
    "ice_snapshot": ICE_SNAPSHOT_SEED,
    "live_edge_transcode": EDGE_SEED,
    "volc_pull_record": VOLC_SEED,
    "huawei_record": HUAWEI_SEED,
}


def _body(api, **job_fields):
    """A copy of the seed body for ``api`` with job-object fields replaced (None value = field removed)."""
    body = copy.deepcopy(SEEDS[api])
    obj = {"ice_record": lambda b: b["RecordJob"], "live_edge_transcode": lambda b: b["Job"],
           "volc_pull_record": lambda b: b["Result"]}.get(api, lambda b: b)(body)
    for key, value in job_fields.items():
        if value is None:
            obj.pop(key, None)
        else:
            obj[key] = value
    return body


def _status_key(api):
    return {"huawei_record": "state"}.get(api, "Status")


# --- seeds, asserted in full -------------------------------------------------------------------------------------


def test_seed_ice_record():
    job, warnings = normalize_job("ice_record", copy.deepcopy(ICE_RECORD_SEED))
    assert warnings == []
    assert job == {
        "job_id": "ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66",
        "name": "Live event recording task 1",
        "provider": "alibaba",
        "service": "ice",
        "kind": "record",
        "status": "paused",
        "provider_status": "paused",
        "input_url": "rtmp://example.com/app/stream",
        "template_id": "69e1f9fe-1e97-11ed-ba64-0c42a1b73d66",
        "template_name": "test template",
        "created_at": "2022-07-20T02:48:58Z",
        "updated_at": None,
        "started_at": None,
        "stopped_at": None,
        "request_id": "B57A046C-CE33-5FBB-B57A-D2B89ACF6907",
        "details": {
            "notify_url": "https://example.com/imsnotify",
            "create_time": "2022-07-20T02:48:58Z",
            "stream_input": {"type": "rtmp", "url": "rtmp://example.com/app/stream"},
            "record_output": {"type": "oss", "bucket": "imsbucket1", "endpoint": "oss-cn-shanghai.aliyuncs.com"},
            "template_id": "69e1f9fe-1e97-11ed-ba64-0c42a1b73d66",
            "template_name": "test template",
            "name": "Live event recording task 1",
            "job_id": "ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66",
            "status": "paused",
        },
    }


def test_seed_volc_pull_record():
    job, warnings = normalize_job("volc_pull_record", copy.deepcopy(VOLC_SEED))
    assert warnings == []
    assert job == {
        "job_id": "5b903f78c7f5ae*******01f6fe2eea",
        "name": None,
        "provider": "volcengine",
        "service": "live",
        "kind": "pull_record",
        "status": "running",
        "provider_status": "生效中",
        "input_url": None,
        "template_id": None,
        "template_name": None,
        "created_at": None,
        "updated_at": None,
        "started_at": "2023-10-09T07:16:15Z",
        "stopped_at": "2023-10-09T07:18:28Z",
        "request_id": "202306041104200100100232280022D31",
        "details": {
            "task_id": "5b903f78c7f5ae*******01f6fe2eea",
            "start_time": "2023-10-09T15:16:15+08:00",
            "end_time": "2023-10-09T15:18:28+08:00",
            "vhost": "example.com",
            "domain": "pull.example.com",
            "app": "live",
            "stream": "example_stream",
            "status": "生效中",
        },
    }


def test_seed_huawei_record():
    job, warnings = normalize_job("huawei_record", copy.deepcopy(HUAWEI_SEED), request_id="hdr-req-1")
    # the seed example carries no state
    assert warnings == ["job 1: missing huawei_record status; reported as unknown"]
    assert job == {
        "job_id": "1",
        "name": None,
        "provider": "huawei",
        "service": "rtc",
        "kind": "record",
        "status": "unknown",
        "provider_status": None,
        "input_url": None,
        "template_id": None,
        "template_name": None,
        "created_at": "2006-01-02T15:04:05.075Z",
        "updated_at": None,
        "started_at": "2006-01-02T15:04:05.075Z",
        "stopped_at": None,
        "request_id": "hdr-req-1",
        "details": {
            "job_id": "1",
            "app_id": "1",
            "room_id": "100",
            "user_id": "user001",
            "is_record_audio": True,
            "video_type": "CAMERASTREAM",
            "select_stream_type": "FHD",
            "max_idle_time": 30,
            "record_param": {"record_rule_id": "5f5e172b9016ed5b0961a43"},
            "create_time": "2006-01-02T15:04:05.075Z",
            "start_time": "2006-01-02T15:04:05.075Z",
        },
    }


def test_seed_ice_snapshot():
    job, warnings = normalize_job("ice_snapshot", copy.deepcopy(ICE_SNAPSHOT_SEED))
    assert warnings == []
    assert job == {
        "job_id": "****a046-263c-3560-978a-fb287782****",
        "name": None,
        "provider": "alibaba",
        "service": "ice",
        "kind": "snapshot",
        "status": "running",
        "provider_status": "started",
        "input_url": "rtmp://www.aliyun.com/stream",
        "template_id": "****a046-263c-3560-978a-fb287666****",
        "template_name": None,
        "created_at": "2022-02-02T22:22:22Z",
        "updated_at": "2022-02-02T22:22:22Z",
        "started_at": None,
        "stopped_at": None,
        "request_id": "******11-DB8D-4A9A-875B-275798******",
        "details": {
            "job_id": "****a046-263c-3560-978a-fb287782****",
            "job_name": "",
            "template_id": "****a046-263c-3560-978a-fb287666****",
            "template_name": "",
            "status": "started",
            "stream_input": {"url": "rtmp://www.aliyun.com/stream", "type": "rtmp"},
            "snapshot_output": {"storage_type": "oss", "endpoint": "oss-cn-shanghai.aliyuncs.com", "bucket": "testbucket"},
            "overwrite_format": "snapshot/{JobId}.jpg",
            "sequence_format": "snapshot/{JobId}/{UnixTimestamp}.jpg",
            "time_interval": 5,
            "callback_url": "http://www.aliyun.com/snapshot/callback",
            "last_modified": "2022-02-02T22:22:22Z",
            "create_time": "2022-02-02T22:22:22Z",
        },
    }


def test_seed_edge_transcode():
    job, warnings = normalize_job("live_edge_transcode", copy.deepcopy(EDGE_SEED))
    assert warnings == []
    assert job == {
        "job_id": "****20b48fb04483915d4f2cd8ac****",
        "name": "my_job",
        "provider": "alibaba",
        "service": "live",
        "kind": "edge_transcode",
        "status": "stopped",
        "provider_status": "0",
        "input_url": "rtmp://mydomain/app/stream1",
        "template_id": "9b1571b513cb44f7a1ba6ae561ff****",
        "template_name": "my_template",
        "created_at": "2023-07-24T16:44:55Z",
        "updated_at": None,
        "started_at": "2023-07-25T02:48:58Z",
        "stopped_at": "2023-07-25T05:48:58Z",
        "request_id": "******3B-0E1A-586A-AC29-742247******",
        "details": {
            "create_time": "2023-07-24T16:44:55Z",
            "job_id": "****20b48fb04483915d4f2cd8ac****",
            "last_start_at": "2023-07-25T02:48:58Z",
            "last_stop_at": "2023-07-25T05:48:58Z",
            "name": "my_job",
            "status": "0",
            "stream_input": "rtmp://mydomain/app/stream1",
            "stream_output": "rtmp://testdomain/app/stream2",
            "template_id": "9b1571b513cb44f7a1ba6ae561ff****",
            "template_name": "my_template",
            "type": "common",
        },
    }


@pytest.mark.parametrize("api", APIS)
def test_every_job_has_exactly_the_contract_keys(api):
    job, dummy = normalize_job(api, copy.deepcopy(SEEDS[api]))
    assert tuple(job) == _normalize.JOB_KEYS
    assert job["kind"] in KINDS
    assert job["status"] in STATUSES


def test_seed_bodies_are_not_mutated():
    for api in APIS:
        body = copy.deepcopy(SEEDS[api])
        normalize_job(api, body)
        assert body == SEEDS[api]


# --- status maps -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("api, raw, expected", [
    ("ice_record", "initial", "pending"),
    ("ice_record", "started", "running"),
    ("ice_record", "paused", "paused"),
    ("ice_snapshot", "init", "pending"),
    ("ice_snapshot", "started", "running"),
    ("ice_snapshot", "paused", "paused"),
    ("live_edge_transcode", "1", "running"),
    ("volc_pull_record", "未开始", "pending"),
    ("volc_pull_record", "生效中", "running"),
    ("volc_pull_record", "停用", "stopped"),
    ("volc_pull_record", "已结束", "finished"),
    ("huawei_record", "INIT", "pending"),
    ("huawei_record", "RUNNING", "running"),
    ("huawei_record", "STOPPED", "stopped"),
])
def test_status_map(api, raw, expected):
    job, warnings = normalize_job(api, _body(api, **{_status_key(api): raw}))
    assert (job["status"], job["provider_status"], warnings) == (expected, raw, [])


@pytest.mark.parametrize("status", ["0", 0])
@pytest.mark.parametrize("last_start, expected", [
    ("2023-07-25T02:48:58Z", "stopped"),
    ("", "pending"),
    (None, "pending"),
])
def test_edge_status_zero_depends_on_last_start(status, last_start, expected):
    body = _body("live_edge_transcode", Status=status, LastStartAt=last_start)
    if last_start == "":
        body["Job"]["LastStartAt"] = ""
    job, warnings = normalize_job("live_edge_transcode", body)
    assert (job["status"], job["provider_status"], warnings) == (expected, "0", [])
    assert job["details"]["status"] == "0"


def test_edge_status_int_one_is_running():
    job, warnings = normalize_job("live_edge_transcode", _body("live_edge_transcode", Status=1))
    assert (job["status"], job["provider_status"], warnings) == ("running", "1", [])


@pytest.mark.parametrize("api", APIS)
def test_unknown_status_warns_and_reports_unknown(api):
    job, warnings = normalize_job(api, _body(api, **{_status_key(api): "weird"}))
    assert job["status"] == "unknown"
    assert job["provider_status"] == "weird"
    assert warnings == [f"job {job['job_id']}: unknown {api} status 'weird'; reported as unknown"]


@pytest.mark.parametrize("api", APIS)
def test_missing_status_warns_and_reports_unknown(api):
    job, warnings = normalize_job(api, _body(api, **{_status_key(api): None}))
    assert (job["status"], job["provider_status"]) == ("unknown", None)
    assert warnings == [f"job {job['job_id']}: missing {api} status; reported as unknown"]


def test_status_match_tolerates_case_and_whitespace_but_keeps_raw():
    job, warnings = normalize_job("huawei_record", _body("huawei_record", state=" running "))
    assert (job["status"], job["provider_status"], warnings) == ("running", " running ", [])


# --- times ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw, expected", [
    ("2023-10-09T15:16:15+08:00", "2023-10-09T07:16:15Z"),
    ("2023-10-09T03:16:15+08:00", "2023-10-08T19:16:15Z"),
    ("2023-10-09T15:16:15-0530", "2023-10-09T20:46:15Z"),
    ("2023-10-09T15:16:15+08", "2023-10-09T07:16:15Z"),
    ("2022-07-20T02:48Z", "2022-07-20T02:48:00Z"),
    ("2022-07-20T02:48:58", "2022-07-20T02:48:58Z"),
    ("2022-07-20 02:48:58z", "2022-07-20T02:48:58Z"),
    ("2006-01-02T15:04:05.075Z", "2006-01-02T15:04:05.075Z"),
    ("2006-01-02T15:04:05.5Z", "2006-01-02T15:04:05.500Z"),
    ("2006-01-02T15:04:05.123456+01:00", "2006-01-02T14:04:05.123Z"),
])
def test_time_conversion(raw, expected):
    job, warnings = normalize_job("volc_pull_record", _body("volc_pull_record", StartTime=raw))
    assert (job["started_at"], warnings) == (expected, [])


@pytest.mark.parametrize("raw", ["yesterday", "2022-13-01T00:00:00Z", "2022-07-20", "2022-07-20T02:48:58+25:00", "0001-01-01T00:00:00+01:00"])
def test_unparseable_time_is_null_with_warning_and_raw_in_details(raw):
    job, warnings = normalize_job("ice_record", _body("ice_record", CreateTime=raw))
    assert job["created_at"] is None
    assert job["details"]["create_time"] == raw
    assert warnings == [f"job {job['job_id']}: unparseable ice_record CreateTime {raw!r}; created_at reported as null"]


@pytest.mark.parametrize("raw", ["", None])
def test_empty_time_is_null_without_warning(raw):
    job, warnings = normalize_job("live_edge_transcode", _body("live_edge_transcode", LastStopAt=raw if raw == "" else None))
    assert (job["stopped_at"], warnings) == (None, [])


def test_huawei_time_fields():
    body = _body("huawei_record", state="STOPPED", stream_name="s1", update_time="2006-01-02T15:05:00Z",
                 stop_time="2006-01-02T16:04:05.075+01:00")
    job, warnings = normalize_job("huawei_record", body)
    assert warnings == []
    assert (job["name"], job["updated_at"], job["stopped_at"]) == ("s1", "2006-01-02T15:05:00Z", "2006-01-02T15:04:05.075Z")


# --- Volcengine shapes, Huawei coercion, request ids -----------------------------------------------------------


def test_volc_task_detail_wrapped_equals_flat():
    flat_job, flat_warnings = normalize_job("volc_pull_record", copy.deepcopy(VOLC_SEED))
    wrapped = copy.deepcopy(VOLC_SEED)
    wrapped["Result"] = {"TaskDetail": wrapped["Result"]}
    job, warnings = normalize_job("volc_pull_record", wrapped)
    assert (job, warnings) == (flat_job, flat_warnings)


def test_volc_task_detail_keeps_extra_keys_and_siblings():
    body = copy.deepcopy(VOLC_SEED)
    task = dict(body["Result"], NewVendorField={"SubKey": [{"DeepKey": 1}]})
    del task["Stream"]
    body["Result"] = {"TaskDetail": task, "Stream": "sibling_stream", "TaskId": "ignored-sibling"}
    job, dummy = normalize_job("volc_pull_record", body)
    assert job["job_id"] == "5b903f78c7f5ae*******01f6fe2eea"
    assert job["details"]["new_vendor_field"] == {"sub_key": [{"deep_key": 1}]}
    assert job["details"]["stream"] == "sibling_stream"
    assert job["details"]["task_id"] == "5b903f78c7f5ae*******01f6fe2eea"
    assert "task_detail" not in job["details"]


def test_volc_null_task_detail_falls_back_to_flat():
    body = copy.deepcopy(VOLC_SEED)
    body["Result"]["TaskDetail"] = None
    job, dummy = normalize_job("volc_pull_record", body)
    assert job["job_id"] == "5b903f78c7f5ae*******01f6fe2eea"
    assert job["details"]["task_detail"] is None


def test_huawei_numbers_coerced_to_strings():
    body = _body("huawei_record", job_id=42, app_id=7, room_id=100, user_id=5, state="RUNNING", stream_name=3)
    job, warnings = normalize_job("huawei_record", body)
    assert warnings == []
    assert (job["job_id"], job["name"]) == ("42", "3")
    assert {k: job["details"][k] for k in ("job_id", "app_id", "room_id", "user_id", "stream_name")} == {
        "job_id": "42", "app_id": "7", "room_id": "100", "user_id": "5", "stream_name": "3"}
    # non-string fields stay as the vendor sent them
    assert (job["details"]["max_idle_time"], job["details"]["is_record_audio"]) == (30, True)


@pytest.mark.parametrize("api, body_id", [
    ("ice_record", "B57A046C-CE33-5FBB-B57A-D2B89ACF6907"),
    ("ice_snapshot", "******11-DB8D-4A9A-875B-275798******"),
    ("live_edge_transcode", "******3B-0E1A-586A-AC29-742247******"),
    ("volc_pull_record", "202306041104200100100232280022D31"),
])
def test_body_request_id_wins_over_header(api, body_id):
    job, dummy = normalize_job(api, copy.deepcopy(SEEDS[api]), request_id="from-header")
    assert job["request_id"] == body_id


@pytest.mark.parametrize("api", APIS)
def test_header_request_id_used_when_body_has_none(api):
    body = copy.deepcopy(SEEDS[api])
    body.pop("RequestId", None)
    if api == "volc_pull_record":
        del body["ResponseMetadata"]["RequestId"]
    job, dummy = normalize_job(api, body, request_id="from-header")
    assert job["request_id"] == "from-header"
    job, dummy = normalize_job(api, body)
    assert job["request_id"] is None


def test_huawei_body_x_request_id_wins():
    body = _body("huawei_record", x_request_id="in-body")
    job, dummy = normalize_job("huawei_record", body, request_id="from-header")
    assert job["request_id"] == "in-body"
    assert job["details"]["x_request_id"] == "in-body"


def test_snapshot_details_exclude_only_request_id():
    job, dummy = normalize_job("ice_snapshot", copy.deepcopy(ICE_SNAPSHOT_SEED))
    assert set(job["details"]) == {snake_case(k) for k in ICE_SNAPSHOT_SEED} - {"request_id"}


@pytest.mark.parametrize("api", APIS)
def test_details_keep_unknown_fields(api):
    extra = {"BrandNewField": {"NestedList": [{"InnerKey": "v", "n": 1}], "Flag": False}, "lower_case": 0}
    job, dummy = normalize_job(api, _body(api, **extra))
    assert job["details"]["brand_new_field"] == {"nested_list": [{"inner_key": "v", "n": 1}], "flag": False}
    assert job["details"]["lower_case"] == 0


# --- errors --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("api, body, fragment", [
    ("ice_record", None, "response body is not a JSON object (got NoneType)"),
    ("ice_record", [ICE_RECORD_SEED], "response body is not a JSON object (got list)"),
    ("ice_record", "<html>", "not a JSON object (got str)"),
    ("ice_record", {"RequestId": "r"}, "has no RecordJob object"),
    ("ice_record", {"RecordJob": [1]}, "RecordJob: "),
    ("ice_record", {"RecordJob": {"JobId": {"a": 1}}}, "RecordJob.JobId: "),
    ("ice_record", {"RecordJob": {"Name": "x"}}, "has no job id"),
    ("ice_record", {"RecordJob": {"JobId": ""}}, "has no job id"),
    ("ice_record", {"RecordJob": {"JobId": "j", "StreamInput": "rtmp://x"}}, "RecordJob.StreamInput: "),
    ("ice_snapshot", {"RequestId": "r"}, "has no job id"),
    ("ice_snapshot", {"JobId": ["x"]}, "JobId: "),
    ("live_edge_transcode", {"RequestId": "r"}, "has no Job object"),
    ("live_edge_transcode", {"Job": "x"}, "Job: "),
    ("volc_pull_record", {"ResponseMetadata": {"RequestId": "r", "Error": {"Code": "CommonErr"}}}, "has no Result object"),
    ("volc_pull_record", {"Result": {"TaskDetail": []}}, "Result.TaskDetail: "),
    ("volc_pull_record", {"Result": {}}, "has no job id"),
    ("volc_pull_record", {"ResponseMetadata": "x", "Result": {"TaskId": "t"}}, "ResponseMetadata: "),
    ("huawei_record", {"error_code": "RTC.00001003", "error_msg": "InvalidParameterValue"}, "has no job id"),
    ("huawei_record", {"job_id": True}, "job_id: "),
    ("huawei_record", {"job_id": "1", "record_param": 5}, "record_param: "),
])
def test_garbage_raises_normalize_error(api, body, fragment):
    with pytest.raises(NormalizeError) as excinfo:
        normalize_job(api, body)
    assert fragment in str(excinfo.value)
    assert str(excinfo.value).startswith(api if api != "nope" else "unknown api")


def test_unknown_api_name_is_not_in_the_registry():
    """Issue 12: normalize_job takes a descriptor, so an unknown name can no longer reach it (it used to raise
    NormalizeError("unknown api 'nope'")); the registry is where a name is looked up."""
    assert "nope" not in REGISTRY
    with pytest.raises(KeyError):
        normalize_job("nope", {})
    assert set(REGISTRY) == set(APIS)


def test_every_kind_is_known():
    assert {api.kind for api in REGISTRY.values()} == set(KINDS)


def test_error_message_does_not_dump_the_body():
    secretish = "x" * 5000
    with pytest.raises(NormalizeError) as excinfo:
        normalize_job("ice_record", {"RecordJob": {"JobId": {"big": secretish}}, "Other": secretish})
    assert secretish not in str(excinfo.value)
    assert len(str(excinfo.value)) < 300


def test_normalize_error_is_value_error():
    assert issubclass(NormalizeError, ValueError)


# --- list items ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("api, item_of", [
    ("ice_record", lambda body: body["RecordJob"]),
    ("ice_snapshot", lambda body: {k: v for k, v in body.items() if k != "RequestId"}),
    ("live_edge_transcode", lambda body: body["Job"]),
    ("volc_pull_record", lambda body: body["Result"]),
])
def test_list_item_equals_get(api, item_of):
    body = copy.deepcopy(SEEDS[api])
    get_job, get_warnings = normalize_job(api, body, request_id="rid")
    list_request_id = get_job["request_id"]
    item_job, item_warnings = normalize_list_item(api, copy.deepcopy(item_of(body)), request_id=list_request_id)
    assert (item_job, item_warnings) == (get_job, get_warnings)


def test_only_huawei_has_no_list_items():
    """Issue 12: the List descriptor lives in the API's file; Huawei has none (it used to accept a Get body as a list
    item, which nothing ever called)."""
    assert LIST_APIS == ("ice_record", "ice_snapshot", "live_edge_transcode", "volc_pull_record")
    assert REGISTRY["huawei_record"].listing is None


def test_list_item_edge_int_status():
    item = dict(EDGE_SEED["Job"], Status=1)
    job, warnings = normalize_list_item("live_edge_transcode", item, request_id="list-req")
    assert (job["status"], job["provider_status"], job["request_id"], warnings) == ("running", "1", "list-req", [])


def test_list_item_garbage():
    with pytest.raises(NormalizeError, match="LiveRecordJobs"):
        normalize_list_item("ice_record", {"JobId": {"x": 1}})
    with pytest.raises(NormalizeError, match="list item is not a JSON object"):
        normalize_list_item("volc_pull_record", ["x"])
    with pytest.raises(NormalizeError, match="list item has no job id"):
        normalize_list_item("live_edge_transcode", {"Name": "n"})


# --- snake_case / snake_keys / summarize ---------------------------------------------------------------------------


@pytest.mark.parametrize("name, expected", [
    ("RecordJob", "record_job"), ("TaskId", "task_id"), ("LastStartAt", "last_start_at"),
    ("x_request_id", "x_request_id"), ("URL", "url"), ("JobID", "job_id"), ("TaskID", "task_id"),
    ("HTTPStatusCode", "http_status_code"), ("X-Request-Id", "x_request_id"), ("Url", "url"),
    ("already_snake", "already_snake"), ("状态", "状态"), ("", ""),
])
def test_snake_case(name, expected):
    assert snake_case(name) == expected


def test_snake_keys_recurses_and_leaves_values():
    value = {"RecordJob": {"StreamInput": {"Url": "rtmp://A/B"}, "List": [{"InnerKey": "CamelValue"}, "Str", 1]}}
    assert snake_keys(value) == {"record_job": {"stream_input": {"url": "rtmp://A/B"}, "list": [{"inner_key": "CamelValue"}, "Str", 1]}}
    assert snake_keys([{"AB": 1}]) == [{"ab": 1}]
    assert snake_keys("JobId") == "JobId"


def test_snake_keys_collision_keeps_both():
    assert snake_keys({"JobId": 1, "JobID": 2}) == {"job_id": 1, "JobID": 2}
    assert snake_keys({"JobId": 1, "job_id": 2, "JobID": 3}) == {"job_id": 2, "JobId": 1, "JobID": 3}
    assert snake_keys({"X-Id": {"AKey": 1}, "x_id": 2}) == {"x_id": 2, "X-Id": {"a_key": 1}}


def test_summarize():
    jobs = [{"status": "running"}, {"status": "paused"}, {"status": "running"}, {"status": "unknown"}]
    assert summarize(jobs) == {"total": 4, "by_status": {"running": 2, "paused": 1, "unknown": 1}}
    assert list(summarize(jobs)["by_status"]) == ["running", "paused", "unknown"]
    assert summarize([]) == {"total": 0, "by_status": {}}


def test_summarize_real_jobs():
    jobs = [normalize_job(api, copy.deepcopy(SEEDS[api]))[0] for api in APIS]
    assert summarize(jobs) == {"total": 5, "by_status": {"running": 2, "paused": 1, "stopped": 1, "unknown": 1}}


# --- performance -----------------------------------------------------------------------------------------------------


def test_a_thousand_replies_reuse_each_models_validator(monkeypatch):
    """The cost per reply stays flat: a model's validator is built once per process, never per reply. (The time per
    id is a figure of `make bench`, row d's marginal cost per id, not a timed unit test.)"""
    built = []
    real_validator = _models.SchemaValidator
    monkeypatch.setattr(_models, "SchemaValidator", lambda schema: built.append(schema) or real_validator(schema))
    bodies = [(api, copy.deepcopy(SEEDS[api])) for api in APIS] * 200
    for api, body in bodies[:len(APIS)]:
        normalize_job(api, copy.deepcopy(body))
    built_by_the_first_five = len(built)
    jobs = [normalize_job(api, body)[0] for api, body in bodies]
    assert len(built) == built_by_the_first_five
    assert summarize(jobs) == {"total": 1000, "by_status": {"running": 400, "paused": 200, "stopped": 200, "unknown": 200}}


# --- random input --------------------------------------------------------------------------------------------------

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20)
_JSON = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
_KNOWN_KEYS = st.sampled_from([
    "RecordJob", "Job", "Result", "TaskDetail", "ResponseMetadata", "RequestId", "JobId", "JobName", "Name", "Status",
    "StreamInput", "Url", "CreateTime", "LastModified", "LastStartAt", "LastStopAt", "TemplateId", "TemplateName",
    "TaskId", "StartTime", "EndTime", "job_id", "stream_name", "state", "create_time", "stop_time", "record_param",
    "x_request_id", "record_job", "task_detail", "result", "job",
])
_TIMES = st.sampled_from(["2023-10-09T15:16:15+08:00", "2022-07-20T02:48Z", "bad", "", "2006-01-02T15:04:05.075Z"])
_PLAUSIBLE = st.recursive(
    _SCALARS | _TIMES,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(_KNOWN_KEYS | st.text(max_size=6), children, max_size=6),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(api=st.sampled_from(APIS), body=_JSON | _PLAUSIBLE, header=st.none() | st.text(max_size=8), as_item=st.booleans())
def test_random_input_returns_or_raises_normalize_error(api, body, header, as_item):
    func = normalize_list_item if as_item and api in LIST_APIS else normalize_job
    try:
        job, warnings = func(api, body, request_id=header)
    except NormalizeError:
        return
    assert tuple(job) == _normalize.JOB_KEYS
    assert isinstance(job["job_id"], str) and job["job_id"]
    assert job["status"] in STATUSES
    assert all(isinstance(w, str) for w in warnings)
