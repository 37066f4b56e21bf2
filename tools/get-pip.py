#!/usr/bin/env python
"""Offline stand-in for ansible-test's pip bootstrap script.

ansible-test (``--venv`` and the per-test sanity venvs) downloads
``https://ci-files.testing.ansible.com/ansible-test/get-pip-<ver>.py`` unless a
copy is already cached at ``$HOME/.ansible/test/cache/get_pip_<ver>.py``.
That host is not reachable here, so the Makefile copies this file to
``get_pip_25_2.py`` (ansible-core 2.20+) and ``get_pip_24_2.py`` (2.19).

It bootstraps pip from the interpreter's bundled wheel (ensurepip) and then
installs the pip version ansible-test asked for from the configured index.
ensurepip runs in a *subprocess*: an in-process ``ensurepip.bootstrap()`` sets
``PIP_CONFIG_FILE=/dev/null`` in ``os.environ``, which would hide
``/etc/pip.conf`` (the CA bundle and index settings) from the second step.
"""

import subprocess
import sys


def main():
    subprocess.check_call([sys.executable, "-m", "ensurepip", "--upgrade", "--default-pip"])
    # get-pip.py understands these flags; "pip install" does not.
    args = [a for a in sys.argv[1:] if a not in ("--no-setuptools", "--no-wheel")]
    if args:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--disable-pip-version-check"] + args)


if __name__ == "__main__":
    main()
