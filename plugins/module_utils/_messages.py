# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Failure messages that stay short for a thousand ids: grouped by error code, with counts and a few example ids."""

from __future__ import annotations

EXAMPLES = 3


def group_by_code(errors):
    """{(provider, code): [job ids]} in the order the codes first appear."""
    groups = {}
    for job_id, error in errors.items():
        groups.setdefault((error.provider, error.code), []).append(job_id)
    return groups


def examples(job_ids, limit=EXAMPLES):
    shown = ", ".join(job_ids[:limit])
    return shown + (f" and {len(job_ids) - limit} more" if len(job_ids) > limit else "")


def describe_failures(failures, total):
    """'N of T job ids failed: <code> (<first error>): K ids, e.g. a, b, c; ...'."""
    parts = []
    for ids in group_by_code(failures).values():
        cause = next((failures[job_id] for job_id in ids if failures[job_id].request_id), failures[ids[0]])
        count = "1 id" if len(ids) == 1 else f"{len(ids)} ids"
        parts.append(f"{cause.describe()}: {count} ({examples(ids)})")
    return f"{len(failures)} of {total} job ids failed: " + "; ".join(parts)


def describe_missing(missing):
    parts = []
    for (_provider, code), ids in group_by_code(missing).items():
        request_id = next((missing[job_id].request_id for job_id in ids if missing[job_id].request_id), None)
        parts.append(f"{code}: {len(ids)} ({examples(ids)}; request id {request_id or 'none'})")
    return f"{len(missing)} job ids were not found and fail_on_missing is true: " + "; ".join(parts)
