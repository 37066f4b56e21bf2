# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    # List mode (no job ids: every job of the account) and List-backed batches; shared by every module.

    DOCUMENTATION = r"""
options:
  status:
    description:
      - List mode only (O(job_ids) omitted). Return only jobs with one of these normalized statuses (see RV(jobs[].status)).
      - Sent to the vendor's List call when the statuses map to exactly one vendor value and the List call can filter
        by status (ICE record and snapshot jobs, edge transcoding jobs); always checked on the results as well.
        Volcengine's List call has no status filter, so its tasks are filtered by the module.
    type: list
    elements: str
    choices: [pending, running, paused, stopped, finished, unknown]
  name:
    description:
      - List mode only. The vendor's keyword search - a job whose ID equals this value, or whose name contains it.
        ICE record and edge transcoding jobs use C(Keyword), ICE snapshot jobs C(SearchKeyWord) (at most 128 characters).
      - Volcengine has no keyword search and its tasks have no name - the module keeps tasks whose ID equals this
        value or whose stream name (C(Stream)) contains it.
    type: str
  created_after:
    description:
      - List mode only. Return only jobs created at or after this time - an ISO 8601 date or date-time such as
        V(2024-05-01) or V(2024-05-01T08:00:00Z); a time without offset is UTC.
      - ICE allows at most 30 days per List request; a longer range is split into several requests automatically.
      - Volcengine tasks have no creation time - their start time (C(StartTime)) is compared instead. Edge transcoding
        jobs are filtered by the module (their List call has no time filter).
      - If not set, ICE record jobs are listed without a time window (all of them), and ICE snapshot jobs created in the
        last 365 days before O(created_before) (or now) are listed - ICE would otherwise return only the last 7 days.
    type: str
  created_before:
    description:
      - List mode only. Return only jobs created at or before this time; same format and rules as O(created_after).
    type: str
  use_list:
    description:
      - How many job ids are read when O(job_ids) is given.
      - V(auto) reads the vendor's List pages instead of one Get per id when that is expected to save at least
        2 seconds under the rate limits (O(rate_limit) for Get, O(list_rate_limit) for List). The first page tells how
        many jobs there are; the other pages are read only while they are still cheaper than the Gets they replace.
      - V(always) reads the List pages for any number of ids; V(never) always uses one Get per id.
      - Only APIs whose List items carry the same fields as the Get use List pages - ICE record jobs, edge transcoding
        jobs (per cluster) and Volcengine tasks. ICE snapshot List items lack fields, and Huawei Cloud has no List call;
        they always use Get.
      - Ids not found in the pages are read by Get, so RV(jobs), RV(missing_ids) and RV(failed_ids) are the same either
        way; only RV(jobs[].request_id) (then the List request's id) and RV(api_calls) differ. If a List request fails,
        the remaining ids are read by Get, with a warning.
    type: str
    choices: [auto, always, never]
    default: auto
  list_rate_limit:
    description:
      - Ceiling on List requests per second (list mode and List-backed batches). Must be greater than V(0).
      - If not set - Volcengine C(ListPullRecordTask) V(50) (documented); ICE and edge transcoding V(10) (their List
        limits are not documented).
    type: float
notes:
  - List mode - when O(job_ids) is omitted, the module returns every job of the account (of the cluster for edge
    transcoding jobs) that O(status), O(name), O(created_after) and O(created_before) select, following the List
    call's pagination to the end (pages of 100 jobs for ICE and edge transcoding, 500 for Volcengine). RV(missing_ids)
    is then empty. The jobs are normalized exactly like those read by ID, newest first. Huawei Cloud has no List call,
    so C(provider=huawei) needs O(job_ids).
  - List mode cannot be combined with O(wait_for_status). The filter options cannot be combined with O(job_ids).
"""
