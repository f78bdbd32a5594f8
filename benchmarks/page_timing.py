"""Timing a page as the server spends it: GETs through the whole Django stack in-process
(middleware, session, view, template) with the test client, minus the network."""

from __future__ import annotations

import statistics
import time


def latency_ms(latencies: list[float]) -> dict[str, float]:
    """p50, p95 and max of `latencies` (milliseconds)."""
    ordered = sorted(latencies)
    return {
        "p50_ms": statistics.median(ordered),
        "p95_ms": ordered[int(0.95 * (len(ordered) - 1))],
        "max_ms": ordered[-1],
    }


def time_page(user: object, url: str, requests: int) -> dict[str, float]:
    """Latency statistics of `requests` GETs of `url` by `user`, after one warm-up GET
    (templates, query plans)."""
    from django.test import Client

    client = Client(HTTP_HOST="localhost")  # a host the real settings allow
    client.force_login(user)  # type: ignore[arg-type]
    assert client.get(url).status_code == 200
    latencies = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url)
        latencies.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return latency_ms(latencies) | {"requests": len(latencies)}
