# shellcheck shell=bash
# The bundled emulator's FAKE credentials (emulator/data/default.yml) in the vendors' own environment variables,
# the ones the modules read for the real clouds. They authenticate nothing anywhere else.
# Use: . tools/emulator-credentials.sh   (after `make emulator` is running)
export ALIBABA_CLOUD_ACCESS_KEY_ID='LTAI5tEmuLat0rAcc3ssKey01'
export ALIBABA_CLOUD_ACCESS_KEY_SECRET='EmuLat0rS3cr3tF0rL1veJ0bsAcc01'
export VOLCENGINE_ACCESS_KEY='AKLTZW11bGF0b3JBY2Nlc3NLZXkwMQ'
export VOLCENGINE_SECRET_KEY='RW11bGF0b3JTZWNyZXRLZXlGb3JMaXZlSm9iczAx'
export HUAWEICLOUD_SDK_AK='HWEMULAT0RAKEXAMPLE1'
export HUAWEICLOUD_SDK_SK='HwEmuLat0rSecretKeyForLiveJobsTests00001'
export HUAWEICLOUD_SDK_PROJECT_ID='0e1d2c3b4a5968778695a4b3c2d1e0f1'
# a second Volcengine account of the emulator (playbooks/events/multi_account.yml)
export LIVE_JOBS_EMU_VOLCENGINE_SECOND_ACCESS_KEY='AKLTZW11bGF0b3JTZWNvbmRBY2NvdW50MDM'
export LIVE_JOBS_EMU_VOLCENGINE_SECOND_SECRET_KEY='RW11bGF0b3JTZWNvbmRBY2NvdW50U2VjcmV0S2V5MDM'
