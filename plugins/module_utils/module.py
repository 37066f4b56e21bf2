# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""LiveJobsModule: the shared argspec, input checks, the run, and the one place typed errors become fail_json."""

from __future__ import annotations

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib

from ._errors import ApiError, OptionError, WaitTimeout
from ._fetch import Outcome
from ._inputs import check_job_ids, check_numbers, deadline_seconds
from ._list_options import USE_LIST_CHOICES, check_list_options
from ._messages import describe_failures, describe_missing
from ._models import HAS_PYDANTIC, PYDANTIC_IMPORT_ERROR
from ._normalize import STATUSES, summarize
from ._pacing import Deadline
from ._session import open_session, utc_now
from ._transport import HAS_REQUESTS, REQUESTS_IMPORT_ERROR

WAITABLE_STATUSES = [status for status in STATUSES if status != "unknown"]


def shared_argument_spec():
    return dict(
        job_ids=dict(type="list", elements="raw", aliases=["job_id"]),
        access_key=dict(type="str", aliases=["access_key_id", "ak"], no_log=False),
        secret_key=dict(type="str", aliases=["access_key_secret", "sk"], no_log=True),
        security_token=dict(type="str", aliases=["session_token", "sts_token"], no_log=True),
        region=dict(type="str"),
        endpoint=dict(type="str"),
        validate_certs=dict(type="bool", default=True),
        ca_path=dict(type="path"),
        timeout=dict(type="float", default=10.0),
        retries=dict(type="int", default=5),
        deadline=dict(type="float"),
        max_concurrency=dict(type="int", default=8),
        rate_limit=dict(type="float"),
        shared_quota=dict(type="bool", default=True, fallback=(env_fallback, ["MEDIAOPS_LIVE_JOBS_SHARED_QUOTA"])),
        fail_on_missing=dict(type="bool", default=False),
        wait_for_status=dict(type="str", choices=WAITABLE_STATUSES),
        wait_timeout=dict(type="float", default=300.0),
        wait_interval=dict(type="float", default=5.0),
        # list mode (no job_ids) and List-backed batches: _list_options.py, _listing.py
        status=dict(type="list", elements="str", choices=list(STATUSES)),
        name=dict(type="str"),
        created_after=dict(type="str"),
        created_before=dict(type="str"),
        use_list=dict(type="str", default="auto", choices=USE_LIST_CHOICES),
        list_rate_limit=dict(type="float"),
    )


def open_module(argument_spec, **kwargs):
    """The AnsibleModule of an info module (check mode supported: they only read); fails with missing_required_lib
    when requests or pydantic is not installed where the module runs."""
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True, **kwargs)
    for has_lib, name, error in ((HAS_REQUESTS, "requests", REQUESTS_IMPORT_ERROR), (HAS_PYDANTIC, "pydantic", PYDANTIC_IMPORT_ERROR)):
        if not has_lib:
            module.fail_json(msg=missing_required_lib(name), exception=error)
    return module


def fail_on_option(module, error):
    module.fail_json(msg=f"Invalid option {error}", option=error.option)


class LiveJobsModule:
    """Wraps AnsibleModule for one info module; `apis` maps provider -> API descriptor (several when `provider` chooses)."""

    def __init__(self, apis, argument_spec=None, **kwargs):
        spec = shared_argument_spec()
        for api in apis.values():
            spec.update(api.vendor.options)
        spec.update(argument_spec or {})
        self.apis = apis
        self.module = open_module(spec, **kwargs)

    def run(self):
        try:
            self.module.exit_json(**self.gather())
        except OptionError as error:
            fail_on_option(self.module, error)
        except WaitTimeout as error:
            self.module.fail_json(msg=str(error), laggards=error.laggards, jobs=error.jobs, summary=summarize(error.jobs))
        except ApiError as error:
            self.module.fail_json(msg=error.describe(), error=error.to_dict())

    def api(self):
        provider = self.module.params.get("provider") or next(iter(self.apis))
        return self.apis[provider]

    def gather(self):
        params = self.module.params
        api = self.api()
        listing = params["job_ids"] is None
        filters = check_list_options(api, params, listing)
        job_ids = None if listing else check_job_ids(params["job_ids"])
        check_numbers(params)
        deadline = Deadline(deadline_seconds(params))
        session = open_session(api, params, deadline=deadline)
        self.module.no_log_values.update(session.credentials.secrets())
        if not params["validate_certs"]:
            self.module.warn("validate_certs is false: TLS certificates of the vendor endpoint are not verified")
        fetcher = session.fetcher()
        if listing:
            jobs, warnings = session.lister.list_jobs(filters, utc_now())
            outcome = Outcome(jobs=jobs, warnings=warnings)
        elif params["wait_for_status"]:
            outcome = fetcher.wait_for(job_ids, params["wait_for_status"], min(params["wait_timeout"], deadline.remaining()),
                                       params["wait_interval"], stop_on_missing=params["fail_on_missing"])
        else:
            outcome = fetcher.fetch_many(job_ids)
        for warning in session.warnings + outcome.warnings:
            self.module.warn(warning)
        return self.result(outcome, session.transport.stats.as_dict())

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
