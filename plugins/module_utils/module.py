# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""LiveJobsModule: the shared argspec, input checks, credentials, and the one place typed errors become fail_json."""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import replace
from datetime import datetime, timezone

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ._apis import APIS, Scope
from ._credentials import resolve_credentials
from ._errors import ApiError, OptionError, WaitTimeout
from ._fetch import JobFetcher, Outcome
from ._listing import LIST_APIS, USE_LIST_CHOICES, Lister, check_list_options, list_transport
from ._normalize import HAS_PYDANTIC, PYDANTIC_IMPORT_ERROR, STATUSES, summarize
from ._transport import HAS_REQUESTS, REQUESTS_IMPORT_ERROR, RateLimiter, Transport

MAX_JOB_ID_LENGTH = 128
MAX_TIMEOUT = 3600.0
MAX_WAIT = 7 * 86400.0
MIN_RATE, MAX_RATE = 0.001, 1000000.0
RATE_MESSAGE = f"must be between {MIN_RATE} and {MAX_RATE:.0f} requests per second"
WAITABLE_STATUSES = [status for status in STATUSES if status != "unknown"]


def shared_argument_spec():
    return dict(
        job_ids=dict(type="list", elements="str", aliases=["job_id"]),
        access_key=dict(type="str", aliases=["access_key_id", "ak"], no_log=False),
        secret_key=dict(type="str", aliases=["access_key_secret", "sk"], no_log=True),
        security_token=dict(type="str", aliases=["session_token", "sts_token"], no_log=True),
        region=dict(type="str"),
        endpoint=dict(type="str"),
        validate_certs=dict(type="bool", default=True),
        ca_path=dict(type="path"),
        timeout=dict(type="float", default=10.0),
        retries=dict(type="int", default=5),
        max_concurrency=dict(type="int", default=8),
        rate_limit=dict(type="float"),
        fail_on_missing=dict(type="bool", default=False),
        wait_for_status=dict(type="str", choices=WAITABLE_STATUSES),
        wait_timeout=dict(type="float", default=300.0),
        wait_interval=dict(type="float", default=5.0),
        # list mode (no job_ids) and List-backed batches: _listing.py
        status=dict(type="list", elements="str", choices=list(STATUSES)),
        name=dict(type="str"),
        created_after=dict(type="str"),
        created_before=dict(type="str"),
        use_list=dict(type="str", default="auto", choices=USE_LIST_CHOICES),
        list_rate_limit=dict(type="float"),
    )


ALIBABA_ARGUMENT_SPEC = dict(signature_version=dict(type="str", default="v3", choices=["v3", "v1"]))
HUAWEI_ARGUMENT_SPEC = dict(
    app_id=dict(type="str"),
    project_id=dict(type="str"),
    auth_token=dict(type="str", no_log=True),
)


def utc_now():
    return datetime.now(timezone.utc)


def new_nonce():
    return uuid.uuid4().hex


def check_job_ids(job_ids, option="job_ids"):
    """The ids to query, duplicates dropped (first kept); OptionError before any request is sent."""
    if not job_ids:
        raise OptionError(option, "give at least one job id, or omit the option to list every job")
    for position, job_id in enumerate(job_ids, start=1):
        if not job_id.strip():
            raise OptionError(option, f"item {position} is empty or only whitespace")
        if len(job_id) > MAX_JOB_ID_LENGTH:
            raise OptionError(option, f"item {position} is {len(job_id)} characters long; job ids are at most {MAX_JOB_ID_LENGTH}")
        if any(unicodedata.category(char) == "Cc" for char in job_id):
            raise OptionError(option, f"item {position} contains a control character")
    return list(dict.fromkeys(job_ids))


def check_numbers(params):
    rules = (
        # upper bounds too: .inf / 1e300 would make requests (time_t) or time.sleep raise OverflowError mid-run; NaN fails every test
        ("timeout", 0 < params["timeout"] <= MAX_TIMEOUT, f"must be greater than 0 and at most {MAX_TIMEOUT:.0f} seconds"),
        ("retries", 0 <= params["retries"] <= 20, "must be between 0 and 20"),
        ("max_concurrency", 1 <= params["max_concurrency"] <= 64, "must be between 1 and 64"),
        ("rate_limit", params["rate_limit"] is None or MIN_RATE <= params["rate_limit"] <= MAX_RATE, RATE_MESSAGE),
        ("list_rate_limit", params.get("list_rate_limit") is None or MIN_RATE <= params["list_rate_limit"] <= MAX_RATE, RATE_MESSAGE),
        ("wait_timeout", 0 < params["wait_timeout"] <= MAX_WAIT, f"must be greater than 0 and at most {MAX_WAIT:.0f} seconds"),
        ("wait_interval", 0 < params["wait_interval"] <= MAX_WAIT, f"must be greater than 0 and at most {MAX_WAIT:.0f} seconds"),
    )
    for option, ok, message in rules:
        if not ok:
            raise OptionError(option, message)


