# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The guarded pydantic import, the base of every vendor model, and validation that raises NormalizeError."""

from __future__ import annotations

import traceback

try:
    # Field is imported here for the API files' models
    from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator  # pylint: disable=unused-import
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


class NormalizeError(ValueError):
    """A response body cannot be turned into a job: not an object, no job object, no job id, or plainly wrong types."""


class VendorModel(BaseModel):
    """Base of every vendor model: unknown fields kept, populated by vendor alias or python name.

    Only the fields the normalized shape reads are declared. Declared scalars are strings: JSON numbers are coerced
    (Huawei sends job_id: 1, List filters type edge Status as int); anything else of the wrong type is an error.
    Models are built on first use (defer_build), so a run builds only the models of the API it reads.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True, defer_build=True)

    @field_validator("*", mode="before")
    @classmethod
    def _numbers_to_str(cls, value):
        # bool is an int subclass but never a sensible string; leave it to fail validation
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        return value


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
    """The raw nested object the model validated (pydantic tries the alias first, then the python name)."""
    return data[alias] if alias in data else data[name]


def stream_url(job):
    """StreamInput.Url of ICE jobs, or None."""
    return job.stream_input.url if job.stream_input is not None else None
