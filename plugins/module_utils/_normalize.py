# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Vendor response bodies -> the one normalized Job shape (pydantic models, status maps, UTC times)."""
from __future__ import annotations

import re
import traceback
from collections import Counter
from datetime import datetime, timedelta, timezone
from functools import lru_cache

try:
    from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
except ImportError:
    HAS_PYDANTIC = False
    PYDANTIC_IMPORT_ERROR = traceback.format_exc()

    class BaseModel:  # pylint: disable=too-few-public-methods
        """Stand-in so this file imports without pydantic; the module wrapper fails with missing_required_lib first."""

    class ValidationError(ValueError):
        """Stand-in for pydantic.ValidationError (never raised without pydantic)."""

    def ConfigDict(**kwargs):  # pylint: disable=invalid-name
        return kwargs

    def Field(default=None, **kwargs):  # pylint: disable=invalid-name,unused-argument
        return default

    def field_validator(*args, **kwargs):  # pylint: disable=unused-argument
        return lambda func: func
else:
    HAS_PYDANTIC = True
    PYDANTIC_IMPORT_ERROR = None


KINDS = ("record", "snapshot", "edge_transcode", "pull_record")
STATUSES = ("pending", "running", "paused", "stopped", "finished", "unknown")
APIS = ("ice_record", "ice_snapshot", "live_edge_transcode", "volc_pull_record", "huawei_record")

JOB_KEYS = (
    "job_id", "name", "provider", "service", "kind", "status", "provider_status", "input_url", "template_id",
    "template_name", "created_at", "updated_at", "started_at", "stopped_at", "request_id", "details",
)


class NormalizeError(ValueError):
    """A response body cannot be turned into a job: not an object, no job object, no job id, or plainly wrong types."""


# ---------------------------------------------------------------------------------------------------------------
# Key and time helpers
# ---------------------------------------------------------------------------------------------------------------

_ACRONYM_RE = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD_RE = re.compile(r"([a-z0-9])([A-Z])")
_SEPARATOR_RE = re.compile(r"[-\s]+")


@lru_cache(maxsize=4096)
def snake_case(name: str) -> str:
    """CamelCase / PascalCase / header-style name -> snake_case ("JobID" -> "job_id", "X-Request-Id" -> "x_request_id")."""
    if not isinstance(name, str):
        return name
    out = _ACRONYM_RE.sub(r"\1_\2", name)
    out = _WORD_RE.sub(r"\1_\2", out)
    out = _SEPARATOR_RE.sub("_", out)
    return out.lower()


def snake_keys(value):
    """Recursively snake_case the keys of dicts (inside lists too); values are returned untouched.

    When two keys collapse to the same snake_case name, a key already in snake_case keeps it and the other keeps its
    original spelling, so nothing is lost.
    """
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            new_key = snake_case(key) if isinstance(key, str) else key
            if new_key in out:
                return _snake_keys_colliding(value)
            out[new_key] = snake_keys(item)
        return out
    if isinstance(value, (list, tuple)):
        return [snake_keys(item) for item in value]
    return value


def _snake_keys_colliding(value):
    # Original keys that change under snake_case contain an upper-case letter, '-' or whitespace, which no
    # snake_case result does, so keeping such a key's original spelling can never collide again.
    out = {key: snake_keys(item) for key, item in value.items() if not isinstance(key, str) or snake_case(key) == key}
    for key, item in value.items():
        if isinstance(key, str) and snake_case(key) != key:
            new_key = snake_case(key)
            out[key if new_key in out else new_key] = snake_keys(item)
    return out


_TIME_RE = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
    r"\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?\s*$"
)
_UTC = timezone.utc


@lru_cache(maxsize=8192)
def _to_utc(raw: str):
    """ISO 8601 text -> "YYYY-MM-DDTHH:MM:SS[.mmm]Z" (UTC), or None when it cannot be parsed. Naive times are UTC."""
    match = _TIME_RE.match(raw)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, _zulu, sign, off_h, off_m = match.groups()
    try:
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        if sign:
            hours, minutes = int(off_h), int(off_m or 0)
            if hours > 23 or minutes > 59:
                return None
            offset = timedelta(hours=hours, minutes=minutes)
            moment = moment.replace(tzinfo=timezone(-offset if sign == "-" else offset)).astimezone(_UTC)
    except (ValueError, OverflowError):
        return None
    text = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
    if fraction:
        text += "." + fraction[:3].ljust(3, "0")
    return text + "Z"


