# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Alibaba Cloud ICE live snapshot jobs: GetLiveSnapshotJob and ListLiveSnapshotJobs (seed 003)."""

from __future__ import annotations

from ._descriptors import ApiCall, ApiDescriptor, Extracted, TimeValue
from ._models import IceStreamInput, Nested, Text, VendorModel, ice_job_fields, validate
from ._vendor_alibaba import ICE_SERVICE, ICE_VERSION, ice_list

NAME = "ice_snapshot"


class IceSnapshotJob(VendorModel):
    """GetLiveSnapshotJob response body (fields at top level) / ListLiveSnapshotJobs JobList[] item."""

    wire_case = "pascal"
    request_id = job_id = job_name = status = create_time = last_modified = template_id = template_name = Text()
    stream_input = Nested(IceStreamInput)


def get_call(job_id, scope):
    return ApiCall("GET", "GetLiveSnapshotJob", ICE_VERSION, {"JobId": job_id})


def _extract(data, where=None):
    parsed = validate(NAME, IceSnapshotJob, data, where)
    return Extracted({key: value for key, value in data.items() if key != "RequestId"}, parsed, parsed.request_id)


def read_get(body):
    return _extract(body)


def read_item(item):
    return _extract(item, "JobList[]")


def pick(job):
    times = (TimeValue("created_at", "CreateTime", job.create_time), TimeValue("updated_at", "LastModified", job.last_modified))
    return ice_job_fields(job, job.job_name, times)


API = ApiDescriptor(
    name=NAME, kind="snapshot", title="ICE snapshot jobs", **ICE_SERVICE,
    get_call=get_call, read_get=read_get, pick=pick,
    status_map={"init": "pending", "started": "running", "paused": "paused"},
    listing=ice_list(
        "ListLiveSnapshotJobs", "JobList", read_item,
        # StartTime defaults to 7 days ago, so a full listing always sends a window; List items lack StreamInput,
        # LastModified and more, so batches of ids always use Get
        keyword_param="SearchKeyWord", window="required",
    ),
    time_labels={"created_at": "Created", "updated_at": "Modified"},
)
