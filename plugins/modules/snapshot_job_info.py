#!/usr/bin/python
# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: snapshot_job_info
short_description: Gather facts about Alibaba Cloud ICE live stream snapshot jobs
version_added: 0.1.0
description:
  - Reads Alibaba Cloud Intelligent Media Services (ICE) live stream snapshot jobs by ID (C(GetLiveSnapshotJob)) and
    returns them in one normalized shape, so a playbook can assert that they are in the state an event needs.
  - Requests are signed by the module itself; no vendor SDK or CLI is needed.
options:
  job_ids:
    description:
      - The IDs of the snapshot jobs to read. If omitted, every snapshot job is listed (C(ListLiveSnapshotJobs)); see
        O(status) and the other list options. An empty list is an error.
      - In list mode each job has only the fields C(ListLiveSnapshotJobs) returns - RV(jobs[].input_url) and
        RV(jobs[].updated_at) are V(null), and RV(jobs[].details) lacks C(stream_input), C(last_modified),
        C(callback_url), C(overwrite_format) and C(sequence_format). Read the jobs by ID for those.
      - Each ID must be a string (an integer is taken as its decimal text), non-empty, without leading or trailing
        whitespace, at most 128 characters long, and free of control characters; anything else fails before any
        request, naming the item. Duplicates are read once.
      - RV(jobs) follows the order of this list.
    type: list
    elements: raw
    aliases: [job_id]
extends_documentation_fragment:
  - mediaops.live_jobs.common
  - mediaops.live_jobs.listing
  - mediaops.live_jobs.alibaba
  - mediaops.live_jobs.attributes
  - mediaops.live_jobs.attributes.action_group_alibaba
seealso:
  - module: mediaops.live_jobs.record_job_info
  - module: mediaops.live_jobs.edge_transcode_job_info
author:
  - mediaops live_jobs developers (@mediaops)
"""

EXAMPLES = r"""
# Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET (or the ALICLOUD_* names)
# when the options are not set, and the region from ALIBABA_CLOUD_REGION_ID.
- name: Read one snapshot job, credentials and region from the environment
  mediaops.live_jobs.snapshot_job_info:
    job_id: "****a046-263c-3560-978a-fb287782****"
  register: snapshot

- name: Readiness check before the event
  module_defaults:
    group/mediaops.live_jobs.alibaba:
      access_key: "{{ alibaba_access_key_id }}"
      secret_key: "{{ vault_alibaba_access_key_secret }}"
      security_token: "{{ alibaba_sts_token | default(omit) }}"
      region: cn-shanghai
  block:
    - name: Read every snapshot job of the event in one task
      mediaops.live_jobs.snapshot_job_info:
        job_ids: "{{ event_snapshot_job_ids }}"
      register: snapshots

    - name: Assert that every snapshot job exists and is running
      ansible.builtin.assert:
        that:
          - snapshots.missing_ids | length == 0
          - snapshots.jobs | rejectattr('status', 'equalto', 'running') | list | length == 0
        fail_msg: >-
          Not running: {{ snapshots.jobs | rejectattr('status', 'equalto', 'running')
          | map(attribute='job_id') | join(', ') }}.
          Not found: {{ snapshots.missing_ids | join(', ') }}.

- name: Pass credentials explicitly from environment variables with other names
  mediaops.live_jobs.snapshot_job_info:
    access_key: "{{ lookup('ansible.builtin.env', 'LIVE_ALIBABA_AK') }}"
    secret_key: "{{ lookup('ansible.builtin.env', 'LIVE_ALIBABA_SK') }}"
    region: cn-beijing
    job_ids: "{{ event_snapshot_job_ids }}"

- name: Read many jobs through a proxy gateway that only accepts the V1 signature
  mediaops.live_jobs.snapshot_job_info:
    endpoint: https://ice-gateway.example.com
    ca_path: /etc/pki/tls/certs/internal-ca.pem
    signature_version: v1
    job_ids: "{{ all_snapshot_job_ids }}"
    max_concurrency: 16

- name: Wait up to 5 minutes until every snapshot job is running
  mediaops.live_jobs.snapshot_job_info:
    region: cn-shanghai
    job_ids: "{{ event_snapshot_job_ids }}"
    wait_for_status: running
  register: started

