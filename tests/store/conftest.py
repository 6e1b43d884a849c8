"""A real PostgreSQL server for the store tests, started in a temporary directory.

Uses the machine's PostgreSQL binaries (Debian's ``postgresql``, installed by .ci/system-deps.sh).
As root, the server runs as the ``postgres`` user, which refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """A throwaway PostgreSQL server on a Unix socket in a temporary directory; can be stopped and started."""

    def __init__(self) -> None:
        bindir = _bindir()
        if bindir is None:
            pytest.skip("PostgreSQL server binaries not found (install Debian's postgresql: .ci/system-deps.sh)")
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="stancemap-pg-"))
        self.data, sock, self.port = self.root / "data", self.root / "sock", _port()
        sock.mkdir()
        self.sock = sock
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            if shutil.which("runuser") is None:
                pytest.skip("running as root without runuser: cannot start PostgreSQL as another user")
            shutil.chown(self.root, "postgres")
            shutil.chown(sock, "postgres")
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self.user = "postgres" if self.prefix else os.environ.get("USER", "postgres")
        subprocess.run([*self.prefix, str(bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", self.user],
                       check=True, capture_output=True)
        self.url = f"postgresql://{self.user}@/postgres?host={sock}&port={self.port}"

    def start(self) -> None:
        subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-w", "-l",
                        str(self.root / "log"), "-o", f"-k {self.sock} -p {self.port} -c listen_addresses=''",
                        "start"], check=True, capture_output=True)

    def stop(self) -> None:
        subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
                       capture_output=True)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    server = PgServer()
    server.start()
    try:
        yield server.url
    finally:
        server.remove()


@pytest.fixture
def own_postgres() -> Iterator[PgServer]:
    """A server of the test's own, which the test may stop and start."""
    server = PgServer()
    server.start()
    try:
        yield server
    finally:
        server.remove()


@pytest.fixture
def fresh_postgres(postgres_url: str) -> str:
    """The server with an empty schema (tables dropped between tests)."""
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    return postgres_url
