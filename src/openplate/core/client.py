"""The address a request came from, through as many reverse proxies as the settings trust."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or with TRUSTED_PROXY_COUNT proxies in front, the X-Forwarded-For entry
    that many from the right: each proxy appends the address it was reached from, so entries
    further left were written by the client and prove nothing. A header shorter than that
    (a request that bypassed a proxy) gives its leftmost entry."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies: int = settings.TRUSTED_PROXY_COUNT
    if proxies == 0:
        return remote
    forwarded = [
        entry.strip()
        for entry in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
        if entry.strip()
    ]
    if not forwarded:
        return remote
    return forwarded[-min(proxies, len(forwarded))]
