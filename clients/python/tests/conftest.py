"""Starts a real ``keyport serve`` (with its own PostgreSQL) for the tests."""

import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
import pytest

OPERATOR_SECRET = "sdk-test-operator-secret"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def keyport_url():
    binary = os.environ.get("KEYPORT_BIN", str(Path.home() / ".cache/keyport-target/debug/keyport"))
    data_dir = tempfile.mkdtemp(prefix="keyport-sdk-")
    port = _free_port()
    env = dict(
        os.environ,
        KEYPORT_BIND=f"127.0.0.1:{port}",
        KEYPORT_DATA_DIR=data_dir,
        KEYPORT_BOOTSTRAP_OPERATOR_SECRET=OPERATOR_SECRET,
        KEYPORT_LOG="warn",
        KEYPORT_WEBHOOK_ALLOW_PRIVATE="true",
    )
    server = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{url}/readyz").status_code == 200:
                break
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    yield url
    server.send_signal(2)
    server.wait(timeout=30)
    subprocess.run(["rm", "-rf", data_dir], check=False)
