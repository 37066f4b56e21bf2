#!/usr/bin/env bash
# `make ecosystem`: what happens to the collection after the unit tests, checked offline.
#   1. stage     copy of the git-visible files (tools/stage-collection.sh) with a CHANGELOG.rst previewing the
#                unreleased fragments (antsibull-changelog release on the throw-away copy only)
#   2. build     ansible-galaxy collection build; the tarball must hold the EE/AWX/docs files and no dev litter
#   3. importer  galaxy-importer (own venv) on the tarball: no ERROR and no WARNING lines allowed
#   4. ee        ansible-builder introspect on the installed tarball, ansible-builder create on
#                extensions/awx/execution-environment.yml, and the context's own introspect.py:
#                requests and pydantic listed, ansible / ansible-core never required by the collection
#   5. versions  README "Supported versions" matches runtime.yml, tests/config.yml, requirements and the venvs
#   6. examples  ansible-lint (production profile) on every module's EXAMPLES, wrapped in a play
#   7. awx       pytest tests/ecosystem: the readiness playbook through ansible-runner with AWX-injected credentials
# Usage: tools/ecosystem.sh [all|changelog]   (changelog: refresh the checkout's CHANGELOG.rst from the preview)
# Env: VPY (dev venv python), IMPORTER_PY (galaxy-importer venv python), OUT (default build/ecosystem).
set -euo pipefail
root="$(git rev-parse --show-toplevel)"
cd "$root"
VPY="${VPY:-$root/.venv/bin/python}"
IMPORTER_PY="${IMPORTER_PY:-$root/.cache/venv-importer/bin/python}"
OUT="${OUT:-$root/build/ecosystem}"
bindir="$(dirname "$VPY")"
export PATH="$bindir:$PATH"   # antsibull-changelog runs ansible-doc, ansible-lint runs ansible-galaxy
version="$(sed -n 's/^version:[[:space:]]*//p' galaxy.yml | tr -d "\"' ")"
tarball_name="mediaops-live_jobs-$version.tar.gz"
src="$OUT/src/ansible_collections/mediaops/live_jobs"
problems=()

step() { printf '==> ecosystem %-9s %s\n' "$1" "$2"; }
took() { printf '    %-9s done in %ss\n' "$1" "$(( SECONDS - $2 ))"; }
problem() { echo "ECOSYSTEM PROBLEM: $*" >&2; problems+=("$*"); }

stage() {
    local t0=$SECONDS
    step stage "copy of the git-visible files -> $src"
    rm -rf "$OUT" && mkdir -p "$OUT"
    tools/stage-collection.sh "$OUT/src" >/dev/null
    # Keep the copy's own git index (stage-collection.sh makes one): build/ is ignored by the checkout's git, and
    # antsibull-changelog copies only git-visible files, so without it ansible-doc would see an empty collection.
    rm -rf "$src/tests/output"
    # Release preview on the copy only: the checkout keeps its fragments unreleased until the real release
    # (antsibull-changelog release consumes them); `make changelog` copies the preview to CHANGELOG.rst.
    # (ANSIBLE_COLLECTIONS_PATH: its ansible-doc must find the copy to list the new plugins and modules.)
    (cd "$src" && ANSIBLE_COLLECTIONS_PATH="$OUT/src" "$bindir/antsibull-changelog" release --version "$version" >/dev/null 2>"$OUT/changelog.log") \
        || { cat "$OUT/changelog.log"; problem "antsibull-changelog release (preview) failed"; }
    grep -q '^New Modules' "$src/CHANGELOG.rst" || problem "the changelog preview lists no new modules (ansible-doc did not see the copy?)"
    if [[ -f CHANGELOG.rst ]] && ! cmp -s CHANGELOG.rst "$src/CHANGELOG.rst"; then
        echo "NOTE: CHANGELOG.rst differs from the preview of the current fragments; run 'make changelog' before committing"
    fi
    if [[ ! -f README.md ]]; then  # reported by build(): galaxy.yml says readme: README.md
        cp docs/readme-sections.md "$src/README.md"
    fi
    took stage "$t0"
}

