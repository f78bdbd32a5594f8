"""Every error under /api/ is JSON in the one shape, and the OpenAPI document lists them."""

import pytest
from django.test import Client, override_settings

from openplate.core.api_errors import errors_of

pytestmark = pytest.mark.django_db


def the_one_shape(response, status, error_type):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    [error] = response.json()["detail"]
    assert (error["type"], error["loc"]) == (error_type, [])
    assert error["msg"]
    return error


def test_an_address_the_api_does_not_have(alice_api):
    the_one_shape(alice_api.get("/no-such-thing"), 404, "not_found")


def test_an_id_that_is_no_number(alice_api):
    the_one_shape(alice_api.get("/entries/abc"), 404, "not_found")


def test_another_persons_or_a_missing_entry(alice_api):
    the_one_shape(alice_api.get("/entries/999999"), 404, "not_found")


def test_a_method_the_address_does_not_take(alice_api):
    response = alice_api.client.generic("TRACE", "/api/profile")
    the_one_shape(response, 405, "method_not_allowed")
    assert "GET" in response["Allow"]


def test_a_body_that_is_not_json(alice_api):
    response = alice_api.client.post("/api/entries", "{oops", content_type="application/json")
    the_one_shape(response, 400, "bad_request")


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_a_body_over_the_limit(alice_api):
    body = '{"text": "' + "x" * 2000 + '"}'
    response = alice_api.client.post("/api/parse", body, content_type="application/json")
    the_one_shape(response, 413, "too_large")


def test_a_body_over_the_default_limit_of_2_5_mb(alice_api):
    body = '{"text": "' + "x" * 2_700_000 + '"}'
    response = alice_api.client.post("/api/parse", body, content_type="application/json")
    the_one_shape(response, 413, "too_large")


def test_no_credentials():
    the_one_shape(Client().get("/api/profile"), 401, "unauthorized")


def test_a_session_call_without_its_csrf_token(alice):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    response = browser.post("/api/water", {"date": "2025-03-03"}, content_type="application/json")
    the_one_shape(response, 403, "forbidden")


def test_a_server_error(alice_api, monkeypatch):
    from openplate.diary import services

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(services, "entry_rows_on", broken)
    client = Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {alice_api.token}")
    error = the_one_shape(client.get("/api/entries", {"date": "2025-03-03"}), 500, "server_error")
    assert "a bug" not in error["msg"]


def test_the_pages_keep_their_own_error_pages(alice_browser):
    response = alice_browser.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_lone_surrogate_in_a_nutrients_key_is_answered_as_json(alice_api):
    body = '{"name": "Stew", "nutrients": {"\\ud800": "x", "energy_kcal": 90}}'
    response = alice_api.client.post("/api/foods", body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"]


# --- the OpenAPI document ----------------------------------------------------------------------


def served_schema():
    return Client().get("/api/openapi.json").json()


def test_every_operation_lists_its_errors_with_their_schema():
    schema = served_schema()
    shared = schema["components"]["responses"]
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            listed = {int(status) for status in operation["responses"] if int(status) >= 400}
            assert {401, 429} <= listed, (method, path)
            if "{" in path:
                assert 404 in listed, (method, path)
            if "requestBody" in operation:
                assert {400, 413, 422} <= listed, (method, path)
            for status in listed:
                response = operation["responses"][str(status)]
                if "$ref" in response:
                    response = shared[response["$ref"].rsplit("/", 1)[1]]
                content = response["content"]["application/json"]["schema"]
                assert content == {"$ref": "#/components/schemas/Errors"}, (method, path, status)


def test_a_change_may_be_refused_for_a_missing_csrf_token_and_a_read_not():
    assert 403 in errors_of("post", {"responses": {}})
    assert 403 not in errors_of("get", {"responses": {}})


def test_ids_and_lengths_carry_their_limits():
    schema = served_schema()
    [entry_id] = schema["paths"]["/api/entries/{entry_id}"]["get"]["parameters"]
    assert (entry_id["schema"]["minimum"], entry_id["schema"]["maximum"]) == (1, 2**63 - 1)
    search = {p["name"]: p["schema"] for p in schema["paths"]["/api/foods"]["get"]["parameters"]}
    assert search["q"]["maxLength"] == 200
