# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Vendor models: declared fields validated by pydantic's engine (pydantic-core), and validation that raises
NormalizeError.

A model is a class of Text and Nested fields. Its validator is a pydantic-core SchemaValidator, the engine under every
pydantic BaseModel, built from the declared fields on first use. The models stop short of pydantic's BaseModel layer
on purpose: importing it costs a module ~100 ms of CPU at every start-up (docs/performance.md, row e), and the
vendor models need only what the engine gives directly: string fields, nested objects, vendor alias or python name.
"""

from __future__ import annotations

import traceback

from ._descriptors import Extracted, JobFields

try:
    from pydantic_core import SchemaValidator, ValidationError, core_schema
except ImportError:
    HAS_PYDANTIC = False
    PYDANTIC_IMPORT_ERROR = traceback.format_exc()
    SchemaValidator = core_schema = None

    class ValidationError(ValueError):
        """Stand-in for pydantic-core's ValidationError (never raised without pydantic)."""
else:
    HAS_PYDANTIC = True
    PYDANTIC_IMPORT_ERROR = None


class NormalizeError(ValueError):
    """A response body cannot be turned into a job: not an object, no job object, no job id, or plainly wrong types."""


def _numbers_to_str(value):
    # bool is an int subclass but never a sensible string; leave it to fail validation
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


class Text:
    """A string field, None when absent or null. JSON numbers become strings (Huawei sends job_id: 1, List filters
    type edge Status as int); anything else of the wrong type is an error. One Text() serves several names
    (`job_id = name = Text()`) unless it is given a wire name of its own."""

    def __init__(self, alias=None):
        self.alias = alias  # the vendor's name for the field, when the model's wire case does not give it

    def schema(self):
        return core_schema.no_info_before_validator_function(_numbers_to_str, core_schema.nullable_schema(core_schema.str_schema()))

    def value(self, validated):
        return validated


class Nested:
    """An object field holding another model, None when absent or null."""

    def __init__(self, model, alias=None):
        self.model = model
        self.alias = alias

    def schema(self):
        return core_schema.nullable_schema(self.model.schema())

    def value(self, validated):
        return None if validated is None else self.model.from_validated(validated)


def _pascal(name):
    return "".join(part.capitalize() for part in name.split("_"))


class VendorModel:
    """Base of every vendor model. Only the fields the normalized shape reads are declared (the raw object is kept
    apart for `details`); unknown fields are ignored. A field is read from its wire name, else its python name.

    wire_case: how the vendor spells a python name on the wire, "snake" (as is, Huawei) or "pascal" (job_id -> JobId,
    Alibaba Cloud and Volcengine)."""

    wire_case = "snake"
    _validator = None

    # fields() and wire_names() are read for every job (from_validated, normalized details): each class computes them
    # once, in its own __dict__ so that a subclass does not inherit its base's; callers only read them
    @classmethod
    def fields(cls):
        """{python name: Text or Nested}, base classes' fields first."""
        if "_fields" not in cls.__dict__:
            found = {}
            for klass in reversed(cls.__mro__):
                found.update((name, value) for name, value in vars(klass).items() if isinstance(value, (Text, Nested)))
            cls._fields = found
        return cls._fields

    @classmethod
    def wire_names(cls):
        """{python name: the vendor's name for it}."""
        if "_wire_names" not in cls.__dict__:
            spell = _pascal if cls.wire_case == "pascal" else str
            cls._wire_names = {name: field.alias or spell(name) for name, field in cls.fields().items()}
        return cls._wire_names

    @classmethod
    def schema(cls):
        wire = cls.wire_names()
        fields = {
            name: core_schema.typed_dict_field(field.schema(), required=False,
                                               validation_alias=[[wire[name]], [name]] if wire[name] != name else None)
            for name, field in cls.fields().items()
        }
        return core_schema.typed_dict_schema(fields, extra_behavior="ignore")

    @classmethod
    def model_validate(cls, data):
        # built on first use, so a run builds only its own API's validators; two threads racing build it twice, harmlessly
        if "_validator" not in cls.__dict__:
            cls._validator = SchemaValidator(cls.schema())
        return cls.from_validated(cls._validator.validate_python(data))

    @classmethod
    def from_validated(cls, validated):
        model = cls.__new__(cls)
        for name, field in cls.fields().items():
            setattr(model, name, field.value(validated.get(name)))
        return model


def _validation_message(api, exc, where):
    parts = []
    for error in exc.errors()[:3]:
        loc = ".".join(str(part) for part in error.get("loc", ())) or "body"
        parts.append(f"{loc}: {error.get('msg', 'invalid')} (got {type(error.get('input')).__name__})")
    more = len(exc.errors()) - 3
    if more > 0:
        parts.append(f"and {more} more")
    prefix = f"{where}." if where else ""
    return f"{api} response has the wrong shape: {prefix}" + "; ".join(parts)


def validate(api, model, data, where=None):
    """model.model_validate(data), with a short NormalizeError naming the first wrong fields instead of pydantic's."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise NormalizeError(_validation_message(api, exc, where)) from None


def raw_object(data, alias, name):
    """The raw nested object the model validated (the alias is tried first, then the python name)."""
    return data[alias] if alias in data else data[name]


def item_reader(api, model, where):
    """read_item of a List whose items are the job objects themselves."""
    def read_item(item):
        return Extracted(item, validate(api, model, item, where), None)
    return read_item


def wrapped_reader(api, model, field):
    """read_get of a Get reply that wraps its job in one object (RecordJob, Job) beside RequestId."""
    def read_get(body):
        raw, parsed = wrapped_object(api, model, body, field)
        return Extracted(raw, getattr(parsed, field), parsed.request_id)
    return read_get


def wrapped_object(api, model, body, field):
    """(raw object, parsed body) for the object a Get reply wraps its job in (RecordJob, Job, Result); NormalizeError
    when the vendor sent none."""
    parsed = validate(api, model, body)
    wire = model.wire_names()[field]
    if getattr(parsed, field) is None:
        raise NormalizeError(f"{api} response has no {wire} object")
    return raw_object(body, wire, field), parsed


class IceStreamInput(VendorModel):
    """The StreamInput object of ICE record and snapshot jobs."""

    wire_case = "pascal"
    type = url = Text()


def ice_job_fields(job, name, times):
    """JobFields of an ICE record or snapshot job: the two share the id, status, StreamInput and template fields."""
    url = job.stream_input.url if job.stream_input is not None else None
    return JobFields(job.job_id, name, job.status, url, job.template_id, job.template_name, times)
