# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    # Huawei Cloud SparkRTC specifics: application, project and token authentication.
    # Formatted for modules: modules cannot declare 'env:', so the environment variables are named in prose.

    DOCUMENTATION = r"""
options:
  app_id:
    description:
      - Huawei Cloud SparkRTC application ID the jobs belong to.
      - Required when the module talks to Huawei Cloud.
    type: str
  project_id:
    description:
      - Huawei Cloud project ID, sent as the C(X-Project-Id) header.
      - Required with AK/SK signing (O(access_key) and O(secret_key)); not needed with O(auth_token).
      - If not set, or set to an empty string, it is read from E(HUAWEICLOUD_SDK_PROJECT_ID).
    type: str
  auth_token:
    description:
      - Huawei Cloud IAM user token (the C(X-Subject-Token) that IAM returns), sent as the C(X-Auth-Token) header
        instead of signing the request with AK/SK.
      - When set, it takes precedence over O(access_key) and O(secret_key), and O(project_id) is not required.
      - This is a secret; it is never returned or logged. It has no environment variable.
    type: str
notes:
  - "Huawei Cloud credentials: either AK/SK signing (C(SDK-HMAC-SHA256)) with O(access_key), O(secret_key),
    optionally O(security_token), and O(project_id), or token authentication with O(auth_token). They fall back to
    E(HUAWEICLOUD_SDK_AK), E(HUAWEICLOUD_SDK_SK), E(HUAWEICLOUD_SDK_SECURITY_TOKEN) and E(HUAWEICLOUD_SDK_PROJECT_ID).
    Options win; an empty string counts as unset."
  - "Huawei Cloud endpoint: requests go to C(rtc-api.myhuaweicloud.com) unless O(endpoint) is set. O(region) is not
    used."
  - "Huawei Cloud rate limit used when O(rate_limit) is not set: 10 requests per second."
"""
