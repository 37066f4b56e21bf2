#!/usr/bin/env bash
# Populate DIR (default build/pybin) with symlinks python3.N -> a real interpreter
# for every module Python ansible-test may use (3.10 .. 3.14; tests/config.yml
# says python_requires >=3.10), and only for versions that exist here.
# ansible-test sanity/units look for python3.N on PATH; put DIR first on PATH and
# drop pyenv shim directories, which "exist" but fail for unselected versions.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${1:-build/pybin}"
rm -rf "$dir"
mkdir -p "$dir"
found=()
for m in 10 11 12 13 14; do
    if exe="$(PYTHON='' "$here/find-python.sh" --exact "3.$m" 2>/dev/null)"; then
        ln -s "$exe" "$dir/python3.$m"
        found+=("3.$m")
    fi
done
echo "pybin: ${dir} -> ${found[*]:-(none)}"
