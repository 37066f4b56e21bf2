# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Check groups: many APIs, regions and accounts read at the same time (readiness_info, the job_status event source).

A group is one API with one account, region and scope, and either the ids it expects (`expect`) or a List selector
(`select`). Every group is checked and its session opened before any request; then every group is read in its own
thread, each within its own account's quota, so the whole check takes about as long as its slowest group.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ._credentials import resolve_credentials
from ._errors import ApiError, OptionError
from ._fetch import Outcome
from ._inputs import check_job_ids, check_numbers, deadline_seconds
from ._list_options import ListFilters, parse_time
from ._normalize import STATUSES
from ._pacing import Deadline
from ._session import open_session, utc_now
from ._transport import CredentialGuard

EXPECTABLE_STATUSES = tuple(status for status in STATUSES if status != "unknown")
FIELD_EXPECTATIONS = ("name", "input_url", "template_id", "template_name")
TRANSPORT_OPTIONS = ("endpoint", "region", "signature_version", "access_key", "secret_key", "security_token", "auth_token",
                     "project_id", "rate_limit", "timeout", "retries", "deadline", "validate_certs", "ca_path", "max_concurrency")
MODULE_DEFAULTS = dict(timeout=10.0, retries=5, max_concurrency=8, validate_certs=True, wait_timeout=300.0, wait_interval=5.0,
                       use_list="auto", shared_quota=True)


@dataclass
class Expectation:
    status: str | None = None
    fields: dict = field(default_factory=dict)
    covers_window: bool = False


@dataclass
class Selector:
    filters: ListFilters
    expect_status: str | None = None
    min_count: int = 1
    text: str = ""


@dataclass
class Group:
    index: int
    api: object
    label: str
    params: dict
    expect: dict            # job id -> Expectation
    selector: Selector | None
    session: object = None


@dataclass
class GroupResult:
    group: Group
    outcome: Outcome
    seconds: float
    stats: dict
    error: ApiError | None = None   # the whole group could not be read (e.g. a selector's List call failed)


def _where(index, key=None):
    return f"checks[{index}]" + (f".{key}" if key else "")


def parse_expectation(index, job_id, value, api, window):
    if isinstance(value, str):
        value = {"status": value}
    if not isinstance(value, dict):
        raise OptionError(_where(index, f"expect.{job_id}"), "must be a status or a mapping with status and field values")
    unknown = sorted(set(value) - {"status", "covers_window", *FIELD_EXPECTATIONS})
    if unknown:
        raise OptionError(_where(index, f"expect.{job_id}.{unknown[0]}"), "is not an expectation; use status, "
                          + ", ".join(FIELD_EXPECTATIONS) + " or covers_window")
    status = value.get("status")
    if status is not None and status not in EXPECTABLE_STATUSES:
        raise OptionError(_where(index, f"expect.{job_id}.status"), f"{status!r} is not one of {', '.join(EXPECTABLE_STATUSES)}")
    covers = bool(value.get("covers_window", False))
    if covers and not api.schedule:
        raise OptionError(_where(index, f"expect.{job_id}.covers_window"), f"{api.name} jobs have no scheduled times to compare with the window")
    if covers and window is None:
        raise OptionError("window", f"{_where(index, f'expect.{job_id}.covers_window')} needs the event's window: {{start, end}}")
    fields = {name: value[name] for name in FIELD_EXPECTATIONS if name in value}
    return Expectation(status, fields, covers)


def parse_selector(index, select, api):
    if api.listing is None:
        raise OptionError(_where(index, "select"), f"{api.name} has no List call; list the job ids under expect instead")
    if not isinstance(select, dict):
        raise OptionError(_where(index, "select"), "must be a mapping of name, status, created_after, created_before, expect_status, min_count")
    unknown = sorted(set(select) - {"name", "status", "created_after", "created_before", "expect_status", "min_count"})
    if unknown:
        raise OptionError(_where(index, f"select.{unknown[0]}"), "is not a selector key")
    statuses = select.get("status") or ()
    statuses = (statuses,) if isinstance(statuses, str) else tuple(statuses)
    for status in statuses + ((select["expect_status"],) if select.get("expect_status") else ()):
        if status not in STATUSES:
            raise OptionError(_where(index, "select"), f"{status!r} is not one of {', '.join(STATUSES)}")
    min_count = select.get("min_count", 1)
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 0:
        raise OptionError(_where(index, "select.min_count"), "must be a whole number, 0 or more")
    filters = ListFilters(statuses=statuses, name=select.get("name") or None,
                          created_after=parse_time(select.get("created_after"), _where(index, "select.created_after")),
                          created_before=parse_time(select.get("created_before"), _where(index, "select.created_before")))
    text = ", ".join(f"{key}={select[key]}" for key in ("name", "status", "created_after", "created_before") if select.get(key))
    return Selector(filters, select.get("expect_status"), min_count, text or "every job")


