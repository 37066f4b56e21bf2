"""Alibaba List calls: filters, time windows, sorting and page-number pagination (vendor-apis.md 2.9)."""

from datetime import datetime, timedelta, timezone
from typing import List, Optional

from .apis import public_view
from .params import bounded_int, iso_utc, page, record_time, require
from .rejection import Rejection

MAX_WINDOW = timedelta(days=30)
SNAPSHOT_LIST_FIELDS = ("CreateTime", "JobId", "JobName", "SnapshotOutput", "Status", "TemplateId",
                        "TemplateName", "TimeInterval")


def list_live_record_jobs(store, params: dict) -> dict:
    page_no, page_size, sort_by = _paging(params)
    start, end = _window(params, default_days=None)
    jobs = _filter(store.all("ice_record"), params.get("Keyword"), "Name", params.get("Status"), start, end)
    jobs = _sorted(jobs, sort_by)
    return {"LiveRecordJobs": page(jobs, page_no, page_size), "PageNo": page_no, "PageSize": page_size,
            "SortBy": sort_by, "TotalCount": len(jobs)}


def list_live_snapshot_jobs(store, params: dict) -> dict:
    page_no, page_size, sort_by = _paging(params)
    if len(params.get("SearchKeyWord") or "") > 128:
        raise Rejection("invalid_param", "The specified parameter SearchKeyWord is too long.")
    start, end = _window(params, default_days=7)
    jobs = _filter(store.all("ice_snapshot"), params.get("SearchKeyWord"), "JobName", params.get("Status"),
                   start, end)
    jobs = [{key: job[key] for key in SNAPSHOT_LIST_FIELDS if key in job} for job in _sorted(jobs, sort_by)]
    return {"JobList": page(jobs, page_no, page_size), "PageNo": page_no, "PageSize": page_size,
            "SortBy": sort_by, "TotalCount": len(jobs)}


def list_edge_transcode_job(store, params: dict) -> dict:
    cluster_id = require(params, "ClusterId")
    page_no, page_size, sort_by = _paging(params)
    status = params.get("Status")
    if status not in (None, "", "0", "1"):
        raise Rejection("invalid_param", "The specified parameter Status is not valid.")
    jobs = [job for job in store.all("live_edge_transcode") if str(job.get("cluster_id")) == cluster_id]
    jobs = _filter(jobs, params.get("Keyword"), "Name", status or None, None, None)
    if params.get("Type"):
        jobs = [job for job in jobs if job.get("Type") == params["Type"]]
    jobs = [public_view("live_edge_transcode", job) for job in _sorted(jobs, sort_by)]
    return {"JobList": {"Job": page(jobs, page_no, page_size)}, "TotalCount": len(jobs)}


def _paging(params: dict):
    page_no = bounded_int(params, "PageNo", 1, 1)
    page_size = bounded_int(params, "PageSize", 10, 1, 100)
    sort_by = params.get("SortBy") or "desc"
    if sort_by not in ("asc", "desc"):
        raise Rejection("invalid_param", "The specified parameter SortBy is not valid.")
    return page_no, page_size, sort_by


def _window(params: dict, default_days: Optional[int]):
    """(start, end) of the CreateTime filter; a range longer than 30 days is refused."""
    start, end = iso_utc(params.get("StartTime"), "StartTime"), iso_utc(params.get("EndTime"), "EndTime")
    if default_days is not None:
        end = end or datetime.now(timezone.utc)
        start = start or end - timedelta(days=default_days)
    if start and end and (end < start or end - start > MAX_WINDOW):
        raise Rejection("invalid_param", "The time range between StartTime and EndTime must be within 30 days.")
    return start, end


def _filter(jobs: List[dict], keyword: Optional[str], name_field: str, status: Optional[str],
            start, end) -> List[dict]:
    """Keyword: exact job id or name substring; Status: exact raw value; start/end: CreateTime window."""
    def keep(job):
        if keyword and job.get("JobId") != keyword and keyword not in str(job.get(name_field) or ""):
            return False
        if status and str(job.get("Status")) != str(status):
            return False
        created = record_time(job.get("CreateTime"))
        return not ((start and (created is None or created < start)) or (end and (created is None or created > end)))
    return [job for job in jobs if keep(job)]


def _sorted(jobs: List[dict], sort_by: str) -> List[dict]:
    epoch = datetime.min.replace(tzinfo=timezone.utc)
    return sorted(jobs, key=lambda job: record_time(job.get("CreateTime")) or epoch, reverse=sort_by == "desc")
