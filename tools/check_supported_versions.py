#!/usr/bin/env python
# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Check the README's "Supported versions" section against the repository and the test venvs.

Usage: tools/check_supported_versions.py FILE...   (README.md and/or docs/readme-sections.md)
Facts checked: meta/runtime.yml requires_ansible, tests/config.yml python_requires, requirements.txt floors, and
every "ansible-core X.Y (Python A.B[+])" claim against the venvs `make test` uses (.venv, .cache/venv-2.19).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from packaging.specifiers import SpecifierSet
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
VENVS = {"2.21": ROOT / ".venv", "2.19": ROOT / ".cache" / "venv-2.19"}  # the lines the Makefile tests
LOCKS = {"2.21": ROOT / "tools" / "constraints.txt", "2.19": ROOT / "tools" / "constraints-2.19.txt"}
MIN_PYTHON = {"2.21": "3.12", "2.19": "3.11"}  # Makefile: .venv >= 3.12 (find-python.sh 3.12), venv-2.19 exactly 3.11


def section(text):
    match = re.search(r"^## Supported versions\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M)
    return match.group(1) if match else None


def venv_versions(line):
    python = VENVS[line] / "bin" / "python"
    if python.exists():
        out = subprocess.run([str(python), "-c", "import sys, ansible.release as r; print('%d.%d' % sys.version_info[:2], r.__version__)"],
                             capture_output=True, text=True, check=False)
        if out.returncode == 0:
            py, core = out.stdout.split()
            return py, core
    pin = re.search(r"^ansible-core==(\S+)$", LOCKS[line].read_text(encoding="utf-8"), flags=re.M)
    return None, pin.group(1) if pin else None


def check(path):
    problems = []
    text = section(Path(path).read_text(encoding="utf-8"))
    if text is None:
        return [f"{path}: no '## Supported versions' section"]
    requires_ansible = yaml.safe_load((ROOT / "meta" / "runtime.yml").read_text(encoding="utf-8"))["requires_ansible"]
    python_requires = yaml.safe_load((ROOT / "tests" / "config.yml").read_text(encoding="utf-8"))["modules"]["python_requires"]
    for fact, where in ((f'requires_ansible: "{requires_ansible}"', "meta/runtime.yml"), (f'python_requires: "{python_requires}"', "tests/config.yml")):
        if fact not in text:
            problems.append(f"{path}: does not state {fact} ({where})")
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line and f"`{line}`" not in text:
            problems.append(f"{path}: does not state `{line}` (requirements.txt)")
    claims = re.findall(r"ansible-core (\d+\.\d+) \(Python (\d+\.\d+)(\+?)\)", text)
    claimed_lines = {claim[0] for claim in claims}
    if claimed_lines != set(VENVS):
        problems.append(f"{path}: tested ansible-core lines {sorted(claimed_lines)} != the lines make test runs {sorted(VENVS)}")
    for core, py, plus in claims:
        if core not in VENVS:
            continue
        actual_py, actual_core = venv_versions(core)
        if actual_core and not actual_core.startswith(core + "."):
            problems.append(f"{path}: claims ansible-core {core}, the {core} venv/lock has {actual_core}")
        if actual_core and Version(actual_core) not in SpecifierSet(requires_ansible):
            problems.append(f"{path}: tested ansible-core {actual_core} is outside requires_ansible {requires_ansible}")
        if py != MIN_PYTHON[core] or (plus == "+") != (core == "2.21"):
            problems.append(f"{path}: claims Python {py}{plus} for {core}; the Makefile uses {MIN_PYTHON[core]}{'+' if core == '2.21' else ''}")
        if actual_py and Version(actual_py) < Version(py) or (actual_py and not plus and actual_py != py):
            problems.append(f"{path}: claims Python {py}{plus} for {core}, the venv runs Python {actual_py}")
        print(f"{path}: ansible-core {core} (Python {py}{plus}) -> venv: ansible-core {actual_core}, Python {actual_py or 'not built'}")
    return problems


def main(paths):
    problems = [problem for path in paths for problem in check(path)]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
