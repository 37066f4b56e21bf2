#!/usr/bin/python
# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: pull_record_task_info
short_description: Gather facts about Volcengine Live pull-stream recording tasks
version_added: 0.1.0
description:
  - Reads Volcengine Live pull-stream recording tasks by ID (C(GetPullRecordTask)) and returns them in one normalized
    shape, so a playbook can assert that they are in the state an event needs.
  - Requests are signed by the module itself; no vendor SDK or CLI is needed.
options:
  job_ids:
    description:
      - The IDs of the pull-stream recording tasks to read (the C(TaskId) of each task). If omitted, every task of the
        account is listed (C(ListPullRecordTask)); see O(status) and the other list options. An empty list is an
        error.
      - Each ID must be a string (an integer is taken as its decimal text), non-empty, without leading or trailing
        whitespace, at most 128 characters long, and free of control characters; anything else fails before any
        request, naming the item. Duplicates are read once.
      - RV(jobs) follows the order of this list.
    type: list
    elements: raw
    aliases: [job_id, task_ids, task_id]
extends_documentation_fragment:
  - mediaops.live_jobs.common
  - mediaops.live_jobs.listing
  - mediaops.live_jobs.volcengine
  - mediaops.live_jobs.attributes
  - mediaops.live_jobs.attributes.action_group_volcengine
seealso:
  - module: mediaops.live_jobs.record_job_info
author:
  - mediaops live_jobs developers (@mediaops)
"""

EXAMPLES = r"""
# Credentials come from VOLCENGINE_ACCESS_KEY / VOLCENGINE_SECRET_KEY (or VOLC_ACCESSKEY / VOLC_SECRETKEY)
# when the options are not set; requests are signed for cn-north-1 (VOLCENGINE_REGION is ignored).
- name: Read one pull-stream recording task, credentials from the environment
  mediaops.live_jobs.pull_record_task_info:
    task_id: "5b903f78c7f5ae*******01f6fe2eea"
  register: pull_record

- name: Readiness check before the event
  module_defaults:
    group/mediaops.live_jobs.volcengine:
      access_key: "{{ volcengine_access_key }}"
      secret_key: "{{ vault_volcengine_secret_key }}"
  block:
    - name: Read every pull-stream recording task of the event in one task
      mediaops.live_jobs.pull_record_task_info:
        task_ids: "{{ event_pull_record_task_ids }}"
      register: pull_records

    - name: Assert that every recording task exists and is recording
      ansible.builtin.assert:
        that:
          - pull_records.missing_ids | length == 0
          - pull_records.jobs | rejectattr('status', 'equalto', 'running') | list | length == 0
        fail_msg: >-
          Not recording: {{ pull_records.jobs | rejectattr('status', 'equalto', 'running')
          | map(attribute='job_id') | join(', ') }}.
          Not found: {{ pull_records.missing_ids | join(', ') }}.

- name: Pass credentials explicitly from environment variables with other names
  mediaops.live_jobs.pull_record_task_info:
    access_key: "{{ lookup('ansible.builtin.env', 'LIVE_VOLC_AK') }}"
    secret_key: "{{ lookup('ansible.builtin.env', 'LIVE_VOLC_SK') }}"
    region: cn-north-1
    task_ids: "{{ event_pull_record_task_ids }}"

- name: Read many tasks (the API allows 10 requests per second, the default rate limit)
  mediaops.live_jobs.pull_record_task_info:
    task_ids: "{{ all_pull_record_task_ids }}"
    max_concurrency: 4
  register: all_pull_records

- name: Wait up to 30 minutes until every recording task has ended
  mediaops.live_jobs.pull_record_task_info:
    task_ids: "{{ event_pull_record_task_ids }}"
    wait_for_status: finished
    wait_timeout: 1800
    wait_interval: 30

- name: Fail if any of the recording tasks does not exist
  mediaops.live_jobs.pull_record_task_info:
    task_ids: "{{ event_pull_record_task_ids }}"
    fail_on_missing: true
