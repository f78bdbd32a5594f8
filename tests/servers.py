"""A real OpenPlate server in a process of its own, for the tests that talk to one over HTTP:
started on a free port, waited for until its health check answers, and stopped at the end."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

STARTUP_SECONDS = 120  # a first start on an empty folder loads the foods; a busy machine is slow
STOP_SECONDS = 30


@dataclass(frozen=True)
class Server:
    url: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running(
    command: Callable[[int], list[str]],
    env: Mapping[str, str],
    log: Path,
    *,
    log_stdout: bool = True,
) -> Iterator[Server]:
    """The server `command(port)` starts, once its /healthz answers "ok"; its stderr (and its
    stdout, unless `log_stdout` is false) goes to `log`."""
    port = free_port()
    with log.open("w") as output:
        process = subprocess.Popen(
            command(port),
            env=dict(env),
            stdout=output if log_stdout else subprocess.DEVNULL,
            stderr=output,
        )
    try:
        server = Server(f"http://127.0.0.1:{port}", port, process, log)
        _wait_until_up(server)
        yield server
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"the server exited {server.process.returncode}:\n{server.log.read_text()}")
        try:
            with urllib.request.urlopen(f"{server.url}/healthz", timeout=5) as response:
                if (response.status, response.read()) == (200, b"ok"):
                    return
        except OSError:  # not listening yet (URLError and ConnectionError are OSErrors)
            pass
        time.sleep(0.1)
    pytest.fail(
        f"no answer on {server.url}/healthz in {STARTUP_SECONDS} s:\n{server.log.read_text()}"
    )
