#!/usr/bin/python
# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: edge_transcode_job_info
short_description: Gather facts about Alibaba Cloud ApsaraVideo Live edge transcoding jobs
version_added: 0.1.0
description:
  - Reads Alibaba Cloud ApsaraVideo Live edge transcoding jobs by ID (C(GetEdgeTranscodeJob)) and returns them in one
    normalized shape, so a playbook can assert that they are in the state an event needs.
  - Requests are signed by the module itself; no vendor SDK or CLI is needed.
options:
  job_ids:
    description:
      - The IDs of the edge transcoding jobs to read. If omitted, every job of O(cluster_id) is listed
        (C(ListEdgeTranscodeJob)); see O(status) and the other list options. An empty list is an error.
      - Each ID must be a string (an integer is taken as its decimal text), non-empty, without leading or trailing
        whitespace, at most 128 characters long, and free of control characters; anything else fails before any
        request, naming the item. Duplicates are read once.
      - RV(jobs) follows the order of this list.
    type: list
    elements: raw
    aliases: [job_id]
  cluster_id:
    description:
      - The ID of the data center (cluster) that runs the jobs, sent as C(ClusterId).
      - Required; all O(job_ids) must belong to this cluster.
    type: str
extends_documentation_fragment:
  - mediaops.live_jobs.common
  - mediaops.live_jobs.listing
  - mediaops.live_jobs.alibaba
  - mediaops.live_jobs.attributes
  - mediaops.live_jobs.attributes.action_group_alibaba
notes:
  - "O(region) is sent as C(RegionId) when it is given as the option, and also picks the regional host (see the
    endpoint notes). The edge transcoding API does not need a region: without one, requests go to
    C(live.aliyuncs.com)."
seealso:
  - module: mediaops.live_jobs.record_job_info
  - module: mediaops.live_jobs.snapshot_job_info
author:
  - mediaops live_jobs developers (@mediaops)
"""

EXAMPLES = r"""
# Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET (or the ALICLOUD_* names)
# when the options are not set.
- name: Read one edge transcoding job of a data center in Singapore
  mediaops.live_jobs.edge_transcode_job_info:
    cluster_id: "{{ edge_cluster_id }}"
    region: ap-southeast-1
    job_id: "****20b48fb04483915d4f2cd8ac****"
  register: edge_job

- name: Readiness check before the event
  module_defaults:
    group/mediaops.live_jobs.alibaba:
      access_key: "{{ alibaba_access_key_id }}"
      secret_key: "{{ vault_alibaba_access_key_secret }}"
      region: cn-shanghai
  block:
    - name: Read every edge transcoding job of the event in one task
      mediaops.live_jobs.edge_transcode_job_info:
        cluster_id: "{{ edge_cluster_id }}"
        job_ids: "{{ event_edge_job_ids }}"
      register: edge_jobs

    - name: Assert that every edge transcoding job exists and is running
      ansible.builtin.assert:
        that:
          - edge_jobs.missing_ids | length == 0
          - edge_jobs.jobs | rejectattr('status', 'equalto', 'running') | list | length == 0
        fail_msg: >-
          Not running: {{ edge_jobs.jobs | rejectattr('status', 'equalto', 'running')
          | map(attribute='job_id') | join(', ') }}.
          Not found: {{ edge_jobs.missing_ids | join(', ') }}.

- name: Pass credentials explicitly from environment variables with other names
  mediaops.live_jobs.edge_transcode_job_info:
    access_key: "{{ lookup('ansible.builtin.env', 'LIVE_ALIBABA_AK') }}"
    secret_key: "{{ lookup('ansible.builtin.env', 'LIVE_ALIBABA_SK') }}"
    cluster_id: "{{ edge_cluster_id }}"
    region: eu-central-1
    job_ids: "{{ event_edge_job_ids }}"

- name: Read many jobs at no more than 50 requests per second
  mediaops.live_jobs.edge_transcode_job_info:
    cluster_id: "{{ edge_cluster_id }}"
    job_ids: "{{ all_edge_job_ids }}"
    rate_limit: 50
  register: all_edge_jobs

- name: Wait until every edge transcoding job has stopped after the event
  mediaops.live_jobs.edge_transcode_job_info:
    cluster_id: "{{ edge_cluster_id }}"
    job_ids: "{{ event_edge_job_ids }}"
    wait_for_status: stopped
    wait_timeout: 900
    wait_interval: 15

