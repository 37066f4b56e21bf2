# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    # Options, requirements and notes shared by every module of the collection.
    # Formatted for modules: modules cannot declare 'env:', so the environment variables are named in prose.
    # Which vendor a module talks to decides which environment variables it reads; each description lists all three.

    DOCUMENTATION = r"""
options:
  access_key:
    description:
      - Access key ID used to sign requests.
      - If not set, or set to an empty string, it is read from the vendor's own environment variables;
        the first non-empty one wins, and an empty string counts as unset (AWX injects empty strings for
        empty optional credential fields). A non-empty option always wins over the environment.
      - Alibaba Cloud modules read E(ALIBABA_CLOUD_ACCESS_KEY_ID), E(ALICLOUD_ACCESS_KEY_ID), E(ALICLOUD_ACCESS_KEY), in this order.
      - Volcengine (M(mediaops.live_jobs.pull_record_task_info)) reads E(VOLCENGINE_ACCESS_KEY), E(VOLC_ACCESSKEY), in this order.
      - Huawei Cloud (C(provider=huawei) of M(mediaops.live_jobs.record_job_info)) reads E(HUAWEICLOUD_SDK_AK).
      - The access key ID is not a secret; it is shown in logs like any other option.
    type: str
    aliases: [access_key_id, ak]
  secret_key:
    description:
      - Secret access key paired with O(access_key). This is a secret; it is never returned or logged.
      - If not set, or set to an empty string, it is read from the vendor's own environment variables;
        the first non-empty one wins, and an empty string counts as unset (AWX injects empty strings for
        empty optional credential fields). A non-empty option always wins over the environment.
      - Alibaba Cloud modules read E(ALIBABA_CLOUD_ACCESS_KEY_SECRET), E(ALICLOUD_ACCESS_KEY_SECRET),
        E(ALICLOUD_SECRET_KEY), in this order.
      - Volcengine (M(mediaops.live_jobs.pull_record_task_info)) reads E(VOLCENGINE_SECRET_KEY), E(VOLC_SECRETKEY), in this order.
      - Huawei Cloud (C(provider=huawei) of M(mediaops.live_jobs.record_job_info)) reads E(HUAWEICLOUD_SDK_SK).
    type: str
    aliases: [access_key_secret, sk]
  security_token:
    description:
      - Security token of temporary (STS) credentials, sent together with O(access_key) and O(secret_key).
        This is a secret; it is never returned or logged.
      - If not set, or set to an empty string, it is read from the vendor's own environment variables;
        the first non-empty one wins, and an empty string counts as unset (AWX injects empty strings for
        empty optional credential fields). A non-empty option always wins over the environment.
      - Alibaba Cloud modules read E(ALIBABA_CLOUD_SECURITY_TOKEN), E(ALICLOUD_SECURITY_TOKEN), in this order.
      - Volcengine (M(mediaops.live_jobs.pull_record_task_info)) reads E(VOLCENGINE_SESSION_TOKEN).
      - Huawei Cloud (C(provider=huawei) of M(mediaops.live_jobs.record_job_info)) reads E(HUAWEICLOUD_SDK_SECURITY_TOKEN) (sent as C(X-Security-Token)).
    type: str
    aliases: [session_token, sts_token]
  region:
    description:
      - The vendor region. What it does depends on the vendor.
      - Alibaba Cloud (ICE record and snapshot jobs, ApsaraVideo Live edge transcoding jobs) - the region ID,
        for example V(cn-shanghai). It selects the regional endpoint. ICE needs it unless O(endpoint) is set.
        If not set, or set to an empty string, it is read from E(ALIBABA_CLOUD_REGION_ID), E(ALICLOUD_REGION_ID),
        E(ALICLOUD_REGION) (first non-empty wins).
      - Volcengine - the signing region, V(cn-north-1) when not set (the only region Volcengine Live signs for).
        E(VOLCENGINE_REGION), which other Volcengine tools read, is deliberately ignored.
      - Huawei Cloud - informational only; it is not sent and does not select the endpoint.
    type: str
  endpoint:
    description:
      - Override of the vendor endpoint, for example a VPC endpoint, a proxy gateway, or a local emulator such as
        V(http://127.0.0.1:8080).
      - Either a bare host name (HTTPS is used), or an C(http://) or C(https://) URL with scheme, host and optional
        port only. A path, query, fragment or user info is rejected.
      - If not set, or set to an empty string, it is read from the environment, so that an AWX credential can carry it
        (AWX injects empty strings for empty optional fields, and an empty string counts as unset).
        Alibaba Cloud modules read E(ALIBABA_CLOUD_ENDPOINT), Volcengine reads E(VOLCENGINE_ENDPOINT), and Huawei Cloud
        reads E(HUAWEICLOUD_ENDPOINT) (a name of this collection; Huawei Cloud's tools define none).
      - E(ALIBABA_CLOUD_ENDPOINT) applies to every Alibaba Cloud module, ICE and ApsaraVideo Live alike, so it suits an
        emulator or a gateway that serves both; set per-product VPC endpoints with this option on each task.
      - If neither is set, the module uses the vendor's default host; see the notes of each module.
    type: str
  validate_certs:
    description:
      - Whether to verify the TLS certificate of the endpoint.
      - Set to V(false) only against endpoints you trust, such as a local emulator; the module warns when it is V(false).
    type: bool
    default: true
  ca_path:
    description:
      - Path to a PEM CA bundle used to verify the endpoint's certificate, for example a private CA in front of a proxy
        gateway.
      - If not set, the CA bundle of the C(requests) library is used.
    type: path
  timeout:
    description:
      - Timeout in seconds for each HTTP request (connect and read). Must be greater than V(0) and at most V(3600).
    type: float
    default: 10.0
  retries:
    description:
      - How many times a transient failure is retried per request (so at most O(retries) + 1 attempts).
      - Transient failures are HTTP 5xx and transport errors (timeouts, resets, truncated responses). Throttling is
        not counted here - a throttled request is retried for as long as O(deadline) lasts, while the rate slows down.
        Client errors such as bad credentials or a missing job are not retried.
      - Between 0 and 20.
    type: int
    default: 5
  deadline:
    description:
      - The task's whole time budget in seconds - requests, retries, throttling and waits included.
      - When it runs out the task stops, returns every job it read, and lists every id it could not read in
        RV(failed_ids) with the error code C(DeadlineExceeded). Every requested id ends in exactly one of RV(jobs),
        RV(missing_ids) and RV(failed_ids).
      - Defaults to 300 seconds, plus O(wait_timeout) when O(wait_for_status) is set. At most V(604800).
    type: float
  shared_quota:
    description:
      - Share one request budget with every other task, fork and playbook of this user on this controller that reads
        the same vendor API with the same access key (a token bucket in a lock-protected file, so concurrent runs
        together stay within the account's quota and share what throttling taught them).
      - The files are in E(MEDIAOPS_LIVE_JOBS_QUOTA_DIR), else C($XDG_RUNTIME_DIR/mediaops.live_jobs/quota), else
        C(~/.cache/mediaops.live_jobs/quota); their names are digests and they hold only numbers, never a key.
      - If V(false) (or E(MEDIAOPS_LIVE_JOBS_SHARED_QUOTA=false)), the task paces alone.
    type: bool
    default: true
  max_concurrency:
    description:
      - How many job ids are queried in parallel (worker threads). Between 1 and 64.
      - All workers share one rate limiter, so a higher value never exceeds O(rate_limit).
    type: int
    default: 8
  rate_limit:
    description:
      - Ceiling on requests per second, shared by all workers of the task. Must be between V(0.001) and V(1000000).
      - If not set, the limit of the vendor API the module calls is used; see the notes of each module.
    type: float
  fail_on_missing:
    description:
      - What to do with job ids the vendor reports as not found.
      - If V(false), they are listed in RV(missing_ids) and the task succeeds.
      - If V(true), the task fails, still returning RV(jobs), RV(missing_ids) and RV(summary).
    type: bool
    default: false
  wait_for_status:
    description:
      - Wait until every job in O(job_ids) reports this normalized status (see RV(jobs[].status)).
      - Only the ids that are not there yet are queried again, every O(wait_interval) seconds.
        Ids that are not found count as not there yet.
      - The task fails with RV(laggards) if not every job has the status within O(wait_timeout) seconds,
        and fails at once if a request fails for good.
      - If not set, each id is queried once.
    type: str
    choices: [pending, running, paused, stopped, finished]
  wait_timeout:
    description:
      - How many seconds to wait in total when O(wait_for_status) is set. Must be greater than V(0) and at most V(604800) (7 days).
    type: float
    default: 300.0
  wait_interval:
    description:
      - How many seconds to sleep between two polls when O(wait_for_status) is set. Must be greater than V(0) and at most V(604800).
    type: float
    default: 5.0
requirements:
  - python >= 3.10
  - requests >= 2.28
  - pydantic >= 2.5
notes:
  - This module is read-only. It never changes a job, and always returns C(changed=false).
  - Check mode is fully supported; the module runs the same read-only queries in check mode.
  - Many job ids are queried in parallel by up to O(max_concurrency) workers, under one rate limiter shared by all
    of them (O(rate_limit); by default the vendor API's limit).
  - The rate adapts to the account's real quota - on a throttling reply the shared limiter lowers its rate
    (multiplicative decrease, once per burst) and then regains it gradually; throttled requests are retried until
    O(deadline) runs out. When the vendor sends C(Retry-After) or C(x-acs-retry-after), every worker waits that long
    (capped at 60 seconds). HTTP 5xx and transport errors are retried up to O(retries) times with jittered
    exponential backoff. RV(api_calls) reports how many requests, retries and throttled answers the task saw.
  - After the first credential, signature or permission error (for example C(SignatureDoesNotMatch),
    C(InvalidAccessKeyId.NotFound), C(APIG.0301)), nothing more is sent with those credentials in the task - a
    burst of badly signed requests can trip a vendor's risk controls. Every remaining id is in RV(failed_ids) with
    that error, and the message groups the failures by error code with counts and a few example ids.
  - Job ids the vendor reports as not found go to RV(missing_ids) instead of failing the task, unless
    O(fail_on_missing=true). Duplicate ids are queried once, and RV(jobs) follows the order of O(job_ids).
  - The vendor's job status is kept in RV(jobs[].provider_status) and mapped to the normalized RV(jobs[].status)
    as listed in the next notes. Any other vendor value is reported as V(unknown) with a warning; the task does not fail.
  - "Status V(pending) - ICE record V(initial), ICE snapshot V(init), Volcengine V(未开始), Huawei Cloud V(INIT),
    and edge transcoding V(0) for a job that has never started (no last start time)."
  - "Status V(running) - ICE record and snapshot V(started), edge transcoding V(1), Volcengine V(生效中),
    Huawei Cloud V(RUNNING)."
  - "Status V(paused) - ICE record and snapshot V(paused)."
  - "Status V(stopped) - Volcengine V(停用), Huawei Cloud V(STOPPED), and edge transcoding V(0) for a job that has
    run before (it has a last start time)."
  - "Status V(finished) - Volcengine V(已结束)."
  - Times are returned in UTC, ISO 8601 with a C(Z) suffix; vendor offsets such as C(+08:00) are converted.
  - Credentials are never returned or logged, at any verbosity. Neither are signatures, signed headers or request
    bodies.
"""