def _short(value, limit=64):
    """repr() of a raw value, cut short so a warning never carries a whole body."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _none_if_empty(value):
    return value if value else None


# ---------------------------------------------------------------------------------------------------------------
# Pydantic models (built once, at import time). Only the fields the normalized shape reads are declared; every other
# vendor field passes through as an extra. Declared scalars are strings: JSON numbers are coerced (Huawei sends
# job_id: 1, List filters type edge Status as int); anything else of the wrong type is a validation error.
# ---------------------------------------------------------------------------------------------------------------


class _VendorModel(BaseModel):
    """Base of every vendor model: unknown fields kept, populated by vendor alias or python name."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, defer_build=True)

    @field_validator("*", mode="before")
    @classmethod
    def _numbers_to_str(cls, value):
        # bool is an int subclass but never a sensible string; leave it to fail validation
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        return value


class IceStreamInput(_VendorModel):
    """ICE StreamInput object (record and snapshot jobs)."""

    type: str | None = Field(default=None, alias="Type")
    url: str | None = Field(default=None, alias="Url")


class IceRecordJob(_VendorModel):
    """GetLiveRecordJob RecordJob / ListLiveRecordJobs LiveRecordJobs[] item."""

    job_id: str | None = Field(default=None, alias="JobId")
    name: str | None = Field(default=None, alias="Name")
    status: str | None = Field(default=None, alias="Status")
    create_time: str | None = Field(default=None, alias="CreateTime")
    template_id: str | None = Field(default=None, alias="TemplateId")
    template_name: str | None = Field(default=None, alias="TemplateName")
    stream_input: IceStreamInput | None = Field(default=None, alias="StreamInput")


class IceRecordBody(_VendorModel):
    """GetLiveRecordJob response body."""

    request_id: str | None = Field(default=None, alias="RequestId")
    record_job: IceRecordJob | None = Field(default=None, alias="RecordJob")


class IceSnapshotJob(_VendorModel):
    """GetLiveSnapshotJob response body (fields at top level) / ListLiveSnapshotJobs JobList[] item."""

    request_id: str | None = Field(default=None, alias="RequestId")
    job_id: str | None = Field(default=None, alias="JobId")
    job_name: str | None = Field(default=None, alias="JobName")
    status: str | None = Field(default=None, alias="Status")
    create_time: str | None = Field(default=None, alias="CreateTime")
    last_modified: str | None = Field(default=None, alias="LastModified")
    template_id: str | None = Field(default=None, alias="TemplateId")
    template_name: str | None = Field(default=None, alias="TemplateName")
    stream_input: IceStreamInput | None = Field(default=None, alias="StreamInput")


class EdgeTranscodeJob(_VendorModel):
    """GetEdgeTranscodeJob Job / ListEdgeTranscodeJob JobList.Job[] item (every field a string)."""

    job_id: str | None = Field(default=None, alias="JobId")
    name: str | None = Field(default=None, alias="Name")
    status: str | None = Field(default=None, alias="Status")
    create_time: str | None = Field(default=None, alias="CreateTime")
    last_start_at: str | None = Field(default=None, alias="LastStartAt")
    last_stop_at: str | None = Field(default=None, alias="LastStopAt")
    stream_input: str | None = Field(default=None, alias="StreamInput")
    template_id: str | None = Field(default=None, alias="TemplateId")
    template_name: str | None = Field(default=None, alias="TemplateName")


class EdgeTranscodeBody(_VendorModel):
    """GetEdgeTranscodeJob response body."""

    request_id: str | None = Field(default=None, alias="RequestId")
    job: EdgeTranscodeJob | None = Field(default=None, alias="Job")


