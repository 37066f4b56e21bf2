# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The vendors' List calls: list mode (every job when no ids are given) and List-backed batches of many ids.

Each API file's ListSpec says how its List call pages, filters and limits (vendor-apis.md 2.9 and 3.6); this file
knows no API and no vendor by name.

List-backed batches (cost model). Under the rate limits, N ids cost N / get_rate seconds by Get, and P pages
cost P / list_rate seconds by List, plus one Get for each id the pages did not hold. With use_list=auto a batch
probes the first List page only when even a one-page List would save at least MIN_SAVING_SECONDS over the Gets
(N / get_rate - 1 / list_rate >= MIN_SAVING_SECONDS); the first page tells the total, and the remaining pages are
fetched only while (P - 1) / list_rate < (ids still unfound) / get_rate, otherwise the rest goes by Get. Ids the
pages do not hold are always asked for by Get, so results, missing_ids and failed_ids do not depend on the path.
Only APIs whose List items carry the Get's fields and whose List covers every job without a time window take part
(ListSpec.batch).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from datetime import datetime, timedelta

from ._errors import ApiError
from ._list_options import list_may_pay
from ._models import NormalizeError
from ._normalize import normalize_list_item
from ._transport import map_ordered

ICE_MAX_WINDOW = timedelta(days=30)
# A List whose window is required defaults it to a few days back (ICE snapshot: 7): a full listing asks for this many days.
DEFAULT_LIST_DAYS = 365
# Jobs created a little "after now" (vendor clock ahead of ours) still fall inside the last window.
CLOCK_MARGIN = timedelta(minutes=10)
_ALIBABA_TIME = "%Y-%m-%dT%H:%M:%SZ"


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


def _raw_status(api, statuses):
    """The one raw value to send in the vendor's status filter for the wanted statuses, else None (filter locally)."""
    values = api.listing.status_values
    if values is None:
        raw = {value for value, status in api.status_map.items() if status in statuses}
    else:
        raw = {value for status in statuses for value in values.get(status, ())}
    return next(iter(raw)) if api.listing.status_param and len(raw) == 1 else None


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


@dataclass
class Lister:
    """Pages through one API's List call. `client` is a vendor client whose transport has the List rate limit."""

    api: Any
    client: Any
    scope: Any
    max_workers: int
    get_rate: float
    list_rate: float
    use_list: str = "auto"

    @property
    def desc(self):
        return self.api.listing

    # ------------------------------------------------------------------------------------------------ requests

    def base_params(self):
        return dict(self.desc.base_params(self.scope))

    def call_page(self, params, page_no):
        desc = self.desc
        return self.client.send(desc.call(dict(params, **{desc.page_param: page_no, "PageSize": desc.max_page_size})))

    def read_page(self, reply):
        """(normalized jobs with their warnings, total or None) of one List reply."""
        items = self.desc.items(reply.body)
        request_id = self.desc.request_id(reply.body) or reply.request_id
        jobs = []
        for item in items:
            try:
                jobs.append(normalize_list_item(self.api, item, request_id))
            except NormalizeError as exc:
                raise ApiError(self.api.vendor.name, "UnexpectedResponse", str(exc), reply.http_status, reply.request_id) from None
        return jobs, self.desc.total(reply.body)

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
        raw_status = _raw_status(self.api, filters.statuses)
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
        return list_may_pay(self.desc, self.use_list, count, self.get_rate, self.list_rate)

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
            if error.credential:
                raise  # the caller reports every id with this reply (its code and request id)
            action = self.desc.call({}).action
            return found, [f"{action} failed ({error.code}); the remaining job ids are read one by one"]
        return found, []
