from ansible_collections.mediaops.live_jobs.plugins.module_utils._errors import ApiError


def test_api_error_message_names_code_status_and_request_id():
    err = ApiError("alibaba", "JobNotFound", "No such job.", 404, "REQ-1")
    assert str(err) == "alibaba error JobNotFound: No such job.; HTTP status 404; request id REQ-1"
    assert err.to_dict() == {
        "provider": "alibaba", "code": "JobNotFound", "message": "No such job.",
        "http_status": 404, "request_id": "REQ-1", "retryable": False,
    }
