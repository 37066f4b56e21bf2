# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""readiness_table and readiness_message on reports: the causes first, then what is really not ready; a 1,000-job
event's message stays short."""

from __future__ import annotations

import copy

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_message import readiness_message
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_report import readiness_report
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_table import readiness_table
from ansible_collections.mediaops.live_jobs.tests.unit.plugins.filter.readiness_support import (
    EVENT,
    big_result,
    hostile_result,
    load_result,
)


@pytest.fixture(scope="module")
def report():
    return readiness_report(load_result(), EVENT)


def test_message_leads_with_the_causes(report):
    lines = readiness_message(report).split("\n")
    assert lines[0] == f"NOT READY: {EVENT}: 7 not ready, 6 unchecked, 9 ready (22 checks)"
    assert lines[1] == "Not checked (6 jobs) - fix these first:"
    assert lines[2] == ("  Volcengine (EU account): credentials rejected (SignatureDoesNotMatch): 6 jobs not checked, "
                        "e.g. evt-pull-001, evt-pull-002, evt-pull-003 and 3 more -> check the access key/secret of "
                        "Volcengine (EU account) (and that the key may read these jobs)")
    assert lines[3] == "Not ready (7 jobs):"
    kinds = lines[4:-1]
    assert kinds[0] == ("  the vendor does not know the job: 2 jobs, e.g. evt-rec-404 [ICE Shanghai], "
                        "evt-rtc-101 [SparkRTC app 2]")
    assert "  not in the expected status: 1 job, e.g. evt-rec-005 [ICE Shanghai] (expected running, got paused)" in kinds
    assert any(line.startswith("  template_id differs from the expectation: 1 job, e.g. evt-snap-002") for line in kinds)
    assert any(line.startswith("  name differs from the expectation: 1 job, e.g. evt-rtc-001") for line in kinds)
    assert any(line.startswith("  the schedule does not cover the event window: 1 job, e.g. evt-pull-001") for line in kinds)
    assert any(line.startswith("  a selector found too few jobs: 1 job, e.g. select: status=running [Edge cluster 1] "
                               "(expected at least 10 jobs, found 5)") for line in kinds)
    assert len(kinds) == 6
    assert lines[-1].startswith("The full list is in the readiness reports")


def test_message_of_a_ready_event():
    result = load_result()
    result["rows"] = [row for row in result["rows"] if row["verdict"] == "ready"]
    message = readiness_message(readiness_report(result, EVENT))
    assert message.split("\n", maxsplit=1)[0] == f"READY: {EVENT}: 9 ready (9 checks)"
    assert "Not checked" not in message and "Not ready" not in message


def test_message_of_a_thousand_jobs_stays_short():
    report = readiness_report(big_result(1000), "Big event")
    message = readiness_message(report)
    assert len(message) <= 1500, len(message)
    assert message.startswith("NOT READY: Big event: 300 not ready, 100 unchecked, 600 ready (1000 checks)")
    assert "credentials rejected (SignatureDoesNotMatch)" in message and "deadline reached" in message
    assert "not in the expected status: 100 jobs" in message
    assert "the vendor does not know the job: 100 jobs" in message
    assert "template_id differs from the expectation: 100 jobs" in message
    assert message.count("evt-big-") < 40  # a few examples, not the list


def test_message_with_very_many_causes_stays_short():
    result = big_result(1000)
    for number, row in enumerate(result["rows"]):
        row["label"] = f"Account {number:04d} with a rather long descriptive label " + "z" * 40
        if row["verdict"] == "not_ready":
            row["reasons"] = [f"field_{number}: expected 'a', got 'b'"]
    message = readiness_message(readiness_report(result, "Many"))
    assert len(message) <= 1500, len(message)
    assert "more cause" in message and "more kind" in message


def test_message_keeps_hostile_values_on_their_lines():
    result = hostile_result()
    message = readiness_message(readiness_report(result, "e\nvent"))
    assert "\r" not in message and "\x00" not in message
    assert all(line.startswith(("NOT READY", "Not ", "  ", "The full")) for line in message.split("\n"))


def test_table_causes_then_not_ready_unchecked_ready(report):
    lines = readiness_table(report).split("\n")
    assert lines[0] == "Could not check 6 jobs - fix these first:"
    assert lines[1].startswith("  Volcengine (EU account): credentials rejected (SignatureDoesNotMatch): 6 jobs")
    assert lines[2].startswith("    -> check the access key/secret of Volcengine (EU account)")
    header, rule, rows = lines[3], lines[4], lines[5:]
    assert header.split() == ["job", "group", "expected", "actual", "verdict", "reason"]
    assert set(rule.replace(" ", "")) == {"-"}
    offset = header.index("verdict")
    verdicts = [line[offset:].split("  ")[0] for line in rows]
    assert verdicts == ["NOT READY"] * 7 + ["UNCHECKED"] * 6 + ["ready"] * 9
    assert rows[0].startswith("select: status=running  Edge cluster 1")
    assert rows[1].split()[:5] == ["evt-rec-005", "ICE", "Shanghai", "running", "paused"]
    assert rows[1].endswith("status: expected running, got paused")
    assert all(len(line) <= len(rule) for line in rows)


def test_table_of_hostile_values_stays_one_line_per_job():
    result = hostile_result()
    result["rows"][0]["job_id"] = "a\nb\x1b[2J"
    result["rows"][1]["reasons"] = ["x" * 500]
    table = readiness_table(readiness_report(result, EVENT))
    assert "\x1b" not in table
    lines = table.split("\n")
    assert sum(1 for line in lines if line.startswith("a b[2J")) == 1
    assert max(len(line) for line in lines[lines.index(next(l for l in lines if l.startswith("job "))):]) < 250


def test_table_and_message_need_the_right_input():
    with pytest.raises(AnsibleFilterError, match="expected a report"):
        readiness_message([{"job_id": "a"}])
    with pytest.raises(AnsibleFilterError, match="expected a list of rows"):
        readiness_table("nope")
    table = readiness_table(copy.deepcopy(readiness_report(load_result(), EVENT)))
    assert table.startswith("Could not check")