class LiveJobsModule:
    """Wraps AnsibleModule for one info module; `apis` maps provider -> API name (several when `provider` chooses)."""

    def __init__(self, apis, argument_spec=None, **kwargs):
        spec = shared_argument_spec()
        spec.update(argument_spec or {})
        self.apis = apis
        self.module = AnsibleModule(argument_spec=spec, supports_check_mode=True, **kwargs)
        for has_lib, name, error in ((HAS_REQUESTS, "requests", REQUESTS_IMPORT_ERROR), (HAS_PYDANTIC, "pydantic", PYDANTIC_IMPORT_ERROR)):
            if not has_lib:
                self.module.fail_json(msg=missing_required_lib(name), exception=error)

    def run(self):
        try:
            self.module.exit_json(**self.gather())
        except OptionError as error:
            self.module.fail_json(msg=f"Invalid option {error}", option=error.option)
        except WaitTimeout as error:
            self.module.fail_json(msg=str(error), laggards=error.laggards, jobs=error.jobs, summary=summarize(error.jobs))
        except ApiError as error:
            self.module.fail_json(msg=error.describe(), error=error.to_dict())

    def api(self):
        provider = self.module.params.get("provider") or next(iter(self.apis))
        return APIS[self.apis[provider]]

    def scope(self, api):
        params = self.module.params
        scope = Scope(region=params.get("region"), cluster_id=params.get("cluster_id"), app_id=params.get("app_id"))
        if api.kind == "edge_transcode" and not (scope.cluster_id or "").strip():
            raise OptionError("cluster_id", "is required for edge transcoding jobs (the ID of the data center that runs them)")
        if api.provider == "huawei" and not (scope.app_id or "").strip():
            raise OptionError("app_id", "is required for Huawei Cloud SparkRTC jobs (the SparkRTC application ID)")
        return scope

    def gather(self):
        params = self.module.params
        api = self.api()
        listing = params["job_ids"] is None
        filters = check_list_options(api, params, listing)
        job_ids = None if listing else check_job_ids(params["job_ids"])
        check_numbers(params)
        scope = self.scope(api)
        credentials = resolve_credentials(api.provider, params)
        # the region may come from the environment: the request parameters must use the region the endpoint was chosen by
        scope = replace(scope, region=credentials.region)
        self.module.no_log_values.update(credentials.secrets())
        if not params["validate_certs"]:
            self.module.warn("validate_certs is false: TLS certificates of the vendor endpoint are not verified")
        transport = Transport(
            timeout=params["timeout"], validate_certs=params["validate_certs"], ca_path=params["ca_path"], retries=params["retries"],
            rate_limiter=RateLimiter(params["rate_limit"] or api.default_rate_limit), max_connections=params["max_concurrency"],
        )
        client = api.make_client(transport, credentials, credentials.endpoint, params.get("signature_version") or "v3", utc_now, new_nonce)
        lister = self.lister(api, transport, credentials, scope)
        fetcher = JobFetcher(api, client, scope, params["max_concurrency"], lister=lister)
        if listing:
            jobs, warnings = lister.list_jobs(filters, utc_now())
            outcome = Outcome(jobs=jobs, warnings=warnings)
        elif params["wait_for_status"]:
            outcome = fetcher.wait_for(
                job_ids, params["wait_for_status"], params["wait_timeout"], params["wait_interval"], stop_on_missing=params["fail_on_missing"],
            )
        else:
            outcome = fetcher.fetch_many(job_ids)
        for warning in outcome.warnings:
            self.module.warn(warning)
        return self.result(outcome, transport.stats.as_dict())

    def lister(self, api, transport, credentials, scope):
        """A Lister over the API's List call (its own rate limit, same session and counters), or None without one."""
        desc = LIST_APIS.get(api.name)
        if desc is None:
            return None
        params = self.module.params
        list_rate = params.get("list_rate_limit") or desc.default_rate_limit
        client = api.make_client(list_transport(transport, list_rate), credentials, credentials.endpoint,
                                 params.get("signature_version") or "v3", utc_now, new_nonce)
        return Lister(desc, client, scope, params["max_concurrency"], params["rate_limit"] or api.default_rate_limit, list_rate,
                      params.get("use_list") or "auto")

    def result(self, outcome, stats):
        problems = {**outcome.missing, **outcome.failures}
        result = dict(
            changed=False, jobs=outcome.jobs, missing_ids=list(outcome.missing), failed_ids=list(outcome.failures),
            errors={job_id: error.to_dict() for job_id, error in problems.items()}, summary=summarize(outcome.jobs), api_calls=stats,
        )
        if outcome.failures:
            first = next(iter(outcome.failures.values()))
            total = len(outcome.jobs) + len(problems)
            self.module.fail_json(msg=describe_failures(outcome.failures, total), error=first.to_dict(), **result)
        if outcome.missing and self.module.params["fail_on_missing"]:
            self.module.fail_json(msg=describe_missing(outcome.missing), **result)
        return result


def describe_failures(failures, total):
    details = "; ".join(f"{job_id}: {error.describe()}" for job_id, error in failures.items())
    return f"{len(failures)} of {total} job ids failed: {details}"


def describe_missing(missing):
    details = ", ".join(f"{job_id} ({error.code}, request id {error.request_id or 'none'})" for job_id, error in missing.items())
    return f"{len(missing)} job ids were not found and fail_on_missing is true: {details}"
