#!/usr/bin/env bash
# `make docs`: the collection's docs site (plugin pages + docs/docsite user guide) as HTML, offline.
#   antsibull-docs sphinx-init (fresh each time) -> antsibull-docs collection -> sphinx-build -W
# Usage: tools/build-docs.sh DEST   (run with the docs venv first on PATH and ANSIBLE_COLLECTIONS_PATH set)
# Offline by default (DOCS_INTERSPHINX=1 keeps sphinx-init's online intersphinx mapping): the Ansible docs
# inventory is replaced by a local stub with the labels the generated plugin pages use, so their links still point
# at docs.ansible.com while sphinx-build's -W (warnings are errors) stays on; Python/Jinja2 inventories are dropped.
set -euo pipefail
dest="${1:?usage: $0 DEST}"
rm -rf "$dest"
mkdir -p "$dest"
chmod 700 "$dest"   # antsibull-docs wants a directory only its owner can write
antsibull-docs sphinx-init --use-current --dest-dir "$dest" mediaops.live_jobs >/dev/null
if [[ "${DOCS_INTERSPHINX:-0}" != 1 ]]; then
    python - "$dest" <<'PY'
import re, sys, zlib
dest = sys.argv[1]
labels = [  # label, path below docs.ansible.com/projects/ansible/devel/, title
    ("ansible_configuration_settings", "reference_appendices/config.html#ansible-configuration-settings", "Ansible Configuration Settings"),
    ("common_return_values", "reference_appendices/common_return_values.html#common-return-values", "Return Values"),
]
body = "".join(f"{name} std:label -1 {path} {title}\n" for name, path, title in labels)
header = "# Sphinx inventory version 2\n# Project: Ansible\n# Version: devel\n# The remainder of this file is compressed using zlib.\n"
with open(f"{dest}/ansible_devel.inv", "wb") as inv:
    inv.write(header.encode() + zlib.compress(body.encode()))
conf = f"{dest}/conf.py"
text = open(conf, encoding="utf-8").read()
mapping = ("intersphinx_mapping = {  # offline stub (tools/build-docs.sh); DOCS_INTERSPHINX=1 for the real inventories\n"
           "    'ansible_devel': ('https://docs.ansible.com/projects/ansible/devel/', '../ansible_devel.inv'),\n}\n")
text, count = re.subn(r"^intersphinx_mapping = \{.*?^\}\n", mapping, text, flags=re.S | re.M)
assert count == 1, "conf.py from antsibull-docs sphinx-init has no intersphinx_mapping block"
open(conf, "w", encoding="utf-8").write(text)
PY
fi
"$dest/build.sh" >"$dest/build.log" 2>&1 || { tail -n 40 "$dest/build.log"; exit 1; }
grep -E '^build succeeded' "$dest/build.log" || true
test -f "$dest/build/html/collections/mediaops/live_jobs/docsite/guide_awx.html"
echo "docs: HTML at $dest/build/html/index.html ($(find "$dest/build/html" -name '*.html' | wc -l) pages)"
