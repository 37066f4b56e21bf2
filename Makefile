# mediaops.live_jobs: build / test entry points.  `make help` lists the targets.
#
# Layout made by this Makefile (all gitignored):
#   .venv/                      dev/CI venv, Python >= 3.12 (tools/find-python.sh), pinned by tools/constraints.txt
#   .cache/venv-2.19/           second line: ansible-core 2.19 on Python 3.11, pinned by tools/constraints-2.19.txt
#   .cache/home/                HOME for ansible-test & friends (their venvs, pip bootstrap cache, ~/.ansible)
#   build/collections/ansible_collections/mediaops/live_jobs -> ../../../..   (pytest-ansible, ansible-doc, demo)
#   build/ansible-test/ansible_collections/mediaops/live_jobs/                 (real copy for ansible-test,
#                               rebuilt on every run by tools/stage-collection.sh; see the comment there)
#   build/pybin/python3.N       symlinks to real interpreters; first on PATH for ansible-test (no pyenv shims)

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.ONESHELL:
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules --no-print-directory
# Recipes are multi-line scripts; `make V=1 ...` echoes them.
ifndef V
.SILENT:
endif

ROOT        := $(CURDIR)
VENV        := $(ROOT)/.venv
VENV_219    := $(ROOT)/.cache/venv-2.19
VPY         := $(VENV)/bin/python
VPY_219     := $(VENV_219)/bin/python
STAMP       := $(VENV)/.installed
STAMP_219   := $(VENV_219)/.installed
COLLECTIONS := $(ROOT)/build/collections
LINK        := $(COLLECTIONS)/ansible_collections/mediaops/live_jobs
AT_ROOT     := $(ROOT)/build/ansible-test
AT_DIR      := $(AT_ROOT)/ansible_collections/mediaops/live_jobs
PYBIN       := $(ROOT)/build/pybin
TEST_HOME   := $(ROOT)/.cache/home
SUMMARY     := $(ROOT)/build/test-summary.txt

# ansible-test mode: --local (default; runs in .venv / .cache/venv-2.19, still builds its own per-test
# sanity venvs under $(TEST_HOME)) or --venv (delegates to a fresh venv; slower cold).
ANSIBLE_TEST_MODE ?= --local
# The ansible-core 2.19 line in `make test`: units (default, TEST_219=1), sanity too (TEST_219=full; `make test-2.19`
# runs both), or neither (TEST_219=0). Sanity on 2.19 repeats the 2.21 checks with older pylint rules for ~2 min; it
# is left out by default to keep a cold `make test` under 15 minutes on 2 cores.
TEST_219    ?= 1
PYTEST_ARGS ?=
# --venv needs tests/unit|integration/requirements.txt installed into its venvs; --local uses ours.
AT_REQ      := $(if $(filter --local,$(ANSIBLE_TEST_MODE)),,--requirements)

# pyenv shims "exist" for every version but fail unless selected: keep them off PATH for the tools.
PATH_NO_SHIMS := $(shell printf '%s' "$$PATH" | tr ':' '\n' | grep -v -E '/shims/?$$' | paste -sd: -)
# Tools get a repo-local HOME; keep the user's git config (safe.directory etc.) visible to them.
GIT_GLOBAL    := $(firstword $(wildcard $(HOME)/.gitconfig) /dev/null)
TOOL_ENV      := HOME=$(TEST_HOME) GIT_CONFIG_GLOBAL=$(GIT_GLOBAL) LC_ALL=C.UTF-8 NO_COLOR=1
AT_ENV        := $(TOOL_ENV) PATH=$(PYBIN):$(VENV)/bin:$(PATH_NO_SHIMS)
AT_ENV_219    := $(TOOL_ENV) PATH=$(PYBIN):$(VENV_219)/bin:$(PATH_NO_SHIMS)
PYTEST_ENV    := $(TOOL_ENV) PATH=$(VENV)/bin:$(PATH_NO_SHIMS) ANSIBLE_COLLECTIONS_PATH=$(COLLECTIONS)
# pip on this machine family warns about absent local find-links/index dirs; hide only that noise.
PIP_FILTER    := 2>&1 | { grep -v -E 'is ignored: it is neither a file nor a directory' || true; }

