#!/usr/bin/python
# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: record_job_info
short_description: Gather facts about live stream recording jobs (Alibaba Cloud ICE or Huawei Cloud SparkRTC)
version_added: 0.1.0
description:
  - Reads live stream recording jobs by ID and returns them in one normalized shape, so a playbook can assert that
    they are in the state an event needs.
  - With O(provider=alibaba), reads Alibaba Cloud Intelligent Media Services (ICE) live recording jobs
    (C(GetLiveRecordJob)).
  - With O(provider=huawei), reads Huawei Cloud SparkRTC single-stream recording jobs
    (C(GET /v2/apps/{app_id}/individual-stream-jobs/{job_id})).
  - Requests are signed by the module itself; no vendor SDK or CLI is needed.
options:
  job_ids:
    description:
      - The IDs of the recording jobs to read. If omitted, every ICE recording job is listed (C(ListLiveRecordJobs));
        see O(status) and the other list options. Required with C(provider=huawei), which has no List call. An empty
        list is an error.
      - Each ID must be a string (an integer is taken as its decimal text), non-empty, without leading or trailing
        whitespace, at most 128 characters long, and free of control characters; anything else fails before any
        request, naming the item. Duplicates are read once.
      - RV(jobs) follows the order of this list.
    type: list
    elements: raw
    aliases: [job_id]
  provider:
    description:
      - The vendor that runs the recording jobs.
      - V(alibaba) - Alibaba Cloud ICE. Uses O(region) (or O(endpoint)) and O(signature_version); ignores O(app_id),
        O(project_id) and O(auth_token).
      - V(huawei) - Huawei Cloud SparkRTC. Needs O(app_id), and either O(access_key), O(secret_key) and O(project_id),
        or O(auth_token); ignores O(region) and O(signature_version).
      - The credential options and their environment variables follow this choice (see O(access_key)).
    type: str
    choices: [alibaba, huawei]
    default: alibaba
extends_documentation_fragment:
  - mediaops.live_jobs.common
  - mediaops.live_jobs.listing
  - mediaops.live_jobs.alibaba
  - mediaops.live_jobs.huawei
  - mediaops.live_jobs.attributes
  - mediaops.live_jobs.attributes.action_group_alibaba_huawei
seealso:
  - module: mediaops.live_jobs.snapshot_job_info
  - module: mediaops.live_jobs.edge_transcode_job_info
  - module: mediaops.live_jobs.pull_record_task_info
author:
  - mediaops live_jobs developers (@mediaops)
"""

EXAMPLES = r"""
# Credentials come from the vendor's environment variables when the options are not set, for example
# ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET injected by an AWX custom credential type.
- name: Read one ICE recording job, credentials from the environment
  mediaops.live_jobs.record_job_info:
    region: cn-shanghai
    job_id: ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66
  register: recording

- name: Readiness check before the event
  module_defaults:
    group/mediaops.live_jobs.alibaba:
      access_key: "{{ alibaba_access_key_id }}"
      secret_key: "{{ vault_alibaba_access_key_secret }}"
      region: cn-shanghai
  block:
    - name: Read every recording job of the event in one task
      mediaops.live_jobs.record_job_info:
        job_ids: "{{ event_record_job_ids }}"
      register: recordings

    - name: Assert that every recording job exists and is running
      ansible.builtin.assert:
        that:
          - recordings.missing_ids | length == 0
          - recordings.jobs | rejectattr('status', 'equalto', 'running') | list | length == 0
        fail_msg: >-
          Not running: {{ recordings.jobs | rejectattr('status', 'equalto', 'running')
          | map(attribute='job_id') | join(', ') }}.
          Not found: {{ recordings.missing_ids | join(', ') }}.

- name: Pass credentials explicitly from environment variables with other names
  mediaops.live_jobs.record_job_info:
    access_key: "{{ lookup('ansible.builtin.env', 'LIVE_ALIBABA_AK') }}"
    secret_key: "{{ lookup('ansible.builtin.env', 'LIVE_ALIBABA_SK') }}"
    region: cn-shanghai
    job_ids:
      - ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66

- name: Read a few hundred jobs, at most 16 in parallel and 20 requests per second
  mediaops.live_jobs.record_job_info:
    region: cn-shanghai
    job_ids: "{{ all_record_job_ids }}"
    max_concurrency: 16
    rate_limit: 20
  register: all_recordings

