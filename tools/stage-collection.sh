#!/usr/bin/env bash
# Stage the checkout as a *real* directory tree for ansible-test:
#   DEST/ansible_collections/<namespace>/<name>/   (default DEST: build/ansible-test)
#
# Why a copy and not the build/collections/... symlink: ansible-test derives the
# collection from os.getcwd(), which is the symlink's real path (the checkout, not
# below ansible_collections/). ANSIBLE_TEST_CONTENT_ROOT gets `sanity --local`
# through, but `--venv` delegation re-derives the root from os.getcwd(), and
# `units` fails because pytest resolves test files to their real paths, outside
# the collection path ("File ... not found in collection path").
#
# The copy holds exactly the files git sees (`git ls-files -co --exclude-standard`:
# tracked + untracked-not-ignored, i.e. what ansible-test itself would scan) and is
# its own git repo (index only, no commit; tests/output excluded), so ansible-test's git source provider
# works there. tests/output is a symlink back to the checkout's tests/output so
# junit/coverage/results stay where CI expects them. Rebuilt on every call (<1 s).
set -euo pipefail
root="$(git rev-parse --show-toplevel)"
cd "$root"
dest_root="${1:-build/ansible-test}"
ns="$(sed -n 's/^namespace:[[:space:]]*//p' galaxy.yml | tr -d "\"' ")"
name="$(sed -n 's/^name:[[:space:]]*//p' galaxy.yml | tr -d "\"' ")"
dest="$dest_root/ansible_collections/$ns/$name"

rm -rf "$dest"
mkdir -p "$dest"
# Skip tracked files deleted in the working tree.
git ls-files -z -co --exclude-standard \
    | while IFS= read -r -d '' f; do [[ -e "$f" || -L "$f" ]] && printf '%s\0' "$f"; done \
    | tar --null -T - -cf - \
    | tar -xf - -C "$dest"
mkdir -p tests/output
rm -rf "$dest/tests/output"
mkdir -p "$dest/tests"
if [[ -n "${STAGE_OWN_OUTPUT:-}" ]]; then
    # a second concurrent ansible-test run (an integration shard) needs its own tests/output/.tmp/output_dir
    mkdir -p "$dest/tests/output"
else
    ln -s "$root/tests/output" "$dest/tests/output"
fi
(
    cd "$dest"
    git init -q
    # The results symlink must not become a "file" of the collection (the
    # symlinks sanity test rejects directory symlinks); .gitignore's
    # "tests/output/" only matches directories.
    echo "/tests/output" >>.git/info/exclude
    git add -A
)
echo "staged $(git -C "$dest" ls-files | wc -l) files at $dest"