# pip's own lines, condensed to one progress line per package and the final summary
PIP_PROGRESS  := 2>&1 | { grep --line-buffered -E '^(Collecting|Successfully installed|ERROR)' | sed -u -E 's/^Collecting ([^ ]+).*/venv:   collecting \1/; s/^Successfully installed (.*)/venv: installed: \1/' || true; }

# First line of a stage recipe: $(call stage,NAME) prints "==> NAME ok|FAILED in Ns" when the recipe ends.
define stage
t0=$$SECONDS; trap 'rc=$$?; printf "==> %-18s %-6s in %4ss\n" "$(1)" "$$( ((rc)) && echo FAILED || echo ok )" "$$(( SECONDS - t0 ))"' EXIT
endef

.PHONY: build emulator help venv venv-2.19 link stage pybin sanity units units-pytest units-ansible-test integration \
        lint ansible-lint docs-lint changelog-lint test test-2.19 sanity-2.19 units-2.19 demo bench docs \
        ecosystem changelog venv-importer venv-docs lock clean distclean

help:
	@cat <<'TXT'
	make venv         create/update .venv (Python >= 3.12, PYTHON=... to choose) from tools/constraints.txt
	make test         everything below (+ units-2.19; TEST_219=full adds sanity-2.19, 0 neither); summary in build/test-summary.txt
	make sanity       ansible-test sanity $(ANSIBLE_TEST_MODE) (module Pythons 3.10+ found on this machine)
	make units        pytest + pytest-ansible over tests/unit, then ansible-test units (tests/unit/plugins)
	make integration  ansible-test integration (skips cleanly while tests/integration/targets is empty)
	make lint         ansible-lint, antsibull-docs lint-collection-docs, antsibull-changelog lint
	make test-2.19    sanity + units on ansible-core 2.19 / Python 3.11 (.cache/venv-2.19)
	make demo         emulator demo (tools/demo.sh)
	make emulator     the vendor emulator in the foreground on http://127.0.0.1:$${PORT:-8080} (README: try the playbook)
	make build        the collection tarball, dist/mediaops-live_jobs-<version>.tar.gz
	make eda          the job_status event source under the real ansible-rulebook against the emulator (tools/eda.sh)
	make bench        benchmarks (tools/bench.py)
	make docs         docs site as HTML (antsibull-docs sphinx-init + Sphinx, offline) into build/docs (.cache/venv-docs)
	make ecosystem    tarball + galaxy-importer, ansible-builder create/introspect, README versions, EXAMPLES lint,
	                  readiness playbook via ansible-runner with AWX-injected credentials (tools/ecosystem.sh)
	make changelog    refresh CHANGELOG.rst from the unreleased fragments (fragments stay unreleased)
	make lock         re-resolve tools/constraints*.txt
	make clean        remove build outputs; make distclean also removes .venv and .cache
	TXT

# ---------------------------------------------------------------- bootstrap
venv: $(STAMP) link

# With PYTHON=... set, always re-check that .venv is built on that interpreter.
$(STAMP): tools/constraints.txt tests/requirements-dev.txt requirements.txt $(if $(PYTHON),FORCE)
	$(call stage,venv)
	recreate=0
	"$(VPY)" -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null || recreate=1
	if [[ $$recreate == 0 && -n "$${PYTHON:-}" ]]; then
	    # An explicit PYTHON=... that differs from the venv's base interpreter rebuilds the venv.
	    want="$$(tools/find-python.sh 3.12)"
	    have="$$("$(VPY)" -c 'import sys; print(sys._base_executable)')"
	    [[ "$$(readlink -f "$$want")" == "$$(readlink -f "$$have")" ]] || recreate=1
	fi
	if [[ $$recreate == 1 ]]; then
	    py="$$(tools/find-python.sh 3.12)"
	    echo "venv: creating $(VENV) with $$py"
	    rm -rf "$(VENV)"
	    "$$py" -m venv "$(VENV)"
	fi
	echo "venv: installing pinned tools into $(VENV) (tools/constraints.txt; about 100 s on a cold cache)"
	"$(VPY)" -m pip install -q -c tools/constraints.txt pip $(PIP_FILTER)
	"$(VPY)" -m pip install --progress-bar off -c tools/constraints.txt -r requirements.txt -r tests/requirements-dev.txt $(PIP_PROGRESS)
	"$(VPY)" -m pip check
	touch "$@"

