# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""_inputs: the checks of shared options that run before any request (job ids, numeric bounds, the task's deadline).

Moved here from test_module_wrapper.py with the functions (module.py -> _inputs.py)."""

from __future__ import annotations

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils._errors import OptionError
from ansible_collections.mediaops.live_jobs.plugins.module_utils._inputs import (
    DEFAULT_DEADLINE,
    MAX_JOB_ID_LENGTH,
    check_job_ids,
    check_numbers,
    deadline_seconds,
)


# --- input checks -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("job_ids, fragment", [
    (None, "at least one"),
    ([], "at least one"),
    ([""], "item 1 is empty"),
    (["a", " \t "], "item 2 is empty"),
    (["a" * (MAX_JOB_ID_LENGTH + 1)], "129 characters"),
    (["a\nb"], "control character"),
    (["a\x00"], "control character"),
    (["\x1b[31m"], "control character"),
    (["a\x7f"], "control character"),
    (["a\x9f"], "control character"),
])
def test_check_job_ids_rejects(job_ids, fragment):
    with pytest.raises(OptionError) as info:
        check_job_ids(job_ids)
    assert info.value.option == "job_ids"
    assert fragment in str(info.value)


def test_check_job_ids_keeps_order_and_drops_duplicates():
    assert check_job_ids(["b", "a", "b", "c", "a"]) == ["b", "a", "c"]
    assert check_job_ids(["x" * MAX_JOB_ID_LENGTH, "作业 1", "a/b"]) == ["x" * MAX_JOB_ID_LENGTH, "作业 1", "a/b"]
    with pytest.raises(OptionError) as info:
        check_job_ids([], option="task_ids")
    assert info.value.option == "task_ids"


BASE_NUMBERS = dict(timeout=10.0, retries=5, max_concurrency=8, rate_limit=None, wait_timeout=300.0, wait_interval=5.0)


@pytest.mark.parametrize("option, value, ok", [
    ("timeout", 0, False), ("timeout", -1, False), ("timeout", 0.1, True),
    ("retries", -1, False), ("retries", 0, True), ("retries", 20, True), ("retries", 21, False),
    ("max_concurrency", 0, False), ("max_concurrency", 1, True), ("max_concurrency", 64, True), ("max_concurrency", 65, False),
    ("rate_limit", 0, False), ("rate_limit", -2, False), ("rate_limit", 0.5, True),
    ("wait_timeout", 0, False), ("wait_interval", 0, False), ("wait_interval", 0.5, True),
    ("deadline", 0, False), ("deadline", -5, False), ("deadline", 0.5, True), ("deadline", 7 * 86400.0, True),
    ("deadline", 7 * 86400.0 + 1, False), ("deadline", float("nan"), False), ("deadline", None, True),
])
def test_check_numbers(option, value, ok):
    params = dict(BASE_NUMBERS, **{option: value})
    if ok:
        check_numbers(params)
    else:
        with pytest.raises(OptionError) as info:
            check_numbers(params)
        assert info.value.option == option


# --- strict ids (issue 13) -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("job_ids, position, fragment", [
    ([{"id": "evt-1"}], 1, "dict"),
    (["evt-0", ["evt-1"]], 2, "list"),
    ([True], 1, "bool"),
    (["a", "b", False], 3, "bool"),
    ([1.5], 1, "float"),
    ([None], 1, "NoneType"),
    ([" evt-1"], 1, "whitespace"),
    (["evt-1 "], 1, "whitespace"),
    (["ok", "evt-1\t"], 2, None),
    (["ok", "\u00a0evt-1"], 2, "whitespace"),
])
def test_check_job_ids_is_strict(job_ids, position, fragment):
    with pytest.raises(OptionError) as info:
        check_job_ids(job_ids)
    assert info.value.option == "job_ids"
    assert f"item {position}" in str(info.value)
    if fragment:
        assert fragment in str(info.value)


def test_whitespace_message_shows_the_item():
    with pytest.raises(OptionError) as info:
        check_job_ids(["evt-0", "evt-1 "])
    assert "'evt-1 '" in str(info.value)


def test_wrong_type_message_is_short_for_big_values():
    with pytest.raises(OptionError) as info:
        check_job_ids([{"k" * 500: "v" * 500}])
    assert len(str(info.value)) < 200


@pytest.mark.parametrize("value, text", [(7, "7"), (0, "0"), (-3, "-3"), (12345678901234567890, "12345678901234567890")])
def test_integers_are_taken_as_their_decimal_text(value, text):
    assert check_job_ids([value, "evt-1", text]) == [text, "evt-1"], "an integer and its text are the same id"


def test_option_name_is_kept_for_aliases():
    with pytest.raises(OptionError) as info:
        check_job_ids([True], option="task_ids")
    assert info.value.option == "task_ids"


# --- deadline -------------------------------------------------------------------------------------------------------


def test_deadline_default_and_override():
    assert deadline_seconds(dict(deadline=None, wait_for_status=None, wait_timeout=300.0)) == DEFAULT_DEADLINE == 300.0
    # waiting for a status gets the wait on top of the default budget
    assert deadline_seconds(dict(deadline=None, wait_for_status="running", wait_timeout=120.0)) == 420.0
    assert deadline_seconds(dict(deadline=30.0, wait_for_status="running", wait_timeout=120.0)) == 30.0
    assert deadline_seconds(dict(deadline=12.5, wait_for_status=None, wait_timeout=300.0)) == 12.5
