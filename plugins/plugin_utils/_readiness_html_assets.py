# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The readiness page's inline style and script, allowed by their SHA-256 in the page's Content-Security-Policy.

Layout: at desktop widths one fixed-layout table whose columns share the width, so long vendor messages and ids
wrap inside their cell and nothing scrolls sideways; below 760 px every job becomes a stacked card (job id first,
each value under its column's name).
"""

from __future__ import annotations

import base64
import hashlib

FONTS = ('system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", '
         '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "DejaVu Sans", Arial, sans-serif')
MONO = ('ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", "WenQuanYi Micro Hei Mono", '
        'monospace')

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: %(fonts)s; margin: 1.5rem; color: #1f2328; background: #fff; font-size: 14px; line-height: 1.4; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem 0; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 0 0 .5rem 0; }
code, .mono, td.job-id, td.req, time { font-family: %(mono)s; font-size: .9em; }
.meta { color: #57606a; margin: 0 0 1rem 0; }
.summary { font-size: 1.1rem; padding: .6rem .9rem; border-radius: 6px; margin-bottom: 1rem; border: 2px solid; }
.summary.ready { background: #dafbe1; border-color: #1a7f37; color: #0f5323; }
.summary.not-ready { background: #ffebe9; border-color: #cf222e; color: #82071e; }
.summary.unchecked { background: #fff8c5; border-color: #9a6700; color: #4d2d00; }
.summary .verdict { font-weight: 700; letter-spacing: .04em; margin-right: .4rem; }
.summary .count { display: inline-block; font-weight: 600; }
.causes { border: 2px solid #9a6700; background: #fff8c5; border-radius: 6px; padding: .7rem .9rem; margin-bottom: 1rem; }
.causes ul { margin: 0; padding-left: 1.2rem; }
.causes li { margin: .3rem 0 .6rem 0; overflow-wrap: anywhere; }
.causes p { margin: .15rem 0; }
.cause-msg { color: #57606a; }
.todo { font-weight: 600; }
.table-wrap { max-width: 100%%; }
table { border-collapse: collapse; width: 100%%; table-layout: fixed; }
col.c-marker { width: 9%%; } col.c-group { width: 12%%; } col.c-job { width: 11%%; } col.c-name { width: 9%%; }
col.c-expected { width: 8%%; } col.c-actual { width: 8%%; } col.c-reasons { width: 21%%; } col.c-times { width: 14%%; }
col.c-req { width: 8%%; }
th, td { border: 1px solid #d0d7de; padding: .35rem .4rem; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; word-break: normal; }
thead th { background: #f6f8fa; cursor: pointer; user-select: none; position: sticky; top: 0; z-index: 1; }
th:focus { outline: 2px solid #0969da; }
th[aria-sort="ascending"]::after { content: " \\25B2"; }
th[aria-sort="descending"]::after { content: " \\25BC"; }
tr.section th { background: #eaeef2; font-size: 1rem; cursor: default; }
tbody[data-verdict="not_ready"] tr.section th { background: #ffebe9; color: #82071e; }
tbody[data-verdict="unchecked"] tr.section th { background: #fff8c5; color: #4d2d00; }
td.marker { font-weight: 700; font-size: .85em; overflow-wrap: normal; }
tr.ready td.marker { color: #1a7f37; }
tr.not-ready { background: #fff1f0; }
tr.not-ready td.marker { background: #cf222e; color: #fff; }
tr.unchecked { background: #fffbea; }
tr.unchecked td.marker { background: #fff8c5; color: #7d4e00; outline: 1px dashed #9a6700; outline-offset: -3px; }
tr.unchecked td.actual { color: #7d4e00; }
tr.not-ready td.actual { color: #a40e26; font-weight: 700; }
ul.reasons { margin: 0; padding-left: 1rem; }
.sub { color: #57606a; font-size: .85em; display: block; }
.t { display: block; }
.tl { color: #57606a; font-size: .85em; display: block; }
td.req { font-size: .75em; color: #57606a; }
.legend { margin-top: 1.2rem; color: #3d444d; font-size: .9rem; }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; margin: .3rem 0 .8rem 0; }
.legend dt { font-weight: 600; }
.legend dd { margin: 0; }
.hint { color: #57606a; font-size: .85rem; margin-top: .6rem; }
td.empty { text-align: center; color: #57606a; font-style: italic; padding: 1.2rem; }
@media (max-width: 760px) {
  body { margin: .6rem; }
  table, thead, tbody, tr, th, td { display: block; width: 100%%; }
  colgroup, thead { display: none; }
  tr.section th { border: 0; margin-top: .8rem; }
  tr.job { display: flex; flex-direction: column; border: 1px solid #8c959f; border-radius: 6px; margin: .5rem 0;
           overflow: hidden; }
  tr.job td { border: 0; border-top: 1px solid #eaeef2; padding: .3rem .5rem .3rem 7.2rem; position: relative;
              min-height: 1.8rem; }
  tr.job td::before { content: attr(data-label); position: absolute; left: .5rem; width: 6.4rem; color: #57606a;
                      font-size: .8rem; font-weight: 600; font-family: %(fonts)s; }
  tr.job td:empty { display: none; }
  tr.job td.job-id { order: -2; border-top: 0; font-weight: 700; font-size: 1rem; }
  tr.job td.marker { order: -1; padding-left: .5rem; }
  tr.job td.marker::before { content: none; }
  .legend dl { grid-template-columns: 1fr; }
  .legend dd { margin-bottom: .3rem; }
  .hint { display: none; }
}
@media print { thead th { position: static; } .hint { display: none; } }
""" % {"fonts": FONTS, "mono": MONO}

JS = """
(function () {
  "use strict";
  var table = document.getElementById("jobs");
  if (!table || !table.tHead || !table.tBodies.length) { return; }
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function key(row, col) {
    var cell = row.cells[col];
    if (!cell) { return ""; }
    var sortKey = cell.getAttribute("data-sort");
    return sortKey !== null ? sortKey : cell.textContent.trim();
  }
  function sortBy(th, col) {
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    Array.prototype.forEach.call(table.tBodies, function (tbody) {
      var rows = Array.prototype.slice.call(tbody.querySelectorAll("tr[data-job-id]"));
      var position = new Map();
      rows.forEach(function (row, i) { position.set(row, i); });
      rows.sort(function (a, b) {
        var c = key(a, col).localeCompare(key(b, col), undefined, { numeric: true, sensitivity: "base" });
        return c !== 0 ? c * dir : position.get(a) - position.get(b);
      });
      rows.forEach(function (row) { tbody.appendChild(row); });
    });
  }
  heads.forEach(function (th, col) {
    th.tabIndex = 0;
    th.title = "Sort by " + th.textContent.trim() + " (within each verdict)";
    th.addEventListener("click", function () { sortBy(th, col); });
    th.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(th, col); }
    });
  });
  table.setAttribute("data-sortable", "true");
})();
"""


def csp_hash(source):
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


CSP = f"default-src 'none'; style-src {csp_hash(CSS)}; script-src {csp_hash(JS)}"
