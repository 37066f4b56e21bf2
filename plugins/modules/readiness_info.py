#!/usr/bin/python
# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: readiness_info
short_description: Check every live job of an event at once, across vendors, regions and accounts
version_added: 0.1.0
description:
  - Reads the jobs of many check groups at the same time - each group is one vendor API with its own region, account,
    scope and transport options - and gives every expected job a verdict - V(ready), V(not_ready) (read, and wrong or
    missing) or V(unchecked) (could not be read - credentials, deadline, transport).
  - Every group is validated, and its credentials resolved, before any request is sent. Each group is read in its own
    thread within its own account's quota, so the check takes about as long as its slowest group.
  - This is the engine of the R(readiness role,ansible_collections.mediaops.live_jobs.readiness_role); the role adds the
    reports. The module never fails because a job is not ready; it fails only on invalid input.
options:
  checks:
    description:
      - The check groups, any number per API. Each needs O(checks[].api) and O(checks[].expect) or O(checks[].select).
      - Credentials left out are read from the vendors' environment variables, as the info modules do.
    type: list
    elements: dict
    required: true
    suboptions:
      api:
        description: The vendor API of the group.
        type: str
        required: true
        choices: [ice_record, ice_snapshot, live_edge_transcode, volc_pull_record, huawei_record]
      label:
        description:
          - A name for the group in reports and messages.
          - Defaults to the API's title (for example C(ICE recording jobs)), numbered when several groups share it.
        type: str
      expect:
        description:
          - Job id to expectation. An expectation is a normalized status (V(pending), V(running), V(paused),
            V(stopped), V(finished)), or a mapping with C(status) and any of C(name), C(input_url), C(template_id),
            C(template_name) (compared for equality) and C(covers_window) (V(true) - the job's scheduled start and end
            must cover O(window); only APIs whose vendor gives scheduled times, Volcengine pull-stream recording).
        type: dict
      select:
        description:
          - A List selector (APIs with a List call) - C(name), C(status), C(created_after), C(created_before) as the
            info modules' list options, plus C(expect_status) (every selected job must be in it) and C(min_count)
            (at least this many jobs must be selected; default 1).
        type: dict
      region:
        description: The region (Alibaba Cloud ICE picks its endpoint by it; Volcengine signs for it).
        type: str
      endpoint:
        description: Base URL override for this group; defaults to O(defaults) or O(endpoint).
        type: str
      cluster_id:
        description: Edge transcoding cluster (V(live_edge_transcode)).
        type: str
      app_id:
        description: SparkRTC application (V(huawei_record)).
        type: str
      project_id:
        description: Huawei Cloud project id.
        type: str
      signature_version:
        description: Alibaba Cloud signature version.
        type: str
        choices: [v3, v1]
      access_key:
        description: Access key id of the group's account.
        type: str
      secret_key:
        description: Secret of the group's account.
        type: str
      security_token:
        description: STS token of the group's account.
        type: str
      auth_token:
        description: Huawei Cloud X-Auth-Token.
        type: str
      rate_limit:
        description: Requests per second ceiling for this group; defaults to the API's documented limit.
        type: float
      timeout:
        description: Seconds per HTTP request.
        type: float
      retries:
        description: Retries of transient errors other than throttling.
        type: int
      deadline:
        description: The group's whole time budget in seconds (default 300).
        type: float
      validate_certs:
        description: Verify the vendor's TLS certificate.
        type: bool
      ca_path:
        description: A CA bundle to verify the vendor's certificate with.
        type: path
      max_concurrency:
        description: Worker threads of the group.
        type: int
  defaults:
    description:
      - Transport options for every group that does not set its own.
    type: dict
    default: {}
    suboptions:
      region:
        description: Region of every group.
        type: str
      endpoint:
        description: Base URL of every group (O(endpoint) is used when neither sets one).
        type: str
      signature_version:
        description: Alibaba Cloud signature version.
        type: str
        choices: [v3, v1]
      rate_limit:
        description: Requests per second ceiling of each group.
        type: float
      timeout:
        description: Seconds per HTTP request.
        type: float
      retries:
        description: Retries of transient errors other than throttling.
        type: int
      deadline:
        description: Each group's whole time budget in seconds (default 300).
        type: float
      validate_certs:
        description: Verify the vendors' TLS certificates.
        type: bool
      ca_path:
        description: A CA bundle to verify the vendors' certificates with.
        type: path
      max_concurrency:
        description: Worker threads of each group.
        type: int
  endpoint:
    description: Base URL for every group without its own (for example the bundled emulator).
    type: str
  window:
    description: The event's air time, for C(covers_window) expectations.
    type: dict
    suboptions:
      start:
        description: Start of the window, ISO 8601.
        type: str
        required: true
      end:
        description: End of the window, ISO 8601.
        type: str
        required: true
extends_documentation_fragment:
  - mediaops.live_jobs.attributes
author:
  - mediaops live_jobs developers (@mediaops)
seealso:
  - module: mediaops.live_jobs.record_job_info
  - module: mediaops.live_jobs.pull_record_task_info
"""

EXAMPLES = r"""
- name: Check an event across two Volcengine accounts and one Huawei app
  mediaops.live_jobs.readiness_info:
    defaults: {deadline: 120}
    checks:
      - api: volc_pull_record
        label: Volcengine main account
        expect: {evt-pull-001: running}
      - api: volc_pull_record
        label: Volcengine EU account
        access_key: "{{ lookup('ansible.builtin.env', 'EU_ACCOUNT_AK') }}"
        secret_key: "{{ lookup('ansible.builtin.env', 'EU_ACCOUNT_SK') }}"
        expect:
          evt-pull-101: {status: running, covers_window: true}
      - api: huawei_record
        app_id: evt-app-1
        expect: {evt-rtc-001: running}
    window: {start: "2026-12-01T18:00:00Z", end: "2026-12-01T21:00:00Z"}
  register: readiness

- name: Fail unless every job is ready
  ansible.builtin.assert:
    that: readiness.summary.ready_event
"""

RETURN = r"""
rows:
  description:
    - One row per expected job and per selector (and per job a selector found), with its verdict.
    - C(verdict) is V(ready), V(not_ready) or V(unchecked); C(reasons) says why; C(cause) (unchecked rows) is
      V(credentials), V(deadline), V(throttling), V(transport) or V(vendor_error).
  returned: always
  type: list
  elements: dict
  sample:
    - api: volc_pull_record
      label: Volcengine main account
      vendor: volcengine
      job_id: evt-pull-001
      expected: running
      actual: running
      verdict: ready
      reasons: []
summary:
  description: Counts of rows per verdict; C(ready_event) is true when every row is ready.
  returned: always
  type: dict
  sample: {total: 3, ready: 2, not_ready: 1, unchecked: 0, ready_event: false}
causes:
  description: Unchecked rows grouped by vendor, group, cause and error code, with counts and example ids - what to fix first.
  returned: always
  type: list
  elements: dict
groups:
  description: Per group - label, api, seconds it took, requests sent (C(api_calls)) and warnings.
  returned: always
  type: list
  elements: dict
checked_at:
  description: When the check started, UTC ISO 8601.
  returned: always
  type: str
  sample: "2026-12-01T17:40:00Z"
elapsed:
  description: Seconds the whole check took.
  returned: always
  type: float
option:
  description: The option (for example V(checks[2].expect.evt-1.status)) that was invalid. No request was sent.
  returned: failure, when an option is invalid
  type: str
"""

from ansible_collections.mediaops.live_jobs.plugins.module_utils.readiness import ReadinessModule


def main():
    ReadinessModule().run()


if __name__ == "__main__":
    main()