class VolcPullRecordTask(_VendorModel):
    """GetPullRecordTask Result (flat) or Result.TaskDetail / ListPullRecordTask Result.List[] item."""

    task_id: str | None = Field(default=None, alias="TaskId")
    status: str | None = Field(default=None, alias="Status")
    start_time: str | None = Field(default=None, alias="StartTime")
    end_time: str | None = Field(default=None, alias="EndTime")


class VolcPullRecordResult(VolcPullRecordTask):
    """GetPullRecordTask Result: flat task fields, or the task wrapped in TaskDetail (Go SDK since 2025-02)."""

    task_detail: VolcPullRecordTask | None = Field(default=None, alias="TaskDetail")


class VolcResponseMetadata(_VendorModel):
    """Volcengine ResponseMetadata (only RequestId is read here)."""

    request_id: str | None = Field(default=None, alias="RequestId")


class VolcPullRecordBody(_VendorModel):
    """GetPullRecordTask full response body."""

    response_metadata: VolcResponseMetadata | None = Field(default=None, alias="ResponseMetadata")
    result: VolcPullRecordResult | None = Field(default=None, alias="Result")


class HuaweiRecordParam(_VendorModel):
    """Huawei RecordParam object."""

    record_rule_id: str | None = None


class HuaweiIndividualStreamJob(_VendorModel):
    """ShowIndividualStreamJob response body (snake_case already; declared strings per the SDK's openapi_types)."""

    job_id: str | None = None
    stream_name: str | None = None
    app_id: str | None = None
    room_id: str | None = None
    user_id: str | None = None
    video_type: str | None = None
    select_stream_type: str | None = None
    record_param: HuaweiRecordParam | None = None
    create_time: str | None = None
    update_time: str | None = None
    start_time: str | None = None
    stop_time: str | None = None
    state: str | None = None
    stop_reason: str | None = None
    description: str | None = None
    x_request_id: str | None = None


# ---------------------------------------------------------------------------------------------------------------
# Status maps
# ---------------------------------------------------------------------------------------------------------------

STATUS_MAPS = {
    "ice_record": {"initial": "pending", "started": "running", "paused": "paused"},
    "ice_snapshot": {"init": "pending", "started": "running", "paused": "paused"},
    # "0" depends on LastStartAt; resolved in _edge_status
    "live_edge_transcode": {"1": "running"},
    "volc_pull_record": {"未开始": "pending", "生效中": "running", "停用": "stopped", "已结束": "finished"},
    "huawei_record": {"INIT": "pending", "RUNNING": "running", "STOPPED": "stopped"},
}
_FOLDED_STATUS_MAPS = {api: {key.strip().casefold(): value for key, value in table.items()} for api, table in STATUS_MAPS.items()}


def _map_status(api, raw):
    if raw is None:
        return None
    status = STATUS_MAPS[api].get(raw)
    if status is None:
        status = _FOLDED_STATUS_MAPS[api].get(raw.strip().casefold())
    return status


# ---------------------------------------------------------------------------------------------------------------
# Per-API extraction: (body) -> (job object dict, job model, request id found in the body)
# ---------------------------------------------------------------------------------------------------------------


def _validation_message(api, exc):
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(part) for part in error.get("loc", ())) or "body"
        parts.append(f"{where}: {error.get('msg', 'invalid')} (got {type(error.get('input')).__name__})")
    more = len(exc.errors()) - 3
    if more > 0:
        parts.append(f"and {more} more")
    return f"{api} response has the wrong shape: " + "; ".join(parts)


def _validate(api, model, data, where=None):
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        message = _validation_message(api, exc)
        if where:
            message = message.replace("shape: ", f"shape: {where}.", 1)
        raise NormalizeError(message) from None


def _raw_object(data, alias, name):
    """The raw nested object the model validated (pydantic tries the alias first, then the python name)."""
    return data[alias] if alias in data else data[name]


def _require_dict(api, value, what):
    if not isinstance(value, dict):
        raise NormalizeError(f"{api}: {what} is not a JSON object (got {type(value).__name__})")
    return value


