# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one-home-per-API layout (issue 12): a module imports only its own API and vendor, each vendor action name has
exactly one home under plugins/module_utils/, and the vendor-neutral layers import no vendor or API file."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils import _registry

MODULE_UTILS = os.path.dirname(os.path.abspath(_registry.__file__))
PACKAGE = "ansible_collections.mediaops.live_jobs.plugins.module_utils"
API_FILES = {"_api_ice_record", "_api_ice_snapshot", "_api_live_edge_transcode", "_api_volc_pull_record", "_api_huawei_record"}
VENDOR_FILES = {"_vendor_alibaba", "_vendor_volcengine", "_vendor_huawei"}


def collections_root():
    """The directory holding ansible_collections/ (the checkout's build/collections, or ansible-test's staging copy)."""
    path = MODULE_UTILS
    while os.path.basename(path) != "ansible_collections":
        parent = os.path.dirname(path)
        assert parent != path, f"{MODULE_UTILS} is not inside an ansible_collections tree"
        path = parent
    return os.path.dirname(path)


def loaded_after(code):
    """The module names a fresh interpreter has loaded after running `code`."""
    code += "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [collections_root(), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=False,
                          cwd=collections_root())
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def loaded_after_import(module_name):
    """The module_utils files a fresh interpreter has loaded after importing module_name."""
    prefix = PACKAGE + "."
    return {name[len(prefix):] for name in loaded_after(f"import {module_name}") if name.startswith(prefix)}


@pytest.mark.parametrize("module, own_apis, own_vendors", [
    ("snapshot_job_info", {"_api_ice_snapshot"}, {"_vendor_alibaba"}),
    ("edge_transcode_job_info", {"_api_live_edge_transcode"}, {"_vendor_alibaba"}),
    ("pull_record_task_info", {"_api_volc_pull_record"}, {"_vendor_volcengine"}),
    ("record_job_info", {"_api_ice_record", "_api_huawei_record"}, {"_vendor_alibaba", "_vendor_huawei"}),
])
def test_a_module_imports_only_its_own_api_and_vendor(module, own_apis, own_vendors):
    loaded = loaded_after_import(f"ansible_collections.mediaops.live_jobs.plugins.modules.{module}")
    assert own_apis <= loaded and own_vendors <= loaded, "the check must see the module's own files"
    assert loaded & API_FILES == own_apis, f"other APIs imported: {sorted(loaded & API_FILES - own_apis)}"
    assert loaded & VENDOR_FILES == own_vendors, f"other vendors imported: {sorted(loaded & VENDOR_FILES - own_vendors)}"
    assert "_registry" not in loaded, "the registry imports every API"


def test_snapshot_module_does_not_import_the_other_apis_or_vendors():
    """The brief's own example, spelled out: a snapshot run builds no recording, edge, Volcengine or Huawei models."""
    loaded = loaded_after_import("ansible_collections.mediaops.live_jobs.plugins.modules.snapshot_job_info")
    for name in ("_api_ice_record", "_api_live_edge_transcode", "_api_volc_pull_record", "_api_huawei_record",
                 "_vendor_volcengine", "_vendor_huawei", "_signing.volcengine", "_signing.huawei"):
        assert name not in loaded, name
    assert {"_api_ice_snapshot", "_vendor_alibaba", "_signing.alibaba", "module"} <= loaded


def _python_files():
    for directory, dummy_dirs, files in os.walk(MODULE_UTILS):
        for name in files:
            if name.endswith(".py"):
                yield os.path.join(directory, name)


ACTIONS = ["GetLiveRecordJob", "ListLiveRecordJobs", "GetLiveSnapshotJob", "ListLiveSnapshotJobs", "GetEdgeTranscodeJob",
           "ListEdgeTranscodeJob", "GetPullRecordTask", "ListPullRecordTask", "individual-stream-jobs"]
