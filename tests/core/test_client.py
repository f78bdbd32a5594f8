"""The client's address through the trusted proxies: each proxy appends the address it was
reached from to X-Forwarded-For, so only the entries the trusted proxies wrote can be believed."""

from __future__ import annotations

from django.http import HttpRequest
from django.test import RequestFactory, override_settings
from hypothesis import given
from hypothesis import strategies as st

from openplate.core.client import client_address

addresses = st.ip_addresses().map(str)


def request_from(remote: str, forwarded: str | None = None) -> HttpRequest:
    headers = {} if forwarded is None else {"X-Forwarded-For": forwarded}
    return RequestFactory().get("/", REMOTE_ADDR=remote, headers=headers)


@given(client=addresses, proxy=addresses, claimed=st.lists(addresses, max_size=4))
def test_with_no_trusted_proxy_the_header_is_ignored(
    client: str, proxy: str, claimed: list[str]
) -> None:
    with override_settings(TRUSTED_PROXY_COUNT=0):
        request = request_from(client, ", ".join([*claimed, proxy]))
        assert client_address(request) == client


@given(
    client=addresses,
    forged=st.lists(addresses, max_size=3),
    proxies=st.lists(addresses, min_size=1, max_size=3),
)
def test_behind_n_proxies_the_client_is_what_the_outermost_proxy_saw(
    client: str, forged: list[str], proxies: list[str]
) -> None:
    """The client may send any X-Forwarded-For; the first proxy appends the client's real
    address, each further proxy the address of the one before it."""
    chain = [*forged, client, *proxies[:-1]]  # what reaches OpenPlate from the last proxy
    with override_settings(TRUSTED_PROXY_COUNT=len(proxies)):
        request = request_from(proxies[-1], ", ".join(chain))
        assert client_address(request) == client


def test_a_request_that_bypassed_a_proxy_gives_the_address_a_proxy_wrote() -> None:
    with override_settings(TRUSTED_PROXY_COUNT=2):
        request = request_from("10.0.0.2", "198.51.100.7")
        assert client_address(request) == "198.51.100.7"


def test_behind_a_proxy_without_the_header_the_peer_is_the_client() -> None:
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert client_address(request_from("203.0.113.9")) == "203.0.113.9"