def _get_ice_record(body):
    parsed = _validate("ice_record", IceRecordBody, body)
    if parsed.record_job is None:
        raise NormalizeError("ice_record response has no RecordJob object")
    return _raw_object(body, "RecordJob", "record_job"), parsed.record_job, parsed.request_id


def _get_ice_snapshot(body):
    parsed = _validate("ice_snapshot", IceSnapshotJob, body)
    obj = {key: value for key, value in body.items() if key != "RequestId"}
    return obj, parsed, parsed.request_id


def _get_edge(body):
    parsed = _validate("live_edge_transcode", EdgeTranscodeBody, body)
    if parsed.job is None:
        raise NormalizeError("live_edge_transcode response has no Job object")
    return _raw_object(body, "Job", "job"), parsed.job, parsed.request_id


def _volc_task(raw_result, parsed_result):
    """Result flat or Result.TaskDetail; when wrapped, sibling Result keys are kept unless TaskDetail has them."""
    if parsed_result.task_detail is None:
        return raw_result, parsed_result
    obj = dict(_raw_object(raw_result, "TaskDetail", "task_detail"))
    for key, value in raw_result.items():
        if key not in ("TaskDetail", "task_detail") and key not in obj:
            obj[key] = value
    return obj, parsed_result.task_detail


def _get_volc(body):
    parsed = _validate("volc_pull_record", VolcPullRecordBody, body)
    if parsed.result is None:
        raise NormalizeError("volc_pull_record response has no Result object")
    obj, task = _volc_task(_raw_object(body, "Result", "result"), parsed.result)
    request_id = parsed.response_metadata.request_id if parsed.response_metadata is not None else None
    return obj, task, request_id


def _get_huawei(body):
    parsed = _validate("huawei_record", HuaweiIndividualStreamJob, body)
    return body, parsed, parsed.x_request_id


def _item_ice_record(item):
    parsed = _validate("ice_record", IceRecordJob, item, "LiveRecordJobs[]")
    return item, parsed, None


def _item_ice_snapshot(item):
    parsed = _validate("ice_snapshot", IceSnapshotJob, item, "JobList[]")
    obj = {key: value for key, value in item.items() if key != "RequestId"}
    return obj, parsed, parsed.request_id


def _item_edge(item):
    parsed = _validate("live_edge_transcode", EdgeTranscodeJob, item, "JobList.Job[]")
    return item, parsed, None


def _item_volc(item):
    parsed = _validate("volc_pull_record", VolcPullRecordResult, item, "Result.List[]")
    obj, task = _volc_task(item, parsed)
    return obj, task, None


# ---------------------------------------------------------------------------------------------------------------
# Per-API field picking: job model -> raw values for the normalized fields
# (job_id, name, status_raw, input_url, template_id, template_name, times: ((field, vendor name, raw), ...))
# ---------------------------------------------------------------------------------------------------------------


def _pick_ice_record(job):
    url = job.stream_input.url if job.stream_input is not None else None
    times = (("created_at", "CreateTime", job.create_time),)
    return job.job_id, job.name, job.status, url, job.template_id, job.template_name, times


def _pick_ice_snapshot(job):
    url = job.stream_input.url if job.stream_input is not None else None
    times = (("created_at", "CreateTime", job.create_time), ("updated_at", "LastModified", job.last_modified))
    return job.job_id, job.job_name, job.status, url, job.template_id, job.template_name, times


def _pick_edge(job):
    times = (
        ("created_at", "CreateTime", job.create_time),
        ("started_at", "LastStartAt", job.last_start_at),
        ("stopped_at", "LastStopAt", job.last_stop_at),
    )
    return job.job_id, job.name, job.status, job.stream_input, job.template_id, job.template_name, times


def _pick_volc(task):
    times = (("started_at", "StartTime", task.start_time), ("stopped_at", "EndTime", task.end_time))
    return task.task_id, None, task.status, None, None, None, times


def _pick_huawei(job):
    times = (
        ("created_at", "create_time", job.create_time),
        ("updated_at", "update_time", job.update_time),
        ("started_at", "start_time", job.start_time),
        ("stopped_at", "stop_time", job.stop_time),
    )
    return job.job_id, job.stream_name, job.state, None, None, None, times


