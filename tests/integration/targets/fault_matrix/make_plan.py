#!/usr/bin/env python
# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Writes one fault-matrix run's inputs into WORKDIR:

fixture.json  emulator fixture: fresh random credentials (40-64 character secrets and STS tokens), generated jobs,
              and one per-job fault rule for every (API, fault) row of the matrix
secrets.env   the vendor environment variables holding those credentials (sourced by runme.sh)
patterns.txt  what must never appear in any output of the run: every secret and token, and the signature markers
plan.json     the matrix rows (no secrets in it: Ansible prints loop items at -vvvv)
"""

import json
import os
import secrets
import shlex
import string
import sys

RETRIES = 2
GENERATED = 60
# Throttled requests are retried until the task's deadline runs out (not `retries` times): the persistent throttle id
# ends as DeadlineExceeded after THROTTLE_DEADLINE seconds; every other row has a deadline it never reaches.
THROTTLE_DEADLINE = 4
DEADLINE = 60
ALPHABET = string.ascii_letters + string.digits

APIS = {
    # api: (module, provider option, provider, extra options, how credentials reach the module)
    "ice_record": ("record_job_info", "alibaba", "alibaba", {"region": "cn-shanghai"}, "env"),
    "ice_snapshot": ("snapshot_job_info", None, "alibaba", {"region": "cn-shanghai"}, "options"),
    "live_edge_transcode": ("edge_transcode_job_info", None, "alibaba", {"cluster_id": "gen-cluster-1"}, "options"),
    "volc_pull_record": ("pull_record_task_info", None, "volcengine", {}, "env"),
    "huawei_record": ("record_job_info", "huawei", "huawei", {"app_id": "gen-app-1"}, "options"),
}
CLOCK_HINT = "the local clock differs from the vendor's clock by more than 15 minutes"

# fault -> provider -> acceptable error codes of an id the fault hits on every attempt
VENDOR_CODES = {
    "status_500": {"alibaba": ["InternalError"], "volcengine": ["InternalError"], "huawei": ["RTC.00002001"]},
    "status_502": {"alibaba": ["InternalError"], "volcengine": ["InternalServiceError"], "huawei": ["APIG.0201"]},
    "status_503": {"alibaba": ["ServiceUnavailable"], "volcengine": ["ServiceUnavailableTemp"], "huawei": ["APIG.0201"]},
    "status_504": {"alibaba": ["ServiceUnavailable"], "volcengine": ["InternalServiceTimeout"], "huawei": ["APIG.0201"]},
    "throttle": {"alibaba": ["Throttling.User"], "volcengine": ["FlowLimitExceeded"], "huawei": ["APIG.0308"]},
    "common_err": {"alibaba": ["InternalError"], "volcengine": ["CommonErr"], "huawei": ["RTC.00002001"]},
    "signature_mismatch": {"alibaba": ["SignatureDoesNotMatch"], "volcengine": ["SignatureDoesNotMatch"], "huawei": ["APIG.0301"]},
    "clock_skew": {"alibaba": ["InvalidTimeStamp.Expired"], "volcengine": ["InvalidTimestamp"], "huawei": ["APIG.0301"]},
}
NOT_FOUND_CODES = {"alibaba": "JobNotFound", "volcengine": "ResourceNotFound", "huawei": "RTC.00001003"}
# fault -> (codes, words the message must contain); no vendor request id exists for these
TRANSPORT = {
    "reset": (["ConnectionError"], ["failed or was reset"]),
    "timeout": (["ReadTimeout"], ["did not answer within 1.0s"]),
    "malformed_json": (["MalformedResponse"], ["not a JSON object"]),
    "html": (["HTTP502"], ["HTML page"]),
    "truncated": (["TruncatedResponse"], ["cut off"]),
}
RETRYABLE = ["throttle", "status_500", "status_502", "status_503", "status_504", "reset", "timeout", "malformed_json",
             "html", "truncated", "common_err"]
FATAL = ["signature_mismatch", "clock_skew"]
FAULT_ORDER = RETRYABLE + FATAL + ["unknown_status", "found_and_missing", "missing_fail_on_missing", "rate_limit_burst"]


def random_text(low=40, high=64, prefix=""):
    return prefix + "".join(secrets.choice(ALPHABET) for dummy in range(low + secrets.randbelow(high - low + 1)))


def credentials():
    alibaba = {"access_key_id": random_text(24, 24, "STS.NU"), "access_key_secret": random_text(), "security_token": random_text(prefix="CAIS")}
    volc = {"access_key": random_text(32, 32, "AKTP"), "secret_key": random_text(), "session_token": random_text(prefix="STS2")}
    huawei = {"access_key": random_text(20, 20).upper(), "secret_key": random_text(), "security_token": random_text(prefix="gQpj"),
              "project_id": secrets.token_hex(16)}
    env = {
        "ALIBABA_CLOUD_ACCESS_KEY_ID": alibaba["access_key_id"], "ALIBABA_CLOUD_ACCESS_KEY_SECRET": alibaba["access_key_secret"],
        "ALIBABA_CLOUD_SECURITY_TOKEN": alibaba["security_token"],
        "VOLCENGINE_ACCESS_KEY": volc["access_key"], "VOLCENGINE_SECRET_KEY": volc["secret_key"],
        "VOLCENGINE_SESSION_TOKEN": volc["session_token"],
        "HUAWEICLOUD_SDK_AK": huawei["access_key"], "HUAWEICLOUD_SDK_SK": huawei["secret_key"],
        "HUAWEICLOUD_SDK_SECURITY_TOKEN": huawei["security_token"], "HUAWEICLOUD_SDK_PROJECT_ID": huawei["project_id"],
    }
    book = {"alibaba": [alibaba], "volcengine": [volc], "huawei": [huawei], "huawei_auth_tokens": [random_text()]}
    secret_values = [alibaba["access_key_secret"], alibaba["security_token"], volc["secret_key"], volc["session_token"],
                     huawei["secret_key"], huawei["security_token"], book["huawei_auth_tokens"][0]]
    return book, env, secret_values


def rows_for(api):
    module, provider_option, provider, extra, creds_via = APIS[api]
    ids = iter("gen-%s-%04d" % (api, number) for number in range(1, GENERATED + 1))
    rows, faults = [], []

    def row(fault, **fields):
        base = dict(api=api, module=module, provider=provider_option, fault=fault, options=extra, creds_via=creds_via,
                    retries=RETRIES, timeout=1 if fault == "timeout" else 5, fail_on_missing=False, persistent_id=None,
                    transient_id=None, unknown_id=None, codes=[], request_id=False, msg_contains=[], min_retries=0,
                    expect_failed=False, expect_failed_ids=[], expect_missing_ids=[], min_throttled=0,
                    deadline=DEADLINE, max_concurrency=8, max_requests=None, not_sent_ids=[])
        base.update(fields)
        base["expect_found"] = [job_id for job_id in base["ids"]
                                if job_id not in base["expect_failed_ids"] and job_id not in base["expect_missing_ids"]]
        rows.append(base)

    for fault in RETRYABLE + FATAL:
        transient, persistent, good = next(ids), next(ids), next(ids)
        missing = "missing-%s-%s" % (api, fault)
        if fault in TRANSPORT:
            codes, words = TRANSPORT[fault]
            request_id = False
        else:
            codes, words = VENDOR_CODES[fault][provider], []
            request_id = True
        words = words + (["local clock differs", "more than 15 minutes"] if fault == "clock_skew" else [])
        faults.append({"api": api, "job_id": persistent, "kind": fault, "count": 0})
        if fault == "throttle":
            # retried while the deadline lasts: the persistent id fails with DeadlineExceeded naming the last error
            # (usually the throttling code; the request sent in the deadline's last milliseconds may time out instead)
            words = ["the task's deadline of %gs ran out" % THROTTLE_DEADLINE, "last error "]
            codes, request_id = ["DeadlineExceeded"], False
        if fault in RETRYABLE:
            faults.append({"api": api, "job_id": transient, "kind": fault, "count": RETRIES})   # RETRIES failures, then ok
            job_ids = [transient, persistent, good, missing]
            row(fault, ids=job_ids, transient_id=transient, persistent_id=persistent, codes=codes, request_id=request_id,
                msg_contains=[persistent, "1 of %d job ids failed" % len(job_ids), codes[0] + ": "] + words,
                min_retries=2 * RETRIES, expect_failed=True, expect_failed_ids=[persistent], expect_missing_ids=[missing],
                deadline=THROTTLE_DEADLINE if fault == "throttle" else DEADLINE, min_throttled=3 if fault == "throttle" else 0)
        else:
            # a credential error stops the account's traffic in the task: one worker, so the persistent id goes first
            # and the two others are never sent; they fail with the same code ("not sent"), in one grouped message
            job_ids = [persistent, good, missing]
            row(fault, ids=job_ids, persistent_id=persistent, codes=codes, request_id=request_id,
                msg_contains=job_ids + ["3 of 3 job ids failed", codes[0] + ": ", ": 3 ids ("] + words,
                expect_failed=True, expect_failed_ids=job_ids, max_concurrency=1, max_requests=1, not_sent_ids=[good, missing])
    unknown, good = next(ids), next(ids)
    faults.append({"api": api, "job_id": unknown, "kind": "unknown_status", "count": 0})
    row("unknown_status", ids=[unknown, good], unknown_id=unknown)
    first, second = next(ids), next(ids)
    row("found_and_missing", ids=["absent-%s-1" % api, first, "absent-%s-2" % api, second],
        expect_missing_ids=["absent-%s-1" % api, "absent-%s-2" % api])
    third = next(ids)
    # grouped by code: "1 job ids were not found and fail_on_missing is true: <code>: 1 (<id>; request id <id>)"
    row("missing_fail_on_missing", ids=[third, "absent-%s-3" % api], fail_on_missing=True, expect_failed=True,
        expect_missing_ids=["absent-%s-3" % api],
        msg_contains=["were not found and fail_on_missing is true", "%s: 1 (absent-%s-3; request id " % (NOT_FOUND_CODES[provider], api)])
    row("rate_limit_burst", ids=[next(ids) for dummy in range(8)], retries=8, min_throttled=1)
    return rows, faults


def main(workdir):
    book, env, secret_values = credentials()
    plan, faults = [], []
    for api in APIS:
        api_rows, api_faults = rows_for(api)
        plan.extend(api_rows)
        faults.extend(api_faults)
    fixture = {"credentials": book, "jobs": {}, "generate": {api: GENERATED for api in APIS}, "faults": faults}
    old_umask = os.umask(0o077)
    try:
        with open(os.path.join(workdir, "fixture.json"), "w", encoding="utf-8") as handle:
            json.dump(fixture, handle)
        with open(os.path.join(workdir, "secrets.env"), "w", encoding="utf-8") as handle:
            handle.writelines("export %s=%s\n" % (name, shlex.quote(value)) for name, value in env.items())
        markers = ["Signature=", "ACS3-HMAC-SHA256 Credential", "SDK-HMAC-SHA256", "HMAC-SHA256 Credential",
                   "X-Security-Token", "x-acs-security-token", "SecurityToken=", "Authorization:", "'Authorization'",
                   '"Authorization"']
        with open(os.path.join(workdir, "patterns.txt"), "w", encoding="utf-8") as handle:
            handle.writelines(value + "\n" for value in secret_values + markers)
    finally:
        os.umask(old_umask)
    with open(os.path.join(workdir, "plan.json"), "w", encoding="utf-8") as handle:
        json.dump({"matrix_rows": plan, "fault_order": FAULT_ORDER, "api_order": list(APIS), "clock_hint": CLOCK_HINT}, handle, indent=1)
    print("fault_matrix: %d rows, %d fault rules, %d secrets and tokens of 40-64 characters" % (len(plan), len(faults), len(secret_values)))


if __name__ == "__main__":
    main(sys.argv[1])
