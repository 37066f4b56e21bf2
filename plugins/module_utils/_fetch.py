# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The run loop: fetch many ids in parallel (input order kept), sort found / missing / failed, and wait for a status."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ._errors import ApiError, WaitTimeout, not_sent_error
from ._models import NormalizeError
from ._normalize import normalize_job
from ._transport import map_ordered


@dataclass
class Outcome:
    jobs: list = field(default_factory=list)
    missing: dict = field(default_factory=dict)
    failures: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)


class JobFetcher:
    def __init__(self, api, client, scope, max_workers, batch_lister=None):
        self.api = api
        self.client = client
        self.scope = scope
        self.max_workers = max_workers
        # batch_lister(count): a _listing.Lister when a List-backed batch may be cheaper, else None (one Get per id)
        self.batch_lister = batch_lister

    def fetch_one(self, job_id):
        """(job, warnings) for a found id, (None, [ApiError]) for an id the vendor reports as not found."""
        try:
            reply = self.client.send(self.api.get_call(job_id, self.scope))
        except ApiError as error:
            if error.code in self.api.not_found_codes:
                return None, [error]
            raise
        try:
            return normalize_job(self.api, reply.body, reply.request_id)
        except NormalizeError as exc:
            raise ApiError(self.api.vendor.name, "UnexpectedResponse", str(exc), reply.http_status, reply.request_id) from None

    def fetch_many(self, job_ids):
        outcome = Outcome()
        try:
            lister = self.batch_lister(len(job_ids)) if self.batch_lister is not None else None
            listed, outcome.warnings = lister.prefetch(job_ids) if lister is not None else ({}, [])
        except ApiError as error:  # the List call's credentials were rejected: no Get is sent either
            outcome.failures = {job_id: error if position == 0 else not_sent_error(error) for position, job_id in enumerate(job_ids)}
            return outcome
        rest = [job_id for job_id in job_ids if job_id not in listed]
        fetched = dict(zip(rest, map_ordered(self.fetch_one, rest, self.max_workers)))
        for job_id in job_ids:
            result, error = (listed[job_id], None) if job_id in listed else fetched[job_id]
            if error is not None:
                outcome.failures[job_id] = error
            elif result[0] is None:
                outcome.missing[job_id] = result[1][0]
            else:
                outcome.jobs.append(result[0])
                outcome.warnings.extend(result[1])
        return outcome

    def wait_for(self, job_ids, status, timeout, interval, clock=None, sleep=None, stop_on_missing=False):
        """Poll until every id reports status; only ids not there yet are asked again. Raises WaitTimeout.

        Missing ids are polled again (a job may be created meanwhile) unless stop_on_missing asks to give up at once."""
        clock = clock or time.monotonic
        sleep = sleep or time.sleep
        started = clock()
        latest = {}
        warnings = []
        pending = list(job_ids)
        while True:
            outcome = self.fetch_many(pending)
            warnings.extend(w for w in outcome.warnings if w not in warnings)
            outcome.warnings = warnings
            latest.update(zip(_found_ids(pending, outcome), outcome.jobs))
            if outcome.failures or (stop_on_missing and outcome.missing):
                return _merge(job_ids, latest, outcome)
            pending = [job_id for job_id in pending if job_id in outcome.missing or latest[job_id]["status"] != status]
            if not pending:
                return _merge(job_ids, latest, outcome)
            waited = clock() - started
            if waited + interval > timeout:
                laggards = {job_id: latest[job_id]["status"] if job_id in latest else "missing" for job_id in pending}
                raise WaitTimeout(status, laggards, waited, [latest[job_id] for job_id in job_ids if job_id in latest])
            sleep(interval)


def _found_ids(requested, outcome):
    return [job_id for job_id in requested if job_id not in outcome.missing and job_id not in outcome.failures]


def _merge(job_ids, latest, last_round):
    """The last known state of every id, in input order, plus what the last round found missing or failed."""
    merged = Outcome(missing=last_round.missing, failures=last_round.failures, warnings=last_round.warnings)
    merged.jobs = [latest[job_id] for job_id in job_ids if job_id in latest and job_id not in last_round.missing]
    return merged
