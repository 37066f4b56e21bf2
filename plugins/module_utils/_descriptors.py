# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The named shapes every vendor file and API file fills in: Vendor, ApiDescriptor, ListSpec and what flows between them."""

from __future__ import annotations

from typing import Any, Callable, NamedTuple


class ApiCall(NamedTuple):
    """One vendor request, vendor-neutral: each vendor client reads the fields its wire form uses."""

    method: str
    action: str | None = None   # Alibaba RPC and Volcengine TOP: the Action name
    version: str | None = None  # their API version
    params: dict = {}           # Alibaba: query parameters; Volcengine: the JSON body
    path: tuple = ()            # Huawei REST: path segments, each percent-encoded on its own


class TimeValue(NamedTuple):
    field: str        # normalized name: created_at, updated_at, started_at, stopped_at
    vendor_name: str  # the vendor's field name, for warnings
    raw: str | None


class JobFields(NamedTuple):
    """The raw values an API's picker reads from its validated model, before normalization."""

    job_id: str | None
    name: str | None
    status: str | None
    input_url: str | None = None
    template_id: str | None = None
    template_name: str | None = None
    times: tuple = ()


class Extracted(NamedTuple):
    """A job object cut out of a response body or List item: raw dict, validated model, request id in the body."""

    obj: dict
    model: Any
    request_id: str | None


class ScopeOption(NamedTuple):
    """A per-task option an API needs besides the id (e.g. cluster_id), and what to say when it is missing."""

    name: str
    missing: str


class Scope(NamedTuple):
    """The values of the scope options for one task."""

    region: str | None = None
    cluster_id: str | None = None
    app_id: str | None = None


class Vendor(NamedTuple):
    """Everything about one vendor: credentials, hosts, its client and how it reads replies (see _vendor_*.py)."""

    name: str                   # alibaba, volcengine, huawei
    title: str                  # Alibaba Cloud, ...
    env_vars: dict              # credential/endpoint field -> environment variable names, first non-empty wins
    options: dict               # vendor-specific module options (argument spec)
    default_host: Callable      # (service, region) -> host
    make_client: Callable       # (transport, credentials, base_url, host, clock, nonce, params) -> client with send(ApiCall)
    check_credentials: Callable  # (Credentials) -> None, raises OptionError


class ListSpec(NamedTuple):
    """How one API's List call is asked and read."""

    call: Callable                  # (params: dict) -> ApiCall for one page
    page_param: str                 # PageNo / PageNum
    max_page_size: int
    default_rate_limit: float       # requests per second
    items: Callable                 # (body) -> list of raw items
    total: Callable                 # (body) -> total count or None
    read_item: Callable             # (item) -> Extracted
    base_params: Callable = lambda scope: {}   # parameters every page carries (e.g. ClusterId)
    status_param: str | None = None  # vendor status filter, sent when the wanted statuses map to one raw value
    status_values: dict | None = None  # normalized status -> raw values the filter accepts; None: the API's status_map
    keyword_param: str | None = None  # vendor keyword search (exact job id or part of the name)
    window: str | None = None       # None: no time filter; "optional" or "required" CreateTime window (ICE)
    client_name_fields: tuple = ()  # with no keyword search: details keys the name filter also matches
    batch: bool = False             # List items carry the Get's fields and the List covers every job unwindowed
    request_id: Callable = lambda body: body.get("RequestId")


class ApiDescriptor(NamedTuple):
    """Everything about one vendor API (see _api_*.py); the module, fetcher, lister and reports read only this."""

    name: str                       # ice_record, ...
    vendor: Vendor
    service: str                    # ice, live, rtc
    kind: str                       # record, snapshot, edge_transcode, pull_record
    title: str                      # "ICE recording jobs": for reports and messages
    endpoint_service: str           # which of the vendor's hosts serves it
    default_rate_limit: float       # requests per second per account (documented, or a safe choice)
    not_found_codes: frozenset
    get_call: Callable              # (job_id, scope) -> ApiCall
    read_get: Callable              # (body) -> Extracted
    pick: Callable                  # (model) -> JobFields
    status_map: dict                # raw vendor status -> normalized status
    status_of: Callable | None = None  # (JobFields) -> normalized status, for statuses the map alone cannot decide
    scope_options: tuple = ()       # ScopeOption entries the Get needs
    listing: ListSpec | None = None
    time_labels: dict = {}          # normalized time field -> what it means for this API
    schedule: tuple = ()            # (start field, end field) when the vendor gives the job's scheduled window