HOMES = {
    "GetLiveRecordJob": "_api_ice_record.py", "ListLiveRecordJobs": "_api_ice_record.py",
    "GetLiveSnapshotJob": "_api_ice_snapshot.py", "ListLiveSnapshotJobs": "_api_ice_snapshot.py",
    "GetEdgeTranscodeJob": "_api_live_edge_transcode.py", "ListEdgeTranscodeJob": "_api_live_edge_transcode.py",
    "GetPullRecordTask": "_api_volc_pull_record.py", "ListPullRecordTask": "_api_volc_pull_record.py",
    "individual-stream-jobs": "_api_huawei_record.py",
}
# issue 12 "done when": each vendor action name appears in exactly one file under plugins/module_utils/.


@pytest.mark.parametrize("action", ACTIONS)
def test_each_vendor_action_name_has_exactly_one_home(action):
    homes = []
    for path in _python_files():
        with open(path, encoding="utf-8") as handle:
            if action in handle.read():
                homes.append(os.path.relpath(path, MODULE_UTILS))
    assert homes == [HOMES[action]]


VENDOR_NEUTRAL = ["_transport.py", "_fetch.py", "_listing.py", "_list_options.py", "_normalize.py", "_pacing.py", "_quota.py", "_session.py",
                  "_messages.py", "_inputs.py", "_credentials.py", "_endpoints.py", "_errors.py", "_replies.py", "_models.py",
                  "_descriptors.py", "module.py"]


@pytest.mark.parametrize("name", VENDOR_NEUTRAL)
def test_vendor_neutral_layers_import_no_vendor_and_no_api(name):
    with open(os.path.join(MODULE_UTILS, name), encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").rsplit(".", 1)[-1])
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            imported.update(alias.name.rsplit(".", 1)[-1] for alias in node.names)
    forbidden = {item for item in imported if item.startswith(("_vendor_", "_api_")) or item in ("_registry", "_signing")}
    assert not forbidden, f"{name} imports {sorted(forbidden)}"


def test_registry_lists_every_api_file_once():
    assert {api.name for api in _registry.APIS.values()} == {name[len("_api_"):] for name in API_FILES}
    assert set(_registry.VENDORS) == {name[len("_vendor_"):] for name in VENDOR_FILES}
    assert _registry.STATUS_ORDER[-2:] == ("missing", "error")


# ---------------------------------------------------------------------------------------------------- start-up (row e)


@pytest.mark.parametrize("module", ["record_job_info", "snapshot_job_info", "edge_transcode_job_info", "pull_record_task_info"])
def test_a_module_loads_neither_pydantic_s_model_layer_nor_the_list_code(module):
    """Start-up (bench row e): the models validate through pydantic-core, so pydantic's BaseModel layer (~100 ms of
    imports) is never loaded, and the List paging code waits until a List call can pay."""
    loaded = loaded_after(f"import ansible_collections.mediaops.live_jobs.plugins.modules.{module}")
    assert "pydantic_core" in loaded, "the models' engine must be what is imported"
    assert not {name for name in loaded if name == "pydantic" or name.startswith("pydantic.")}
    assert PACKAGE + "._listing" not in loaded and PACKAGE + "._list_options" in loaded


def test_the_list_code_is_loaded_only_for_a_batch_a_list_call_can_pay_for():
    code = (
        f"from {PACKAGE}._session import open_session\n"
        f"from {PACKAGE}._api_ice_record import API\n"
        "import sys\n"
        "params = dict(access_key='LTAI5tEmuLat0rAcc3ssKey01', secret_key='EmuLat0rS3cr3tF0rL1veJ0bsAcc01', region='cn-shanghai',"
        " shared_quota=False)\n"
        "session = open_session(API, params, environ={})\n"
        "assert session.batch_lister(1) is None\n"
        f"assert {PACKAGE + '._listing'!r} not in sys.modules\n"
        "lister = session.batch_lister(100000)\n"
        "assert lister is session.lister and lister.list_rate == API.listing.default_rate_limit\n"
    )
    assert PACKAGE + "._listing" in loaded_after(code)
