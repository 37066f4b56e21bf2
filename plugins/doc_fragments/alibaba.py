# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    # Alibaba Cloud specifics: request signing, region and endpoint hosts.
    # Formatted for modules: modules cannot declare 'env:', so the environment variables are named in prose.

    DOCUMENTATION = r"""
options:
  signature_version:
    description:
      - How requests to Alibaba Cloud are signed.
      - V(v3) is the V3 signature (C(ACS3-HMAC-SHA256)), the vendor's current scheme.
      - V(v1) is the RPC signature (C(HMAC-SHA1)), for gateways and proxies that only accept the older scheme.
    type: str
    choices: [v3, v1]
    default: v3
notes:
  - "Alibaba Cloud credentials: O(access_key), O(secret_key) and O(security_token) fall back to
    E(ALIBABA_CLOUD_ACCESS_KEY_ID), E(ALICLOUD_ACCESS_KEY_ID), E(ALICLOUD_ACCESS_KEY);
    E(ALIBABA_CLOUD_ACCESS_KEY_SECRET), E(ALICLOUD_ACCESS_KEY_SECRET), E(ALICLOUD_SECRET_KEY);
    and E(ALIBABA_CLOUD_SECURITY_TOKEN), E(ALICLOUD_SECURITY_TOKEN). O(region) falls back to
    E(ALIBABA_CLOUD_REGION_ID), E(ALICLOUD_REGION_ID), E(ALICLOUD_REGION). Options win; the first non-empty
    variable wins; an empty string counts as unset."
  - "Alibaba Cloud endpoints: Intelligent Media Services (ICE) jobs are read from C(ice.<region>.aliyuncs.com), so
    O(region) (or one of its environment variables) is required unless O(endpoint) is set. ApsaraVideo Live edge
    transcoding jobs are read from C(live.ap-southeast-1.aliyuncs.com) for V(ap-southeast-1),
    C(live.eu-central-1.aliyuncs.com) for V(eu-central-1), and C(live.aliyuncs.com) otherwise."
  - "Alibaba Cloud rate limits used when O(rate_limit) is not set: 50 requests per second for ICE (Alibaba documents
    no limit for these calls; 50 per second was chosen, and throttling from an account with a lower quota is absorbed
    by the retries), and 100 requests per second for ApsaraVideo Live C(GetEdgeTranscodeJob) (6,000 calls per minute,
    as documented)."
"""
