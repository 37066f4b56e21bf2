# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The readiness report as a Prometheus textfile (node_exporter textfile collector, text exposition format 0.0.4).

# HELP and # TYPE before each metric's samples, metric names starting mediaops_live_jobs_, label values escaped
(backslash, double quote, newline; other control characters become spaces), no sample timestamps, a trailing
newline. One 0/1 gauge per job and one for the event; a series that would repeat a label set is written once.
"""

from __future__ import annotations

import re

from ._readiness_common import clean, parse_checked_at

PREFIX = "mediaops_live_jobs_"
_OTHER_CONTROL_RE = re.compile("[\x00-\x09\x0b-\x1f\x7f]")


def label_value(value):
    text = _OTHER_CONTROL_RE.sub(" ", clean(value))
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _number(value):
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 1e15):
        return str(int(value))
    return repr(float(value))


class _Metrics:
    def __init__(self):
        self.lines = []
        self.seen = set()

    def metric(self, name, help_text, samples):
        """samples: [(labels as ((name, value), ...), number)]."""
        self.lines.append(f"# HELP {PREFIX}{name} {help_text}")
        self.lines.append(f"# TYPE {PREFIX}{name} gauge")
        for labels, value in samples:
            text = ",".join(f'{key}="{label_value(item)}"' for key, item in labels)
            series = f"{PREFIX}{name}{{{text}}}"
            if series in self.seen:
                continue
            self.seen.add(series)
            self.lines.append(f"{series} {_number(value)}")


def textfile(report):
    """A report -> the textfile's content."""
    event = (("event", report["event"]),)
    summary = report["summary"]
    checked = parse_checked_at(report["checked_at"], "readiness_prom").timestamp()
    out = _Metrics()
    out.metric("event_ready", "1 when every job of the event is ready, else 0.", [(event, report["ready"])])
    out.metric("check_timestamp_seconds", "When the readiness check ran, in seconds since the Unix epoch.",
               [(event, checked)])
    if report["elapsed"] is not None:
        out.metric("check_duration_seconds", "How long the whole readiness check took.", [(event, report["elapsed"])])
    out.metric("jobs", "Checks (jobs and selectors) of the event per verdict.",
               [(event + (("verdict", verdict),), summary[verdict]) for verdict in ("ready", "not_ready", "unchecked")])
    out.metric("unchecked_jobs", "Jobs that could not be read, per group, cause and vendor error code.",
               [(event + (("label", cause["label"]), ("cause", cause["cause"]), ("code", cause["code"] or "")),
                 cause["count"]) for cause in report["causes"]])
    out.metric("group_duration_seconds", "How long reading one check group took.",
               [(event + (("label", group["label"]), ("api", group["api"] or "")), group["seconds"])
                for group in report["groups"] if group["seconds"] is not None])
    out.metric("job_ready", "1 when the job (or selector) is ready, else 0; the verdict label says why not.",
               [(event + (("api", row["api"] or ""), ("label", row["label"]), ("vendor", row["vendor"] or ""),
                          ("job_id", row["job_id"]), ("verdict", row["verdict"])), row["verdict"] == "ready")
                for row in report["rows"]])
    return "\n".join(out.lines) + "\n"
