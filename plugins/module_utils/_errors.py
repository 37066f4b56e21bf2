# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Typed errors raised anywhere in module_utils; only the module wrapper turns them into fail_json."""

from __future__ import annotations


class LiveJobsError(Exception):
    """Base class of every error this collection raises on purpose."""


class OptionError(LiveJobsError):
    """A module option is missing or invalid; raised before any request is sent."""

    def __init__(self, option, message):
        super().__init__(f"{option}: {message}")
        self.option = option


class ApiError(LiveJobsError):
    """A vendor call failed: a vendor error body, an unexpected HTTP status or a transport problem.

    Never carries a secret, a signature, a signed header or a request body.
    """

    def __init__(self, provider, code, message, http_status=None, request_id=None, retryable=False, retry_after=None,
                 throttled=False, credential=False):
        self.provider = provider
        # set by the vendor that read the reply: throttling is retried while the task's deadline lasts; a credential,
        # signature or permission error stops every further request of the account in the task
        self.throttled = throttled
        self.credential = credential
        self.code = code
        self.message = message
        self.http_status = http_status
        self.request_id = request_id
        self.retryable = retryable
        self.retry_after = retry_after
        super().__init__(self.describe())

    def describe(self):
        parts = [f"{self.provider} error {self.code}: {self.message}"]
        if self.http_status is not None:
            parts.append(f"HTTP status {self.http_status}")
        if self.request_id:
            parts.append(f"request id {self.request_id}")
        return "; ".join(parts)

    def to_dict(self):
        return {
            "provider": self.provider,
            "code": self.code,
            "message": self.message,
            "http_status": self.http_status,
            "request_id": self.request_id,
            "retryable": self.retryable,
        }


def not_sent_error(cause):
    """The error an id gets when its request is not sent because the account's credentials were already rejected."""
    return ApiError(cause.provider, cause.code, f"not sent: the credentials were rejected on an earlier request ({cause.message})",
                    cause.http_status, None, retryable=False, credential=True)


def deadline_error(provider, deadline, last=None):
    """The error an id gets when the task's deadline runs out before it could be read."""
    tail = f"; last error {last.code}: {last.message}" if last is not None else ""
    return ApiError(provider, "DeadlineExceeded", f"the task's deadline of {deadline:g}s ran out before this job could be read{tail}")


class WaitTimeout(LiveJobsError):
    """wait_for_status did not see every id reach the status in time."""

    def __init__(self, wanted_status, laggards, waited, jobs=None):
        self.wanted_status = wanted_status
        self.laggards = laggards
        self.waited = waited
        self.jobs = jobs or []
        listing = ", ".join(f"{job_id} ({status})" for job_id, status in laggards.items())
        super().__init__(f"timed out after {waited:.0f}s waiting for status {wanted_status}; not there yet: {listing}")
