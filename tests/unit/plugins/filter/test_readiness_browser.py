# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The readiness HTML page opened in a real headless browser (Debian's chromium, see tools/install-chromium.sh).

The page is built from a real readiness_info result (plus a hostile name, a CJK name and a 330-character unbroken
error text). The DOM chromium builds (--dump-dom, after the page's own script ran) is parsed to check that every job
is there once, in verdict order, that the hostile name stayed text and that the script ran under the page's CSP.
Then, with a viewport of exactly 1280x900 and 420x900 (set over the DevTools pipe, chromium_pipe.py), a measuring
script reports the layout: no error text wider than its box or the viewport, no horizontal scrolling of the
document, the job ids and the causes box inside the viewport. Screenshots of both go to
build/screenshots/readiness-<width>.png (READINESS_SCREENSHOT_DIR overrides). Skipped only when chromium is absent
outside CI; under CI=true it must be there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_html import readiness_html
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_report import readiness_report
from ansible_collections.mediaops.live_jobs.tests.unit.plugins.filter.chromium_pipe import ChromiumPipe
from ansible_collections.mediaops.live_jobs.tests.unit.plugins.filter.readiness_support import EVENT, HOSTILE, hostile_result

CHROMIUM = "/usr/bin/chromium"
TIMEOUT = 60
WIDTHS = (1280, 420)
HEIGHT = 900
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
ERROR_TEXT = ".err-msg, ul.reasons li, .cause-text, .cause-msg, .todo"
MEASURE_JS = """
(function () {
  "use strict";
  function box(el) {
    var r = el.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, scrollWidth: el.scrollWidth,
            clientWidth: el.clientWidth, text: el.textContent.slice(0, 60)};
  }
  function all(selector) { return Array.prototype.map.call(document.querySelectorAll(selector), box); }
  var doc = document.documentElement, causes = document.getElementById("causes");
  return JSON.stringify({innerWidth: window.innerWidth, innerHeight: window.innerHeight,
                         docScrollWidth: doc.scrollWidth, docClientWidth: doc.clientWidth,
                         errors: all("%s"), jobIds: all("tr.job td.job-id"), markers: all("tr.job td.marker"),
                         causes: causes ? box(causes) : null,
                         sortable: document.getElementById("jobs").getAttribute("data-sortable")});
})()
""" % ERROR_TEXT


def _in_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def screenshot_dir():
    if os.environ.get("READINESS_SCREENSHOT_DIR"):
        return os.environ["READINESS_SCREENSHOT_DIR"]
    root = os.path.dirname(os.path.abspath(__file__))
    for _level in range(4):  # tests/unit/plugins/filter -> the collection root
        root = os.path.dirname(root)
    return os.path.join(root, "build", "screenshots")


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
        "--disable-dev-shm-usage", "--hide-scrollbars", f"--user-data-dir={profile}", *args,
    ]
    env = dict(os.environ, HOME=str(tmp_path))
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False, cwd=tmp_path, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium did not finish within {TIMEOUT}s: {' '.join(cmd)}")
    assert proc.returncode == 0, (
        f"chromium exited {proc.returncode}\nstderr:\n{proc.stderr.decode('utf-8', 'replace')[-3000:]}")
    return proc


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
        if tag not in ("meta", "br", "img", "link", "input", "hr", "wbr", "col"):
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


@pytest.fixture(scope="module")
def report():
    return readiness_report(hostile_result(), EVENT + " <main>")


@pytest.fixture
def page(report, tmp_path):
    path = tmp_path / "readiness.html"
    path.write_text(readiness_html(report), encoding="utf-8")
    return path


