# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""readiness_prom: the Prometheus textfile, parsed back line by line by a strict parser of the text exposition
format (readiness_support.parse_prom) and by prometheus_client's own parser when it is installed."""

from __future__ import annotations

from datetime import datetime

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_prom import readiness_prom
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_report import readiness_report
from ansible_collections.mediaops.live_jobs.tests.unit.plugins.filter.readiness_support import (
    EVENT,
    hostile_result,
    load_result,
)
from ansible_collections.mediaops.live_jobs.tests.unit.plugins.filter.readiness_support import (
    parse_prom as parse,
)


@pytest.fixture(scope="module")
def report():
    return readiness_report(load_result(), EVENT)


def test_textfile_format_and_values(report):
    metrics = parse(readiness_prom(report))
    assert all(name.startswith("mediaops_live_jobs_") for name in metrics)
    event = {"event": EVENT}
    assert metrics["mediaops_live_jobs_event_ready"]["samples"] == [(event, 0.0)]
    moment = datetime.fromisoformat(report["checked_at"].replace("Z", "+00:00")).timestamp()
    assert metrics["mediaops_live_jobs_check_timestamp_seconds"]["samples"] == [(event, moment)]
    assert metrics["mediaops_live_jobs_check_duration_seconds"]["samples"] == [(event, report["elapsed"])]
    assert {labels["verdict"]: value for labels, value in metrics["mediaops_live_jobs_jobs"]["samples"]} == {
        "ready": 9.0, "not_ready": 7.0, "unchecked": 6.0}
    assert metrics["mediaops_live_jobs_unchecked_jobs"]["samples"] == [(
        {"event": EVENT, "label": "Volcengine (EU account)", "cause": "credentials", "code": "SignatureDoesNotMatch"}, 6.0)]
    assert len(metrics["mediaops_live_jobs_group_duration_seconds"]["samples"]) == len(report["groups"])
    jobs = metrics["mediaops_live_jobs_job_ready"]["samples"]
    assert len(jobs) == len(report["rows"])
    for (labels, value), row in zip(jobs, report["rows"]):
        assert labels == {"event": EVENT, "api": row["api"], "label": row["label"], "vendor": row["vendor"],
                          "job_id": row["job_id"], "verdict": row["verdict"]}
        assert value == (1.0 if row["verdict"] == "ready" else 0.0)


def test_a_ready_event_is_one():
    result = load_result()
    result["rows"] = [row for row in result["rows"] if row["verdict"] == "ready"]
    metrics = parse(readiness_prom(readiness_report(result, EVENT)))
    assert metrics["mediaops_live_jobs_event_ready"]["samples"] == [({"event": EVENT}, 1.0)]
    assert metrics["mediaops_live_jobs_unchecked_jobs"]["samples"] == []


def test_label_values_are_escaped():
    result = hostile_result()
    nasty = 'a\\b"c\nd\re\x00f\ud800g{h}=i,j'
    result["rows"][0]["job_id"] = nasty
    result["rows"][0]["label"] = 'lab"el\\'
    text = readiness_prom(readiness_report(result, 'Cup "final"\n\\ 2026'))
    assert '\\"' in text and "\\n" in text and "\\\\" in text
    assert "\r" not in text and "\x00" not in text
    metrics = parse(text)
    assert metrics["mediaops_live_jobs_event_ready"]["samples"][0][0] == {"event": 'Cup "final"\n\\ 2026'}
    labels, _value = metrics["mediaops_live_jobs_job_ready"]["samples"][0]
    assert labels["job_id"] == 'a\\b"c\nd efg{h}=i,j'  # CR becomes a space, NUL and the lone surrogate go
    assert labels["label"] == 'lab"el\\'


def test_a_repeated_series_is_written_once():
    result = load_result()
    result["rows"].append(dict(result["rows"][0]))
    metrics = parse(readiness_prom(readiness_report(result, EVENT)))  # parse() fails on a duplicate series
    assert len(metrics["mediaops_live_jobs_job_ready"]["samples"]) == len(result["rows"]) - 1


def test_prometheus_client_reads_it():
    parser = pytest.importorskip("prometheus_client.parser")
    result = hostile_result()
    result["rows"][0]["job_id"] = 'a\\b"c\nd'
    report = readiness_report(result, 'Cup "final"\n2026')
    families = {family.name: family for family in parser.text_string_to_metric_families(readiness_prom(report))}
    ours = parse(readiness_prom(report))
    assert set(families) == set(ours)
    for name, family in families.items():
        assert family.type == "gauge"
        assert [(sample.labels, sample.value) for sample in family.samples] == ours[name]["samples"]
        assert all(sample.timestamp is None for sample in family.samples)


def test_prom_needs_a_report():
    with pytest.raises(AnsibleFilterError, match="expected a report"):
        readiness_prom([])


@pytest.mark.parametrize("text", [
    "# HELP m_x a\n# TYPE m_x gauge\nm_x 1 1700000000000\n",          # a sample timestamp
    "m_x 1\n",                                                        # no HELP / TYPE
    "# HELP m_x a\n# TYPE m_x gauge\nm_x{a=\"b\"} 1",                  # no trailing newline
    '# HELP m_x a\n# TYPE m_x gauge\nm_x{a="b"c"} 1\n',              # unescaped quote
    "# HELP m_x a\n# TYPE m_x gauge\nm_x{a=\"1\"} 1\nm_x{a=\"1\"} 2\n",  # duplicate series
    "# HELP m_x a\n# TYPE m_x gauge\nm_x{a=\"1\",a=\"2\"} 1\n",       # repeated label
    "# HELP m_x a\n# TYPE m_x gauge\nm_x one\n",                      # not a number
])
def test_the_strict_parser_is_strict(text):
    with pytest.raises(AssertionError):
        parse(text)