# api -> (provider, service, kind, get extractor, list-item extractor, field picker)
_APIS = {
    "ice_record": ("alibaba", "ice", "record", _get_ice_record, _item_ice_record, _pick_ice_record),
    "ice_snapshot": ("alibaba", "ice", "snapshot", _get_ice_snapshot, _item_ice_snapshot, _pick_ice_snapshot),
    "live_edge_transcode": ("alibaba", "live", "edge_transcode", _get_edge, _item_edge, _pick_edge),
    "volc_pull_record": ("volcengine", "live", "pull_record", _get_volc, _item_volc, _pick_volc),
    "huawei_record": ("huawei", "rtc", "record", _get_huawei, _get_huawei, _pick_huawei),
}


def _coerced_details(obj, model):
    """details: the vendor job object, keys snake_cased; declared-string fields sent as numbers appear as strings."""
    details = snake_keys(obj)
    for name, field in type(model).model_fields.items():
        alias = field.alias or name
        raw = obj.get(alias)
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            key = snake_case(alias)
            if key in details:
                details[key] = getattr(model, name)
    return details


def _normalize(api, extract_index, data, request_id):
    spec = _APIS.get(api)
    if spec is None:
        raise NormalizeError(f"unknown api {_short(api)}; expected one of {', '.join(APIS)}")
    provider, service, kind = spec[0], spec[1], spec[2]
    what = "response body" if extract_index == 3 else "list item"
    _require_dict(api, data, what)
    obj, model, body_request_id = spec[extract_index](data)
    job_id, name, raw_status, input_url, template_id, template_name, times = spec[5](model)
    if not job_id:
        raise NormalizeError(f"{api} {what} has no job id")

    warnings = []
    normalized_times = {"created_at": None, "updated_at": None, "started_at": None, "stopped_at": None}
    for field, vendor_name, raw in times:
        if not raw:
            continue
        value = _to_utc(raw)
        if value is None:
            warnings.append(f"job {job_id}: unparseable {api} {vendor_name} {_short(raw)}; {field} reported as null")
        normalized_times[field] = value

    if api == "live_edge_transcode" and raw_status is not None and raw_status.strip() == "0":
        status = "stopped" if model.last_start_at else "pending"
    else:
        status = _map_status(api, raw_status)
    if status is None:
        status = "unknown"
        if raw_status is None:
            warnings.append(f"job {job_id}: missing {api} status; reported as unknown")
        else:
            warnings.append(f"job {job_id}: unknown {api} status {_short(raw_status)}; reported as unknown")

    job = {
        "job_id": job_id,
        "name": _none_if_empty(name),
        "provider": provider,
        "service": service,
        "kind": kind,
        "status": status,
        "provider_status": raw_status,
        "input_url": _none_if_empty(input_url),
        "template_id": _none_if_empty(template_id),
        "template_name": _none_if_empty(template_name),
        "created_at": normalized_times["created_at"],
        "updated_at": normalized_times["updated_at"],
        "started_at": normalized_times["started_at"],
        "stopped_at": normalized_times["stopped_at"],
        "request_id": body_request_id or request_id or None,
        "details": _coerced_details(obj, model),
    }
    return job, warnings


def normalize_job(api: str, body: dict, request_id: str | None = None) -> tuple[dict, list[str]]:
    """Normalize one Get response body of ``api``; ``request_id`` (HTTP header) is used only when the body has none."""
    return _normalize(api, 3, body, request_id)


def normalize_list_item(api: str, item: dict, request_id: str | None = None) -> tuple[dict, list[str]]:
    """Normalize one element of a List response; ``request_id`` is the List response's request id."""
    return _normalize(api, 4, item, request_id)


def summarize(jobs: list[dict]) -> dict:
    """{"total": N, "by_status": {status: count}} with only the statuses present, in STATUSES order."""
    counts = Counter(job.get("status", "unknown") for job in jobs)
    by_status = {status: counts[status] for status in STATUSES if counts.get(status)}
    for status, count in counts.items():
        if status not in by_status:
            by_status[status] = count
    return {"total": len(jobs), "by_status": by_status}
