# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""One task's line to one account for one API: credentials, endpoint, quota, transport, Get client and List client."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ._credentials import resolve_credentials
from ._descriptors import Scope
from ._endpoints import base_url
from ._errors import OptionError
from ._fetch import JobFetcher
from ._list_options import list_may_pay
from ._pacing import RateLimiter
from ._quota import open_shared_state
from ._transport import Transport


def utc_now():
    return datetime.now(timezone.utc)


def new_nonce():
    return uuid.uuid4().hex


@dataclass
class ApiSession:
    api: object
    credentials: object
    scope: Scope
    transport: Transport
    client: object
    list_client: object  # the List calls' client, paced by the List rate limit; None when the API has no List call
    max_workers: int
    get_rate: float
    list_rate: float | None
    use_list: str = "auto"
    warnings: list = field(default_factory=list)
    _lister: object = None

    @property
    def lister(self):
        """The List pager (_listing.Lister), imported and built on first use: most runs never page a List."""
        if self._lister is None and self.list_client is not None:
            from ._listing import Lister  # pylint: disable=import-outside-toplevel

            self._lister = Lister(self.api, self.list_client, self.scope, self.max_workers, self.get_rate, self.list_rate,
                                  self.use_list)
        return self._lister

    def batch_lister(self, count):
        """The Lister when a batch of `count` ids may be cheaper by List than by Get, else None."""
        if self.list_client is None or not list_may_pay(self.api.listing, self.use_list, count, self.get_rate, self.list_rate):
            return None
        return self.lister

    def set_deadline(self, deadline):
        """A new time budget for the Get and List calls (e.g. one per poll of a long-running watch)."""
        self.transport.deadline = deadline
        if self.list_client is not None:
            self.list_client.transport.deadline = deadline

    def fetcher(self):
        return JobFetcher(self.api, self.client, self.scope, self.max_workers, batch_lister=self.batch_lister)


def check_scope(api, params):
    """The scope options the API needs; OptionError before any request when one is missing."""
    for option in api.scope_options:
        if not (params.get(option.name) or "").strip():
            raise OptionError(option.name, option.missing)
    return Scope(region=params.get("region"), cluster_id=params.get("cluster_id"), app_id=params.get("app_id"))


def make_limiter(api, host, credentials, quota_name, rate, shared, warnings, environ=None):
    """A RateLimiter whose state is shared by every process of this account and API, or local when it cannot be."""
    if not shared:
        return RateLimiter(rate)
    try:
        state = open_shared_state(api.vendor.name, host, credentials.account_id(), quota_name, environ)
    except OSError as exc:
        warnings.append(f"the shared quota file cannot be used ({type(exc).__name__}: {exc.strerror or exc}); this task paces alone")
        return RateLimiter(rate)
    return RateLimiter(rate, state=state)


def open_session(api, params, deadline=None, guard=None, environ=None, http_session=None, clock=utc_now, nonce=new_nonce,
                 credentials=None):
    """Everything a task needs to read `api` with `params` (module options); raises OptionError before any request.

    credentials: already resolved from these params (the caller needed them first, e.g. to pick a guard)."""
    environ = os.environ if environ is None else environ
    scope = check_scope(api, params)
    credentials = credentials or resolve_credentials(api.vendor, params, environ)
    # the region may come from the environment: the request parameters must use the region the endpoint was chosen by
    scope = scope._replace(region=credentials.region)
    url, host = base_url(credentials.endpoint, lambda: api.vendor.default_host(api.endpoint_service, credentials.region))
    warnings = []
    shared = params.get("shared_quota", True)
    get_rate = params.get("rate_limit") or api.default_rate_limit
    transport = Transport(
        timeout=params.get("timeout", 10.0), validate_certs=params.get("validate_certs", True), ca_path=params.get("ca_path"),
        retries=params.get("retries", 5), max_connections=params.get("max_concurrency", 8), session=http_session,
        rate_limiter=make_limiter(api, host, credentials, api.name, get_rate, shared, warnings, environ), deadline=deadline, guard=guard,
    )
    client = api.vendor.make_client(transport, credentials, url, host, clock, nonce, params)
    list_client = list_rate = None
    if api.listing is not None:
        list_rate = params.get("list_rate_limit") or api.listing.default_rate_limit
        limiter = make_limiter(api, host, credentials, api.name + ".list", list_rate, shared, warnings, environ)
        list_client = api.vendor.make_client(transport.with_rate_limiter(limiter), credentials, url, host, clock, nonce, params)
    return ApiSession(api, credentials, scope, transport, client, list_client, params.get("max_concurrency", 8), get_rate, list_rate,
                      params.get("use_list") or "auto", warnings)
