# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark probe (tools/bench.py row e), not part of the collection: the least any module that keeps the
collection's runtime-dependency rule must do for one id. It imports AnsibleModule and requests (a Session with an
HTTPAdapter, as the transport does), makes one GET and validates the JSON reply with `validate`: `none`, `pydantic`
(one BaseModel, as the collection's models are) or `core` (a pydantic-core SchemaValidator, pydantic's engine without
its model layer). No signing, pacing, retries or normalization: the task time of this module is the start-up floor of
those imports, against which the real module and ansible.builtin.uri are compared."""

from __future__ import annotations

from ansible.module_utils.basic import AnsibleModule


def main():
    module = AnsibleModule(argument_spec={"url": {"type": "str", "required": True},
                                          "validate": {"type": "str", "default": "none",
                                                       "choices": ["none", "pydantic", "core"]}},
                           supports_check_mode=True)
    import requests  # pylint: disable=import-outside-toplevel
    from requests.adapters import HTTPAdapter  # pylint: disable=import-outside-toplevel

    session = requests.Session()
    session.mount("http://", HTTPAdapter())
    reply = session.get(module.params["url"], timeout=10)
    body = reply.json()
    if module.params["validate"] == "pydantic":
        from pydantic import BaseModel, ConfigDict, Field  # pylint: disable=import-outside-toplevel

        class Health(BaseModel):  # pylint: disable=too-few-public-methods
            model_config = ConfigDict(extra="allow", populate_by_name=True)
            status: str | None = Field(default=None, alias="status")

        body = Health.model_validate(body).model_dump(by_alias=True)
    elif module.params["validate"] == "core":
        from pydantic_core import SchemaValidator, core_schema  # pylint: disable=import-outside-toplevel

        status = core_schema.nullable_schema(core_schema.str_schema(coerce_numbers_to_str=True))
        fields = {"status": core_schema.typed_dict_field(status, required=False)}
        body = SchemaValidator(core_schema.typed_dict_schema(fields, extra_behavior="allow")).validate_python(body)
    module.exit_json(changed=False, status=reply.status_code, body=body)


if __name__ == "__main__":
    main()
