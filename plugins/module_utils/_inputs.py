# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks of the shared options that run before any request: job ids, numeric bounds, the task's deadline."""

from __future__ import annotations

import unicodedata

from ._errors import OptionError

MAX_JOB_ID_LENGTH = 128
MAX_TIMEOUT = 3600.0
MAX_WAIT = 7 * 86400.0
MIN_RATE, MAX_RATE = 0.001, 1000000.0
RATE_MESSAGE = f"must be between {MIN_RATE} and {MAX_RATE:.0f} requests per second"
DEFAULT_DEADLINE = 300.0


def _id_text(value, option, position):
    """A job id as text: strings as they are, integers as their decimal text, anything else refused."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise OptionError(option, f"item {position} is a {type(value).__name__} ({str(value)[:40]!r}); job ids must be strings")


def check_job_ids(job_ids, option="job_ids"):
    """The ids to query, duplicates dropped (first kept); OptionError before any request is sent."""
    if not job_ids:
        raise OptionError(option, "give at least one job id, or omit the option to list every job")
    ids = []
    for position, value in enumerate(job_ids, start=1):
        job_id = _id_text(value, option, position)
        if not job_id.strip():
            raise OptionError(option, f"item {position} is empty or only whitespace")
        if job_id != job_id.strip():
            raise OptionError(option, f"item {position} ({job_id!r}) has leading or trailing whitespace")
        if len(job_id) > MAX_JOB_ID_LENGTH:
            raise OptionError(option, f"item {position} is {len(job_id)} characters long; job ids are at most {MAX_JOB_ID_LENGTH}")
        if any(unicodedata.category(char) == "Cc" for char in job_id):
            raise OptionError(option, f"item {position} contains a control character")
        ids.append(job_id)
    return list(dict.fromkeys(ids))


def _seconds(maximum):
    return f"must be greater than 0 and at most {maximum:.0f} seconds"


def check_numbers(params):
    """Upper bounds too: .inf / 1e300 would make requests (time_t) or time.sleep raise OverflowError mid-run; NaN fails every test."""
    rules = (
        ("timeout", 0 < params["timeout"] <= MAX_TIMEOUT, _seconds(MAX_TIMEOUT)),
        ("retries", 0 <= params["retries"] <= 20, "must be between 0 and 20"),
        ("deadline", params.get("deadline") is None or 0 < params["deadline"] <= MAX_WAIT, _seconds(MAX_WAIT)),
        ("max_concurrency", 1 <= params["max_concurrency"] <= 64, "must be between 1 and 64"),
        ("rate_limit", params["rate_limit"] is None or MIN_RATE <= params["rate_limit"] <= MAX_RATE, RATE_MESSAGE),
        ("list_rate_limit", params.get("list_rate_limit") is None or MIN_RATE <= params["list_rate_limit"] <= MAX_RATE, RATE_MESSAGE),
        ("wait_timeout", 0 < params["wait_timeout"] <= MAX_WAIT, _seconds(MAX_WAIT)),
        ("wait_interval", 0 < params["wait_interval"] <= MAX_WAIT, _seconds(MAX_WAIT)),
    )
    for option, ok, message in rules:
        if not ok:
            raise OptionError(option, message)


def deadline_seconds(params):
    """deadline, or its default: 300 s, plus wait_timeout when waiting for a status."""
    if params.get("deadline") is not None:
        return params["deadline"]
    return DEFAULT_DEADLINE + (params["wait_timeout"] if params.get("wait_for_status") else 0.0)
