# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Shared pieces of the test_fuzz_* files: hypothesis settings, JSON / mutation strategies, seed bodies, a case counter.

Every fuzz test counts the examples it really ran (hypothesis may stop early when a space is exhausted); the totals
are printed at the end of each fuzz file's run ("fuzz cases: ...") so the number can be reported.
"""

from __future__ import annotations

import copy
import json
import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# LIVE_JOBS_FUZZ_SCALE=10 multiplies every example budget (a longer local fuzzing session); default keeps the unit
# suite fast.
SCALE = max(0.1, float(os.environ.get("LIVE_JOBS_FUZZ_SCALE", "1") or 1))
CASES = Counter()


def fuzz_settings(examples):
    return settings(
        max_examples=max(1, int(examples * SCALE)), deadline=None, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much,
                               HealthCheck.data_too_large],
    )


def count(name):
    CASES[name] += 1


@pytest.fixture(scope="module", autouse=True)
def report_cases(request):
    """After a fuzz file ran: print how many cases each of its tests executed."""
    before = Counter(CASES)
    yield
    ran = {name: CASES[name] - before.get(name, 0) for name in CASES if CASES[name] - before.get(name, 0)}
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None and ran:
        with capture.global_and_fixture_disabled():
            reporter.write_line("")
            total = sum(number for name, number in ran.items() if not name.startswith("reached_"))
            reporter.write_line(f"fuzz cases in {request.module.__name__.rsplit('.', 1)[-1]}: {total} "
                                f"({', '.join(f'{name} {number}' for name, number in sorted(ran.items()))})")


# --- text and JSON ------------------------------------------------------------------------------------------------

# Text that tends to break things: control characters, surrogates, RTL marks, NUL, very long runs, CJK, emoji.
AWKWARD_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=5),
    st.sampled_from(["", " ", "\n", "\x00", "\ud800", "../..", "a/b", "%2F", "?x=1#f", "生效中", "停用", "PAUSED",
                     "started", "0", "1", "null", "NaN", "\u202e", "A" * 300, "=" * 3, "\r\nX-Injected: 1"]),
)

JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2 ** 70), max_value=2 ** 70),
    st.floats(allow_nan=True, allow_infinity=True), AWKWARD_TEXT,
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(AWKWARD_TEXT, children, max_size=4)),
    max_leaves=12,
)


def mutated(seed):
    """A strategy of variants of `seed`: values replaced by random JSON, keys dropped or added, types swapped."""

    @st.composite
    def build(draw):
        def walk(value, depth):
            choice = draw(st.integers(min_value=0, max_value=9))
            if choice == 0:
                return draw(JSON_VALUES)
            if isinstance(value, dict):
                result = {}
                for key, item in value.items():
                    action = draw(st.integers(min_value=0, max_value=7))
                    if action == 0:
                        continue                                    # drop the key
                    if action == 1:
                        key = draw(st.sampled_from([key.lower(), key.upper(), key + " ", key]))
                    result[key] = walk(item, depth + 1) if depth < 4 else item
                if draw(st.integers(min_value=0, max_value=5)) == 0:
                    result[draw(AWKWARD_TEXT)] = draw(JSON_VALUES)  # an extra key
                return result
            if isinstance(value, list):
                return [walk(item, depth + 1) for item in value]
            if choice == 1:
                return str(value)
            if choice == 2 and isinstance(value, str):
                return draw(AWKWARD_TEXT)
            if choice == 3:
                return draw(JSON_SCALARS)
            return value

        return walk(copy.deepcopy(seed), 0)

    return build()


def encoded_bodies(seeds):
    """Raw response bodies: random bytes, random JSON, mutated seeds, truncated seeds, HTML, NaN JSON, wrong encodings."""

    @st.composite
    def build(draw):
        seed = draw(st.sampled_from(seeds))
        kind = draw(st.integers(min_value=0, max_value=6))
        if kind == 0:
            return draw(st.binary(max_size=200))
        if kind == 1:
            return json.dumps(draw(JSON_VALUES)).encode("utf-8", "surrogatepass")
        if kind == 2:
            text = json.dumps(seed, ensure_ascii=False).encode("utf-8")
            return text[: draw(st.integers(min_value=0, max_value=len(text)))]
        if kind == 3:
            return draw(st.sampled_from([b"<html><body>502 Bad Gateway</body></html>", b"", b"null", b"[]", b"{}",
                                         b'{"Code": NaN}', b"\xef\xbb\xbf{}", json.dumps(seed).encode("utf-16")]))
        return json.dumps(draw(mutated(seed)), ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")

    return build()


HTTP_STATUSES = st.one_of(st.sampled_from([200, 201, 204, 301, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504]),
                          st.integers(min_value=100, max_value=599))
HEADER_VALUES = st.one_of(st.sampled_from(["1", "0", "-5", "2.5", "1e309", "nan", "inf", "abc", "", "120000"]),
                          st.text(max_size=12))


def response_headers():
    return st.dictionaries(
        st.sampled_from(["retry-after", "x-acs-retry-after", "x-request-id", "content-type", "x-acs-request-id"]),
        HEADER_VALUES, max_size=4,
    )


# --- seed vendor bodies (shapes of the vendors' documentation examples) ---------------------------------------------

GET_SEEDS = {
    "ice_record": {"RequestId": "B57A046C-CE33-5FBB-B57A-D2B89ACF6907", "RecordJob": {
        "JobId": "ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66", "Name": "rec", "Status": "paused", "CreateTime": "2022-07-20T02:48:58Z",
        "StreamInput": {"Type": "rtmp", "Url": "rtmp://example.com/app/stream"}, "TemplateId": "t", "TemplateName": "n",
        "RecordOutput": {"Type": "oss", "Bucket": "b"}}},
    "ice_snapshot": {"RequestId": "R1", "JobId": "snap-1", "JobName": "", "Status": "started", "TemplateId": "t",
                     "StreamInput": {"Url": "rtmp://x/y", "Type": "rtmp"}, "TimeInterval": 5,
                     "LastModified": "2022-02-02T22:22:22Z", "CreateTime": "2022-02-02T22:22:22Z"},
    "live_edge_transcode": {"RequestId": "R2", "Job": {
        "JobId": "edge-1", "Name": "e", "Status": "0", "CreateTime": "2023-07-24T16:44:55Z", "LastStartAt": "2023-07-25T02:48:58Z",
        "LastStopAt": "2023-07-25T05:48:58Z", "StreamInput": "rtmp://a/b", "TemplateId": "t", "Type": "common"}},
    "volc_pull_record": {"ResponseMetadata": {"RequestId": "2023060411", "Action": "GetPullRecordTask", "Version": "2023-01-01"},
                         "Result": {"TaskId": "task-1", "StartTime": "2023-10-09T15:16:15+08:00", "EndTime": "2023-10-09T15:18:28+08:00",
                                    "Status": "生效中", "Vhost": "v", "App": "live", "Stream": "s"}},
    "huawei_record": {"job_id": "1", "app_id": 1, "room_id": 100, "state": "RUNNING", "stream_name": "s",
                      "create_time": "2006-01-02T15:04:05.075Z", "start_time": "2006-01-02T15:04:05.075Z",
                      "record_param": {"record_rule_id": "r"}},
}
LIST_ITEM_SEEDS = {
    "ice_record": GET_SEEDS["ice_record"]["RecordJob"],
    "ice_snapshot": {key: value for key, value in GET_SEEDS["ice_snapshot"].items() if key != "RequestId"},
    "live_edge_transcode": GET_SEEDS["live_edge_transcode"]["Job"],
    "volc_pull_record": GET_SEEDS["volc_pull_record"]["Result"],
    "huawei_record": GET_SEEDS["huawei_record"],
}
ERROR_SEEDS = {
    "alibaba": [
        {"RequestId": "E1", "HostId": "ice.aliyuncs.com", "Code": "Throttling.User", "Message": "Request was denied.", "Recommend": "x"},
        {"RequestId": "E2", "Code": "InvalidTimeStamp.Expired", "Message": "Specified time stamp or date value is expired."},
        {"RequestId": "E3", "Code": "JobNotFound", "Message": "No such job."},
    ],
    "volcengine": [
        {"ResponseMetadata": {"RequestId": "V1", "Action": "GetPullRecordTask", "Error": {"CodeN": 1001, "Code": "CommonErr", "Message": "m"}}},
        {"ResponseMetadata": {"RequestId": "V2", "Error": {"CodeN": 100006, "Code": "InvalidTimestamp", "Message": "expired"}}},
        {"ResponseMetadata": {"RequestId": "V3", "Error": {"Code": "ResourceNotFound", "Message": "not found"}}},
    ],
    "huawei": [
        {"error_code": "APIG.0301", "error_msg": "Incorrect IAM authentication information: verify aksk signature fail: request expired"},
        {"error_code": "APIG.0308", "error_msg": "The request is throttled"},
        {"errorCode": "RTC.00001003", "errorMsg": "InvalidParameterValue"},
        {"code": "X", "message": "y"},
    ],
}
