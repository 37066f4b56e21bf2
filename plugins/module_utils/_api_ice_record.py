# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Alibaba Cloud ICE live recording jobs: GetLiveRecordJob and ListLiveRecordJobs (seed 000)."""

from __future__ import annotations

from ._descriptors import ApiCall, ApiDescriptor, Extracted, JobFields, TimeValue
from ._models import Nested, NormalizeError, Text, VendorModel, raw_object, stream_url, validate
from ._vendor_alibaba import VENDOR, rpc_list

NAME = "ice_record"
VERSION = "2020-11-09"


class IceStreamInput(VendorModel):
    """ICE StreamInput object (record and snapshot jobs)."""

    wire_case = "pascal"
    type = url = Text()


class IceRecordJob(VendorModel):
    """GetLiveRecordJob RecordJob / ListLiveRecordJobs LiveRecordJobs[] item."""

    wire_case = "pascal"
    job_id = name = status = create_time = template_id = template_name = Text()
    stream_input = Nested(IceStreamInput)


class IceRecordBody(VendorModel):
    """GetLiveRecordJob response body."""

    wire_case = "pascal"
    request_id = Text()
    record_job = Nested(IceRecordJob)


def get_call(job_id, scope):
    return ApiCall("GET", "GetLiveRecordJob", VERSION, {"JobId": job_id})


def read_get(body):
    parsed = validate(NAME, IceRecordBody, body)
    if parsed.record_job is None:
        raise NormalizeError(f"{NAME} response has no RecordJob object")
    return Extracted(raw_object(body, "RecordJob", "record_job"), parsed.record_job, parsed.request_id)


def read_item(item):
    return Extracted(item, validate(NAME, IceRecordJob, item, "LiveRecordJobs[]"), None)


def pick(job):
    times = (TimeValue("created_at", "CreateTime", job.create_time),)
    return JobFields(job.job_id, job.name, job.status, stream_url(job), job.template_id, job.template_name, times)


API = ApiDescriptor(
    name=NAME, vendor=VENDOR, service="ice", kind="record", title="ICE recording jobs", endpoint_service="ice",
    # ICE documents no rate limit for its Get calls: 50/s is well inside what Alibaba grants RPC APIs by default, and a
    # lower account quota is found by the adaptive limiter (Throttling.* / RequestsTooFrequent).
    default_rate_limit=50.0,
    # JobNotFound: the documented code; ResourceNotFound (404): ICE's own dialect (IMS error table)
    not_found_codes=frozenset({"JobNotFound", "ResourceNotFound"}),
    get_call=get_call, read_get=read_get, pick=pick,
    status_map={"initial": "pending", "started": "running", "paused": "paused"},
    # ICE List limits are undocumented: 10/s is a conservative choice; throttling slows the limiter down.
    listing=rpc_list(
        "GET", "ListLiveRecordJobs", VERSION, "LiveRecordJobs", read_item, default_rate_limit=10.0,
        status_param="Status", status_values={"pending": ("initial",), "running": ("started",), "paused": ("paused",)},
        # ListLiveRecordJobs applies no CreateTime window unless asked: a listing without created_after sends none
        keyword_param="Keyword", window="optional", batch=True,
    ),
    time_labels={"created_at": "Created"},
)