- name: Fail if any of the snapshot jobs does not exist
  mediaops.live_jobs.snapshot_job_info:
    region: cn-shanghai
    job_ids: "{{ event_snapshot_job_ids }}"
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
  - job_id: '****a046-263c-3560-978a-fb287782****'
    name: null
    provider: alibaba
    service: ice
    kind: snapshot
    status: running
    provider_status: started
    input_url: rtmp://www.aliyun.com/stream
    template_id: '****a046-263c-3560-978a-fb287666****'
    template_name: null
    created_at: '2022-02-02T22:22:22Z'
    updated_at: '2022-02-02T22:22:22Z'
    started_at: null
    stopped_at: null
    request_id: '******11-DB8D-4A9A-875B-275798******'
    details:
      job_id: '****a046-263c-3560-978a-fb287782****'
      job_name: ''
      template_id: '****a046-263c-3560-978a-fb287666****'
      template_name: ''
      status: started
      stream_input:
        url: rtmp://www.aliyun.com/stream
        type: rtmp
      snapshot_output:
        storage_type: oss
        endpoint: oss-cn-shanghai.aliyuncs.com
        bucket: testbucket
      overwrite_format: snapshot/{JobId}.jpg
      sequence_format: snapshot/{JobId}/{UnixTimestamp}.jpg
      time_interval: 5
      callback_url: http://www.aliyun.com/snapshot/callback
      last_modified: '2022-02-02T22:22:22Z'
      create_time: '2022-02-02T22:22:22Z'
  contains:
    job_id:
      description:
      - The job ID, always a string (a vendor number such as Huawei Cloud's C(job_id) V(1) is returned as V("1")).
      type: str
      returned: always
      sample: '****a046-263c-3560-978a-fb287782****'
    name:
      description:
      - The job name, or V(null) when the vendor has none (or an empty one). From ICE C(JobName).
      type: str
      returned: always
      sample: null
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
      - The vendor service that runs the job.
      type: str
      returned: always
      choices:
      - ice
      sample: ice
    kind:
      description:
      - The kind of job.
      type: str
      returned: always
      choices:
      - snapshot
      sample: snapshot
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
      - The vendor's own status value, untouched. ICE - V(init), V(started), V(paused).
      type: str
      returned: always
      sample: started
    input_url:
      description:
      - The URL of the input (source) stream, or V(null) when the vendor gives none. From ICE C(StreamInput.Url).
      type: str
      returned: always
      sample: rtmp://www.aliyun.com/stream
    template_id:
      description:
      - The ID of the template the job uses, or V(null).
      type: str
      returned: always
      sample: '****a046-263c-3560-978a-fb287666****'
    template_name:
      description:
      - The name of the template the job uses, or V(null).
      type: str
      returned: always
      sample: null
    created_at:
      description:
      - When the job was created, ISO 8601 in UTC with a C(Z) suffix, or V(null). From ICE C(CreateTime).
      type: str
      returned: always
      sample: '2022-02-02T22:22:22Z'
    updated_at:
      description:
      - When the job was last modified, ISO 8601 in UTC with a C(Z) suffix, or V(null). From ICE C(LastModified).
      type: str
      returned: always
      sample: '2022-02-02T22:22:22Z'
    started_at:
      description:
      - When the job last started, ISO 8601 in UTC with a C(Z) suffix, or V(null). ICE gives none.
      type: str
      returned: always
      sample: null
    stopped_at:
      description:
      - When the job last stopped or ended, ISO 8601 in UTC with a C(Z) suffix, or V(null). ICE gives none.
      type: str
      returned: always
      sample: null
    request_id:
      description:
      - The vendor's request ID of the response this entry comes from; quote it to vendor support.
      type: str
      returned: always
      sample: '******11-DB8D-4A9A-875B-275798******'
    details:
      description:
      - Every field the vendor returned for the job, nothing dropped, with keys converted to snake_case (nested
        objects too). Values are untouched, except that fields documented as strings but sent as numbers are strings.
        The top-level C(RequestId) is in RV(jobs[].request_id) instead.
      type: dict
      returned: always
      sample:
        job_id: '****a046-263c-3560-978a-fb287782****'
        job_name: ''
        template_id: '****a046-263c-3560-978a-fb287666****'
        template_name: ''
        status: started
        stream_input:
          url: rtmp://www.aliyun.com/stream
          type: rtmp
        snapshot_output:
          storage_type: oss
          endpoint: oss-cn-shanghai.aliyuncs.com
          bucket: testbucket
        overwrite_format: snapshot/{JobId}.jpg
        sequence_format: snapshot/{JobId}/{UnixTimestamp}.jpg
        time_interval: 5
        callback_url: http://www.aliyun.com/snapshot/callback
        last_modified: '2022-02-02T22:22:22Z'
        create_time: '2022-02-02T22:22:22Z'
missing_ids:
  description:
  - The job ids the vendor reported as not found, in the order of O(job_ids).
  - Empty when every job was found. With O(fail_on_missing=true), the task fails when this is not empty.
  returned: success; also on failure when some job ids failed, or were not found and O(fail_on_missing=true)
  type: list
  elements: str
  sample:
  - '****b157-263c-3560-978a-fb287782****'
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
    provider: alibaba
    code: Throttling.User
    message: Request was denied due to user flow control.
    http_status: 503
    request_id: '******11-DB8D-4A9A-875B-275798******'
    retryable: true
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
      sample: Throttling.User
    message:
      description:
      - The vendor error message, or a description of the transport error.
      type: str
      returned: always
      sample: Request was denied due to user flow control.
    http_status:
      description:
      - The HTTP status of the response, or V(null) when none was received.
      type: int
      returned: always
      sample: 503
    request_id:
      description:
      - The vendor's request ID, or V(null) when there is none.
      type: str
      returned: always
      sample: '******11-DB8D-4A9A-875B-275798******'
    retryable:
      description:
      - Whether the error was retryable (throttling, HTTP 5xx, transport errors). A retryable error that is returned
        has used up O(retries).
      type: bool
      returned: always
      sample: true
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
    '****a046-263c-3560-978a-fb287782****': pending
option:
  description:
  - The name of the option that was missing or invalid. No request was sent.
  returned: failure, when an option is missing or invalid
  type: str
  sample: job_ids
"""

from ansible_collections.mediaops.live_jobs.plugins.module_utils._api_ice_snapshot import API
from ansible_collections.mediaops.live_jobs.plugins.module_utils.module import LiveJobsModule


def main():
    LiveJobsModule({"alibaba": API}).run()


if __name__ == "__main__":
    main()
