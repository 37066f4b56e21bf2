# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    # Volcengine specifics: signing region, endpoint host and rate limit (no Volcengine-only options).
    # Formatted for modules: modules cannot declare 'env:', so the environment variables are named in prose.

    DOCUMENTATION = r"""
options: {}
notes:
  - "Volcengine credentials: O(access_key), O(secret_key) and O(security_token) fall back to
    E(VOLCENGINE_ACCESS_KEY), E(VOLC_ACCESSKEY); E(VOLCENGINE_SECRET_KEY), E(VOLC_SECRETKEY); and
    E(VOLCENGINE_SESSION_TOKEN). Options win; the first non-empty variable wins; an empty string counts as unset."
  - "Volcengine region: O(region) is the signing region of the request (Volcengine signature V4) and defaults to
    V(cn-north-1), the only region the Volcengine Live API signs for. E(VOLCENGINE_REGION), which other Volcengine
    products read (often V(cn-beijing)), is ignored. It does not change the endpoint."
  - "Volcengine endpoint: requests go to C(live.volcengineapi.com) unless O(endpoint) is set."
  - "Volcengine rate limit used when O(rate_limit) is not set: 10 requests per second, as documented for
    C(GetPullRecordTask)."
"""
