"""Rate limits count per account: keys (and Huawei X-Auth-Tokens) of one account share one quota."""

import requests

from ansible_collections.mediaops.live_jobs.emulator.credentials import CredentialBook
from ansible_collections.mediaops.live_jobs.emulator.fixture import read_document
from emulator_helpers import (ALIBABA_STS_AK, ALIBABA_STS_SK, ALIBABA_STS_TOKEN, HUAWEI_AUTH_TOKEN, HUAWEI_STS_AK,
                              HUAWEI_STS_SK, HUAWEI_STS_TOKEN, VOLC_SESSION_TOKEN, VOLC_STS_AK, VOLC_STS_SK,
                              alibaba_call, huawei_call, volcengine_call)

# One request per 5 s (burst 1): a second call within the test is always throttled, however slow the machine.
ONE_PER_FIVE_SECONDS = {"ice_record": 0.2, "volc_pull_record": 0.2, "huawei_record": 0.2}


def without_accounts():
    """The default fixture with every `account` removed: each key and token is then its own account."""
    document = read_document(None)
    credentials = document["credentials"]
    for vendor in ("alibaba", "volcengine", "huawei"):
        for entry in credentials[vendor]:
            entry.pop("account")
    credentials["huawei_auth_tokens"] = [entry["token"] for entry in credentials["huawei_auth_tokens"]]
    return document


def alibaba_pair(url):
    """Status codes of a call with the plain key, then one with the STS key."""
    first = alibaba_call(url, "GetLiveRecordJob", {"JobId": "evt-rec-001"})
    second = alibaba_call(url, "GetLiveRecordJob", {"JobId": "evt-rec-001"}, access_key=ALIBABA_STS_AK,
                          secret=ALIBABA_STS_SK, token=ALIBABA_STS_TOKEN)
    return first.status_code, second.status_code


def volcengine_pair(url):
    first = volcengine_call(url, "GetPullRecordTask", {"TaskID": "evt-pull-001"})
    second = volcengine_call(url, "GetPullRecordTask", {"TaskID": "evt-pull-001"}, access_key=VOLC_STS_AK,
                             secret=VOLC_STS_SK, token=VOLC_SESSION_TOKEN)
    return first.status_code, second.status_code


def huawei_triple(url):
    """Status codes of a call with the plain key, the token-bound key and the X-Auth-Token."""
    first = huawei_call(url, "evt-app-1", "evt-rtc-001")
    second = huawei_call(url, "evt-app-1", "evt-rtc-001", access_key=HUAWEI_STS_AK, secret=HUAWEI_STS_SK,
                         token=HUAWEI_STS_TOKEN)
    third = requests.get(url + "/v2/apps/evt-app-1/individual-stream-jobs/evt-rtc-001", timeout=5,
                         headers={"Content-Type": "application/json", "X-Auth-Token": HUAWEI_AUTH_TOKEN})
    return first.status_code, second.status_code, third.status_code


def test_default_fixture_keys_of_one_vendor_share_one_quota(emulator_factory):
    handle = emulator_factory(rate_limits=ONE_PER_FIVE_SECONDS)
    assert alibaba_pair(handle.url) == (200, 400)
    assert volcengine_pair(handle.url) == (200, 429)
    assert huawei_triple(handle.url) == (200, 429, 429)
    expected = {"ice_record": 1, "volc_pull_record": 1, "huawei_record": 2}
    assert handle.control("GET", "stats")["throttled"] == expected


def test_without_accounts_every_key_and_token_has_its_own_quota(emulator_factory):
    handle = emulator_factory(without_accounts(), rate_limits=ONE_PER_FIVE_SECONDS)
    assert alibaba_pair(handle.url) == (200, 200)
    assert volcengine_pair(handle.url) == (200, 200)
    assert huawei_triple(handle.url) == (200, 200, 200)


def test_the_same_key_is_still_limited_without_accounts(emulator_factory):
    handle = emulator_factory(without_accounts(), rate_limits=ONE_PER_FIVE_SECONDS)
    codes = [alibaba_call(handle.url, "GetLiveRecordJob", {"JobId": "evt-rec-001"}).status_code for attempt in range(2)]
    assert codes == [200, 400]


def test_accounts_in_the_credential_book():
    book = CredentialBook.from_fixture({
        "alibaba": [{"access_key_id": "ak1", "access_key_secret": "s1", "account": "team-a"},
                    {"access_key_id": "ak2", "access_key_secret": "s2"}],
        "volcengine": [{"access_key": "vk", "secret_key": "s", "account": "team-v"}],
        "huawei": [{"access_key": "hk", "secret_key": "s", "project_id": 123, "account": "team-h"}],
        "huawei_auth_tokens": ["plain-token", {"token": "team-token", "account": "team-h"}],
    })
    assert (book.alibaba["ak1"].account, book.alibaba["ak2"].account) == ("team-a", "ak2")
    assert (book.volcengine["vk"].account, book.huawei["hk"].account, book.huawei["hk"].project_id) == (
        "team-v", "team-h", "123")
    assert book.huawei_auth_tokens == {"plain-token": "plain-token", "team-token": "team-h"}


def test_default_fixture_accounts():
    book = CredentialBook.from_fixture(read_document(None)["credentials"])
    accounts = {vendor: {c.account for c in getattr(book, vendor).values()} for vendor in ("alibaba", "volcengine",
                                                                                           "huawei")}
    # the second Volcengine account is a different account (events that span two accounts of one vendor)
    assert accounts == {"alibaba": {"emu-alibaba-main"}, "volcengine": {"emu-volcengine-main", "emu-volcengine-second"},
                        "huawei": {"emu-huawei-main"}}
    assert book.huawei_auth_tokens == {HUAWEI_AUTH_TOKEN: "emu-huawei-main"}