- name: Fail if any of the edge transcoding jobs does not exist
  mediaops.live_jobs.edge_transcode_job_info:
    cluster_id: "{{ edge_cluster_id }}"
    job_ids: "{{ event_edge_job_ids }}"
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
  - job_id: '****20b48fb04483915d4f2cd8ac****'
    name: my_job
    provider: alibaba
    service: live
    kind: edge_transcode
    status: stopped
    provider_status: '0'
    input_url: rtmp://mydomain/app/stream1
    template_id: 9b1571b513cb44f7a1ba6ae561ff****
    template_name: my_template
    created_at: '2023-07-24T16:44:55Z'
    updated_at: null
    started_at: '2023-07-25T02:48:58Z'
    stopped_at: '2023-07-25T05:48:58Z'
    request_id: '******3B-0E1A-586A-AC29-742247******'
    details:
      create_time: '2023-07-24T16:44:55Z'
      job_id: '****20b48fb04483915d4f2cd8ac****'
      last_start_at: '2023-07-25T02:48:58Z'
      last_stop_at: '2023-07-25T05:48:58Z'
      name: my_job
      status: '0'
      stream_input: rtmp://mydomain/app/stream1
      stream_output: rtmp://testdomain/app/stream2
      template_id: 9b1571b513cb44f7a1ba6ae561ff****
      template_name: my_template
      type: common
  contains:
    job_id:
      description:
      - The job ID, always a string (a vendor number such as Huawei Cloud's C(job_id) V(1) is returned as V("1")).
      type: str
      returned: always
      sample: '****20b48fb04483915d4f2cd8ac****'
    name:
      description:
      - The job name, or V(null) when the vendor has none (or an empty one). From C(Name).
      type: str
      returned: always
      sample: my_job
    provider:
      description:
      - The vendor.
      type: str
      returned: always
      choices:
      - alibaba
      sample: alibaba
    service:
      description:
      - The vendor service that runs the job - V(live) (ApsaraVideo Live).
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
      - edge_transcode
      sample: edge_transcode
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
      sample: stopped
    provider_status:
      description:
      - The vendor's own status value, untouched. V(1) (running) or V(0) (not running; V(stopped) if the job has
        a last start time, else V(pending)).
      type: str
      returned: always
      sample: '0'
    input_url:
      description:
      - The URL of the input (source) stream, or V(null) when the vendor gives none. From C(StreamInput).
      type: str
      returned: always
      sample: rtmp://mydomain/app/stream1
    template_id:
      description:
      - The ID of the template the job uses, or V(null).
      type: str
      returned: always
      sample: 9b1571b513cb44f7a1ba6ae561ff****
    template_name:
      description:
      - The name of the template the job uses, or V(null).
      type: str
      returned: always
      sample: my_template
    created_at:
      description:
      - When the job was created, ISO 8601 in UTC with a C(Z) suffix, or V(null). From C(CreateTime).
      type: str
      returned: always
      sample: '2023-07-24T16:44:55Z'
    updated_at:
      description:
      - When the job was last modified, ISO 8601 in UTC with a C(Z) suffix, or V(null). The vendor gives none.
      type: str
      returned: always
      sample: null
    started_at:
      description:
      - When the job last started, ISO 8601 in UTC with a C(Z) suffix, or V(null). From C(LastStartAt).
      type: str
      returned: always
      sample: '2023-07-25T02:48:58Z'
    stopped_at:
      description:
      - When the job last stopped or ended, ISO 8601 in UTC with a C(Z) suffix, or V(null). From C(LastStopAt).
      type: str
      returned: always
      sample: '2023-07-25T05:48:58Z'
    request_id:
      description:
      - The vendor's request ID of the response this entry comes from; quote it to vendor support.
      type: str
      returned: always
      sample: '******3B-0E1A-586A-AC29-742247******'
    details:
      description:
      - Every field the vendor returned for the job, nothing dropped, with keys converted to snake_case (nested
        objects too). Values are untouched, except that fields documented as strings but sent as numbers are strings.
      type: dict
      returned: always
      sample:
        create_time: '2023-07-24T16:44:55Z'
        job_id: '****20b48fb04483915d4f2cd8ac****'
        last_start_at: '2023-07-25T02:48:58Z'
        last_stop_at: '2023-07-25T05:48:58Z'
        name: my_job
        status: '0'
        stream_input: rtmp://mydomain/app/stream1
        stream_output: rtmp://testdomain/app/stream2
        template_id: 9b1571b513cb44f7a1ba6ae561ff****
        template_name: my_template
        type: common
missing_ids:
  description:
  - The job ids the vendor reported as not found, in the order of O(job_ids).
  - Empty when every job was found. With O(fail_on_missing=true), the task fails when this is not empty.
  returned: success; also on failure when some job ids failed, or were not found and O(fail_on_missing=true)
  type: list
  elements: str
  sample:
  - '****31c59fc15594026e5f3de9bd****'
summary:
  description:
  - Counts of the jobs in RV(jobs).
  returned: success; also on failure when some job ids failed, or were not found and O(fail_on_missing=true)
  type: dict
  sample:
    total: 1
    by_status:
      stopped: 1
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
        stopped: 1
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
    code: OperationDenied
    message: OperationDenied, please check and try again later.
    http_status: 403
    request_id: '******3B-0E1A-586A-AC29-742247******'
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
      sample: OperationDenied
    message:
      description:
      - The vendor error message, or a description of the transport error.
      type: str
      returned: always
      sample: OperationDenied, please check and try again later.
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
      sample: '******3B-0E1A-586A-AC29-742247******'
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
    '****20b48fb04483915d4f2cd8ac****': stopped
option:
  description:
  - The name of the option that was missing or invalid. No request was sent.
  returned: failure, when an option is missing or invalid
  type: str
  sample: cluster_id
"""

from ansible_collections.mediaops.live_jobs.plugins.module_utils._api_live_edge_transcode import API
from ansible_collections.mediaops.live_jobs.plugins.module_utils.module import LiveJobsModule


def main():
    LiveJobsModule({"alibaba": API}, dict(cluster_id=dict(type="str"))).run()


if __name__ == "__main__":
    main()
