# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The readiness HTML page opened in a real headless browser (Debian's chromium, see tools/install-chromium.sh).

The DOM chromium builds (--dump-dom, after the page's own script ran) is parsed to check that every job row is
there, not-ready rows come first, the hostile job name stayed text, and the summary says NOT READY; a screenshot is
taken and checked to be a real PNG. Skipped only when chromium is absent outside CI; under CI=true it must be there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from ansible_collections.mediaops.live_jobs.plugins.filter.readiness import readiness_html, readiness_rows

CHROMIUM = "/usr/bin/chromium"
TIMEOUT = 60
HOSTILE_NAME = '<script>alert("pwned")</script>" onmouseover="alert(2)'
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _in_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="module")
def chromium():
    if not os.access(CHROMIUM, os.X_OK):
        if _in_ci():
            pytest.fail(f"{CHROMIUM} is missing but CI is set: run tools/install-chromium.sh before the unit tests")
        pytest.skip(f"{CHROMIUM} not installed (run tools/install-chromium.sh); required when CI=true")
    return CHROMIUM


def run_chromium(binary, tmp_path, *args):
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    cmd = [
        binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args,
    ]
    env = dict(os.environ, HOME=str(tmp_path))
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False, cwd=tmp_path, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium did not finish within {TIMEOUT}s: {' '.join(cmd)}")
    assert proc.returncode == 0, (
        f"chromium exited {proc.returncode}\nstderr:\n{proc.stderr.decode('utf-8', 'replace')[-3000:]}")
    return proc


def report_rows():
    """Rows in mixed order: ready and not-ready jobs of three vendors, a missing id, a failed id, a hostile name."""
    ice = readiness_rows({
        "jobs": [
            {"job_id": "rec-ok-1", "name": "Main feed", "status": "running", "provider_status": "Working",
             "started_at": "2026-03-01T17:00:00Z"},
            {"job_id": "rec-hostile", "name": HOSTILE_NAME, "status": "paused", "provider_status": "Paused"},
            {"job_id": "rec-ok-2", "name": "Backup feed", "status": "running"},
        ],
        "missing_ids": ["rec-gone"],
        "failed_ids": [],
        "errors": {"rec-gone": {"provider": "alibaba", "code": "JobNotFound", "message": "The job does not exist.",
                                "http_status": 404, "request_id": "req-1", "retryable": False}},
    }, {"rec-ok-1": "running", "rec-hostile": "running", "rec-gone": "running", "rec-ok-2": "running"}, "ice_record")
    huawei = readiness_rows({
        "jobs": [{"job_id": "hw-1", "name": "Studio B", "status": "running"}],
        "missing_ids": [], "failed_ids": ["hw-2"],
        "errors": {"hw-2": {"provider": "huawei", "code": "APIGW.0308", "message": "Throttled", "http_status": 429}},
    }, {"hw-1": "running", "hw-2": "running"}, "huawei_record")
    volc = readiness_rows({
        "jobs": [{"job_id": "vp-1", "name": "Pull 1", "status": "stopped"}],
    }, {"vp-1": "stopped"}, "volc_pull_record")
    return huawei + ice + volc


class DomParser(HTMLParser):
    """Job rows (attributes, cell texts) and every element with its ancestors, from chromium's serialized DOM."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.elements = []
        self.rows = []
        self.summary = []
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs, tuple(t for t, _a in self.stack)))
        if tag == "tr" and "data-job-id" in attrs:
            self.rows.append({"attrs": attrs, "cells": []})
        elif tag == "td" and self.rows and self.stack and self.stack[-1][0] == "tr":
            self._cell = []
        if tag not in ("meta", "br", "img", "link", "input", "hr"):
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1]["cells"].append("".join(self._cell))
            self._cell = None
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if any(attrs.get("id") == "summary" for _t, attrs in self.stack):
            self.summary.append(data)


def test_report_renders_in_headless_chromium(chromium, tmp_path):
    rows = report_rows()
    page = tmp_path / "readiness.html"
    page.write_text(readiness_html(rows, "Cup Final <2026>", "2026-03-01T18:00:00Z"), encoding="utf-8")

    dom = run_chromium(chromium, tmp_path, "--dump-dom", page.as_uri()).stdout.decode("utf-8")
    parser = DomParser()
    parser.feed(dom)
    parser.close()

    # every row present, once
    ids = [row["attrs"]["data-job-id"] for row in parser.rows]
    assert sorted(ids) == sorted(row["job_id"] for row in rows)
    # not-ready rows come before every ready row, and carry the text marker
    flags = [row["attrs"]["data-ok"] for row in parser.rows]
    assert flags == ["false"] * 3 + ["true"] * 4, ids
    assert set(ids[:3]) == {"rec-hostile", "rec-gone", "hw-2"}
    for row in parser.rows:
        marker = row["cells"][0]
        assert marker == ("NOT READY" if row["attrs"]["data-ok"] == "false" else "ok")
        assert ("not-ready" in row["attrs"]["class"].split()) == (row["attrs"]["data-ok"] == "false")
    # the hostile name stayed text: it is the content of its name cell, and no script element sits in the table
    hostile = next(row for row in parser.rows if row["attrs"]["data-job-id"] == "rec-hostile")
    assert hostile["cells"][4] == HOSTILE_NAME
    assert not [tag for tag, _attrs, parents in parser.elements if tag == "script" and "table" in parents]
    assert [tag for tag, _attrs, _parents in parser.elements].count("script") == 1  # the page's own sort script
    assert not [attrs for _tag, attrs, _parents in parser.elements if "onmouseover" in attrs]
    assert "&lt;script&gt;alert(\"pwned\")&lt;/script&gt;" in dom
    # summary and header
    summary = " ".join("".join(parser.summary).split())
    assert summary.startswith("NOT READY \u2014 3 of 7 jobs are not in their expected status"), summary
    assert "Cup Final &lt;2026&gt;" in dom
    # the inline sort script ran under the page's Content-Security-Policy
    table = next(attrs for tag, attrs, _parents in parser.elements if tag == "table")
    assert table.get("data-sortable") == "true"

    shot = tmp_path / "readiness.png"
    run_chromium(chromium, tmp_path, f"--screenshot={shot}", "--window-size=1280,900", "--hide-scrollbars",
                 page.as_uri())
    assert shot.is_file(), "chromium wrote no screenshot"
    data = shot.read_bytes()
    assert data[:8] == PNG_MAGIC
    assert len(data) > 10 * 1024, f"screenshot is only {len(data)} bytes"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 900)
    keep = os.environ.get("READINESS_SCREENSHOT_DIR")
    if keep:
        os.makedirs(keep, exist_ok=True)
        shutil.copy(shot, os.path.join(keep, "readiness.png"))
        shutil.copy(page, os.path.join(keep, "readiness.html"))
