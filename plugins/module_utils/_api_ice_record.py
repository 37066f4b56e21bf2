# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Alibaba Cloud ICE live recording jobs: GetLiveRecordJob and ListLiveRecordJobs (seed 000)."""

from __future__ import annotations

from ._descriptors import ApiCall, ApiDescriptor, TimeValue
from ._models import IceStreamInput, Nested, Text, VendorModel, ice_job_fields, item_reader, wrapped_reader
from ._vendor_alibaba import ICE_SERVICE, ICE_VERSION, ice_list

NAME = "ice_record"


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
    return ApiCall("GET", "GetLiveRecordJob", ICE_VERSION, {"JobId": job_id})


read_get = wrapped_reader(NAME, IceRecordBody, "record_job")
read_item = item_reader(NAME, IceRecordJob, "LiveRecordJobs[]")


def pick(job):
    return ice_job_fields(job, job.name, (TimeValue("created_at", "CreateTime", job.create_time),))


API = ApiDescriptor(
    name=NAME, kind="record", title="ICE recording jobs", **ICE_SERVICE,
    get_call=get_call, read_get=read_get, pick=pick,
    status_map={"initial": "pending", "started": "running", "paused": "paused"},
    listing=ice_list(
        "ListLiveRecordJobs", "LiveRecordJobs", read_item,
        # ListLiveRecordJobs applies no CreateTime window unless asked: a listing without created_after sends none
        keyword_param="Keyword", window="optional", batch=True,
    ),
    time_labels={"created_at": "Created"},
)