- name: Show how many jobs are in each status
  ansible.builtin.debug:
    var: all_recordings.summary.by_status

- name: Wait up to 10 minutes until every recording job is running
  mediaops.live_jobs.record_job_info:
    region: cn-shanghai
    job_ids: "{{ event_record_job_ids }}"
    wait_for_status: running
    wait_timeout: 600
    wait_interval: 10

- name: Fail if any of the recording jobs does not exist
  mediaops.live_jobs.record_job_info:
    region: cn-shanghai
    job_ids: "{{ event_record_job_ids }}"
    fail_on_missing: true

- name: Read Huawei Cloud SparkRTC recording jobs with AK/SK (HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK from the environment)
  mediaops.live_jobs.record_job_info:
    provider: huawei
    app_id: "{{ sparkrtc_app_id }}"
    project_id: "{{ huawei_project_id }}"
    job_ids:
      - "1"
      - "2"
  register: sparkrtc_recordings

- name: Read a Huawei Cloud SparkRTC recording job with an IAM user token
  mediaops.live_jobs.record_job_info:
    provider: huawei
    app_id: "{{ sparkrtc_app_id }}"
    auth_token: "{{ huawei_iam_token }}"
    job_id: "1"

- name: Rehearse against the local emulator
  mediaops.live_jobs.record_job_info:
    endpoint: http://127.0.0.1:8080
    job_ids:
      - ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66
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
  - job_id: ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66
    name: Live event recording task 1
    provider: alibaba
    service: ice
    kind: record
    status: paused
    provider_status: paused
    input_url: rtmp://example.com/app/stream
    template_id: 69e1f9fe-1e97-11ed-ba64-0c42a1b73d66
    template_name: test template
    created_at: '2022-07-20T02:48:58Z'
    updated_at: null
    started_at: null
    stopped_at: null
    request_id: B57A046C-CE33-5FBB-B57A-D2B89ACF6907
    details:
      notify_url: https://example.com/imsnotify
      create_time: '2022-07-20T02:48:58Z'
      stream_input:
        type: rtmp
        url: rtmp://example.com/app/stream
      record_output:
        type: oss
        bucket: imsbucket1
        endpoint: oss-cn-shanghai.aliyuncs.com
      template_id: 69e1f9fe-1e97-11ed-ba64-0c42a1b73d66
      template_name: test template
      name: Live event recording task 1
      job_id: ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66
      status: paused
  contains:
    job_id:
      description:
      - The job ID, always a string (a vendor number such as Huawei Cloud's C(job_id) V(1) is returned as V("1")).
      type: str
      returned: always
      sample: ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66
    name:
      description:
      - The job name, or V(null) when the vendor has none (or an empty one). From ICE C(Name) or Huawei Cloud C(stream_name).
      type: str
      returned: always
      sample: Live event recording task 1
    provider:
      description:
      - The vendor.
      type: str
      returned: always
      choices:
      - alibaba
      - huawei
      sample: alibaba
    service:
      description:
      - The vendor service that runs the job - V(ice) (Alibaba Cloud Intelligent Media Services) or V(rtc) (Huawei
        Cloud SparkRTC).
      type: str
      returned: always
      choices:
      - ice
      - rtc
      sample: ice
    kind:
      description:
      - The kind of job.
      type: str
      returned: always
      choices:
      - record
      sample: record
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
      sample: paused
    provider_status:
      description:
      - The vendor's own status value, untouched. ICE - V(initial), V(started), V(paused); Huawei Cloud - V(INIT),
        V(RUNNING), V(STOPPED).
      type: str
      returned: always
      sample: paused
    input_url:
      description:
      - The URL of the input (source) stream, or V(null) when the vendor gives none. From ICE C(StreamInput.Url);
        Huawei Cloud gives none.
      type: str
      returned: always
      sample: rtmp://example.com/app/stream
    template_id:
      description:
      - The ID of the template the job uses, or V(null). Huawei Cloud gives none.
      type: str
      returned: always
      sample: 69e1f9fe-1e97-11ed-ba64-0c42a1b73d66
    template_name:
      description:
      - The name of the template the job uses, or V(null). Huawei Cloud gives none.
      type: str
      returned: always
      sample: test template
    created_at:
      description:
      - When the job was created, ISO 8601 in UTC with a C(Z) suffix, or V(null). From ICE C(CreateTime) or Huawei
        Cloud C(create_time).
      type: str
      returned: always
      sample: '2022-07-20T02:48:58Z'
    updated_at:
      description:
      - When the job was last modified, ISO 8601 in UTC with a C(Z) suffix, or V(null). From Huawei Cloud C(update_time);
        ICE gives none.
      type: str
      returned: always
      sample: null
    started_at:
      description:
      - When the job last started, ISO 8601 in UTC with a C(Z) suffix, or V(null). From Huawei Cloud C(start_time);
        ICE gives none.
      type: str
      returned: always
      sample: null
    stopped_at:
      description:
      - When the job last stopped or ended, ISO 8601 in UTC with a C(Z) suffix, or V(null). From Huawei Cloud C(stop_time);
        ICE gives none.
      type: str
      returned: always
      sample: null
    request_id:
      description:
      - The vendor's request ID of the response this entry comes from; quote it to vendor support.
      type: str
      returned: always
      sample: B57A046C-CE33-5FBB-B57A-D2B89ACF6907
    details:
      description:
      - Every field the vendor returned for the job, nothing dropped, with keys converted to snake_case (nested
        objects too). Values are untouched, except that fields documented as strings but sent as numbers are strings.
        For Huawei Cloud, the whole response body (C(job_id), C(stream_name), C(app_id), C(room_id), C(user_id),
        C(video_type), C(record_param), C(state), C(stop_reason), ...), with numbers sent for string fields, such
        as C(job_id) or C(room_id), returned as strings.
      type: dict
      returned: always
      sample:
        notify_url: https://example.com/imsnotify
        create_time: '2022-07-20T02:48:58Z'
        stream_input:
          type: rtmp
          url: rtmp://example.com/app/stream
        record_output:
          type: oss
          bucket: imsbucket1
          endpoint: oss-cn-shanghai.aliyuncs.com
        template_id: 69e1f9fe-1e97-11ed-ba64-0c42a1b73d66
        template_name: test template
        name: Live event recording task 1
        job_id: ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66
        status: paused
missing_ids:
  description:
  - The job ids the vendor reported as not found, in the order of O(job_ids).
  - Empty when every job was found. With O(fail_on_missing=true), the task fails when this is not empty.
  returned: success; also on failure when some job ids failed, or were not found and O(fail_on_missing=true)
  type: list
  elements: str
  sample:
  - 0b1c2d3e-1e9d-11ed-ba64-0c42a1b73d66
summary:
  description:
  - Counts of the jobs in RV(jobs).
  returned: success; also on failure when some job ids failed, or were not found and O(fail_on_missing=true)
  type: dict
  sample:
    total: 1
    by_status:
      paused: 1
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
        paused: 1
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
    provider: alibaba
    code: Forbidden
    message: User not authorized to operate on the specified resource.
    http_status: 403
    request_id: B57A046C-CE33-5FBB-B57A-D2B89ACF6907
    retryable: false
  contains:
    provider:
      description:
      - The vendor that answered.
      type: str
      returned: always
      sample: alibaba
    code:
      description:
      - The vendor error code, or a transport error such as V(ReadTimeout), V(ConnectionError) or V(TLSError), or
        V(UnexpectedResponse) when a response could not be read.
      type: str
      returned: always
      sample: Forbidden
    message:
      description:
      - The vendor error message, or a description of the transport error.
      type: str
      returned: always
      sample: User not authorized to operate on the specified resource.
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
      sample: B57A046C-CE33-5FBB-B57A-D2B89ACF6907
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
    ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66: paused
    0b1c2d3e-1e9d-11ed-ba64-0c42a1b73d66: missing
option:
  description:
  - The name of the option that was missing or invalid. No request was sent.
  returned: failure, when an option is missing or invalid
  type: str
  sample: region
"""

from ansible_collections.mediaops.live_jobs.plugins.module_utils._api_huawei_record import API as HUAWEI_RECORD
from ansible_collections.mediaops.live_jobs.plugins.module_utils._api_ice_record import API as ICE_RECORD
from ansible_collections.mediaops.live_jobs.plugins.module_utils.module import LiveJobsModule


def main():
    argument_spec = dict(provider=dict(type="str", default="alibaba", choices=["alibaba", "huawei"]))
    LiveJobsModule({"alibaba": ICE_RECORD, "huawei": HUAWEI_RECORD}, argument_spec).run()


if __name__ == "__main__":
    main()
