# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Alibaba Cloud ApsaraVideo Live edge transcoding jobs: GetEdgeTranscodeJob and ListEdgeTranscodeJob (seed 004)."""

from __future__ import annotations

from ._descriptors import ApiCall, ApiDescriptor, JobFields, ScopeOption, TimeValue
from ._models import Nested, Text, VendorModel, item_reader, wrapped_reader
from ._vendor_alibaba import VENDOR, rpc_list

NAME = "live_edge_transcode"
VERSION = "2016-11-01"


class EdgeTranscodeJob(VendorModel):
    """GetEdgeTranscodeJob Job / ListEdgeTranscodeJob JobList.Job[] item (every field a string)."""

    wire_case = "pascal"
    job_id = name = status = create_time = last_start_at = last_stop_at = stream_input = template_id = template_name = Text()


class EdgeTranscodeBody(VendorModel):
    """GetEdgeTranscodeJob response body."""

    wire_case = "pascal"
    request_id = Text()
    job = Nested(EdgeTranscodeJob)


def scope_params(scope):
    """ClusterId always; RegionId (optional) when the task has a region, the one its endpoint was chosen by."""
    params = {"ClusterId": scope.cluster_id}
    if scope.region:
        params["RegionId"] = scope.region
    return params


def get_call(job_id, scope):
    return ApiCall("POST", "GetEdgeTranscodeJob", VERSION, dict(scope_params(scope), JobId=job_id))


read_get = wrapped_reader(NAME, EdgeTranscodeBody, "job")
read_item = item_reader(NAME, EdgeTranscodeJob, "JobList.Job[]")


def pick(job):
    times = (
        TimeValue("created_at", "CreateTime", job.create_time),
        TimeValue("started_at", "LastStartAt", job.last_start_at),
        TimeValue("stopped_at", "LastStopAt", job.last_stop_at),
    )
    return JobFields(job.job_id, job.name, job.status, job.stream_input, job.template_id, job.template_name, times)


def status_of(fields):
    """"0" means not running: stopped once it has run (LastStartAt set), pending before."""
    if fields.status is not None and fields.status.strip() == "0":
        started = next((time.raw for time in fields.times if time.field == "started_at"), None)
        return "stopped" if started else "pending"
    return None


API = ApiDescriptor(
    name=NAME, vendor=VENDOR, service="live", kind="edge_transcode", title="Live edge transcoding jobs", endpoint_service="live",
    default_rate_limit=100.0,  # documented: 6,000 calls per minute per user
    not_found_codes=frozenset({"JobNotFound"}),
    get_call=get_call, read_get=read_get, pick=pick, status_map={"1": "running"}, status_of=status_of,
    scope_options=(ScopeOption("cluster_id", "is required for edge transcoding jobs (the ID of the data center that runs them)"),),
    # only the Get limit is documented; 10/s for the List
    listing=rpc_list(
        "POST", "ListEdgeTranscodeJob", VERSION, "JobList", read_item, default_rate_limit=10.0, base_params=scope_params,
        status_param="Status", status_values={"running": ("1",), "pending": ("0",), "stopped": ("0",)},
        keyword_param="Keyword", batch=True,
    ),
    time_labels={"created_at": "Created", "started_at": "Last started", "stopped_at": "Last stopped"},
)
