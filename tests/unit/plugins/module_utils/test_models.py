# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The vendor model layer (_models.py): Text and Nested fields validated by a pydantic-core SchemaValidator."""

from __future__ import annotations

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils._models import (
    Nested, NormalizeError, Text, VendorModel, raw_object, validate,
)


class Inner(VendorModel):
    url = Text("Url")


class Job(VendorModel):
    job_id = Text("JobId")
    state = Text()
    stream_input = Nested(Inner, "StreamInput")


class JobWithDetail(Job):
    detail = Nested(Job, "Detail")


def test_fields_are_read_by_alias_or_python_name_and_the_alias_wins():
    assert Job.model_validate({"JobId": "by-alias"}).job_id == "by-alias"
    assert Job.model_validate({"job_id": "by-name"}).job_id == "by-name"
    assert Job.model_validate({"JobId": "alias", "job_id": "name"}).job_id == "alias"
    assert Job.model_validate({"state": "RUNNING"}).state == "RUNNING"


def test_absent_and_null_fields_are_none_and_unknown_fields_are_ignored():
    job = Job.model_validate({"JobId": None, "Brand": {"new": [1]}})
    assert (job.job_id, job.state, job.stream_input) == (None, None, None)
    assert not hasattr(job, "Brand")


@pytest.mark.parametrize("raw, expected", [(1, "1"), (0, "0"), (-7, "-7"), (1.5, "1.5"), ("text", "text"), ("", "")])
def test_numbers_become_strings(raw, expected):
    assert Job.model_validate({"JobId": raw}).job_id == expected


@pytest.mark.parametrize("raw, got", [(True, "bool"), ([1], "list"), ({"a": 1}, "dict")])
def test_other_types_are_errors_naming_the_field_and_the_type(raw, got):
    with pytest.raises(NormalizeError) as info:
        validate("ice_record", Job, {"JobId": raw})
    assert str(info.value) == f"ice_record response has the wrong shape: JobId: Input should be a valid string (got {got})"


def test_nested_models_are_models_and_their_errors_carry_the_path():
    job = Job.model_validate({"JobId": "j", "StreamInput": {"Url": "rtmp://in/1", "Type": "rtmp"}})
    assert isinstance(job.stream_input, Inner) and job.stream_input.url == "rtmp://in/1"
    with pytest.raises(NormalizeError, match=r"StreamInput: Input should be a valid dictionary \(got str\)"):
        validate("ice_record", Job, {"StreamInput": "rtmp://in/1"})
    with pytest.raises(NormalizeError, match=r"LiveRecordJobs\[\]\.StreamInput\.Url: Input should be a valid string"):
        validate("ice_record", Job, {"StreamInput": {"Url": ["x"]}}, "LiveRecordJobs[]")


def test_subclasses_inherit_fields_and_build_their_own_validator():
    assert list(JobWithDetail.fields()) == ["job_id", "state", "stream_input", "detail"]
    parsed = JobWithDetail.model_validate({"JobId": "outer", "Detail": {"JobId": "inner"}})
    assert (parsed.job_id, parsed.detail.job_id, parsed.detail.__class__) == ("outer", "inner", Job)
    Job.model_validate({})
    assert Job.__dict__["_validator"] is not JobWithDetail.__dict__["_validator"]


def test_a_validator_is_built_once_on_first_use():
    class Fresh(VendorModel):
        name = Text("Name")

    assert "_validator" not in Fresh.__dict__
    Fresh.model_validate({})
    built = Fresh.__dict__["_validator"]
    Fresh.model_validate({"Name": "again"})
    assert Fresh.__dict__["_validator"] is built


def test_more_than_three_errors_are_summarized():
    class Many(VendorModel):
        a, b, c, d, e = Text("A"), Text("B"), Text("C"), Text("D"), Text("E")

    with pytest.raises(NormalizeError) as info:
        validate("huawei_record", Many, {key: [1] for key in "ABCDE"})
    assert str(info.value).endswith("; and 2 more")


def test_raw_object_prefers_the_alias():
    assert raw_object({"RecordJob": {"a": 1}, "record_job": {"b": 2}}, "RecordJob", "record_job") == {"a": 1}
    assert raw_object({"record_job": {"b": 2}}, "RecordJob", "record_job") == {"b": 2}


class PascalJob(VendorModel):
    wire_case = "pascal"
    job_id = last_start_at = Text()
    stream_input = Nested(Inner)
    odd = Text("ODD_name")


def test_the_pascal_wire_case_spells_names_like_alibaba_and_volcengine():
    assert PascalJob.wire_names() == {"job_id": "JobId", "last_start_at": "LastStartAt", "stream_input": "StreamInput",
                                      "odd": "ODD_name"}
    parsed = PascalJob.model_validate({"JobId": "j", "last_start_at": 5, "StreamInput": {"Url": "u"}, "ODD_name": "o"})
    assert (parsed.job_id, parsed.last_start_at, parsed.stream_input.url, parsed.odd) == ("j", "5", "u", "o")
    assert Job.wire_names() == {"job_id": "JobId", "state": "state", "stream_input": "StreamInput"}


def test_every_api_model_reads_the_names_its_vendor_sends():
    from ansible_collections.mediaops.live_jobs.plugins.module_utils import _api_huawei_record, _api_live_edge_transcode

    assert _api_live_edge_transcode.EdgeTranscodeJob.wire_names()["last_stop_at"] == "LastStopAt"
    assert _api_huawei_record.HuaweiIndividualStreamJob.wire_names()["x_request_id"] == "x_request_id"