def test_report_renders_in_headless_chromium(chromium, tmp_path, page, report):
    dom = run_chromium(chromium, tmp_path, "--dump-dom", page.as_uri()).stdout.decode("utf-8")
    parser = DomParser()
    parser.feed(dom)
    parser.close()

    # every row present, once, in verdict order: not ready, unchecked, ready
    found = [(row["attrs"]["data-label"], row["attrs"]["data-job-id"]) for row in parser.rows]
    assert sorted(found) == sorted((row["label"], row["job_id"]) for row in report["rows"])
    verdicts = [row["attrs"]["data-verdict"] for row in parser.rows]
    summary = report["summary"]
    assert verdicts == (["not_ready"] * summary["not_ready"] + ["unchecked"] * summary["unchecked"]
                        + ["ready"] * summary["ready"])
    markers = {"ready": "ready", "not_ready": "NOT READY", "unchecked": "UNCHECKED"}
    for row in parser.rows:
        assert row["cells"][0] == markers[row["attrs"]["data-verdict"]]
    # the hostile name stayed text: it is the content of its name cell, and no script element sits in the table
    hostile = next(row for row in parser.rows if row["attrs"]["data-job-id"] == "evt-rec-005")
    assert hostile["cells"][3] == HOSTILE
    assert not [tag for tag, _attrs, parents in parser.elements if tag == "script" and "table" in parents]
    assert [tag for tag, _attrs, _parents in parser.elements].count("script") == 1  # the page's own sort script
    assert not [attrs for _tag, attrs, _parents in parser.elements if "onmouseover" in attrs]
    assert "&lt;script&gt;alert(\"pwned\")&lt;/script&gt;" in dom
    assert "主舞台 录制 生效中" in dom and "生效中" in dom
    # the banner counts problems, and the causes box comes before the table
    banner = " ".join("".join(parser.summary).split())
    assert banner == (f"NOT READY \u2014 {summary['not_ready']} not ready, {summary['unchecked']} unchecked, "
                      f"{summary['ready']} ready ({summary['total']} checks)")
    assert dom.index('id="causes"') < dom.index('id="jobs"')
    assert "Cup final 2026 &lt;main&gt;" in dom
    # the inline sort script ran under the page's Content-Security-Policy
    table = next(attrs for tag, attrs, _parents in parser.elements if tag == "table")
    assert table.get("data-sortable") == "true"


@pytest.mark.parametrize("width", WIDTHS)
def test_layout_at_desk_and_phone_widths(chromium, tmp_path, page, width):
    browser = ChromiumPipe(chromium, tmp_path / "chromium-profile", TIMEOUT)
    try:
        browser.open(page.as_uri(), width, HEIGHT)
        layout = json.loads(browser.evaluate(MEASURE_JS))
        shot = browser.screenshot()
    finally:
        browser.close()
    assert (layout["innerWidth"], layout["innerHeight"], layout["sortable"]) == (width, HEIGHT, "true")
    # nothing scrolls sideways
    assert layout["docScrollWidth"] <= layout["docClientWidth"], layout
    assert len(layout["errors"]) >= 10
    for box in layout["errors"]:
        assert box["scrollWidth"] <= box["clientWidth"] + 1, box
        assert box["left"] >= -1 and box["right"] <= width + 1, box
    for box in layout["markers"]:  # UNCHECKED / NOT READY are never cut or split mid-word
        assert box["scrollWidth"] <= box["clientWidth"] + 1, box
    # every job id is inside the viewport horizontally; the first one is on the first screen
    assert layout["jobIds"]
    for box in layout["jobIds"]:
        assert box["left"] >= 0 and box["right"] <= width, box
    assert layout["jobIds"][0]["bottom"] <= HEIGHT, layout["jobIds"][0]
    # the causes box is wholly on the first screen
    causes = layout["causes"]
    assert causes and causes["left"] >= 0 and causes["right"] <= width and 0 <= causes["top"] < causes["bottom"] <= HEIGHT

    assert shot[:8] == PNG_MAGIC
    assert len(shot) > 10 * 1024, f"screenshot is only {len(shot)} bytes"
    assert (int.from_bytes(shot[16:20], "big"), int.from_bytes(shot[20:24], "big")) == (width, HEIGHT)
    keep = screenshot_dir()
    os.makedirs(keep, exist_ok=True)
    with open(os.path.join(keep, f"readiness-{width}.png"), "wb") as handle:
        handle.write(shot)
    shutil.copy(page, os.path.join(keep, "readiness.html"))
