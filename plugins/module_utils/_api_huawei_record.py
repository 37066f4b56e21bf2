# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Huawei Cloud SparkRTC single-stream recording jobs: GET /v2/apps/{app_id}/individual-stream-jobs/{job_id} (seed 002)."""

from __future__ import annotations

from ._descriptors import ApiCall, ApiDescriptor, Extracted, JobFields, ScopeOption, TimeValue
from ._models import Nested, Text, VendorModel, validate
from ._vendor_huawei import VENDOR

NAME = "huawei_record"


class HuaweiRecordParam(VendorModel):
    """Huawei RecordParam object."""

    record_rule_id = Text()


class HuaweiIndividualStreamJob(VendorModel):
    """ShowIndividualStreamJob response body (snake_case already; declared strings per the SDK's openapi_types)."""

    job_id = stream_name = app_id = room_id = user_id = video_type = select_stream_type = Text()
    create_time = update_time = start_time = stop_time = state = stop_reason = description = x_request_id = Text()
    record_param = Nested(HuaweiRecordParam)


def get_call(job_id, scope):
    return ApiCall("GET", path=("v2", "apps", scope.app_id, "individual-stream-jobs", job_id))


def read_get(body):
    parsed = validate(NAME, HuaweiIndividualStreamJob, body)
    return Extracted(body, parsed, parsed.x_request_id)


def pick(job):
    times = (
        TimeValue("created_at", "create_time", job.create_time),
        TimeValue("updated_at", "update_time", job.update_time),
        TimeValue("started_at", "start_time", job.start_time),
        TimeValue("stopped_at", "stop_time", job.stop_time),
    )
    return JobFields(job.job_id, job.stream_name, job.state, times=times)


API = ApiDescriptor(
    name=NAME, vendor=VENDOR, service="rtc", kind="record", title="SparkRTC recording jobs", endpoint_service="rtc",
    # SparkRTC constraints table: 10 calls/s for (single-stream) recording job management
    default_rate_limit=10.0,
    not_found_codes=frozenset({"RTC.00001003"}),
    get_call=get_call, read_get=read_get, pick=pick,
    status_map={"INIT": "pending", "RUNNING": "running", "STOPPED": "stopped"},
    scope_options=(ScopeOption("app_id", "is required for Huawei Cloud SparkRTC jobs (the SparkRTC application ID)"),),
    time_labels={"created_at": "Created", "updated_at": "Updated", "started_at": "Started", "stopped_at": "Stopped"},
)
