# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The vendors' List calls: list mode (every job when no ids are given) and List-backed batches of many ids.

One ListDescriptor per API says how its List call pages, filters and limits (vendor-apis.md 2.9 and 3.6).

List-backed batches (cost model). Under the rate limits, N ids cost N / get_rate seconds by Get, and P pages
cost P / list_rate seconds by List, plus one Get for each id the pages did not hold. With use_list=auto a batch
probes the first List page only when even a one-page List would save at least MIN_SAVING_SECONDS over the Gets
(N / get_rate - 1 / list_rate >= MIN_SAVING_SECONDS); the first page tells the total, and the remaining pages are
fetched only while (P - 1) / list_rate < (ids still unfound) / get_rate, otherwise the rest goes by Get. Ids the
pages do not hold are always asked for by Get, so results, missing_ids and failed_ids do not depend on the path.
Only APIs whose List items carry the Get's fields and whose List covers every job without a time window take part:
ICE record (ListLiveRecordJobs has no default window), edge transcoding (per cluster) and Volcengine. ICE snapshot
List items lack StreamInput, LastModified and more, so snapshot batches always use Get; Huawei has no List call.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable

from ._errors import ApiError, OptionError
from ._normalize import NormalizeError, normalize_list_item
from ._transport import RateLimiter, map_ordered

USE_LIST_CHOICES = ["auto", "always", "never"]
LIST_FILTER_OPTIONS = ("status", "name", "created_after", "created_before")
MIN_SAVING_SECONDS = 2.0
ICE_MAX_WINDOW = timedelta(days=30)
# ListLiveSnapshotJobs defaults StartTime to 7 days ago: a full listing asks for this many days back instead.
DEFAULT_LIST_DAYS = 365
# Jobs created a little "after now" (vendor clock ahead of ours) still fall inside the last window.
CLOCK_MARGIN = timedelta(minutes=10)
_ALIBABA_TIME = "%Y-%m-%dT%H:%M:%SZ"
_UTC = timezone.utc


def _alibaba_items(key):
    def items(body):
        value = body.get(key)
        if isinstance(value, dict):  # ListEdgeTranscodeJob wraps the array: JobList: {Job: [...]}
            value = value.get("Job")
        return value if isinstance(value, list) else []
    return items


def _alibaba_total(body):
    return _as_int(body.get("TotalCount"))


def _volc_items(body):
    result = body.get("Result") if isinstance(body.get("Result"), dict) else {}
    value = result.get("List")
    return value if isinstance(value, list) else []


def _volc_total(body):
    result = body.get("Result") if isinstance(body.get("Result"), dict) else {}
    pagination = result.get("Pagination") if isinstance(result.get("Pagination"), dict) else {}
    return _as_int(pagination.get("TotalCount"))


def _volc_request_id(body):
    metadata = body.get("ResponseMetadata") if isinstance(body.get("ResponseMetadata"), dict) else {}
    return metadata.get("RequestId")


def _as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class ListDescriptor:
    """How one API's List call is asked and read."""

    api: str
    action: str
    version: str
    method: str | None               # HTTP method of Alibaba RPC calls; None for Volcengine (always POST JSON)
    page_param: str                  # PageNo (Alibaba) / PageNum (Volcengine)
    max_page_size: int
    default_rate_limit: float        # requests per second
    items: Callable
    total: Callable
    status_param: str | None = None  # vendor status filter, sent when the wanted statuses map to one raw value
    status_values: dict = field(default_factory=dict)  # normalized status -> raw values the vendor filter accepts
    keyword_param: str | None = None  # vendor keyword search (exact job id or part of the name)
    window: str | None = None        # None: no time filter; "optional": ICE record; "required": ICE snapshot
    client_name_fields: tuple = ()   # with no keyword search: details keys the name filter also matches
    batch: bool = False              # List items carry the Get's fields and the List covers every job unwindowed
    request_id: Callable = field(default=lambda body: body.get("RequestId"))


LIST_APIS = {
    desc.api: desc for desc in (
        # ICE List limits are undocumented: 10/s is a conservative choice; throttling is retried.
        ListDescriptor(
            "ice_record", "ListLiveRecordJobs", "2020-11-09", "GET", "PageNo", 100, 10.0,
            _alibaba_items("LiveRecordJobs"), _alibaba_total, status_param="Status",
            status_values={"pending": ("initial",), "running": ("started",), "paused": ("paused",)},
            keyword_param="Keyword", window="optional", batch=True,
        ),
        ListDescriptor(
            "ice_snapshot", "ListLiveSnapshotJobs", "2020-11-09", "GET", "PageNo", 100, 10.0,
            _alibaba_items("JobList"), _alibaba_total, status_param="Status",
            status_values={"pending": ("init",), "running": ("started",), "paused": ("paused",)},
            keyword_param="SearchKeyWord", window="required",
        ),
        # Only GetEdgeTranscodeJob's limit is documented (6,000/min); the List's is not: 10/s.
        ListDescriptor(
            "live_edge_transcode", "ListEdgeTranscodeJob", "2016-11-01", "POST", "PageNo", 100, 10.0,
            _alibaba_items("JobList"), _alibaba_total, status_param="Status",
            status_values={"running": ("1",), "pending": ("0",), "stopped": ("0",)},
            keyword_param="Keyword", batch=True,
        ),
        # Documented: ListPullRecordTask 50 requests/s, PageSize at most 500; no status, keyword or time filter.
        ListDescriptor(
            "volc_pull_record", "ListPullRecordTask", "2023-01-01", None, "PageNum", 500, 50.0,
            _volc_items, _volc_total, client_name_fields=("stream",), batch=True, request_id=_volc_request_id,
        ),
    )
}