venv-2.19: $(STAMP_219)

$(STAMP_219): tools/constraints-2.19.txt tests/requirements-2.19.txt requirements.txt
	$(call stage,venv-2.19)
	if ! "$(VPY_219)" -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null; then
	    py="$$(tools/find-python.sh --exact 3.11)"
	    echo "venv-2.19: creating $(VENV_219) with $$py"
	    rm -rf "$(VENV_219)"
	    "$$py" -m venv "$(VENV_219)"
	fi
	"$(VPY_219)" -m pip install -q -c tools/constraints-2.19.txt pip $(PIP_FILTER)
	"$(VPY_219)" -m pip install -q -c tools/constraints-2.19.txt -r requirements.txt -r tests/requirements-2.19.txt $(PIP_FILTER)
	"$(VPY_219)" -m pip check
	touch "$@"

# build/collections/ansible_collections/mediaops/live_jobs -> the checkout (relative link).
link:
	if [[ ! -L "$(LINK)" ]]; then
	    if [[ -e "$(LINK)" ]]; then echo "link: $(LINK) exists and is not a symlink" >&2; exit 1; fi
	    mkdir -p "$(dir $(LINK))"
	    ln -s ../../../.. "$(LINK)"
	fi
	test -f "$(LINK)/galaxy.yml"

# Real copy of the git-visible files for ansible-test, plus interpreters and the offline pip bootstrap.
stage: link
	tools/stage-collection.sh "$(AT_ROOT)" >/dev/null
	tools/make-pybin.sh "$(PYBIN)" >/dev/null
	mkdir -p "$(TEST_HOME)/.ansible/test/cache"
	for v in 25_2 24_2; do cp tools/get-pip.py "$(TEST_HOME)/.ansible/test/cache/get_pip_$$v.py"; done

pybin:
	tools/make-pybin.sh "$(PYBIN)"

# ---------------------------------------------------------------- checks (ansible-core 2.21 line)
sanity: venv stage
	$(call stage,sanity)
	cd "$(AT_DIR)"
	env $(AT_ENV) ansible-test sanity $(ANSIBLE_TEST_MODE) --color no

units: units-pytest units-ansible-test

# The unit tree is split so `make test` runs every test once: ansible-test units takes the module and
# module_utils tests (target-side code, every supported core line); direct pytest + pytest-ansible takes the
# controller-side rest (filter plugin + headless-browser test, emulator, AWX files), which ansible-test's collection
# loader cannot host next to pytest-ansible. Either runner handles every file:
# `make units-pytest UNITS_PYTEST_PATHS=tests/unit` runs the whole tree directly.
UNITS_AT_PATHS     ?= tests/unit/plugins/modules/ tests/unit/plugins/module_utils/
UNITS_PYTEST_PATHS ?= tests/unit/plugins/filter tests/unit/emulator tests/unit/extensions

# Direct pytest + pytest-ansible (rc 5 = nothing collected is not a failure). The browser test needs Debian's
# chromium: installed here when missing (root or passwordless sudo); outside CI the test skips without it.
units-pytest: venv
	$(call stage,units-pytest)
	tools/install-chromium.sh || [[ -z "$${CI:-}" ]]
	rc=0; env $(PYTEST_ENV) CI="$${CI:-}" "$(VPY)" -m pytest --ansible-unit-inject-only -p no:cacheprovider $(UNITS_PYTEST_PATHS) $(PYTEST_ARGS) || rc=$$?
	if [[ $$rc -ne 0 && $$rc -ne 5 ]]; then exit $$rc; fi

