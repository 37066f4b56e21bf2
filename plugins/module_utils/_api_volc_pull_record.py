# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Volcengine Live pull-stream recording tasks: GetPullRecordTask and ListPullRecordTask (seed 001)."""

from __future__ import annotations

from ._descriptors import ApiCall, ApiDescriptor, Extracted, JobFields, ListSpec, TimeValue
from ._models import Nested, Text, VendorModel, raw_object, validate, wrapped_object
from ._replies import as_int
from ._vendor_volcengine import VENDOR

NAME = "volc_pull_record"
VERSION = "2023-01-01"


class VolcPullRecordTask(VendorModel):
    """GetPullRecordTask Result (flat) or Result.TaskDetail / ListPullRecordTask Result.List[] item."""

    wire_case = "pascal"
    task_id = status = start_time = end_time = Text()


class VolcPullRecordResult(VolcPullRecordTask):
    """GetPullRecordTask Result: flat task fields, or the task wrapped in TaskDetail (Go SDK since 2025-02)."""

    task_detail = Nested(VolcPullRecordTask)


class VolcResponseMetadata(VendorModel):
    """Volcengine ResponseMetadata (only RequestId is read here)."""

    wire_case = "pascal"
    request_id = Text()


class VolcPullRecordBody(VendorModel):
    """GetPullRecordTask full response body."""

    wire_case = "pascal"
    response_metadata = Nested(VolcResponseMetadata)
    result = Nested(VolcPullRecordResult)


def get_call(job_id, scope):
    return ApiCall("POST", "GetPullRecordTask", VERSION, {"TaskID": job_id})


def _task(raw_result, parsed_result):
    """Result flat or Result.TaskDetail; when wrapped, sibling Result keys are kept unless TaskDetail has them."""
    if parsed_result.task_detail is None:
        return raw_result, parsed_result
    obj = dict(raw_object(raw_result, "TaskDetail", "task_detail"))
    for key, value in raw_result.items():
        if key not in ("TaskDetail", "task_detail") and key not in obj:
            obj[key] = value
    return obj, parsed_result.task_detail


def read_get(body):
    raw, parsed = wrapped_object(NAME, VolcPullRecordBody, body, "result")
    obj, task = _task(raw, parsed.result)
    request_id = parsed.response_metadata.request_id if parsed.response_metadata is not None else None
    return Extracted(obj, task, request_id)


def read_item(item):
    obj, task = _task(item, validate(NAME, VolcPullRecordResult, item, "Result.List[]"))
    return Extracted(obj, task, None)


def pick(task):
    times = (TimeValue("started_at", "StartTime", task.start_time), TimeValue("stopped_at", "EndTime", task.end_time))
    return JobFields(task.task_id, None, task.status, times=times)


def _result(body):
    return body.get("Result") if isinstance(body.get("Result"), dict) else {}


def list_items(body):
    value = _result(body).get("List")
    return value if isinstance(value, list) else []


def list_total(body):
    pagination = _result(body).get("Pagination")
    return as_int(pagination.get("TotalCount")) if isinstance(pagination, dict) else None


def list_request_id(body):
    metadata = body.get("ResponseMetadata") if isinstance(body.get("ResponseMetadata"), dict) else {}
    return metadata.get("RequestId")


def list_call(params):
    return ApiCall("POST", "ListPullRecordTask", VERSION, params)


API = ApiDescriptor(
    name=NAME, vendor=VENDOR, service="live", kind="pull_record", title="Volcengine pull-stream recording tasks",
    endpoint_service="live", default_rate_limit=10.0,  # documented: 10 requests/s per user
    # the not-found code for an unknown TaskID is not documented; ResourceNotFound is the gateway's generic one
    not_found_codes=frozenset({"ResourceNotFound"}),
    get_call=get_call, read_get=read_get, pick=pick,
    # documented in Chinese only: not started, in effect (recording), disabled, ended
    status_map={"未开始": "pending", "生效中": "running", "停用": "stopped", "已结束": "finished"},
    listing=ListSpec(
        # documented: 50 requests/s, PageSize at most 500; no status, keyword or time filter
        call=list_call, page_param="PageNum", max_page_size=500, default_rate_limit=50.0,
        items=list_items, total=list_total, read_item=read_item, client_name_fields=("stream",), batch=True,
        request_id=list_request_id,
    ),
    # StartTime/EndTime are the task's scheduled recording window, not when it actually ran
    time_labels={"started_at": "Scheduled start", "stopped_at": "Scheduled end"},
    schedule=("started_at", "stopped_at"),
)