@dataclass(frozen=True)
class ListFilters:
    statuses: tuple = ()
    name: str | None = None
    created_after: datetime | None = None
    created_before: datetime | None = None


_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_time(value, option):
    """An ISO 8601 date or date-time (naive = UTC) -> aware UTC datetime; OptionError otherwise."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    if _DATE_ONLY.match(text):
        text += "T00:00:00"
    text = re.sub(r"[zZ]$", "+00:00", text.replace(" ", "T", 1))
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise OptionError(option, f"{value!r} is not an ISO 8601 date or date-time such as 2024-05-01 or 2024-05-01T08:00:00Z") from None
    return moment.replace(tzinfo=_UTC) if moment.tzinfo is None else moment.astimezone(_UTC)


def check_list_options(api, params, listing):
    """ListFilters for list mode; OptionError when list options are misused. Runs before any request."""
    given = [option for option in LIST_FILTER_OPTIONS if params.get(option) not in (None, "", [])]
    if not listing:
        if given:
            raise OptionError(given[0], "selects jobs in list mode only; omit job_ids to list jobs, or drop " + ", ".join(given))
        return None
    if api.name not in LIST_APIS:
        raise OptionError("job_ids", f"{api.provider} has no List call for {api.kind} jobs, so job_ids is required")
    if params.get("wait_for_status"):
        raise OptionError("wait_for_status", "needs job_ids; it cannot be combined with list mode")
    filters = ListFilters(
        statuses=tuple(dict.fromkeys(params.get("status") or ())),
        name=(params.get("name") or None),
        created_after=parse_time(params.get("created_after"), "created_after"),
        created_before=parse_time(params.get("created_before"), "created_before"),
    )
    if filters.name is not None and len(filters.name) > 128:
        raise OptionError("name", "is at most 128 characters long")
    if filters.created_after and filters.created_before and filters.created_after > filters.created_before:
        raise OptionError("created_after", "is later than created_before")
    return filters


def time_windows(desc, filters, now):
    """[(start, end)] CreateTime windows to list (newest first); [(None, None)] when the List needs none.

    ICE allows at most 30 days per request: longer ranges are split. ICE record with no created_after lists without
    a window (the vendor then applies none); ICE snapshot always needs one (the vendor defaults to the last 7 days),
    so it lists DEFAULT_LIST_DAYS back from created_before (or now) unless created_after says otherwise."""
    if desc.window is None:
        return [(None, None)]
    if desc.window == "optional" and filters.created_after is None:
        return [(None, None)]
    end = filters.created_before or (now + CLOCK_MARGIN)
    start = filters.created_after or (end - timedelta(days=DEFAULT_LIST_DAYS))
    # whole seconds, widened outwards: the exact bounds are applied to the results afterwards
    start = start.replace(microsecond=0)
    end = end.replace(microsecond=0) + (timedelta(seconds=1) if end.microsecond else timedelta(0))
    windows = []
    while True:
        window_start = max(start, end - ICE_MAX_WINDOW)
        windows.append((window_start, end))
        if window_start <= start:
            return windows
        end = window_start


def _raw_status(desc, statuses):
    raw = {value for status in statuses for value in desc.status_values.get(status, ())}
    return next(iter(raw)) if desc.status_param and len(raw) == 1 else None


def _job_time(job):
    text = job.get("created_at") or job.get("started_at")
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def matches(desc, filters, job):
    """The client-side check of every filter (vendor-side filters are checked again; the name only without keyword)."""
    if filters.statuses and job["status"] not in filters.statuses:
        return False
    if filters.name is not None and desc.keyword_param is None:
        details = job.get("details") or {}
        texts = [job.get("name")] + [details.get(key) for key in desc.client_name_fields]
        if job["job_id"] != filters.name and not any(isinstance(text, str) and filters.name in text for text in texts):
            return False
    if filters.created_after or filters.created_before:
        moment = _job_time(job)
        if moment is None:
            return False
        if (filters.created_after and moment < filters.created_after) or (filters.created_before and moment > filters.created_before):
            return False
    return True


def list_transport(transport, rate):
    """A Transport for List calls: its own rate limiter, the Get transport's session and counters."""
    return transport.with_rate_limiter(RateLimiter(rate))


