# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The AWX custom credential types under extensions/awx/credential_types: shape, secrets, and injected names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import VENDORS as REGISTERED_VENDORS

ENV_VARS = {name: vendor.env_vars for name, vendor in REGISTERED_VENDORS.items()}

TYPES_DIR = Path(__file__).resolve().parents[3] / "extensions" / "awx" / "credential_types"
VENDORS = {"alibaba_cloud.yml": "alibaba", "volcengine.yml": "volcengine", "huawei_cloud.yml": "huawei"}
SECRET_IDS = {"secret_key", "security_token"}
# AWX: CredentialType.default_for_field -> {'string': '', 'boolean': False}
AWX_UNSET = {"string": "", "boolean": False}
FIELD_KEYS = {"id", "label", "type", "secret", "multiline", "help_text", "choices", "default", "format"}


def load(name):
    return yaml.safe_load((TYPES_DIR / name).read_text(encoding="utf-8"))


def render_env(cred_type, values):
    """Render the env injectors the way AWX does: every field present, unset optional ones as their empty default."""
    context = {field["id"]: AWX_UNSET[field.get("type", "string")] for field in cred_type["inputs"]["fields"]}
    context.update(values)
    sandbox = ImmutableSandboxedEnvironment()
    return {name: sandbox.from_string(template).render(**context) for name, template in cred_type["injectors"]["env"].items()}


def test_one_file_per_vendor():
    assert sorted(path.name for path in TYPES_DIR.glob("*.yml")) == sorted(VENDORS)


@pytest.mark.parametrize("name", sorted(VENDORS))
def test_shape_is_an_awx_custom_credential_type(name):
    cred_type = load(name)
    assert set(cred_type) <= {"name", "description", "kind", "inputs", "injectors"}
    assert cred_type["kind"] == "cloud"  # AWX accepts only cloud and net for custom types
    assert cred_type["name"].endswith("(mediaops.live_jobs)")
    assert set(cred_type["injectors"]) == {"env"}
    ids = [field["id"] for field in cred_type["inputs"]["fields"]]
    assert len(ids) == len(set(ids))
    for field in cred_type["inputs"]["fields"]:
        assert set(field) <= FIELD_KEYS, field
        assert field["type"] == "string" and field["label"]
    assert {"access_key", "secret_key"} <= set(cred_type["inputs"]["required"]) <= set(ids)


@pytest.mark.parametrize("name", sorted(VENDORS))
def test_secret_fields_are_secret_and_only_those(name):
    for field in load(name)["inputs"]["fields"]:
        assert bool(field.get("secret")) == (field["id"] in SECRET_IDS), field["id"]


@pytest.mark.parametrize("name", sorted(VENDORS))
def test_injected_env_names_are_the_modules_own_and_never_ansible(name):
    cred_type, vendor = load(name), VENDORS[name]
    # each injected name is the first (preferred) env var the modules read for that field
    expected = {names[0]: field for field, names in ENV_VARS[vendor].items()}
    for env_name, template in cred_type["injectors"]["env"].items():
        assert not env_name.upper().startswith("ANSIBLE_")
        assert env_name in expected, f"{env_name} is not read by the modules (ENV_VARS[{vendor!r}])"
        assert re.fullmatch(r"\{\{ (\w+) \}\}", template).group(1) == expected[env_name]
    fields = {field["id"] for field in cred_type["inputs"]["fields"]}
    injected = {template.strip("{} ") for template in cred_type["injectors"]["env"].values()}
    assert injected == fields, "every input is injected, and nothing else"


@pytest.mark.parametrize("name", sorted(VENDORS))
def test_unset_optional_fields_render_as_empty_strings(name):
    cred_type = load(name)
    required = cred_type["inputs"]["required"]
    env = render_env(cred_type, {field: f"value-{field}" for field in required})
    for env_name, template in cred_type["injectors"]["env"].items():
        field = template.strip("{} ")
        assert env[env_name] == (f"value-{field}" if field in required else "")