build() {
    local t0=$SECONDS
    step build "ansible-galaxy collection build -> $OUT/dist/$tarball_name"
    [[ -f README.md ]] || problem "README.md is missing (galaxy.yml readme: README.md); this build uses docs/readme-sections.md in its place"
    "$bindir/ansible-galaxy" collection build --force --output-path "$OUT/dist" "$src" >/dev/null
    tar -tzf "$OUT/dist/$tarball_name" | sed 's#/$##' | sort >"$OUT/tarball-files.txt"
    local f
    for f in MANIFEST.json FILES.json README.md COPYING CHANGELOG.rst requirements.txt bindep.txt meta/runtime.yml \
             meta/execution-environment.yml extensions/awx/execution-environment.yml \
             extensions/awx/credential_types/alibaba_cloud.yml extensions/awx/credential_types/volcengine.yml \
             extensions/awx/credential_types/huawei_cloud.yml docs/docsite/links.yml docs/docsite/extra-docs.yml \
             playbooks/readiness.yml; do
        grep -qx "$f" "$OUT/tarball-files.txt" || problem "tarball lacks $f"
    done
    if grep -E '(^|/)(\.venv|\.cache|\.ansible|\.git|\.hypothesis|\.pytest_cache|__pycache__|build|tests/output)(/|$)|\.pyc$' \
            "$OUT/tarball-files.txt"; then
        problem "tarball holds the development files listed above"
    fi
    echo "    $(wc -l <"$OUT/tarball-files.txt") entries, $(du -k "$OUT/dist/$tarball_name" | cut -f1) KiB"
    took build "$t0"
}

importer() {
    local t0=$SECONDS
    step importer "galaxy-importer $tarball_name"
    local rc=0
    (cd "$OUT/dist" && env -u ANSIBLE_COLLECTIONS_PATH PATH="$(dirname "$IMPORTER_PY"):$PATH" \
        "$IMPORTER_PY" -m galaxy_importer.main "$tarball_name") >"$OUT/importer.log" 2>&1 || rc=$?
    grep -E '^(WARNING|ERROR)|Importer processing completed' "$OUT/importer.log" | sed 's/^/    /' || true
    if ((rc)); then problem "galaxy-importer exited with $rc (log: $OUT/importer.log)"; fi
    if grep -qE '^(WARNING|ERROR)' "$OUT/importer.log"; then problem "galaxy-importer reported warnings or errors ($OUT/importer.log)"; fi
    grep -q 'Importer processing completed successfully' "$OUT/importer.log" || problem "galaxy-importer did not complete"
    took importer "$t0"
}

# check_reqs FILE WHAT: requests and pydantic present, no ansible / ansible-core requirement.
check_reqs() {
    grep -qiE '^requests([<>=!~ ]|$)' "$1" || problem "$2 does not list requests"
    grep -qiE '^pydantic([<>=!~ ]|$)' "$1" || problem "$2 does not list pydantic"
    if grep -iE '^ansible(-core|-base)?([<>=!~ #]|$)' "$1"; then problem "$2 requires ansible/ansible-core (above)"; fi
}

ee() {
    local t0=$SECONDS
    step ee "ansible-builder introspect + create"
    "$bindir/ansible-galaxy" collection install --offline -p "$OUT/installed" "$OUT/dist/$tarball_name" >/dev/null
    "$bindir/ansible-builder" introspect "$OUT/installed" --write-pip "$OUT/introspect-pip.txt" \
        --write-bindep "$OUT/introspect-bindep.txt" >"$OUT/introspect.yml"
    sed 's/^/    introspect: /' "$OUT/introspect-pip.txt" "$OUT/introspect-bindep.txt"
    check_reqs "$OUT/introspect-pip.txt" "ansible-builder introspect"
    grep -q 'ca-certificates' "$OUT/introspect-bindep.txt" || problem "ansible-builder introspect lost bindep.txt"
    # The shipped example EE definition, pointed at the tarball just built instead of Galaxy.
    mkdir -p "$OUT/ee"
    cp "$OUT/dist/$tarball_name" "$OUT/ee/"
    "$VPY" - "$root/extensions/awx/execution-environment.yml" "$OUT/ee/execution-environment.yml" "$tarball_name" <<'PY'
import sys, yaml
src, dest, tarball = sys.argv[1:]
ee = yaml.safe_load(open(src, encoding="utf-8"))
assert ee["version"] == 3, "execution-environment.yml must use the version 3 format"
ee["dependencies"]["galaxy"] = {"collections": [{"name": f"/tmp/src/collections/{tarball}", "type": "file"}]}
ee["additional_build_files"] = [{"src": tarball, "dest": "collections"}]
yaml.safe_dump(ee, open(dest, "w", encoding="utf-8"), sort_keys=False)
PY
    (cd "$OUT/ee" && "$bindir/ansible-builder" create -f execution-environment.yml -c context \
        --output-filename Containerfile >/dev/null)
    local ctx="$OUT/ee/context"
    [[ -f "$ctx/Containerfile" && -f "$ctx/_build/collections/$tarball_name" ]] || problem "ansible-builder create: incomplete context"
    grep -q "$tarball_name" "$ctx/_build/requirements.yml" || problem "context requirements.yml does not install the tarball"
    # What the image build runs in its builder stage, run here on the installed collection.
    "$VPY" "$ctx/_build/scripts/introspect.py" introspect --write-pip "$OUT/ee/context-pip.txt" \
        --write-bindep "$OUT/ee/context-bindep.txt" "$OUT/installed" >/dev/null
    sed 's/^/    context: /' "$OUT/ee/context-pip.txt"
    check_reqs "$OUT/ee/context-pip.txt" "the build context's introspect.py"
    # The only ansible-core requirement in the context is the EE definition's own choice.
    grep -q 'ANSIBLE_INSTALL_REFS="ansible-core>=2.19,<2.22 ansible-runner"' "$ctx/Containerfile" \
        || problem "Containerfile does not take ansible-core from the EE definition"
    took ee "$t0"
}