class Lister:
    """Pages through one API's List call. `client` is a vendor client whose transport has the List rate limit."""

    def __init__(self, desc, client, scope, max_workers, get_rate, list_rate, use_list="auto"):
        self.desc = desc
        self.client = client
        self.scope = scope
        self.max_workers = max_workers
        self.get_rate = get_rate
        self.list_rate = list_rate
        self.use_list = use_list

    # ------------------------------------------------------------------------------------------------ requests

    def base_params(self):
        params = {}
        if self.desc.api == "live_edge_transcode":
            params["ClusterId"] = self.scope.cluster_id
            if self.scope.region:
                params["RegionId"] = self.scope.region
        return params

    def call_page(self, params, page_no):
        desc = self.desc
        params = dict(params, **{desc.page_param: page_no, "PageSize": desc.max_page_size})
        if desc.method is None:
            return self.client.call(desc.action, desc.version, params)
        return self.client.call(desc.action, desc.version, desc.method, {key: str(value) for key, value in params.items()})

    def read_page(self, reply):
        """(normalized jobs with their warnings, total or None) of one List reply."""
        items = self.desc.items(reply.body)
        request_id = self.desc.request_id(reply.body) or reply.request_id
        jobs = []
        for item in items:
            try:
                jobs.append(normalize_list_item(self.desc.api, item, request_id))
            except NormalizeError as exc:
                raise ApiError(self.client_provider(), "UnexpectedResponse", str(exc), reply.http_status, reply.request_id) from None
        return jobs, self.desc.total(reply.body)

    def client_provider(self):
        return "volcengine" if self.desc.method is None else "alibaba"

    def first_page(self, params):
        jobs, total = self.read_page(self.call_page(params, 1))
        if total is None:
            pages = None
        else:
            pages = max(1, math.ceil(total / self.desc.max_page_size))
        return jobs, pages

    def later_pages(self, params, first_jobs, pages):
        """Pages 2.. of a listing; in parallel when the total is known, else one by one until a short page."""
        if pages is not None:
            numbers = list(range(2, pages + 1))
            results = map_ordered(lambda number: self.read_page(self.call_page(params, number))[0], numbers, self.max_workers)
            for jobs, error in results:
                if error is not None:
                    raise error
                yield jobs
            return
        number, jobs = 1, first_jobs
        while len(jobs) >= self.desc.max_page_size:
            number += 1
            jobs = self.read_page(self.call_page(params, number))[0]
            yield jobs

    # ------------------------------------------------------------------------------------------------ list mode

    def list_jobs(self, filters, now):
        """(jobs, warnings): every job the filters select, newest first, each job once."""
        desc = self.desc
        params = self.base_params()
        raw_status = _raw_status(desc, filters.statuses)
        if raw_status is not None:
            params[desc.status_param] = raw_status
        if filters.name is not None and desc.keyword_param:
            params[desc.keyword_param] = filters.name
        found, warnings = {}, []
        for start, end in time_windows(desc, filters, now):
            window_params = dict(params)
            if start is not None:
                window_params.update(StartTime=start.strftime(_ALIBABA_TIME), EndTime=end.strftime(_ALIBABA_TIME))
            first_jobs, pages = self.first_page(window_params)
            for page in [first_jobs, *self.later_pages(window_params, first_jobs, pages)]:
                for job, job_warnings in page:
                    if job["job_id"] not in found and matches(desc, filters, job):
                        found[job["job_id"]] = job
                        warnings.extend(job_warnings)
        return list(found.values()), warnings

    # ------------------------------------------------------------------------------------------------ batches

    def worth_probing(self, count):
        if not self.desc.batch or self.use_list == "never" or count == 0:
            return False
        if self.use_list == "always":
            return True
        return count / self.get_rate - 1.0 / self.list_rate >= MIN_SAVING_SECONDS

    def worth_continuing(self, unfound, pages_left):
        if self.use_list == "always":
            return True
        return pages_left / self.list_rate < unfound / self.get_rate

    def prefetch(self, job_ids):
        """{job_id: (job, warnings)} for the requested ids the List pages hold ({} when Get is cheaper).

        Ids not returned here are for the caller to Get. A List failure falls back to Get with a warning."""
        if not self.worth_probing(len(job_ids)):
            return {}, []
        wanted = set(job_ids)
        found = {}

        def take(page):
            for job, job_warnings in page:
                if job["job_id"] in wanted and job["job_id"] not in found:
                    found[job["job_id"]] = (job, job_warnings)

        params = self.base_params()
        try:
            first_jobs, pages = self.first_page(params)
            take(first_jobs)
            unfound = len(wanted) - len(found)
            pages_left = (pages - 1) if pages is not None else unfound
            if unfound and pages_left > 0 and self.worth_continuing(unfound, pages_left):
                for page in self.later_pages(params, first_jobs, pages):
                    take(page)
        except ApiError as error:
            return found, [f"{self.desc.action} failed ({error.code}); the remaining job ids are read one by one"]
        return found, []
