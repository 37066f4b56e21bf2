# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""_messages: failure messages grouped by error code with counts and a few example ids, short for a thousand ids."""

from __future__ import annotations

from ansible_collections.mediaops.live_jobs.plugins.module_utils._errors import ApiError, deadline_error, not_sent_error
from ansible_collections.mediaops.live_jobs.plugins.module_utils._messages import (
    EXAMPLES, describe_failures, describe_missing, examples, group_by_code,
)


def signature_error(request_id=None):
    return ApiError("alibaba", "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.", 400, request_id)


def test_thousand_ids_with_one_code_read_in_one_line():
    cause = signature_error("REQ-1")
    failures = {"evt-0000": cause}
    failures.update({f"evt-{n:04d}": not_sent_error(cause) for n in range(1, 1000)})
    message = describe_failures(failures, 1000)
    assert len(message) < 600
    assert message.startswith("1000 of 1000 job ids failed: ")
    assert "SignatureDoesNotMatch" in message and "1000 ids" in message
    assert "evt-0000, evt-0001, evt-0002 and 997 more" in message
    assert "request id REQ-1" in message, "the example error is one that reached the vendor (it has a request id)"
    assert message.count("SignatureDoesNotMatch") == 1


def test_groups_in_order_of_first_appearance_with_counts():
    not_found = ApiError("alibaba", "InvalidParameter", "bad", 400, "R-bad")
    deadline = deadline_error("alibaba", 60.0, ApiError("alibaba", "Throttling.User", "slow", 400, "R-t"))
    failures = {"a": deadline, "b": not_found, "c": deadline, "d": deadline, "e": deadline, "f": deadline}
    message = describe_failures(failures, 10)
    assert message.startswith("6 of 10 job ids failed: ")
    first, second = message.split("failed: ", 1)[1].split("; alibaba error InvalidParameter")
    assert "DeadlineExceeded" in first and "5 ids (a, c, d and 2 more)" in first
    assert "Throttling.User" in first, "the deadline error keeps the last error seen"
    assert "1 id (b)" in second and "request id R-bad" in second


def test_same_code_from_two_vendors_is_two_groups():
    failures = {"a": ApiError("alibaba", "InternalError", "x"), "b": ApiError("volcengine", "InternalError", "y")}
    assert list(group_by_code(failures)) == [("alibaba", "InternalError"), ("volcengine", "InternalError")]
    message = describe_failures(failures, 2)
    assert "alibaba error InternalError" in message and "volcengine error InternalError" in message


def test_examples():
    assert EXAMPLES == 3
    assert examples(["a"]) == "a"
    assert examples(["a", "b", "c"]) == "a, b, c"
    assert examples(["a", "b", "c", "d"]) == "a, b, c and 1 more"
    assert examples([str(n) for n in range(10)], limit=2) == "0, 1 and 8 more"


def test_missing_grouped_too():
    missing = {f"gone-{n}": ApiError("alibaba", "JobNotFound", "No such job.", 404, f"NF-{n}") for n in range(500)}
    message = describe_missing(missing)
    assert message.startswith("500 job ids were not found and fail_on_missing is true: ")
    assert "JobNotFound: 500 (gone-0, gone-1, gone-2 and 497 more; request id NF-0)" in message
    assert len(message) < 200