"""

RETURN = r"""
jobs:
  description:
  - One entry per job id that was found, in the order of O(job_ids) (duplicates dropped).
  - With O(wait_for_status), the last state seen of each job.
  - Every entry has every key below; a key the vendor gives no value for is V(null).
  returned: success; also on failure when some job ids failed, or were not found and O(fail_on_missing=true)
  type: list
  elements: dict
  sample:
  - job_id: 5b903f78c7f5ae*******01f6fe2eea
    name: null
    provider: volcengine
    service: live
    kind: pull_record
    status: running
    provider_status: 生效中
    input_url: null
    template_id: null
    template_name: null
    created_at: null
    updated_at: null
    started_at: '2023-10-09T07:16:15Z'
    stopped_at: '2023-10-09T07:18:28Z'
    request_id: 202306041104200100100232280022D31
    details:
      task_id: 5b903f78c7f5ae*******01f6fe2eea
      start_time: '2023-10-09T15:16:15+08:00'
      end_time: '2023-10-09T15:18:28+08:00'
      vhost: example.com
      domain: pull.example.com
      app: live
      stream: example_stream
      status: 生效中
  contains:
    job_id:
      description:
      - The job ID, always a string (a vendor number such as Huawei Cloud's C(job_id) V(1) is returned as V("1")).
      type: str
      returned: always
      sample: 5b903f78c7f5ae*******01f6fe2eea
    name:
      description:
      - The job name, or V(null) when the vendor has none (or an empty one). Volcengine pull-stream recording tasks
        have no name, so this is always V(null).
      type: str
      returned: always
      sample: null
    provider:
      description:
      - The vendor.
      type: str
      returned: always
      choices:
      - volcengine
      sample: volcengine
    service:
      description:
      - The vendor service that runs the job - V(live) (Volcengine Live).
      type: str
      returned: always
      choices:
      - live
      sample: live
    kind:
      description:
      - The kind of job.
      type: str
      returned: always
      choices:
      - pull_record
      sample: pull_record
    status:
      description:
      - The normalized status, the same words for every vendor. See the notes for how vendor values map.
      - V(unknown) when the vendor sent a value this module does not know (a warning names it).
      type: str
      returned: always
      choices:
      - pending
      - running
      - paused
      - stopped
      - finished
      - unknown
      sample: running
    provider_status:
      description:
      - The vendor's own status value, untouched. V(未开始) (not started), V(生效中) (recording), V(停用) (stopped), V(已结束)
        (ended).
      type: str
      returned: always
      sample: 生效中
    input_url:
      description:
      - The URL of the input (source) stream, or V(null) when the vendor gives none. Volcengine gives none; the
        stream is in RV(jobs[].details) (C(vhost), C(domain), C(app), C(stream)).
      type: str
      returned: always
      sample: null
    template_id:
      description:
      - The ID of the template the job uses, or V(null). Volcengine gives none.
      type: str
      returned: always
      sample: null
    template_name:
      description:
      - The name of the template the job uses, or V(null). Volcengine gives none.
      type: str
      returned: always
      sample: null
    created_at:
      description:
      - When the job was created, ISO 8601 in UTC with a C(Z) suffix, or V(null). Volcengine gives none.
      type: str
      returned: always
      sample: null
    updated_at:
      description:
      - When the job was last modified, ISO 8601 in UTC with a C(Z) suffix, or V(null). Volcengine gives none.
      type: str
      returned: always
      sample: null
    started_at:
      description:
      - When the job last started, ISO 8601 in UTC with a C(Z) suffix, or V(null). From C(StartTime), converted
        from its offset, for example C(2023-10-09T15:16:15+08:00) becomes V(2023-10-09T07:16:15Z).
      type: str
      returned: always
      sample: '2023-10-09T07:16:15Z'
    stopped_at:
      description:
      - When the job last stopped or ended, ISO 8601 in UTC with a C(Z) suffix, or V(null). From C(EndTime), converted
        to UTC the same way.
      type: str
      returned: always
      sample: '2023-10-09T07:18:28Z'
    request_id:
      description:
      - The vendor's request ID of the response this entry comes from; quote it to vendor support.
      type: str
      returned: always
      sample: 202306041104200100100232280022D31
    details:
      description:
      - Every field the vendor returned for the job, nothing dropped, with keys converted to snake_case (nested
        objects too). Values are untouched, except that fields documented as strings but sent as numbers are strings.
        The task may come flat in C(Result) or wrapped in C(Result.TaskDetail); both give the same result. Times
        in here keep the vendor's offset.
      type: dict
      returned: always
      sample:
        task_id: 5b903f78c7f5ae*******01f6fe2eea
        start_time: '2023-10-09T15:16:15+08:00'
        end_time: '2023-10-09T15:18:28+08:00'
        vhost: example.com
        domain: pull.example.com
        app: live
        stream: example_stream
        status: 生效中
missing_ids:
  description:
  - The job ids the vendor reported as not found, in the order of O(job_ids).
  - Empty when every job was found. With O(fail_on_missing=true), the task fails when this is not empty.
  returned: success; also on failure when some job ids failed, or were not found and O(fail_on_missing=true)
  type: list
  elements: str
  sample:
  - 6c014089d8060bf*******12a7f3fbb
summary:
  description:
  - Counts of the jobs in RV(jobs).
  returned: success; also on failure when some job ids failed, or were not found and O(fail_on_missing=true)
  type: dict
  sample:
    total: 1
    by_status:
      running: 1
  contains:
    total:
      description:
      - How many jobs were found (the length of RV(jobs)).
      type: int
      returned: always
      sample: 1
    by_status:
      description:
      - How many jobs have each normalized status. Only statuses that occur are listed.
      type: dict
      returned: always
      sample:
        running: 1
api_calls:
  description:
  - What the task asked of the vendor API, for spotting throttling that the retries absorbed.
  returned: success; also on failure when some job ids failed, or were not found and O(fail_on_missing=true)
  type: dict
  sample:
    requests: 3
    retries: 1
    throttled: 1
  contains:
    requests:
      description:
      - HTTP requests sent, retries and polls included.
      type: int
      returned: always
      sample: 3
    retries:
      description:
      - Requests that were retries of a failed attempt.
      type: int
      returned: always
      sample: 1
    throttled:
      description:
      - Answers that were throttling errors (HTTP 429 or the vendor's throttling codes).
      type: int
      returned: always
      sample: 1
error:
  description:
  - The vendor or transport error that failed the task. When several job ids failed, the first one; see RV(failed_ids).
  - It never holds a secret, a signature, a signed header or a request body.
  returned: failure, when a request to the vendor failed
  type: dict
  sample:
    provider: volcengine
    code: RequestForbidden.AccountIDNotAllow
    message: this AccountID does not have permission to access the corresponding resource, please check the request
      parameters
    http_status: 403
    request_id: 202306041104200100100232280022D31
    retryable: false
  contains:
    provider:
      description:
      - The vendor that answered.
      type: str
      returned: always
      sample: volcengine
    code:
      description:
      - The vendor error code, or a transport error such as V(ReadTimeout), V(ConnectionError) or V(TLSError), or
        V(UnexpectedResponse) when a response could not be read.
      type: str
      returned: always
      sample: RequestForbidden.AccountIDNotAllow
    message:
      description:
      - The vendor error message, or a description of the transport error.
      type: str
      returned: always
      sample: this AccountID does not have permission to access the corresponding resource, please check the request
        parameters
    http_status:
      description:
      - The HTTP status of the response, or V(null) when none was received.
      type: int
      returned: always
      sample: 403
    request_id:
      description:
      - The vendor's request ID, or V(null) when there is none.
      type: str
      returned: always
      sample: 202306041104200100100232280022D31
    retryable:
      description:
      - Whether the error was retryable (throttling, HTTP 5xx, transport errors). A retryable error that is returned
        has used up O(retries).
      type: bool
      returned: always
      sample: false
failed_ids:
  description:
  - The job ids whose request failed for good (after O(retries)); RV(errors) says why for each.
  - The task fails when any id failed; the ids that worked are still in RV(jobs) and RV(missing_ids).
  returned: always
  type: list
  elements: str
  sample: []
errors:
  description:
  - Every missing or failed job id mapped to the vendor error reported for it, with the same keys as RV(error).
  returned: always
  type: dict
  sample:
    ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66:
      provider: alibaba
      code: JobNotFound
      message: No such job.
      http_status: 404
      request_id: B57A046C-CE33-5FBB-B57A-D2B89ACF6907
      retryable: false
laggards:
  description:
  - The job ids that did not reach O(wait_for_status) within O(wait_timeout), each mapped to the last normalized
    status seen, or V(missing) when the id was not found.
  returned: failure, when O(wait_for_status) timed out
  type: dict
  sample:
    5b903f78c7f5ae*******01f6fe2eea: pending
option:
  description:
  - The name of the option that was missing or invalid. No request was sent.
  returned: failure, when an option is missing or invalid
  type: str
  sample: task_ids
"""

from ansible_collections.mediaops.live_jobs.plugins.module_utils._api_volc_pull_record import API
from ansible_collections.mediaops.live_jobs.plugins.module_utils.module import LiveJobsModule


def main():
    argument_spec = dict(job_ids=dict(type="list", elements="raw", aliases=["job_id", "task_ids", "task_id"]))
    LiveJobsModule({"volcengine": API}, argument_spec).run()


if __name__ == "__main__":
    main()