versions() {
    local t0=$SECONDS
    step versions "README supported versions vs. runtime.yml, tests/config.yml, requirements.txt and the venvs"
    local files=(docs/readme-sections.md)
    [[ -f README.md ]] && files+=(README.md)
    "$VPY" tools/check_supported_versions.py "${files[@]}" || problem "supported versions are out of date"
    took versions "$t0"
}

examples() {
    local t0=$SECONDS
    step examples "ansible-lint --profile production on the modules' EXAMPLES"
    local dir="$src/tests/examples-lint"
    "$VPY" - "$src" "$dir" <<'PY'
import ast, pathlib, sys, yaml
src, dest = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
dest.mkdir(parents=True)
for module in sorted((src / "plugins" / "modules").glob("*.py")):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    text = next(node.value.value for node in tree.body if isinstance(node, ast.Assign)
                and getattr(node.targets[0], "id", None) == "EXAMPLES")
    assert isinstance(yaml.safe_load(text), list), f"{module.name}: EXAMPLES is not a list of tasks"
    # verbatim, so that ansible-lint judges the authors' own formatting
    body = "".join(f"    {line}" if line.strip() else line for line in text.lstrip("\n").splitlines(keepends=True))
    play = f"---\n- name: Examples of {module.stem}\n  hosts: localhost\n  gather_facts: false\n  tasks:\n{body}"
    (dest / f"{module.stem}.yml").write_text(play, encoding="utf-8")
PY
    local rc=0
    (cd "$src" && env ANSIBLE_COLLECTIONS_PATH="$OUT/installed" "$bindir/ansible-lint" --offline --profile production \
        --nocolor tests/examples-lint) >"$OUT/examples-lint.log" 2>&1 || rc=$?
    tail -n 3 "$OUT/examples-lint.log" | sed 's/^/    /'
    if ((rc)); then cat "$OUT/examples-lint.log"; problem "ansible-lint found problems in module EXAMPLES"; fi
    rm -rf "$dir"
    took examples "$t0"
}

awx() {
    local t0=$SECONDS
    step awx "pytest tests/ecosystem (ansible-runner, AWX credential injection)"
    env LIVE_JOBS_COLLECTIONS_PATH="$OUT/installed" LIVE_JOBS_ARTIFACTS="$OUT/awx" \
        "$VPY" -m pytest -p no:cacheprovider -q -o addopts= tests/ecosystem || problem "tests/ecosystem failed"
    took awx "$t0"
}

case "${1:-all}" in
    all)
        stage; build; importer; ee; versions; examples; awx ;;
    changelog)
        stage
        cp "$src/CHANGELOG.rst" CHANGELOG.rst
        echo "CHANGELOG.rst refreshed from the unreleased fragments (preview of $version)" ;;
    *) echo "usage: $0 [all|changelog]" >&2; exit 2 ;;
esac

if ((${#problems[@]})); then
    printf '\necosystem: %d problem(s):\n' "${#problems[@]}"
    printf '  - %s\n' "${problems[@]}"
    exit 1
fi
echo "ecosystem: all checks passed"
