"""Calling the API as one person, with a personal token, as a script would; tests/people.py
gives each shared person one (`alice_api`, `new_alice_api`, `bob_api`)."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.models import User
from django.test import Client

from openplate.accounts.tokens import create_token

PREFIX = "/api"


class ApiClient:
    """`alice.post("/entries", {...})` sends JSON to /api/entries with alice's token."""

    def __init__(self, user: User) -> None:
        self.user = user
        _, self.token = create_token(user, "tests")
        self.client = Client(HTTP_AUTHORIZATION=f"Bearer {self.token}")

    def get(self, path: str, **query: Any) -> Any:
        return self.client.get(PREFIX + path, query)

    def post(self, path: str, body: Any = None) -> Any:
        return self._send("post", path, body)

    def put(self, path: str, body: Any = None) -> Any:
        return self._send("put", path, body)

    def patch(self, path: str, body: Any = None) -> Any:
        return self._send("patch", path, body)

    def delete(self, path: str) -> Any:
        return self.client.delete(PREFIX + path)

    def _send(self, method: str, path: str, body: Any) -> Any:
        data = "" if body is None else json.dumps(body)
        send = getattr(self.client, method)
        return send(PREFIX + path, data, content_type="application/json")


def locations(response: Any) -> list[list[Any]]:
    """The `loc` of every error in a 422 answer."""
    assert response.status_code == 422, response.content
    return [error["loc"] for error in response.json()["detail"]]
