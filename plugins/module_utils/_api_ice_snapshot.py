# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Alibaba Cloud ICE live snapshot jobs: GetLiveSnapshotJob and ListLiveSnapshotJobs (seed 003)."""

from __future__ import annotations

from ._descriptors import ApiCall, ApiDescriptor, Extracted, JobFields, TimeValue
from ._models import Nested, Text, VendorModel, stream_url, validate
from ._vendor_alibaba import VENDOR, rpc_list

NAME = "ice_snapshot"
VERSION = "2020-11-09"


class IceSnapshotStreamInput(VendorModel):
    """ICE StreamInput object."""

    wire_case = "pascal"
    type = url = Text()


class IceSnapshotJob(VendorModel):
    """GetLiveSnapshotJob response body (fields at top level) / ListLiveSnapshotJobs JobList[] item."""

    wire_case = "pascal"
    request_id = job_id = job_name = status = create_time = last_modified = template_id = template_name = Text()
    stream_input = Nested(IceSnapshotStreamInput)


def get_call(job_id, scope):
    return ApiCall("GET", "GetLiveSnapshotJob", VERSION, {"JobId": job_id})


def _extract(data, where=None):
    parsed = validate(NAME, IceSnapshotJob, data, where)
    return Extracted({key: value for key, value in data.items() if key != "RequestId"}, parsed, parsed.request_id)


def read_get(body):
    return _extract(body)


def read_item(item):
    return _extract(item, "JobList[]")


def pick(job):
    times = (TimeValue("created_at", "CreateTime", job.create_time), TimeValue("updated_at", "LastModified", job.last_modified))
    return JobFields(job.job_id, job.job_name, job.status, stream_url(job), job.template_id, job.template_name, times)


API = ApiDescriptor(
    name=NAME, vendor=VENDOR, service="ice", kind="snapshot", title="ICE snapshot jobs", endpoint_service="ice",
    # undocumented, as for ICE record: 50/s, lowered by the adaptive limiter when the account's quota is smaller
    default_rate_limit=50.0,
    not_found_codes=frozenset({"JobNotFound", "ResourceNotFound"}),
    get_call=get_call, read_get=read_get, pick=pick,
    status_map={"init": "pending", "started": "running", "paused": "paused"},
    listing=rpc_list(
        "GET", "ListLiveSnapshotJobs", VERSION, "JobList", read_item, default_rate_limit=10.0,
        status_param="Status", status_values={"pending": ("init",), "running": ("started",), "paused": ("paused",)},
        # StartTime defaults to 7 days ago, so a full listing always sends a window; List items lack StreamInput,
        # LastModified and more, so batches of ids always use Get
        keyword_param="SearchKeyWord", window="required",
    ),
    time_labels={"created_at": "Created", "updated_at": "Modified"},
)