def group_params(check, defaults, endpoint):
    params = dict(MODULE_DEFAULTS)
    params.update({key: value for key, value in (defaults or {}).items() if value is not None})
    params.update({key: value for key, value in check.items() if key in TRANSPORT_OPTIONS + ("cluster_id", "app_id") and value is not None})
    if not params.get("endpoint") and endpoint:
        params["endpoint"] = endpoint
    params.setdefault("rate_limit", None)
    return params


def parse_group(index, check, apis, defaults=None, endpoint=None, window=None):
    """A Group from one entry of `checks`; OptionError naming checks[N].key for anything wrong."""
    api = apis.get(check.get("api"))
    if api is None:
        raise OptionError(_where(index, "api"), f"{check.get('api')!r} is not one of {', '.join(apis)}")
    expect, select = check.get("expect"), check.get("select")
    if not expect and not select:
        raise OptionError(_where(index), "needs expect (job ids and the status each must be in) or select")
    if expect is not None and not isinstance(expect, dict):
        raise OptionError(_where(index, "expect"), "must be a mapping of job id to status")
    ids = check_job_ids(list((expect or {}).keys()), _where(index, "expect")) if expect else []
    expectations = {job_id: parse_expectation(index, job_id, value, api, window) for job_id, value in zip(ids, (expect or {}).values())}
    selector = parse_selector(index, select, api) if select else None
    params = group_params(check, defaults, endpoint)
    try:
        check_numbers(params)
    except OptionError as error:
        raise OptionError(_where(index, error.option), str(error).split(": ", 1)[1]) from None
    return Group(index, api, str(check.get("label") or ""), params, expectations, selector)


def label_groups(groups):
    """Unlabelled groups are named by their API's title, numbered when the title repeats (e.g. in the older event form)."""
    titles = [group.api.title for group in groups if not group.label]
    seen = {}
    for group in groups:
        if not group.label:
            seen[group.api.title] = seen.get(group.api.title, 0) + 1
            repeated = titles.count(group.api.title) > 1
            group.label = f"{group.api.title} #{seen[group.api.title]}" if repeated else group.api.title
    return groups


def open_groups(groups, environ=None, http_session=None):
    """Open every group's session (credentials, endpoint) before any request; one CredentialGuard per set of credentials."""
    guards = {}
    for group in groups:
        try:
            credentials = resolve_credentials(group.api.vendor, group.params, environ)
            guard = guards.setdefault(credentials.identity(), CredentialGuard())
            deadline = Deadline(deadline_seconds(group.params))
            group.session = open_session(group.api, group.params, deadline=deadline, guard=guard, environ=environ,
                                         http_session=http_session, credentials=credentials)
        except OptionError as error:
            raise OptionError(_where(group.index, error.option), str(error).split(": ", 1)[1]) from None
    return groups


def read_group(group):
    started = time.monotonic()
    session = group.session
    outcome, error = Outcome(), None
    try:
        if group.expect:
            outcome = session.fetcher().fetch_many(list(group.expect))
        if group.selector is not None:
            jobs, warnings = session.lister.list_jobs(group.selector.filters, utc_now())
            outcome.jobs.extend(jobs)
            outcome.warnings.extend(warnings)
    except ApiError as exc:
        error = exc
    return GroupResult(group, outcome, time.monotonic() - started, session.transport.stats.as_dict(), error)


def read_groups(groups):
    """Read every group at once (one thread each); results in the groups' order."""
    if len(groups) <= 1:
        return [read_group(group) for group in groups]
    with ThreadPoolExecutor(max_workers=len(groups)) as pool:
        return list(pool.map(read_group, groups))
