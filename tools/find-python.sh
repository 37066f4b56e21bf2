#!/usr/bin/env bash
# Print the path of a real Python interpreter >= MIN (default 3.12) and exit 0,
# or explain on stderr and exit 1.
#
# Usage: tools/find-python.sh [MIN_MINOR_VERSION]   e.g. tools/find-python.sh 3.12
#        tools/find-python.sh --exact 3.11          (only that minor version)
#
# Order: $PYTHON (if set, it must satisfy the requirement), then pyenv
# installations ($PYENV_ROOT, `pyenv root`, ~/.pyenv; newest version first),
# then python3.N / python3 on PATH. pyenv *shims* are skipped: they fail unless
# that version happens to be selected. Every candidate is verified by running it,
# and the interpreter's own sys.executable is printed (never a shim).
set -euo pipefail

exact=0
if [[ "${1:-}" == "--exact" ]]; then
    exact=1
    shift
fi
want="${1:-3.12}"
want_major="${want%%.*}"
want_minor="${want#*.}"

if (( exact )); then
    check="import sys; assert sys.version_info[:2] == (${want_major}, ${want_minor}); print(sys.executable)"
    desc="Python ${want}"
    minors=("${want_minor}")
else
    check="import sys; assert sys.version_info >= (${want_major}, ${want_minor}); print(sys.executable)"
    desc="Python >= ${want}"
    minors=()
    for ((m = 19; m >= want_minor; m--)); do minors+=("$m"); done
fi

try() {
    local cand="$1" out
    [[ -n "$cand" && -x "$cand" && ! -d "$cand" ]] || return 1
    case "$(readlink -f "$cand" 2>/dev/null || echo "$cand")" in
        */shims/*) return 1 ;;
    esac
    case "$cand" in
        */shims/*) return 1 ;;
    esac
    out="$("$cand" -c "$check" 2>/dev/null)" || return 1
    [[ -n "$out" && -x "$out" ]] || return 1
    printf '%s\n' "$out"
}

if [[ -n "${PYTHON:-}" ]]; then
    cand="$PYTHON"
    [[ "$cand" == */* ]] || cand="$(command -v "$cand" 2>/dev/null || true)"
    if try "$cand"; then
        exit 0
    fi
    echo "find-python: PYTHON=${PYTHON} is not a working ${desc}." >&2
    exit 1
fi

# pyenv installations, newest first.
roots=()
[[ -n "${PYENV_ROOT:-}" ]] && roots+=("$PYENV_ROOT")
if command -v pyenv >/dev/null 2>&1; then
    roots+=("$(pyenv root 2>/dev/null || true)")
fi
roots+=("${HOME:-/nonexistent}/.pyenv")
seen=" "
for root in "${roots[@]}"; do
    [[ -n "$root" && -d "$root/versions" ]] || continue
    [[ "$seen" == *" $root "* ]] && continue
    seen+="$root "
    # Sort version directories newest first (3.13.0 before 3.12.1 before 3.9.18).
    while IFS= read -r vdir; do
        for m in "${minors[@]}"; do
            if try "$vdir/bin/python${want_major}.${m}"; then
                exit 0
            fi
        done
    done < <(for v in "$root"/versions/[0-9]*; do [[ -d "$v" ]] && printf '%s\n' "$v"; done | sort -V -r)
done

# Interpreters on PATH (skipping shims).
IFS=: read -r -a path_dirs <<<"${PATH:-}"
for m in "${minors[@]}" ""; do
    name="python${want_major}${m:+.$m}"
    [[ -z "$m" && $exact -eq 1 ]] && continue
    for d in "${path_dirs[@]}"; do
        [[ -n "$d" ]] || continue
        if try "$d/$name"; then
            exit 0
        fi
    done
done

echo "find-python: no ${desc} found. Install one (e.g. 'pyenv install 3.13') or set PYTHON=/path/to/python3.X." >&2
exit 1