# ansible-test units in .venv's Python: pytest-ansible is loaded there as well.
units-ansible-test: venv stage
	$(call stage,units-ansible-test)
	pyv="$$("$(VPY)" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
	cd "$(AT_DIR)"
	env $(AT_ENV) ansible-test units $(ANSIBLE_TEST_MODE) --python "$$pyv" $(AT_REQ) --color no $(UNITS_AT_PATHS)

# Two ansible-test runs at once, each with a share of the targets: the long targets mostly wait on the emulator's rate
# limits and latencies, so two shards take ~60 % of the serial time on 2 cores. INTEGRATION_SHARDS=1 runs them in one.
# Shard 1 takes INTEGRATION_SHARD1, shard 2 every other target; each shard's output is printed when it ends.
INTEGRATION_SHARDS ?= 2
INTEGRATION_SHARD1 ?= readiness_v2 list_mode edge_transcode_job_info pull_record_task_info record_job_info
integration: venv stage
	$(call stage,integration)
	pyv="$$("$(VPY)" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
	cd "$(AT_DIR)"
	targets=($$(for d in tests/integration/targets/*/; do grep -qx hidden "$$d/aliases" 2>/dev/null || [[ ! -f "$$d/aliases" ]] || basename "$$d"; done))
	if (( $${#targets[@]} == 0 )); then echo "integration: no targets under tests/integration/targets yet; nothing to run"; exit 0; fi
	run() { env $(AT_ENV) ansible-test integration $(ANSIBLE_TEST_MODE) --python "$$pyv" $(AT_REQ) --color no "$$@"; }
	if [[ "$(INTEGRATION_SHARDS)" == 1 ]]; then run; exit; fi
	shard1=(); shard2=()
	for t in "$${targets[@]}"; do if [[ " $(INTEGRATION_SHARD1) " == *" $$t "* ]]; then shard1+=("$$t"); else shard2+=("$$t"); fi; done
	logs="$(ROOT)/build/integration-logs"; rm -rf "$$logs"; mkdir -p "$$logs"
	echo "integration: shard 1: $${shard1[*]}"; echo "integration: shard 2: $${shard2[*]}"
	# both shards share HOME: create ansible-test's SSH key first (its own command), or two runs race to create it
	key="$(TEST_HOME)/.ansible/test/id_rsa"
	if [[ ! -f "$$key" ]]; then mkdir -p "$$(dirname "$$key")"; ssh-keygen -m PEM -q -t rsa -N '' -f "$$key"; fi
	# shard 2 runs in its own staged copy: ansible-test gives every target the same tests/output/.tmp/output_dir
	(cd "$(ROOT)" && STAGE_OWN_OUTPUT=1 tools/stage-collection.sh "$(ROOT)/build/ansible-test-shard2" >/dev/null)
	run "$${shard1[@]}" >"$$logs/shard1.log" 2>&1 & p1=$$!
	rc2=0; (cd "$(ROOT)/build/ansible-test-shard2/ansible_collections/mediaops/live_jobs" && run "$${shard2[@]}") >"$$logs/shard2.log" 2>&1 || rc2=$$?
	rc1=0; wait $$p1 || rc1=$$?
	for n in 1 2; do echo "==================== integration shard $$n ($$logs/shard$$n.log)"; cat "$$logs/shard$$n.log"; done
	echo "integration: shard 1 rc $$rc1, shard 2 rc $$rc2"
	(( rc1 == 0 && rc2 == 0 ))

lint: ansible-lint docs-lint changelog-lint

ansible-lint: venv
	$(call stage,ansible-lint)
	env $(TOOL_ENV) PATH=$(VENV)/bin:$(PATH_NO_SHIMS) ansible-lint

docs-lint: venv
	$(call stage,docs-lint)
	env $(TOOL_ENV) PATH=$(VENV)/bin:$(PATH_NO_SHIMS) antsibull-docs lint-collection-docs --plugin-docs --validate-collection-refs all --check-extra-docs-refs .

changelog-lint: venv
	$(call stage,changelog-lint)
	env $(TOOL_ENV) PATH=$(VENV)/bin:$(PATH_NO_SHIMS) antsibull-changelog lint

# ---------------------------------------------------------------- second line: ansible-core 2.19 / Python 3.11
test-2.19: sanity-2.19 units-2.19

sanity-2.19: venv-2.19 stage
	$(call stage,sanity-2.19)
	cd "$(AT_DIR)"
	env $(AT_ENV_219) ansible-test sanity $(ANSIBLE_TEST_MODE) --color no

units-2.19: venv-2.19 stage
	$(call stage,units-2.19)
	cd "$(AT_DIR)"
	env $(AT_ENV_219) ansible-test units $(ANSIBLE_TEST_MODE) --python 3.11 $(AT_REQ) --color no $(UNITS_AT_PATHS)

# ---------------------------------------------------------------- everything
# Runs every stage even after a failure, prints a summary, fails if any stage failed.
test: venv
	t_all=$$SECONDS
	stages=(sanity units-pytest units-ansible-test integration eda ansible-lint docs-lint changelog-lint ecosystem)
	if [[ "$(TEST_219)" == full ]] && tools/find-python.sh --exact 3.11 >/dev/null 2>&1; then stages+=(sanity-2.19); fi
	if [[ "$(TEST_219)" == 1 || "$(TEST_219)" == full ]]; then
	    if tools/find-python.sh --exact 3.11 >/dev/null 2>&1; then stages+=(units-2.19)
	    else echo "WARNING: no Python 3.11 found: skipping the ansible-core 2.19 line" >&2; fi
	fi
	mkdir -p "$(dir $(SUMMARY))"
	: >"$(SUMMARY)"
	failed=0
	for s in "$${stages[@]}"; do
	    echo "==> $$s"
	    t0=$$SECONDS
	    if "$(MAKE)" "$$s" $$( [[ $$s == eda ]] && echo EDA_WATCH_SECONDS=0 ); then st=ok; else st=FAILED; failed=1; fi
	    printf '%-20s %-7s %4ss\n' "$$s" "$$st" "$$(( SECONDS - t0 ))" >>"$(SUMMARY)"
	done
	printf '%-20s %-7s %4ss\n' total "$$( ((failed)) && echo FAILED || echo ok )" "$$(( SECONDS - t_all ))" >>"$(SUMMARY)"
	echo
	echo "==================== make test summary ===================="
	cat "$(SUMMARY)"
	exit $$failed

# ---------------------------------------------------------------- Event-Driven Ansible (issue #16)
# make eda: the event source mediaops.live_jobs.job_status under the real ansible-rulebook against the emulator (a
# status flip must reach the rule once within two intervals; output in build/eda/rulebook-run.log), then the 500-job
# measurement (build/eda/watch_500.json). Own venv .cache/venv-eda (tools/constraints-eda.txt); Java 17 is
# installed when missing (Debian openjdk-17-jre-headless). See tools/eda.sh; EDA_WATCH_SECONDS=0 skips the measurement.
# make test runs the rulebook check only; `make eda` alone adds the 30 s 500-job measurement.
EDA_WATCH_SECONDS ?= 30
.PHONY: eda
eda: link
	$(call stage,eda)
	env PATH=$(PATH_NO_SHIMS) LC_ALL=C.UTF-8 NO_COLOR=1 EDA_WATCH_SECONDS=$(EDA_WATCH_SECONDS) tools/eda.sh all

# ---------------------------------------------------------------- other entry points
FORCE:

demo: venv
	if [[ -f tools/demo.sh ]]; then
	    env PATH=$(VENV)/bin:$(PATH_NO_SHIMS) ANSIBLE_COLLECTIONS_PATH=$(COLLECTIONS) bash tools/demo.sh
	else
	    echo "make demo: the emulator demo lands with issue #4"
	fi

# The collection tarball the README installs with ansible-galaxy (git-visible files minus galaxy.yml build_ignore).
build: venv
	$(call stage,build)
	rm -rf "$(ROOT)/build/dist-src"
	tools/stage-collection.sh "$(ROOT)/build/dist-src" >/dev/null
	mkdir -p "$(ROOT)/dist"
	env $(TOOL_ENV) PATH=$(VENV)/bin:$(PATH_NO_SHIMS) ansible-galaxy collection build --force --output-path "$(ROOT)/dist" \
	    "$(ROOT)/build/dist-src/ansible_collections/mediaops/live_jobs"

# The emulator for trying the README's playbook by hand: foreground, Ctrl-C stops it.
PORT ?= 8080
emulator: venv link
	echo "emulator: http://127.0.0.1:$(PORT) (FAKE credentials: . tools/emulator-credentials.sh; Ctrl-C stops it)"
	env PYTHONPATH=$(COLLECTIONS) "$(VPY)" -m ansible_collections.mediaops.live_jobs.emulator --port $(PORT)

# Benchmarks of issue #5 (docs/performance.md): table on stdout, build/bench/results.json; fails when a target is
# missed. BENCH_ARGS passes options, e.g. make bench BENCH_ARGS="--only e --reps 5".
BENCH_ARGS ?=
bench: venv
	t0=$$SECONDS
	env $(TOOL_ENV) PATH=$(VENV)/bin:$(PATH_NO_SHIMS) ANSIBLE_COLLECTIONS_PATH=$(COLLECTIONS) "$(VPY)" tools/bench.py $(BENCH_ARGS)
	$(call done_line,bench)

docs: venv-docs link
	$(call stage,docs)
	env $(TOOL_ENV) PATH=$(VENV_DOCS)/bin:$(PATH_NO_SHIMS) ANSIBLE_COLLECTIONS_PATH=$(COLLECTIONS) tools/build-docs.sh build/docs

# ---------------------------------------------------------------- ecosystem (issue #6): EE, AWX, importer, release
# galaxy-importer and the Sphinx docs site pin attrs/flake8 resp. docutils/Sphinx against the dev venv: own venvs.
VENV_IMPORTER := $(ROOT)/.cache/venv-importer
VENV_DOCS     := $(ROOT)/.cache/venv-docs

venv-importer: $(VENV_IMPORTER)/.installed
$(VENV_IMPORTER)/.installed: tools/constraints-importer.txt tests/requirements-importer.txt
	rm -rf "$(VENV_IMPORTER)"
	"$$(tools/find-python.sh 3.12)" -m venv "$(VENV_IMPORTER)"
	"$(VENV_IMPORTER)/bin/python" -m pip install -q -c tools/constraints-importer.txt pip $(PIP_FILTER)
	"$(VENV_IMPORTER)/bin/python" -m pip install -q -c tools/constraints-importer.txt -r tests/requirements-importer.txt $(PIP_FILTER)
	"$(VENV_IMPORTER)/bin/python" -m pip check
	touch "$@"

venv-docs: $(VENV_DOCS)/.installed
$(VENV_DOCS)/.installed: tools/constraints-docs.txt docs/docsite/requirements.txt
	rm -rf "$(VENV_DOCS)"
	"$$(tools/find-python.sh 3.12)" -m venv "$(VENV_DOCS)"
	"$(VENV_DOCS)/bin/python" -m pip install -q -c tools/constraints-docs.txt pip $(PIP_FILTER)
	"$(VENV_DOCS)/bin/python" -m pip install -q -c tools/constraints-docs.txt -r docs/docsite/requirements.txt $(PIP_FILTER)
	"$(VENV_DOCS)/bin/python" -m pip check
	touch "$@"

ecosystem: venv venv-importer link
	$(call stage,ecosystem)
	env $(TOOL_ENV) PATH=$(VENV)/bin:$(PATH_NO_SHIMS) VPY=$(VPY) IMPORTER_PY=$(VENV_IMPORTER)/bin/python tools/ecosystem.sh all

changelog: venv link
	env $(TOOL_ENV) PATH=$(VENV)/bin:$(PATH_NO_SHIMS) VPY=$(VPY) tools/ecosystem.sh changelog

lock:
	tools/lock.sh all

clean:
	rm -rf build dist collections tests/output .pytest_cache .hypothesis .ansible
	find . -path ./.venv -prune -o -path ./.cache -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf .venv .cache
